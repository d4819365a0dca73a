//! `/area/avvisi`: one's saved searches, with the offers that are new since
//! the last digest, and a button to stop each.

use crate::components::async_data::with_data;
use crate::components::tr;
use crate::offers::api::{list_saved_searches, DeleteSavedSearch};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyAlertsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let delete = ServerAction::<DeleteSavedSearch>::new();
    let saved = Resource::new(move || delete.version().get(), |_| list_saved_searches());
    let title = tr(l, "I tuoi avvisi di lavoro", "Your job alerts");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{tr(l, "Le ricerche che hai salvato: ogni giorno ti scriviamo se ci sono offerte nuove. Per aggiungerne una, cerca nelle offerte e scegli «Avvisami».", "Your saved searches: every day we email you if there are new offers. To add one, search the offers and choose \"Alert me\".")}</p>
        {with_data(saved, move |saved| view! {
            {saved.is_empty().then(|| view! { <p><a href="/offerte">{tr(l, "Non hai ricerche salvate: cerca tra le offerte", "No saved searches: search the offers")}</a></p> })}
            <ul class="grid gap-4">
                {saved.into_iter().map(|s| view! {
                    <li class="card" data-testid="avviso">
                        <h2 class="card-title"><a href=s.href.clone()>{s.label.clone()}</a></h2>
                        <p class="mb-3">{if s.new_offers == 0 { tr(l, "Nessuna offerta nuova dall'ultimo avviso.", "No new offers since the last alert.").to_string() } else { format!("{} {}", s.new_offers, tr(l, "offerte nuove dall'ultimo avviso", "new offers since the last alert")) }}</p>
                        <ActionForm action=delete>
                            <input type="hidden" name="id" value=s.id/>
                            <button type="submit" class="btn-secondary">{format!("{} {}", tr(l, "Non avvisarmi più:", "Stop alerts:"), s.label)}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}
