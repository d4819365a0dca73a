//! `/staff/offerte`: the offers waiting for an operator, oldest first. Each is
//! published, or sent back to its publisher with a reason they read by email.

use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use crate::offers::api::{list_offers_to_review, DecideOffer};
use crate::offers::domain::ManagedOffer;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReviewOffersPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let decide = ServerAction::<DecideOffer>::new();
    let decisions = Decisions::new(decide.version(), decide.value());
    // The queue reloads after each decision.
    let queue = Resource::new(move || decisions.settled.get(), |_| list_offers_to_review());
    let title = td_string!(l, offers_review.offers_to_review);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, offers_review.check_that_the_offer)}</p>
        {with_data(queue, move |queue| view! { <Queue queue decide decisions/> })}
    }
}

#[component]
fn Queue(
    queue: Vec<ManagedOffer>,
    decide: ServerAction<DecideOffer>,
    decisions: Decisions,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let texts = DecisionTexts::confirm(
        l,
        td_string!(l, offers_review.publish),
        td_string!(l, offers_review.send_back_to_fix),
        td_string!(l, offers_review.reason_required_when_sending),
    );
    if queue.is_empty() {
        return view! { <p role="status">{td_string!(l, offers_review.no_offer_waiting)}</p> }
            .into_any();
    }
    view! {
        <p role="alert" class="field-error">
            {move || decisions.page_message()}
        </p>
        <ul class="space-y-6">
            {queue.into_iter().map(|o| {
                view! {
                    <li class="card max-w-3xl" data-testid="offerta-da-controllare">
                        <h2 class="card-title"><a href=format!("/offerte/{}", o.id)>{o.title.clone()}</a></h2>
                        <p class="mb-4">{format!("{} · {} · {} · {} {}", o.kind.label()(l), o.organisation, if o.comune_name.is_empty() { td_string!(l, offers_review.remote).to_string() } else { o.comune_name.clone() }, td_string!(l, offers_review.sent_on), italian_datetime(o.updated_at))}</p>
                        <ActionForm action=decide>
                            <input type="hidden" name="id" value=o.id/>
                            <DecisionFields item=o.id texts decisions/>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
