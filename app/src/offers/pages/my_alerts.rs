//! `/area/avvisi`: one's saved searches, with the offers that are new since
//! the last digest, and a button to stop each.

use crate::components::async_data::with_data;
use crate::i18n::td_string;
use crate::offers::api::{list_saved_searches, DeleteSavedSearch};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyAlertsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let delete = ServerAction::<DeleteSavedSearch>::new();
    let saved = Resource::new(move || delete.version().get(), |_| list_saved_searches());
    let title = td_string!(l, offers_my_alerts.your_job_alerts);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, offers_my_alerts.your_saved_searches_every)}</p>
        {with_data(saved, move |saved| view! {
            {saved.is_empty().then(|| view! { <p><a href="/offerte">{td_string!(l, offers_my_alerts.no_saved_searches_search)}</a></p> })}
            <ul class="grid gap-4">
                {saved.into_iter().map(|s| view! {
                    <li class="card" data-testid="avviso">
                        <h2 class="card-title"><a href=s.href.clone()>{s.label.clone()}</a></h2>
                        <p class="mb-3">{if s.new_offers == 0 { td_string!(l, offers_my_alerts.no_new_offers_since).to_string() } else { format!("{} {}", s.new_offers, td_string!(l, offers_my_alerts.new_offers_since_the)) }}</p>
                        <ActionForm action=delete>
                            <input type="hidden" name="id" value=s.id/>
                            <button type="submit" class="btn-secondary">{format!("{} {}", td_string!(l, offers_my_alerts.stop_alerts), s.label)}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}
