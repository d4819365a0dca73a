//! `/area/candidature`: the offers I applied to and where each has got.

use crate::applications::api::list_my_applications;
use crate::components::async_data::with_data;
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::labels::pick;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyApplicationsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let mine = Resource::new(|| (), |_| list_my_applications());
    let title = tr(l, "Le tue candidature", "Your applications");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {with_data(mine, move |mine| view! {
            {mine.is_empty().then(|| view! { <p>{tr(l, "Non ti sei ancora candidato/a: ", "You have not applied yet: ")}<a href="/offerte">{tr(l, "cerca un'offerta", "find an offer")}</a>"."</p> })}
            <ul class="grid gap-4">
                {mine.into_iter().map(|a| view! {
                    <li class="card" data-testid="mia-candidatura">
                        <h2 class="card-title"><a href=format!("/offerte/{}", a.offer_id)>{a.offer_title.clone()}</a></h2>
                        <p>{a.organisation.clone()}</p>
                        <p>{format!("{} {}", tr(l, "Inviata il", "Sent on"), italian_date(a.sent_at))}</p>
                        <p><strong>{tr(l, "Stato: ", "State: ")}</strong><span class="badge" data-testid="stato-candidatura">{pick(a.stage.label(), english)}</span></p>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}
