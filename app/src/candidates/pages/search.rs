//! `/imprese/candidati`: verified businesses search the visible profiles.
//! A plain GET form (every search is an address, it works without
//! JavaScript); with the wasm the results change without reloading.

use crate::candidates::api::search_candidates;
use crate::candidates::domain::{CandidateCard, CandidateQuery, CandidateResults};
use crate::components::async_data::with_data;
use crate::components::place_filter::ComuneRadius;
use crate::components::tr;
use crate::cv::domain::{CEFR_LEVELS, LICENCES};
use crate::i18n::*;
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
    let title = tr(l, "Cerca candidati", "Find candidates");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{tr(l, "Le persone che hanno scelto di farsi trovare. I profili sono anonimi: nome, foto, età, nazionalità e contatti li vedi solo se la persona accetta la tua richiesta (D.Lgs. 276/2003, art. 10).", "People who chose to be found. Profiles are anonymous: you see name, photo, age, nationality and contacts only if the person accepts your request (Legislative Decree 276/2003, art. 10).")}</p>
        <p class="mb-6"><a href="/imprese/liste">{tr(l, "Le tue liste di candidati", "Your candidate lists")}</a></p>
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
    let any = tr(l, "Qualsiasi", "Any");
    let levels = options(
        CEFR_LEVELS.iter().map(|c| {
            (
                c.to_string(),
                format!("{} {c}", tr(l, "almeno", "at least")),
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
                    tr(l, "almeno", "at least"),
                    tr(l, "anni", "years")
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
            tr(l, "Più pertinenti", "Most relevant").to_string(),
        ),
        (
            "recenti".to_string(),
            tr(l, "Aggiornati di recente", "Recently updated").to_string(),
        ),
    ];
    view! {
        <Form method="GET" action="" attr:class="card h-fit" attr:aria-label=tr(l, "Filtri", "Filters")>
            <div class="mb-4 flex flex-col">
                <label for="filtro-q" class="font-semibold">{tr(l, "Competenze o ruolo", "Skills or role")}</label>
                <input id="filtro-q" name="q" class="input" maxlength=crate::kernel::text::MAX_QUERY_CHARS value=q.q.clone() placeholder=tr(l, "es. magazziniere, carrello", "e.g. warehouse, forklift")/>
            </div>
            <div class="mb-4 grid gap-4">
                <ComuneRadius comuni comune=Signal::stored(q.comune.clone()) km=Signal::stored(q.km.clone())/>
            </div>
            <div class="grid gap-4">
                <div class="flex flex-col">
                    <label for="filtro-lingua" class="font-semibold">{tr(l, "Lingua", "Language")}</label>
                    <input id="filtro-lingua" name="lingua" class="input" value=q.lingua.clone() placeholder=tr(l, "es. inglese", "e.g. English")/>
                </div>
                <Select name="livello" label=tr(l, "Livello minimo della lingua", "Least language level").into() options=levels current=q.livello.clone()/>
                <Select name="patente" label=tr(l, "Patente", "Driving licence").into() options=licences current=q.patente.clone()/>
                <Select name="istruzione" label=tr(l, "Titolo di studio minimo", "Least education").into() options=education current=q.istruzione.clone()/>
                <Select name="esperienza" label=tr(l, "Esperienza", "Experience").into() options=years current=q.esperienza.clone()/>
                <Select name="contratto" label=tr(l, "Contratto", "Contract").into() options=contracts current=q.contratto.clone()/>
                <div class="flex flex-col">
                    <label for="filtro-disponibile" class="font-semibold">{tr(l, "Disponibile entro il", "Available by")}</label>
                    <input id="filtro-disponibile" name="disponibile" type="date" class="input" value=q.disponibile.clone()/>
                </div>
                <Select name="ordina" label=tr(l, "Ordina per", "Sort by").into() options=sorts current=q.ordina.clone()/>
            </div>
            <button type="submit" class="btn-primary mt-4">{tr(l, "Cerca", "Search")}</button>
        </Form>
    }
}

#[component]
fn Results(r: CandidateResults, query: Memo<CandidateQuery>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let count = if r.total == 1 {
        tr(l, "1 candidato", "1 candidate").to_string()
    } else {
        format!("{} {}", r.total, tr(l, "candidati", "candidates"))
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
        <p class="mb-4 text-base text-slate-700">{format!("{} {}", tr(l, "Profili che puoi ancora aprire oggi:", "Profiles you can still open today:"), r.views_left)}</p>
        {(!r.per_licence.is_empty()).then(|| view! {
            <p class="font-semibold">{tr(l, "Per patente", "By licence")}</p>
            <ul class="mb-3 flex flex-wrap gap-2">{r.per_licence.iter().map(|(c, n)| facet("patente", c.clone(), c.clone(), *n)).collect_view()}</ul>
        })}
        {(!r.per_contract.is_empty()).then(|| view! {
            <p class="font-semibold">{tr(l, "Per contratto cercato", "By contract sought")}</p>
            <ul class="mb-4 flex flex-wrap gap-2">{r.per_contract.iter().map(|(c, n)| facet("contratto", c.clone(), label_of(&CONTRACTS, c, english).to_string(), *n)).collect_view()}</ul>
        })}
        {(r.total == 0).then(|| view! { <p class="notice" data-testid="nessun-risultato">{tr(l, "Nessun profilo con questi filtri: prova ad allargare la distanza o a togliere un filtro.", "No profile with these filters: try a wider distance or drop a filter.")}</p> })}
        <ul class="grid gap-4">{r.items.into_iter().map(|c| view! { <Card c/> }).collect_view()}</ul>
        {(r.pages > 1).then(|| {
            let page = |n: usize| { let mut q = query.get_untracked(); q.pagina = n.to_string(); format!("?{}", q.to_query_string()) };
            view! {
                <nav class="mt-6 flex gap-4" aria-label=tr(l, "Pagine", "Pages")>
                    {(r.page > 1).then(|| view! { <a href=page(r.page - 1)>{tr(l, "← Precedenti", "← Previous")}</a> })}
                    <span>{format!("{} {} {} {}", tr(l, "Pagina", "Page"), r.page, tr(l, "di", "of"), r.pages)}</span>
                    {(r.page < r.pages).then(|| view! { <a href=page(r.page + 1)>{tr(l, "Successivi →", "Next →")}</a> })}
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
        format!("{} {}", tr(l, "Profilo", "Profile"), c.id)
    } else {
        title
    };
    let mut place = c.comune_name.clone();
    if let Some(d) = c.distance_km.filter(|d| *d >= 0.5) {
        place.push_str(&format!(" · {d:.0} km"));
    }
    place.push_str(&format!(
        " · {} {} km",
        tr(l, "si sposta fino a", "travels up to"),
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
                <dt>{tr(l, "Dove", "Where")}</dt><dd data-testid="luogo">{place}</dd>
                <dt>{tr(l, "Disponibile", "Available")}</dt><dd>{if c.available_from.is_empty() { tr(l, "subito", "now").to_string() } else { crate::cv::domain::day_in(&c.available_from, crate::cv::domain::CvLanguage::It) }}</dd>
                <dt>{tr(l, "Esperienza", "Experience")}</dt><dd>{format!("{} {}", c.years, tr(l, "anni", "years"))}</dd>
                {(!languages.is_empty()).then(|| view! { <dt>{tr(l, "Lingue", "Languages")}</dt><dd>{languages}</dd> })}
                {(!c.licences.is_empty()).then(|| view! { <dt>{tr(l, "Patente", "Licence")}</dt><dd>{c.licences.join(", ")}</dd> })}
                {(c.education_level > 0).then(|| view! { <dt>{tr(l, "Istruzione", "Education")}</dt><dd>{label_of(&EDUCATION, &c.education_level.to_string(), english)}</dd> })}
            </dl>
        </li>
    }
}
