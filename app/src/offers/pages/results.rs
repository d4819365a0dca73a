//! The results of `/offerte`: the count (announced to screen readers), the
//! offers, the facet counts, the province map with a count per comune, the
//! pages, and what to try when nothing matches.

use super::OfferCard;
use crate::components::map::{
    clicked_point, map_svg_with, MapCounts, MapCredit, MapText, ShadeLegend,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::labels::{label_of, pick};
use crate::network::domain::Comune;
use crate::offers::domain::{OfferQuery, SearchResults, CONTRACTS, KINDS};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Results(
    results: Resource<Result<SearchResults, AppError>>,
    query: Memo<OfferQuery>,
    comuni: Vec<Comune>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let pending = RwSignal::new(false);
    view! {
        // A transition keeps the previous results on screen while the next
        // arrive: no flicker while typing.
        <Transition fallback=move || view! { <p>{td_string!(l, offers_results.loading)}</p> } set_pending=pending.write_only()>
            {move || {
                let comuni = comuni.clone();
                results.get().map(move |r| match r {
                    Ok(r) => view! { <Found r query=query.get_untracked() comuni pending/> }.into_any(),
                    Err(e) => view! { <p class="notice" role="alert">{e.user_message()}</p> }.into_any(),
                })
            }}
        </Transition>
        <p class="sr-only">{td_string!(l, offers_results.results_update_as_you)}</p>
    }
}

/// The same search with one thing changed, from its first page.
fn with(query: &OfferQuery, change: impl FnOnce(&mut OfferQuery)) -> String {
    let mut q = query.first_page();
    change(&mut q);
    q.href()
}

#[component]
fn Found(
    r: SearchResults,
    query: OfferQuery,
    comuni: Vec<Comune>,
    pending: RwSignal<bool>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let noun = if r.total == 1 {
        td_string!(l, offers_results.offer)
    } else {
        td_string!(l, offers_results.offers)
    };
    let q = query.clone();
    let svg = map_svg_with(
        &comuni,
        query.comune.first().map(String::as_str),
        MapText {
            title: td_string!(l, offers_results.map_of_the_municipalities),
            desc: td_string!(l, offers_results.each_point_is_a),
            in_network: "",
            sea: td_string!(l, map.sea),
        },
        &|c| with(&q, |q| q.comune = vec![c.slug.clone()]),
        Some(MapCounts {
            per_comune: &r.per_comune,
            noun: td_string!(l, offers_results.offers),
        }),
    );
    let facet = |title: &'static str,
                 counts: &[(String, i64)],
                 list: &[(&'static str, crate::kernel::labels::Label)],
                 field: &'static str| {
        let links: Vec<_> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(code, n)| {
                let code = code.clone();
                let href = with(&query, |q| match field {
                    "tipo" => q.tipo = code.clone(),
                    _ => q.contratto = code.clone(),
                });
                view! { <li><a href=href>{format!("{} ({n})", label_of(list, &code, english))}</a></li> }
            })
            .collect();
        view! {
            <div class="mb-4">
                <h3 class="font-semibold">{title}</h3>
                <ul class="flex flex-wrap gap-x-4 gap-y-1" data-testid=format!("facet-{field}")>{links}</ul>
            </div>
        }
    };
    let empty = r.total == 0;
    let suggestions = empty.then(|| suggestions(&query, l));
    let page_link = |page: usize| {
        let mut q = query.clone();
        q.pagina = if page <= 1 {
            String::new()
        } else {
            page.to_string()
        };
        q.href()
    };
    let feed = format!("/offerte/feed.xml?{}", query.first_page().to_query_string());
    let navigate = StoredValue::new(use_navigate());
    let follow_point = move |ev: leptos::ev::MouseEvent| {
        if let Some(href) = clicked_point(&ev) {
            ev.prevent_default();
            navigate.with_value(|nav| nav(&href, Default::default()));
        }
    };
    view! {
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <section aria-labelledby="risultati" aria-busy=move || pending.get().then_some("true")>
                // The count is a live region of its own: a heading that is a
                // status would be read twice and break the outline.
                <h2 id="risultati" class="sr-only">{td_string!(l, offers_results.search_results)}</h2>
                <p class="section-title" data-testid="conteggio" role="status">{format!("{} {noun}", r.total)}</p>
                {suggestions}
                <ul class="grid gap-4">
                    {r.items.into_iter().map(|offer| view! { <OfferCard offer/> }).collect_view()}
                </ul>
                {(r.pages > 1).then(|| view! {
                    <nav aria-label=td_string!(l, offers_results.result_pages) class="mt-6 flex flex-wrap items-center gap-4">
                        {(r.page > 1).then(|| view! { <a href=page_link(r.page - 1) rel="prev">{td_string!(l, offers_results.previous_page)}</a> })}
                        <span>{format!("{} {} {} {}", td_string!(l, offers_results.page), r.page, td_string!(l, offers_results.of), r.pages)}</span>
                        {(r.page < r.pages).then(|| view! { <a href=page_link(r.page + 1) rel="next">{td_string!(l, offers_results.next_page)}</a> })}
                    </nav>
                })}
            </section>
            <aside>
                <figure class="map-figure mb-6">
                    <div class="map-canvas" inner_html=svg on:click=follow_point></div>
                    <figcaption class="mt-2 text-base">{td_string!(l, offers_results.choose_a_municipality_on)}</figcaption>
                    <ShadeLegend/>
                    <MapCredit/>
                </figure>
                {(r.remote_only > 0).then(|| view! {
                    <p class="mb-4"><a href=with(&query, |q| { q.comune.clear(); q.km.clear(); q.remoto = "totale".into(); })>
                        {format!("{} {}", r.remote_only, td_string!(l, offers_results.remote_offers_with_no))}
                    </a></p>
                })}
                {facet(td_string!(l, offers_results.by_type), &r.per_kind, &KINDS, "tipo")}
                {facet(td_string!(l, offers_results.by_contract), &r.per_contract, &CONTRACTS, "contratto")}
                <p class="mt-4 text-base"><a href=feed rel="alternate" type="application/atom+xml">
                    {td_string!(l, offers_results.these_offers_in_your)}
                </a></p>
            </aside>
        </div>
    }
}

/// Nothing found: wider radius, or each filter in use taken away.
fn suggestions(query: &OfferQuery, l: Locale) -> impl IntoView {
    let english = l == Locale::en;
    let mut tips: Vec<(String, String)> = Vec::new();
    if !query.comune.is_empty() {
        let km = match query.km.as_str() {
            "" | "5" => "15",
            "10" | "15" => "25",
            _ => "50",
        };
        if query.km != "50" {
            tips.push((
                with(query, |q| q.km = km.into()),
                format!(
                    "{} {km} km",
                    td_string!(l, offers_results.widen_the_search_to)
                ),
            ));
        }
        tips.push((
            with(query, |q| {
                q.comune.clear();
                q.km.clear();
            }),
            td_string!(l, offers_results.search_the_whole_province).into(),
        ));
    }
    if !query.q.is_empty() {
        tips.push((
            with(query, |q| q.q.clear()),
            format!(
                "{} «{}»",
                td_string!(l, offers_results.drop_the_words),
                query.q
            ),
        ));
    }
    for (field, value, list) in [
        ("tipo", &query.tipo, &KINDS[..]),
        ("contratto", &query.contratto, &CONTRACTS[..]),
    ] {
        if !value.is_empty() {
            let label = list
                .iter()
                .find(|(c, _)| c == value)
                .map_or("", |(_, l)| pick(*l, english));
            tips.push((
                with(query, |q| {
                    if field == "tipo" {
                        q.tipo.clear()
                    } else {
                        q.contratto.clear()
                    }
                }),
                format!(
                    "{} «{label}»",
                    td_string!(l, offers_results.remove_the_filter)
                ),
            ));
        }
    }
    view! {
        <div class="notice mb-6" data-testid="nessun-risultato">
            <p>{td_string!(l, offers_results.no_offer_matches_these)}</p>
            <ul class="list-disc pl-6">
                {tips.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                <li><a href="/offerte">{td_string!(l, offers_results.remove_every_filter)}</a></li>
            </ul>
        </div>
    }
}
