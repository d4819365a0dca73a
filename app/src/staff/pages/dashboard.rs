//! `/staff`: the network at a glance for operators and the admin. The
//! filters are a plain GET form (every view is an address); the figures
//! follow every change live (`live_feed`), without a reload and without the
//! page going blank while they are counted again.

use super::chart::{line_chart_svg, Line};
use super::live_feed::{follow_changes, LiveState};
use crate::components::error_view::{ErrorList, Loading};
use crate::components::map::{map_svg_with, MapCounts, MapText};
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::dates::{italian_date, italian_time, local};
use crate::offers::domain::query_string;
use crate::staff::api::get_dashboard;
use crate::staff::domain::{percent, Dashboard, DashboardFilter, FigureCard, CSV_TABLES, PERIODS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        DashboardFilter {
            comune: q.get("comune").unwrap_or_default(),
            ente: q.get("ente").unwrap_or_default(),
            periodo: q.get("periodo").unwrap_or_default(),
        }
    });
    // Bumped by the live feed: the figures are counted again.
    let changes = RwSignal::new(0_u64);
    let live = RwSignal::new(LiveState::Connecting);
    Effect::new(move |_| follow_changes(changes, live));
    let lang = if l == Locale::en { "en" } else { "it" };
    let dashboard = Resource::new(
        move || (filter.get(), changes.get()),
        move |(filter, _)| get_dashboard(filter, lang.to_string()),
    );
    let title = tr(l, "Cruscotto della Rete", "Network dashboard");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{tr(l,
            "Le cifre della Rete per il Lavoro, aggiornate da sole a ogni iscrizione, offerta, candidatura o appuntamento. Apri «Che cosa conta» sotto ogni cifra per la sua definizione.",
            "The network's figures, updated by themselves at every enrolment, offer, application or appointment. Open “What it counts” under each figure for its definition.")}</p>
        <LiveBadge live/>
        // Transition, not Suspense: the old figures stay while the new ones come.
        <Transition fallback=|| view! { <Loading/> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || dashboard.get().map(|result| result.map(|d| view! { <DashboardView d/> }))}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn LiveBadge(live: RwSignal<LiveState>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let text = move || match live.get() {
        LiveState::Connecting => tr(l, "Collegamento in corso…", "Connecting…"),
        LiveState::Live => tr(
            l,
            "In diretta: le cifre si aggiornano da sole",
            "Live: the figures update by themselves",
        ),
        LiveState::Reconnecting => tr(
            l,
            "Collegamento interrotto: nuovo tentativo in corso…",
            "Connection lost: trying again…",
        ),
    };
    view! {
        <p class="live-badge mb-6" data-testid="diretta" data-state=move || live.get().code()>
            <span class="live-dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}

#[component]
fn DashboardView(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let counted = format!(
        "{} {} {}",
        tr(l, "Cifre contate il", "Figures counted on"),
        italian_date(d.counted_at),
        italian_time(d.counted_at)
    );
    let days_left = (d.protocol_expires_at - d.counted_at).div_euclid(86_400);
    let protocol = format!(
        "{} {} ({} {}).",
        tr(
            l,
            "Il protocollo della Rete è valido fino al",
            "The network's protocol runs until"
        ),
        italian_date(d.protocol_expires_at),
        days_left.max(0),
        tr(l, "giorni", "days")
    );
    let csv_query = query_string([
        ("comune", d.filter.comune.as_str()),
        ("ente", d.filter.ente.as_str()),
        ("periodo", d.filter.periodo.as_str()),
    ]);
    view! {
        <Filters d=d.clone()/>
        <p class="mb-2 text-slate-700" data-testid="contate-il">{counted}</p>
        <p class="notice mb-6">{protocol}</p>
        <FigureCards cards=d.cards.clone()/>
        <Series d=d.clone()/>
        <OffersMap d=d.clone()/>
        <Activities d=d.clone()/>
        <section class="mt-10" aria-labelledby="scarica">
            <h2 id="scarica" class="section-title">{tr(l, "Scarica le tabelle (CSV)", "Download the tables (CSV)")}</h2>
            <ul class="link-list">
                {CSV_TABLES.iter().map(|&(code, it, en)| {
                    let href = format!("/api/staff/cruscotto.csv?tabella={code}&{csv_query}");
                    view! { <li><a href=href download="" rel="external">{tr(l, it, en)}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Filters(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let f = d.filter;
    view! {
        <Form method="GET" action="/staff" attr:class="card mb-6 grid gap-4 md:grid-cols-4 md:items-end">
            <div class="flex flex-col">
                <label for="filtro-comune" class="font-semibold">{tr(l, "Comune", "Municipality")}</label>
                <select id="filtro-comune" name="comune" class="input">
                    <option value="" selected=f.comune.is_empty()>{tr(l, "Tutti i comuni", "All municipalities")}</option>
                    {d.comuni.iter().map(|c| view! {
                        <option value=c.slug.clone() selected=c.slug == f.comune>{c.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-ente" class="font-semibold">{tr(l, "Ente della Rete", "Member body")}</label>
                <select id="filtro-ente" name="ente" class="input">
                    <option value="" selected=f.ente.is_empty()>{tr(l, "Tutti gli enti", "All bodies")}</option>
                    {d.bodies.iter().map(|(slug, name)| view! {
                        <option value=slug.clone() selected=*slug == f.ente>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-periodo" class="font-semibold">{tr(l, "Periodo", "Period")}</label>
                <select id="filtro-periodo" name="periodo" class="input">
                    {PERIODS.iter().map(|&(code, it, en, _)| {
                        let chosen = code == f.periodo || (f.periodo.is_empty() && code == "30");
                        view! { <option value=code selected=chosen>{if english { en } else { it }}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn-primary">{tr(l, "Mostra", "Show")}</button>
        </Form>
    }
}

#[component]
fn FigureCards(cards: Vec<FigureCard>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <section aria-labelledby="cifre">
            <h2 id="cifre" class="section-title">{tr(l, "Le cifre", "The figures")}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {cards.into_iter().map(|card| {
                    let queues = (card.key == "attesa").then(|| view! {
                        <p class="mt-2">
                            <a href="/staff/offerte">{tr(l, "Offerte da moderare", "Offers to review")}</a>
                            " · "
                            <a href="/staff/verifiche">{tr(l, "Account da verificare", "Accounts to verify")}</a>
                        </p>
                    });
                    view! {
                        <li class="card figure-card" data-figure=card.key.clone()>
                            <h3 class="figure-name">{card.name}</h3>
                            <p class="figure-value" data-testid=format!("cifra-{}", card.key)>{card.value}</p>
                            <p class="figure-detail">{card.detail}</p>
                            {queues}
                            <details class="mt-2">
                                <summary>{tr(l, "Che cosa conta", "What it counts")}</summary>
                                <p class="mt-1">{card.definition}</p>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Series(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let names = [
        tr(l, "Registrazioni di cittadini", "Citizen registrations"),
        tr(
            l,
            "Iscrizioni a corsi e incontri",
            "Course and meeting enrolments",
        ),
        tr(l, "Candidature", "Applications"),
    ];
    let labels: Vec<String> = d
        .series
        .iter()
        .map(|b| {
            let t = local(b.starts_at);
            format!("{}/{}", t.day, t.month)
        })
        .collect();
    let svg = line_chart_svg(
        tr(l, "Andamento nel periodo", "Over the period"),
        if d.bucket_days == 1 {
            tr(
                l,
                "Conteggi per giorno; i valori esatti sono nella tabella sotto il grafico.",
                "Counts per day; the exact values are in the table under the chart.",
            )
        } else {
            tr(
                l,
                "Conteggi per settimana; i valori esatti sono nella tabella sotto il grafico.",
                "Counts per week; the exact values are in the table under the chart.",
            )
        },
        &labels,
        &[
            Line {
                name: names[0],
                values: d.series.iter().map(|b| b.registrations).collect(),
            },
            Line {
                name: names[1],
                values: d.series.iter().map(|b| b.enrolments).collect(),
            },
            Line {
                name: names[2],
                values: d.series.iter().map(|b| b.applications).collect(),
            },
        ],
    );
    let first_column = if d.bucket_days == 1 {
        tr(l, "Giorno", "Day")
    } else {
        tr(l, "Settimana dal", "Week from")
    };
    view! {
        <section class="mt-10" aria-labelledby="andamento">
            <h2 id="andamento" class="section-title">{tr(l, "Andamento", "Over time")}</h2>
            <figure>
                <div class="chart-canvas" inner_html=svg></div>
                <figcaption class="mt-2 flex flex-wrap gap-4">
                    {names.iter().enumerate().map(|(i, name)| view! {
                        <span class="flex items-center gap-2">
                            <svg width="32" height="10" aria-hidden="true"><line x1="0" y1="5" x2="32" y2="5" class=format!("chart-line chart-line-{}", i + 1)/></svg>
                            {*name}
                        </span>
                    }).collect_view()}
                </figcaption>
            </figure>
            <details class="mt-4">
                <summary>{tr(l, "Tabella dei dati del grafico", "The chart's data as a table")}</summary>
                <table class="data-table mt-2">
                    <thead><tr>
                        <th scope="col">{first_column}</th>
                        {names.iter().map(|n| view! { <th scope="col">{*n}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {d.series.iter().zip(labels.iter()).map(|(b, label)| view! {
                            <tr><th scope="row">{label.clone()}</th><td>{b.registrations}</td><td>{b.enrolments}</td><td>{b.applications}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

#[component]
fn OffersMap(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let f = d.filter.clone();
    let href = move |c: &crate::network::domain::Comune| {
        format!(
            "/staff?{}",
            query_string([
                ("comune", c.slug.as_str()),
                ("ente", f.ente.as_str()),
                ("periodo", f.periodo.as_str())
            ])
        )
    };
    let svg = map_svg_with(
        &d.comuni,
        (!d.filter.comune.is_empty()).then_some(d.filter.comune.as_str()),
        MapText {
            title: tr(l, "Offerte attive per comune", "Active offers by municipality"),
            desc: tr(l, "Ogni punto è un comune con il numero delle sue offerte attive; sceglilo per filtrare il cruscotto.", "Each point is a municipality with its number of active offers; choose it to filter the dashboard."),
            in_network: tr(l, "nella Rete", "in the network"),
        },
        &href,
        Some(MapCounts { per_comune: &d.offers_by_comune, noun: tr(l, "offerte", "offers") }),
    );
    let rows: Vec<(String, i64)> = d
        .comuni
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                d.offers_by_comune
                    .iter()
                    .find(|(s, _)| *s == c.slug)
                    .map_or(0, |(_, n)| *n),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    view! {
        <section class="mt-10" aria-labelledby="mappa-offerte">
            <h2 id="mappa-offerte" class="section-title">{tr(l, "Offerte attive per comune", "Active offers by municipality")}</h2>
            <figure class="map-figure"><div class="map-canvas" inner_html=svg></div></figure>
            <details class="mt-4">
                <summary>{tr(l, "Tabella delle offerte per comune", "Offers by municipality as a table")}</summary>
                <table class="data-table mt-2">
                    <thead><tr><th scope="col">{tr(l, "Comune", "Municipality")}</th><th scope="col">{tr(l, "Offerte attive", "Active offers")}</th></tr></thead>
                    <tbody>{rows.into_iter().map(|(name, n)| view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> }).collect_view()}</tbody>
                </table>
            </details>
        </section>
    }
}

#[component]
fn Activities(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <section class="mt-10" aria-labelledby="posti">
            <h2 id="posti" class="section-title">{tr(l, "Posti di corsi e incontri", "Seats of courses and meetings")}</h2>
            {if d.activities.is_empty() {
                view! { <p>{tr(l, "Nessun corso o incontro in corso o in arrivo con questi filtri.", "No current or coming course or meeting with these filters.")}</p> }.into_any()
            } else {
                view! {
                    <div class="overflow-x-auto">
                        <table class="data-table" data-testid="posti">
                            <thead><tr>
                                <th scope="col">{tr(l, "Titolo", "Title")}</th>
                                <th scope="col">{tr(l, "Comune", "Municipality")}</th>
                                <th scope="col">{tr(l, "Posti occupati", "Seats taken")}</th>
                                <th scope="col">{tr(l, "Riempimento", "Fill rate")}</th>
                                <th scope="col">{tr(l, "In lista d'attesa", "Waiting")}</th>
                            </tr></thead>
                            <tbody>
                                {d.activities.into_iter().map(|a| {
                                    let href = format!("/organizza/{}", a.id);
                                    let rate = percent(a.enrolled, a.seats).map_or("—".to_string(), |p| format!("{p}%"));
                                    view! {
                                        <tr data-attivita=a.id.to_string()>
                                            <th scope="row"><a href=href>{a.title}</a></th>
                                            <td>{a.comune}</td>
                                            <td>{format!("{} / {}", a.enrolled, a.seats)}</td>
                                            <td data-testid="riempimento">{rate}</td>
                                            <td>{a.waiting}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
