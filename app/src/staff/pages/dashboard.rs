//! `/staff`: the network at a glance for operators and the admin. The
//! filters are a plain GET form (every view is an address); the figures
//! follow every change live (`live_feed`), without a reload and without the
//! page going blank while they are counted again.

use super::chart::{line_chart_svg, Line};
use super::live_feed::{follow_changes, LiveState};
use crate::components::error_view::{ErrorList, Loading};
use crate::components::map::{map_svg_with, MapCounts, MapCredit, MapText, ShadeLegend};
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
    let title = td_string!(l, staff_dashboard.network_dashboard);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{td_string!(l, staff_dashboard.the_networks_figures_updated)}</p>
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
        LiveState::Connecting => td_string!(l, staff_dashboard.connecting),
        LiveState::Live => td_string!(l, staff_dashboard.live_the_figures_update),
        LiveState::Reconnecting => td_string!(l, staff_dashboard.connection_lost_trying_again),
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
        td_string!(l, staff_dashboard.figures_counted_on),
        italian_date(d.counted_at),
        italian_time(d.counted_at)
    );
    let days_left = (d.protocol_expires_at - d.counted_at).div_euclid(86_400);
    let protocol = format!(
        "{} {} ({} {}).",
        td_string!(l, staff_dashboard.the_networks_protocol_runs),
        italian_date(d.protocol_expires_at),
        days_left.max(0),
        td_string!(l, staff_dashboard.days)
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
            <h2 id="scarica" class="section-title">{td_string!(l, staff_dashboard.download_the_tables_csv)}</h2>
            <ul class="link-list">
                {CSV_TABLES.iter().map(|&(code, label)| {
                    let href = format!("/api/staff/cruscotto.csv?tabella={code}&{csv_query}");
                    view! { <li><a href=href download="" rel="external">{label(l)}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Filters(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let f = d.filter;
    view! {
        <Form method="GET" on_form_data=crate::components::form::without_unnamed_fields() action="/staff" attr:class="card mb-6 grid gap-4 md:grid-cols-4 md:items-end">
            <div class="flex flex-col">
                <label for="filtro-comune" class="font-semibold">{td_string!(l, staff_dashboard.municipality)}</label>
                <select id="filtro-comune" name="comune" class="input">
                    <option value="" selected=f.comune.is_empty()>{td_string!(l, staff_dashboard.all_municipalities)}</option>
                    {d.comuni.iter().map(|c| view! {
                        <option value=c.slug.clone() selected=c.slug == f.comune>{c.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-ente" class="font-semibold">{td_string!(l, staff_dashboard.member_body)}</label>
                <select id="filtro-ente" name="ente" class="input">
                    <option value="" selected=f.ente.is_empty()>{td_string!(l, staff_dashboard.all_bodies)}</option>
                    {d.bodies.iter().map(|(slug, name)| view! {
                        <option value=slug.clone() selected=*slug == f.ente>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-periodo" class="font-semibold">{td_string!(l, staff_dashboard.period)}</label>
                <select id="filtro-periodo" name="periodo" class="input">
                    {PERIODS.iter().map(|&(code, label, _)| {
                        let chosen = code == f.periodo || (f.periodo.is_empty() && code == "30");
                        view! { <option value=code selected=chosen>{label(l)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, staff_dashboard.show)}</button>
        </Form>
    }
}

#[component]
fn FigureCards(cards: Vec<FigureCard>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <section aria-labelledby="cifre">
            <h2 id="cifre" class="section-title">{td_string!(l, staff_dashboard.the_figures)}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {cards.into_iter().map(|card| {
                    let queues = (card.key == "attesa").then(|| view! {
                        <p class="mt-2">
                            <a href="/staff/offerte">{td_string!(l, staff_dashboard.offers_to_review)}</a>
                            " · "
                            <a href="/staff/verifiche">{td_string!(l, staff_dashboard.accounts_to_verify)}</a>
                        </p>
                    });
                    view! {
                        <li class="card figure-card" data-figure=card.key.clone()>
                            <h3 class="figure-name">{card.name}</h3>
                            <p class="figure-value" data-testid=format!("cifra-{}", card.key)>{card.value}</p>
                            <p class="figure-detail">{card.detail}</p>
                            {(!card.scope_note.is_empty()).then(|| view! {
                                <p class="figure-note" data-testid="fuori-filtro">{card.scope_note.clone()}</p>
                            })}
                            {queues}
                            <details class="mt-2">
                                <summary>{td_string!(l, staff_dashboard.what_it_counts)}</summary>
                                <p class="mt-1">{card.definition}</p>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Each series in its own small chart with its own axis (small multiples),
/// so that a large series never flattens a small one.
#[component]
fn Series(d: Dashboard) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let names = [
        td_string!(l, staff_dashboard.citizen_registrations),
        td_string!(l, staff_dashboard.course_and_meeting_enrolments),
        td_string!(l, staff_dashboard.applications),
    ];
    let values: [Vec<i64>; 3] = [
        d.series.iter().map(|b| b.registrations).collect(),
        d.series.iter().map(|b| b.enrolments).collect(),
        d.series.iter().map(|b| b.applications).collect(),
    ];
    let labels: Vec<String> = d
        .series
        .iter()
        .map(|b| {
            let t = local(b.starts_at);
            format!("{}/{}", t.day, t.month)
        })
        .collect();
    let per = if d.bucket_days == 1 {
        td_string!(l, staff_dashboard.counts_per_day_the)
    } else {
        td_string!(l, staff_dashboard.counts_per_week_the)
    };
    let charts = names
        .iter()
        .zip(values.iter())
        .enumerate()
        .map(|(i, (name, values))| {
            let total: i64 = values.iter().sum();
            let svg = line_chart_svg(
                &format!("grafico-{}", i + 1),
                name,
                per,
                &labels,
                &[Line {
                    name,
                    values: values.clone(),
                }],
            );
            view! {
                <figure class="chart-small" data-testid="grafico">
                    <figcaption class="font-semibold">{format!("{name}: {total}")}</figcaption>
                    <div class="chart-canvas" inner_html=svg></div>
                </figure>
            }
        })
        .collect_view();
    let first_column = if d.bucket_days == 1 {
        td_string!(l, staff_dashboard.day)
    } else {
        td_string!(l, staff_dashboard.week_from)
    };
    view! {
        <section class="mt-10" aria-labelledby="andamento">
            <h2 id="andamento" class="section-title">{td_string!(l, staff_dashboard.over_time)}</h2>
            <p class="mb-4">{td_string!(l, staff_dashboard.each_chart_its_own_scale)}</p>
            <div class="grid gap-6 lg:grid-cols-3">{charts}</div>
            <details class="mt-4">
                <summary>{td_string!(l, staff_dashboard.the_charts_data_as)}</summary>
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
            title: td_string!(l, staff_dashboard.active_offers_by_municipality),
            desc: td_string!(l, staff_dashboard.each_point_is_a),
            in_network: td_string!(l, staff_dashboard.in_the_network),
            sea: td_string!(l, map.sea),
        },
        &href,
        Some(MapCounts {
            per_comune: &d.offers_by_comune,
            noun: td_string!(l, staff_dashboard.offers),
        }),
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
            <h2 id="mappa-offerte" class="section-title">{td_string!(l, staff_dashboard.active_offers_by_municipality)}</h2>
            <figure class="map-figure"><div class="map-canvas" inner_html=svg></div><ShadeLegend/><MapCredit/></figure>
            <details class="mt-4">
                <summary>{td_string!(l, staff_dashboard.offers_by_municipality_as)}</summary>
                <table class="data-table mt-2">
                    <thead><tr><th scope="col">{td_string!(l, staff_dashboard.municipality)}</th><th scope="col">{td_string!(l, staff_dashboard.active_offers)}</th></tr></thead>
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
            <h2 id="posti" class="section-title">{td_string!(l, staff_dashboard.seats_of_courses_and)}</h2>
            {if d.activities.is_empty() {
                view! { <p>{td_string!(l, staff_dashboard.no_current_or_coming)}</p> }.into_any()
            } else {
                view! {
                    <div class="overflow-x-auto">
                        <table class="data-table" data-testid="posti">
                            <thead><tr>
                                <th scope="col">{td_string!(l, staff_dashboard.title)}</th>
                                <th scope="col">{td_string!(l, staff_dashboard.municipality)}</th>
                                <th scope="col">{td_string!(l, staff_dashboard.seats_taken)}</th>
                                <th scope="col">{td_string!(l, staff_dashboard.fill_rate)}</th>
                                <th scope="col">{td_string!(l, staff_dashboard.waiting)}</th>
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
