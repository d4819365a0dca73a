//! `/area/candidature`: the offers I applied to and where each has got.

use crate::applications::api::list_my_applications;
use crate::components::async_data::with_data;
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
    let title = td_string!(l, applications_mine.your_applications);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {with_data(mine, move |mine| view! {
            {mine.is_empty().then(|| view! { <p>{td_string!(l, applications_mine.you_have_not_applied)}<a href="/offerte">{td_string!(l, applications_mine.find_an_offer)}</a>"."</p> })}
            <ul class="grid gap-4">
                {mine.into_iter().map(|a| view! {
                    <li class="card" data-testid="mia-candidatura">
                        <h2 class="card-title"><a href=format!("/offerte/{}", a.offer_id)>{a.offer_title.clone()}</a></h2>
                        <p>{a.organisation.clone()}</p>
                        <p>{format!("{} {}", td_string!(l, applications_mine.sent_on), italian_date(a.sent_at))}</p>
                        <p><strong>{td_string!(l, applications_mine.state)}</strong><span class="badge" data-testid="stato-candidatura">{pick(a.stage.label(), english)}</span></p>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}
