//! `/comuni/{slug}`: one comune: whether it is in the network, its mayor, and
//! the sections later features fill (offers, courses, the desk).

use super::format;
use crate::components::async_data::with_data;
use crate::components::map::ProvinceMap;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::api::{get_comune, list_comuni_for_map};
use crate::network::domain::Comune;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ComunePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let comune = Resource::new(slug, get_comune);
    let comuni = Resource::new(|| (), |_| list_comuni_for_map());
    view! {
        {with_data(comune, move |comune| view! { <ComuneDetails comune comuni/> })}
    }
}

#[component]
fn ComuneDetails(
    comune: Comune,
    comuni: Resource<Result<Vec<Comune>, crate::error::AppError>>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let Comune {
        name,
        slug,
        postal_codes,
        population,
        area_km2,
        istat_code,
        mayor,
        ..
    } = comune;
    let in_network = mayor.is_some();
    view! {
        <PageMeta title=name.clone() description=format!("{} {name}.", td_string!(l, comune.description_in))/>
        <nav aria-label=move || td_string!(l, comune.breadcrumb) class="mb-4 text-base">
            <A href="/comuni">{td_string!(l, nav.comuni)}</A> " › " <span aria-current="page">{name.clone()}</span>
        </nav>
        <h1 class="page-title">{name.clone()}</h1>
        {match mayor {
            Some(mayor) => view! {
                <p class="mb-6">
                    <span class="badge">{td_string!(l, comune.in_network)}</span>
                    <span class="ml-2">{td_string!(l, rete.mayor)} " " <strong>{mayor}</strong></span>
                </p>
            }.into_any(),
            None => view! {
                <p class="mb-6">{td_string!(l, comune.not_in_network)} " " <A href="/rete#aderire">{td_string!(l, comune.how_to_join)}</A></p>
            }.into_any(),
        }}
        <div class="grid gap-8 lg:grid-cols-2">
            <div>
                <dl class="facts">
                    <dt>{td_string!(l, comune.postal_codes)}</dt><dd>{postal_codes.join(", ")}</dd>
                    <dt>{td_string!(l, comune.population)}</dt><dd>{format::integer(population, l)}</dd>
                    <dt>{td_string!(l, comune.area)}</dt><dd>{format::decimal(area_km2, l)} " km²"</dd>
                    <dt>{td_string!(l, comune.istat)}</dt><dd>{istat_code}</dd>
                </dl>
                <section aria-labelledby="offerte" class="mt-8">
                    <h2 id="offerte" class="section-title">{td_string!(l, comune.offers_title)}</h2>
                    <p>{td_string!(l, comune.offers_soon)}</p>
                </section>
                <section aria-labelledby="corsi" class="mt-8">
                    <h2 id="corsi" class="section-title">{td_string!(l, comune.courses_title)}</h2>
                    <p>{td_string!(l, comune.courses_soon)}</p>
                </section>
                <section aria-labelledby="sportello" class="mt-8">
                    <h2 id="sportello" class="section-title">{td_string!(l, comune.desk_title)}</h2>
                    <p>
                        {if in_network { td_string!(l, comune.desk_network) } else { td_string!(l, comune.desk_other) }}
                        " " <A href="/sportelli">{td_string!(l, comune.desk_link)}</A>
                    </p>
                </section>
            </div>
            <div>
                {with_data(comuni, move |comuni| view! { <ProvinceMap comuni highlight=slug.clone()/> })}
            </div>
        </div>
    }
}
