//! `/corsi` and `/incontri`: the catalogue with its filters (a plain GET
//! form, so every search is a shareable address), a map with the count per
//! comune, and a list or month view.

use super::month::MonthView;
use super::ActivityCard;
use crate::catalogue::api::list_activities;
use crate::catalogue::domain::{Catalogue, CatalogueFilter, Kind, MODES, TARGET_GROUPS, TOPICS};
use crate::components::async_data::with_data;
use crate::components::filters_fold::{count_set, FiltersFold};
use crate::components::map::{map_svg_with, MapCounts, MapCredit, MapText, ShadeLegend};
use crate::components::page_meta::PageMeta;
use crate::components::place_filter::ComuneRadius;
use crate::i18n::*;
use crate::kernel::labels::pick;
use crate::network::api::list_comuni_for_map;
use crate::network::domain::Comune;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CoursesPage() -> impl IntoView {
    view! { <CataloguePage kind=Kind::Corso/> }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! { <CataloguePage kind=Kind::Incontro/> }
}

/// The filters and view as they are in the address.
#[derive(Clone, Debug, Default, PartialEq)]
struct Query {
    filter: CatalogueFilter,
    calendar: bool,
    month: String,
}

impl Query {
    /// The address of this search with another comune (for the map's points).
    fn with_comune(&self, path: &str, slug: &str) -> String {
        let f = &self.filter;
        let mut pairs = vec![("comune", slug.to_string())];
        for (key, value) in [
            ("q", &f.q),
            ("km", &f.km),
            ("tema", &f.topic),
            ("destinatari", &f.target),
            ("modalita", &f.mode),
            ("dal", &f.from),
            ("al", &f.to),
        ] {
            if !value.is_empty() {
                pairs.push((key, value.clone()));
            }
        }
        if self.calendar {
            pairs.push(("vista", "calendario".into()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        format!("{path}?{}", query.join("&"))
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn CataloguePage(kind: Kind) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let q = query_map.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        Query {
            filter: CatalogueFilter {
                q: get("q"),
                comune: get("comune"),
                km: get("km"),
                topic: get("tema"),
                target: get("destinatari"),
                mode: get("modalita"),
                from: get("dal"),
                to: get("al"),
            },
            calendar: get("vista") == "calendario",
            month: get("mese"),
        }
    });
    let comuni = Resource::new(|| (), |_| list_comuni_for_map());
    let results = Resource::new(
        move || query.get().filter,
        move |filter| list_activities(kind.code().to_string(), filter),
    );
    let (title, lead) = match kind {
        Kind::Corso => (
            td_string!(l, catalogue_list.free_courses),
            td_string!(l, catalogue_list.training_and_retraining_courses),
        ),
        Kind::Incontro => (
            td_string!(l, catalogue_list.thematic_meetings),
            td_string!(l, catalogue_list.meetings_with_employment_agencies),
        ),
    };
    view! {
        <PageMeta title description=crate::kernel::text::first_words(lead, 160)/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6 hidden sm:block">{lead}</p>
        {with_data(comuni, move |comuni| {
            let for_results = comuni.clone();
            view! {
                // Drawn again when the address changes (a point of the map, back and forward).
                {move || view! { <Filters kind comuni=comuni.clone() query=query.get()/> }}
                {move || {
                    let (comuni, q) = (for_results.clone(), query.get());
                    with_data(results, move |catalogue| view! { <Results kind catalogue comuni=comuni.clone() query=q.clone()/> })
                }}
            }
        })}
    }
}

#[component]
fn Filters(kind: Kind, comuni: Vec<Comune>, query: Query) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let f = query.filter;
    let select = move |id: &'static str,
                       name: &'static str,
                       label: &'static str,
                       all: &'static str,
                       options: &'static [(&'static str, crate::kernel::labels::Label)],
                       current: String| {
        view! {
            <div class="flex flex-col">
                <label for=id class="font-semibold">{label}</label>
                <select id=id name=name class="input">
                    <option value="">{all}</option>
                    {options.iter().map(|(code, label)| view! {
                        <option value=*code selected=current == *code>{pick(*label, english)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let active = count_set([
        f.comune.as_str(),
        f.topic.as_str(),
        f.target.as_str(),
        f.mode.as_str(),
        f.from.as_str(),
        f.to.as_str(),
    ]);
    view! {
        <Form method="GET" on_form_data=crate::components::form::without_unnamed_fields() action=kind.path() attr:role="search" attr:class="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div class="flex flex-col sm:col-span-2">
                <label for="filtro-testo" class="font-semibold">{td_string!(l, catalogue_list.search)}</label>
                <input id="filtro-testo" name="q" type="search" class="input" value=f.q.clone()
                    placeholder=td_string!(l, catalogue_list.e_g_computing_welding)/>
            </div>
            <FiltersFold active=active wide_columns="lg:grid-cols-4">
                <ComuneRadius comuni comune=f.comune.clone() km=f.km.clone()/>
                {select("filtro-tema", "tema", td_string!(l, catalogue_list.topic), td_string!(l, catalogue_list.all_topics), &TOPICS, f.topic.clone())}
                {select("filtro-destinatari", "destinatari", td_string!(l, catalogue_list.for_whom), td_string!(l, catalogue_list.everyone), &TARGET_GROUPS[1..], f.target.clone())}
                {select("filtro-modalita", "modalita", td_string!(l, catalogue_list.mode), td_string!(l, catalogue_list.any), &MODES, f.mode.clone())}
                <div class="flex flex-col">
                    <label for="filtro-dal" class="font-semibold">{td_string!(l, catalogue_list.from)}</label>
                    <input id="filtro-dal" name="dal" type="date" class="input" value=f.from.clone()/>
                </div>
                <div class="flex flex-col">
                    <label for="filtro-al" class="font-semibold">{td_string!(l, catalogue_list.to)}</label>
                    <input id="filtro-al" name="al" type="date" class="input" value=f.to.clone()/>
                </div>
                <fieldset class="flex flex-col">
                    <legend class="font-semibold">{td_string!(l, catalogue_list.view)}</legend>
                    <label class="choice"><input type="radio" name="vista" value="elenco" checked=!query.calendar/> {td_string!(l, catalogue_list.list)}</label>
                    <label class="choice"><input type="radio" name="vista" value="calendario" checked=query.calendar/> {td_string!(l, catalogue_list.month_calendar)}</label>
                </fieldset>
            </FiltersFold>
            <div class="flex items-end gap-3">
                <button type="submit" class="btn-primary">{td_string!(l, catalogue_list.search)}</button>
                <a href=kind.path()>{td_string!(l, catalogue_list.clear_filters)}</a>
            </div>
        </Form>
    }
}

#[component]
fn Results(kind: Kind, catalogue: Catalogue, comuni: Vec<Comune>, query: Query) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let count = catalogue.items.len();
    let noun = match kind {
        Kind::Corso => td_string!(l, catalogue_list.courses),
        Kind::Incontro => td_string!(l, catalogue_list.meetings),
    };
    let path = kind.path();
    let q = query.clone();
    let svg = map_svg_with(
        &comuni,
        (!query.filter.comune.is_empty()).then_some(query.filter.comune.as_str()),
        MapText {
            title: td_string!(l, catalogue_list.map_of_the_municipalities),
            desc: td_string!(l, catalogue_list.each_point_is_a),
            in_network: "",
            sea: td_string!(l, map.sea),
        },
        &|c| q.with_comune(path, &c.slug),
        Some(MapCounts {
            per_comune: &catalogue.per_comune,
            noun,
        }),
    );
    let widen = (!query.filter.comune.is_empty()).then(|| {
        let mut wider = query.clone();
        wider.filter.km = match query.filter.km.as_str() {
            "" => "10",
            "5" | "10" => "25",
            _ => "50",
        }
        .into();
        let href = wider.with_comune(path, &query.filter.comune);
        (href, wider.filter.km)
    });
    view! {
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <section aria-labelledby="risultati">
                <h2 id="risultati" class="sr-only">{td_string!(l, catalogue_list.search_results)}</h2>
                <p class="section-title" data-testid="conteggio" role="status">{format!("{count} {noun}")}</p>
                {(count == 0).then(|| view! {
                    <div class="notice mb-6" role="status">
                        <p>{td_string!(l, catalogue_list.no_activity_matches_these)}</p>
                        {widen.clone().map(|(href, km)| view! {
                            <p><a href=href>{format!("{} {km} km", td_string!(l, catalogue_list.widen_the_search_to))}</a></p>
                        })}
                        <p><a href=path>{td_string!(l, catalogue_list.remove_every_filter)}</a></p>
                    </div>
                })}
                {if query.calendar {
                    view! { <MonthView items=catalogue.items.clone() month=query.month.clone() today=catalogue.today base=query.with_comune(path, &query.filter.comune)/> }.into_any()
                } else {
                    view! {
                        <ul class="grid gap-4">
                            {catalogue.items.into_iter().map(|activity| view! { <ActivityCard activity/> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <figure class="map-figure">
                <div class="map-canvas" inner_html=svg></div>
                <figcaption class="mt-2 text-base">{td_string!(l, catalogue_list.choose_a_municipality_on)}</figcaption>
                <ShadeLegend/>
                <MapCredit/>
                <p class="mt-2 text-base">
                    <a href=format!("/calendario/comune/{}.ics", if query.filter.comune.is_empty() { "la-spezia".to_string() } else { query.filter.comune.clone() }) rel="external">
                        {td_string!(l, catalogue_list.add_this_municipalitys_calendar)}
                    </a>
                </p>
            </figure>
        </div>
    }
}
