//! `/imprese/candidati`: verified businesses search the visible profiles.
//! A plain GET form (every search is an address, it works without
//! JavaScript); with the wasm the results change without reloading.

use crate::candidates::api::search_candidates;
use crate::candidates::domain::{CandidateCard, CandidateQuery, CandidateResults};
use crate::components::async_data::with_data;
use crate::components::filters_fold::{count_set, FiltersFold};
use crate::components::place_filter::ComuneRadius;
use crate::cv::domain::{CEFR_LEVELS, LICENCES};
use crate::i18n::*;
use crate::kernel::decimals::fixed;
use crate::kernel::labels::{label_of, pick};
use crate::network::api::list_comuni;
use crate::offers::domain::{CONTRACTS, EDUCATION};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

fn query_from(map: &leptos_router::params::ParamsMap) -> CandidateQuery {
    let get = |k: &str| map.get(k).unwrap_or_default();
    CandidateQuery {
        q: get("q"),
        comune: get("comune"),
        km: get("km"),
        lingua: get("lingua"),
        livello: get("livello"),
        patente: get("patente"),
        istruzione: get("istruzione"),
        disponibile: get("disponibile"),
        esperienza: get("esperienza"),
        contratto: get("contratto"),
        ordina: get("ordina"),
        pagina: get("pagina"),
    }
}

#[component]
pub fn CandidatesPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let map = use_query_map();
    let query = Memo::new(move |_| query_from(&map.read()));
    let results = Resource::new(move || query.get(), search_candidates);
    let comuni = Resource::new(|| (), |_| list_comuni());
    let title = td_string!(l, candidates_search.find_candidates);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{td_string!(l, candidates_search.people_who_chose_to)}</p>
        <p class="mb-6"><a href="/imprese/liste">{td_string!(l, candidates_search.your_candidate_lists)}</a></p>
        <div class="grid gap-8 lg:grid-cols-[1fr_2fr]">
            {with_data(comuni, move |comuni| view! { <Filters comuni query/> })}
            <div>{with_data(results, move |r| view! { <Results r query/> })}</div>
        </div>
    }
}

fn options(list: impl IntoIterator<Item = (String, String)>, any: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), any.to_string()))
        .chain(list)
        .collect()
}

#[component]
fn Select(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    current: String,
) -> impl IntoView {
    let id = format!("filtro-{name}");
    let target = id.clone();
    view! {
        <div class="flex flex-col">
            <label for=target class="font-semibold">{label}</label>
            <select id=id name=name class="input">
                {options.into_iter().map(|(v, t)| { let on = v == current; view! { <option value=v selected=on>{t}</option> } }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(
    comuni: Vec<crate::network::domain::Comune>,
    query: Memo<CandidateQuery>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let q = query.get_untracked();
    let any = td_string!(l, candidates_search.any);
    let levels = options(
        CEFR_LEVELS.iter().map(|c| {
            (
                c.to_string(),
                format!("{} {c}", td_string!(l, candidates_search.at_least)),
            )
        }),
        any,
    );
    let licences = options(LICENCES.iter().map(|c| (c.to_string(), c.to_string())), any);
    let education = options(
        EDUCATION
            .iter()
            .filter(|(c, _)| *c != "0")
            .map(|(c, label)| (c.to_string(), pick(*label, english).to_string())),
        any,
    );
    let years = options(
        ["1", "2", "3", "5", "10"].iter().map(|y| {
            (
                y.to_string(),
                format!(
                    "{} {y} {}",
                    td_string!(l, candidates_search.at_least),
                    td_string!(l, candidates_search.years)
                ),
            )
        }),
        any,
    );
    let contracts = options(
        CONTRACTS
            .iter()
            .map(|(c, label)| (c.to_string(), pick(*label, english).to_string())),
        any,
    );
    let sorts = vec![
        (
            "".to_string(),
            td_string!(l, candidates_search.most_relevant).to_string(),
        ),
        (
            "recenti".to_string(),
            td_string!(l, candidates_search.recently_updated).to_string(),
        ),
    ];
    let active = count_set([
        q.comune.as_str(),
        q.lingua.as_str(),
        q.livello.as_str(),
        q.patente.as_str(),
        q.istruzione.as_str(),
        q.esperienza.as_str(),
        q.contratto.as_str(),
        q.disponibile.as_str(),
    ]);
    view! {
        <Form method="GET" on_form_data=crate::components::form::without_unnamed_fields() action="" attr:class="card h-fit" attr:aria-label=td_string!(l, candidates_search.filters)>
            <div class="mb-4 flex flex-col">
                <label for="filtro-q" class="font-semibold">{td_string!(l, candidates_search.skills_or_role)}</label>
                <input id="filtro-q" name="q" class="input" maxlength=crate::kernel::text::MAX_QUERY_CHARS value=q.q.clone() placeholder=td_string!(l, candidates_search.e_g_warehouse_forklift)/>
            </div>
            <FiltersFold active=active>
                <div class="mb-4 grid gap-4">
                    <ComuneRadius comuni comune=Signal::stored(q.comune.clone()) km=Signal::stored(q.km.clone())/>
                </div>
                <div class="grid gap-4">
                    <div class="flex flex-col">
                        <label for="filtro-lingua" class="font-semibold">{td_string!(l, candidates_search.language)}</label>
                        <input id="filtro-lingua" name="lingua" class="input" value=q.lingua.clone() placeholder=td_string!(l, candidates_search.e_g_english)/>
                    </div>
                    <Select name="livello" label=td_string!(l, candidates_search.least_language_level).into() options=levels current=q.livello.clone()/>
                    <Select name="patente" label=td_string!(l, candidates_search.driving_licence).into() options=licences current=q.patente.clone()/>
                    <Select name="istruzione" label=td_string!(l, candidates_search.least_education).into() options=education current=q.istruzione.clone()/>
                    <Select name="esperienza" label=td_string!(l, candidates_search.experience).into() options=years current=q.esperienza.clone()/>
                    <Select name="contratto" label=td_string!(l, candidates_search.contract).into() options=contracts current=q.contratto.clone()/>
                    <div class="flex flex-col">
                        <label for="filtro-disponibile" class="font-semibold">{td_string!(l, candidates_search.available_by)}</label>
                        <input id="filtro-disponibile" name="disponibile" type="date" class="input" value=q.disponibile.clone()/>
                    </div>
                    <Select name="ordina" label=td_string!(l, candidates_search.sort_by).into() options=sorts current=q.ordina.clone()/>
                </div>
            </FiltersFold>
            <button type="submit" class="btn-primary mt-4">{td_string!(l, candidates_search.search)}</button>
        </Form>
    }
}

#[component]
fn Results(r: CandidateResults, query: Memo<CandidateQuery>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let count = if r.total == 1 {
        td_string!(l, candidates_search.n1_candidate).to_string()
    } else {
        format!(
            "{} {}",
            r.total,
            td_string!(l, candidates_search.candidates)
        )
    };
    let facet = move |name: &'static str, code: String, label: String, n: i64| {
        let mut q = query.get_untracked();
        match name {
            "patente" => q.patente = code,
            _ => q.contratto = code,
        }
        q.pagina.clear();
        view! { <li><a class="filter-chip" href=format!("?{}", q.to_query_string())>{format!("{label} ({n})")}</a></li> }
    };
    view! {
        <p class="mb-2 text-xl font-bold" role="status" data-testid="conteggio">{count}</p>
        <p class="mb-4 text-base text-slate-700">{format!("{} {}", td_string!(l, candidates_search.profiles_you_can_still), r.views_left)}</p>
        {(!r.per_licence.is_empty()).then(|| view! {
            <p class="font-semibold">{td_string!(l, candidates_search.by_licence)}</p>
            <ul class="mb-3 flex flex-wrap gap-2">{r.per_licence.iter().map(|(c, n)| facet("patente", c.clone(), c.clone(), *n)).collect_view()}</ul>
        })}
        {(!r.per_contract.is_empty()).then(|| view! {
            <p class="font-semibold">{td_string!(l, candidates_search.by_contract_sought)}</p>
            <ul class="mb-4 flex flex-wrap gap-2">{r.per_contract.iter().map(|(c, n)| facet("contratto", c.clone(), label_of(&CONTRACTS, c, english).to_string(), *n)).collect_view()}</ul>
        })}
        {(r.total == 0).then(|| view! { <p class="notice" data-testid="nessun-risultato">{td_string!(l, candidates_search.no_profile_with_these)}</p> })}
        <ul class="grid gap-4">{r.items.into_iter().map(|c| view! { <Card c/> }).collect_view()}</ul>
        {(r.pages > 1).then(|| {
            let page = |n: usize| { let mut q = query.get_untracked(); q.pagina = n.to_string(); format!("?{}", q.to_query_string()) };
            view! {
                <nav class="mt-6 flex gap-4" aria-label=td_string!(l, candidates_search.pages)>
                    {(r.page > 1).then(|| view! { <a href=page(r.page - 1)>{td_string!(l, candidates_search.previous)}</a> })}
                    <span>{format!("{} {} {} {}", td_string!(l, candidates_search.page), r.page, td_string!(l, candidates_search.of), r.pages)}</span>
                    {(r.page < r.pages).then(|| view! { <a href=page(r.page + 1)>{td_string!(l, candidates_search.next)}</a> })}
                </nav>
            }
        })}
    }
}

/// What a profile shows in a list: the job side only.
#[component]
pub fn Card(c: CandidateCard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let title = if c.roles.is_empty() {
        c.headline.clone()
    } else {
        c.roles.clone()
    };
    let title = if title.is_empty() {
        format!("{} {}", td_string!(l, candidates_search.profile), c.id)
    } else {
        title
    };
    let mut place = c.comune_name.clone();
    if let Some(d) = c.distance_km.filter(|d| *d >= 0.5) {
        place.push_str(&format!(" · {} km", fixed(d, 0)));
    }
    place.push_str(&format!(
        " · {} {} km",
        td_string!(l, candidates_search.travels_up_to),
        c.travel_km
    ));
    let languages = c
        .languages
        .iter()
        .map(|(lang, level)| format!("{lang} {level}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="card" data-testid="candidato">
            <h2 class="card-title"><a href=format!("/imprese/candidati/{}", c.id)>{title}</a></h2>
            {(!c.headline.is_empty()).then(|| view! { <p class="mb-2">{c.headline.clone()}</p> })}
            <dl class="facts">
                <dt>{td_string!(l, candidates_search.where_text)}</dt><dd data-testid="luogo">{place}</dd>
                <dt>{td_string!(l, candidates_search.available)}</dt><dd>{match c.available_in_weeks { 0 => td_string!(l, candidates_search.now).to_string(), 1 => td_string!(l, candidates_search.in_one_week).to_string(), n => td_string!(l, candidates_search.in_weeks, n = n).to_string() }}</dd>
                <dt>{td_string!(l, candidates_search.experience)}</dt><dd>{if c.years == 1 { td_string!(l, candidates_search.one_year).to_string() } else { format!("{} {}", c.years, td_string!(l, candidates_search.years)) }}</dd>
                {(!languages.is_empty()).then(|| view! { <dt>{td_string!(l, candidates_search.languages)}</dt><dd>{languages}</dd> })}
                {(!c.licences.is_empty()).then(|| view! { <dt>{td_string!(l, candidates_search.licence)}</dt><dd>{c.licences.join(", ")}</dd> })}
                {(c.education_level > 0).then(|| view! { <dt>{td_string!(l, candidates_search.education)}</dt><dd>{label_of(&EDUCATION, &c.education_level.to_string(), english)}</dd> })}
            </dl>
        </li>
    }
}
