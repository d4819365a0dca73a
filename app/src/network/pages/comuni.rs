//! `/comuni`: the 32 comuni on the map and in a list that filters by name (`?q=`).

use super::finder::ComuneFinder;
use crate::components::async_data::with_data;
use crate::components::map::ProvinceMap;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::api::list_comuni_for_map;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ComuniPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let comuni = Resource::new(|| (), |_| list_comuni_for_map());
    view! {
        <PageMeta title=td_string!(l, comuni.title) description=crate::kernel::text::first_words(td_string!(l, comuni.lead), 160)/>
        <h1 class="page-title">{td_string!(l, comuni.heading)}</h1>
        <p class="lead mb-6">{td_string!(l, comuni.lead)}</p>
        {with_data(comuni, move |comuni| {
            let initial = query.read_untracked().get("q").unwrap_or_default();
            view! {
                <div class="grid gap-8 lg:grid-cols-2">
                    <div><ComuneFinder comuni=comuni.clone() initial suggest_only=false/></div>
                    <div><ProvinceMap comuni/></div>
                </div>
            }
        })}
    }
}
