//! `/offerte`: the search. The address holds the whole search (a plain GET
//! form, so it works without JavaScript and every search is a link); with the
//! wasm, results follow the text as it is typed and each filter as it
//! changes, and back and forward bring a search back.

use super::results::Results;
use crate::components::filters_fold::{count_set, FiltersFold};
use crate::components::page_meta::PageMeta;
use crate::components::place_filter::ComuneRadius;
use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::labels::{pick, Label};
use crate::network::api::list_comuni_for_map;
use crate::offers::api::{search_offers, SaveSearch};
use crate::offers::domain::{
    OfferQuery, SearchResults, Viewer, CONTRACTS, EDUCATION, KINDS, POSTED_WITHIN, REMOTE_MODES,
    SECTORS, SORTS, WORKING_TIMES,
};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::time::Duration;

/// The value of one filter of the search, by its parameter name.
fn field_of(q: &OfferQuery, name: &str) -> String {
    // The sort list has no empty choice: relevance is the default.
    match q.get(name) {
        sort if name == "ordina" && sort.is_empty() => "rilevanza".into(),
        value => value,
    }
}

/// Moves to the search `query`, replacing the current history entry while
/// typing (one entry per search, not per letter).
fn go_to(navigate: &impl Fn(&str, NavigateOptions), query: &OfferQuery, replace: bool) {
    navigate(
        &query.href(),
        NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        },
    );
}

#[component]
pub fn OffersPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let map = query_map.read();
        let mut q = OfferQuery::from_pairs(
            [
                "q",
                "km",
                "tipo",
                "contratto",
                "settore",
                "orario",
                "remoto",
                "entro",
                "istruzione",
                "ordina",
                "pagina",
            ]
            .into_iter()
            .map(|k| (k, map.get(k).unwrap_or_default())),
        );
        q.comune = map.get_all("comune").unwrap_or_default();
        q
    });
    let unsubscribed = query_map.read_untracked().get("avviso").as_deref() == Some("annullato");
    let comuni = Resource::new(|| (), |_| list_comuni_for_map());
    let results = Resource::new(move || query.get(), search_offers);
    let title = td_string!(l, offers_search.jobs_and_internships);
    view! {
        <PageMeta title description=crate::kernel::text::first_words(td_string!(l, offers_search.offers_from_businesses_and), 160)/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6 hidden sm:block">{td_string!(l, offers_search.offers_from_businesses_and)}</p>
        {unsubscribed.then(|| view! {
            <p class="notice mb-6" role="status">{td_string!(l, offers_search.alert_cancelled_you_will)}</p>
        })}
        <Suspense fallback=|| ()>
            {move || comuni.get().map(|comuni| {
                let comuni = comuni.unwrap_or_default();
                let for_results = comuni.clone();
                view! {
                    {move || view! { <Filters comuni=comuni.clone() query/> }}
                    <SaveSearchButton query results/>
                    <Results results query comuni=for_results.clone()/>
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(comuni: Vec<crate::network::domain::Comune>, query: Memo<OfferQuery>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let f = query.get_untracked();
    // The text follows the address (back and forward) unless it is what was just typed.
    let typed = RwSignal::new(f.q.clone());
    let sent = StoredValue::new(f.q.clone());
    // The first search of a burst of typing gets its own history entry; the
    // next ones replace it, so back goes to the search before the typing.
    let typing = StoredValue::new(false);
    Effect::new(move |_| {
        let q = query.get().q;
        if q != sent.get_value() {
            sent.set_value(q.clone());
            typing.set_value(false);
            typed.set(q);
        }
    });
    // Sync storage: these values also live (unused) in the server's render,
    // which may end on another thread than it began.
    let navigate = StoredValue::new(use_navigate());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let location = use_location();
    on_cleanup(move || {
        if let Some(Some(handle)) = pending.try_get_value() {
            handle.clear();
        }
    });
    // The search starts once the typing pauses: one request, not one per letter.
    let search_typed = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let run = move || {
            // Someone who typed and then followed a link has left the search:
            // the late search must not bring them back.
            if location.pathname.get_untracked() != "/offerte" {
                return;
            }
            sent.set_value(text.clone());
            let q = OfferQuery {
                q: text,
                pagina: String::new(),
                ..query.get_untracked()
            };
            let replace = typing.get_value();
            typing.set_value(true);
            navigate.with_value(|nav| go_to(nav, &q, replace));
        };
        pending.set_value(set_timeout_with_handle(run, Duration::from_millis(350)).ok());
    };
    // A changed filter searches at once, from the first page.
    let apply = move |field: &'static str, value: String| {
        let mut q = query.get_untracked();
        q.q = typed.get_untracked();
        q.pagina = String::new();
        q.set(field, value);
        typing.set_value(false);
        navigate.with_value(|nav| go_to(nav, &q, false));
    };
    let change = move |field: &'static str| {
        move |ev: leptos::ev::Event| apply(field, event_target_value(&ev))
    };
    let select = move |name: &'static str,
                       label: &'static str,
                       all: &'static str,
                       options: &'static [(&'static str, Label)],
                       current: String| {
        let id = format!("filtro-{name}");
        view! {
            <div class="flex flex-col">
                <label for=id.clone() class="font-semibold">{label}</label>
                <select id=id name=name class="input" on:change=change(name) prop:value=move || field_of(&query.get(), name)>
                    {(!all.is_empty()).then(|| view! { <option value="">{all}</option> })}
                    {options.iter().map(|(code, label)| view! {
                        <option value=*code selected=current == *code>{pick(*label, english)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let active = Signal::derive(move || {
        let q = query.get();
        let comune = q.comune.first().map(String::as_str).unwrap_or_default();
        count_set([
            comune,
            q.tipo.as_str(),
            q.contratto.as_str(),
            q.settore.as_str(),
            q.orario.as_str(),
            q.remoto.as_str(),
            q.entro.as_str(),
            q.istruzione.as_str(),
        ])
    });
    view! {
        <Form method="GET" on_form_data=crate::components::form::without_unnamed_fields() action="/offerte" attr:role="search" attr:class="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div class="flex flex-col sm:col-span-2">
                <label for="filtro-testo" class="font-semibold">{td_string!(l, offers_search.what_are_you_looking)}</label>
                <input id="filtro-testo" name="q" type="search" class="input" autocomplete="off"
                    maxlength=crate::kernel::text::MAX_QUERY_CHARS
                    // The attribute for the page as served (a search made
                    // without JavaScript keeps its words), the property after.
                    value=typed.get_untracked()
                    prop:value=move || typed.get()
                    placeholder=td_string!(l, offers_search.e_g_warehouse_cook)
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        typed.set(text.clone());
                        search_typed(text);
                    }/>
            </div>
            <FiltersFold active=active wide_columns="lg:grid-cols-4">
                <ComuneRadius comuni comune=Signal::derive(move || query.get().get("comune"))
                    km=Signal::derive(move || query.get().km)
                    on_change=Callback::new(move |(field, value): (&'static str, String)| apply(field, value))/>
                {select("tipo", td_string!(l, offers_search.type_text), td_string!(l, offers_search.jobs_and_internships_2), &KINDS, f.tipo.clone())}
                {select("contratto", td_string!(l, offers_search.contract), td_string!(l, offers_search.any_contract), &CONTRACTS, f.contratto.clone())}
                {select("settore", td_string!(l, offers_search.sector), td_string!(l, offers_search.any_sector), &SECTORS, f.settore.clone())}
                {select("orario", td_string!(l, offers_search.working_time), td_string!(l, offers_search.any), &WORKING_TIMES, f.orario.clone())}
                {select("remoto", td_string!(l, offers_search.where_text), td_string!(l, offers_search.any), &REMOTE_MODES, f.remoto.clone())}
                {select("entro", td_string!(l, offers_search.posted), td_string!(l, offers_search.any_time), &POSTED_WITHIN, f.entro.clone())}
                {select("istruzione", td_string!(l, offers_search.your_education), td_string!(l, offers_search.any), &EDUCATION, f.istruzione.clone())}
                {select("ordina", td_string!(l, offers_search.sort_by), "", &SORTS, f.ordina.clone())}
            </FiltersFold>
            <div class="flex items-end gap-3">
                <button type="submit" class="btn-primary">{td_string!(l, offers_search.search)}</button>
                <a href="/offerte">{td_string!(l, offers_search.clear_filters)}</a>
            </div>
        </Form>
    }
}

/// "Avvisami": signed-in citizens keep this search and get new offers by email.
#[component]
fn SaveSearchButton(
    query: Memo<OfferQuery>,
    results: Resource<Result<SearchResults, AppError>>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let save = ServerAction::<SaveSearch>::new();
    let done = save.value();
    let viewer = move || results.get().and_then(Result::ok).map(|r| r.viewer);
    view! {
        <Transition fallback=|| ()>
            {move || match viewer() {
                Some(Viewer::Citizen) => view! {
                    <div class="mb-6 flex flex-wrap items-center gap-4">
                        <button type="button" class="btn-secondary"
                            on:click=move |_| { save.dispatch(SaveSearch { query: query.get_untracked() }); }>
                            {td_string!(l, offers_search.alert_me_to_new)}
                        </button>
                        <p role="status" data-testid="ricerca-salvata">{move || match done.get() {
                            Some(Ok(())) => td_string!(l, offers_search.search_saved_we_will).to_string(),
                            Some(Err(e)) => e.user_message(),
                            None => String::new(),
                        }}</p>
                    </div>
                }.into_any(),
                Some(Viewer::Visitor) => view! {
                    <p class="mb-6"><a href="/accesso">{td_string!(l, offers_search.sign_in_to_get)}</a></p>
                }.into_any(),
                _ => ().into_any(),
            }}
        </Transition>
    }
}
