//! `/`: what the network offers, a quick search by comune, how to reach the desk.

use super::finder::ComuneFinder;
use crate::components::async_data::with_data;
use crate::components::map::ProvinceMap;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::api::list_comuni_for_map;
use crate::network::domain::DESK_EMAIL;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let comuni = Resource::new(|| (), |_| list_comuni_for_map());
    view! {
        <PageMeta title=td_string!(l, home.title) description=crate::kernel::text::first_words(td_string!(l, home.lead), 160)/>
        <section class="mb-10">
            <h1 class="page-title">{td_string!(l, home.heading)}</h1>
            <p class="lead">{td_string!(l, home.lead)}</p>
        </section>

        <section aria-labelledby="servizi" class="mb-12">
            <h2 id="servizi" class="section-title">{td_string!(l, home.services_title)}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <li class="card"><h3 class="card-title"><a href="/cv">{td_string!(l, services.cv_title)}</a></h3><p>{td_string!(l, services.cv_text)}</p></li>
                <li class="card"><h3 class="card-title"><a href="/orientamento">{td_string!(l, services.orientation_title)}</a></h3><p>{td_string!(l, services.orientation_text)}</p></li>
                <li class="card"><h3 class="card-title"><a href="/corsi">{td_string!(l, services.courses_title)}</a></h3><p>{td_string!(l, services.courses_text)}</p></li>
                <li class="card"><h3 class="card-title"><a href="/offerte">{td_string!(l, services.jobs_title)}</a></h3><p>{td_string!(l, services.jobs_text)}</p></li>
                <li class="card"><h3 class="card-title"><a href="/incontri">{td_string!(l, services.meetings_title)}</a></h3><p>{td_string!(l, services.meetings_text)}</p></li>
                <li class="card"><h3 class="card-title"><a href="/imprese/candidati">{td_string!(l, services.business_title)}</a></h3><p>{td_string!(l, services.business_text)}</p><p class="mt-2"><a href="/registrazione?ruolo=impresa">{td_string!(l, services.register_your_business)}</a></p></li>
            </ul>
        </section>

        <section aria-labelledby="cerca" class="mb-12">
            <h2 id="cerca" class="section-title">{td_string!(l, home.search_title)}</h2>
            <p class="mb-4">{td_string!(l, home.search_text)}</p>
            {with_data(comuni, |comuni| view! {
                <ComuneFinder comuni=comuni.clone() initial="" suggest_only=true/>
                <div class="mt-6 max-w-2xl"><ProvinceMap comuni/></div>
            })}
        </section>

        <section aria-labelledby="sportello" class="card max-w-3xl">
            <h2 id="sportello" class="section-title">{td_string!(l, home.desk_title)}</h2>
            <p>{td_string!(l, home.desk_text)}</p>
            <p class="mt-3 flex flex-wrap gap-4">
                <A href="/sportelli" attr:class="btn-primary">{td_string!(l, home.desk_link)}</A>
                <a class="btn-secondary" href=format!("mailto:{DESK_EMAIL}")>{DESK_EMAIL}</a>
            </p>
        </section>
    }
}
