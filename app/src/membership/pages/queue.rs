//! `/staff/adesioni`: the admin approves or rejects each request to join, with
//! a reason the applicant receives by email; the latest decisions below.

use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::i18n::td_string;
use crate::i18n::Locale;
use crate::kernel::dates::italian_datetime;
use crate::membership::api::{list_adhesions, DecideAdhesion};
use crate::membership::domain::{AdhesionKind, AdhesionQueue, AdhesionRequest, AdhesionStatus};
use crate::network::domain::category_label;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdhesionsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let decide = ServerAction::<DecideAdhesion>::new();
    let decisions = Decisions::new(decide.version(), decide.value());
    let queue = Resource::new(move || decisions.settled.get(), |_| list_adhesions());
    let title = td_string!(l, membership_queue.requests_to_join_the);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6 max-w-3xl">{td_string!(l, membership_queue.an_approved_body_appears)}</p>
        <p role="alert" class="field-error">
            {move || decisions.page_message()}
        </p>
        {with_data(queue, move |queue| view! { <Queue queue decide decisions l/> })}
    }
}

fn kind_label(r: &AdhesionRequest, l: Locale) -> String {
    match (r.kind, r.category) {
        (AdhesionKind::Comune, _) => td_string!(l, membership_queue.municipality).to_string(),
        (AdhesionKind::Ente, Some(c)) => category_label(c, l).to_string(),
        (AdhesionKind::Ente, None) => td_string!(l, membership_queue.body).to_string(),
    }
}

#[component]
fn Queue(
    queue: AdhesionQueue,
    decide: ServerAction<DecideAdhesion>,
    decisions: Decisions,
    l: Locale,
) -> impl IntoView {
    let AdhesionQueue { waiting, decided } = queue;
    let texts = DecisionTexts::confirm(
        l,
        td_string!(l, membership_queue.approve),
        td_string!(l, membership_queue.reject),
        td_string!(l, membership_queue.reason_for_the_applicant),
    );
    view! {
        <section aria-labelledby="in-attesa" class="mb-10">
            <h2 id="in-attesa" class="section-title">{td_string!(l, membership_queue.waiting)} " (" {waiting.len()} ")"</h2>
            {waiting.is_empty().then(|| view! { <p role="status">{td_string!(l, membership_queue.no_request_is_waiting)}</p> })}
            <ul class="space-y-6">
                {waiting.into_iter().map(|r| {
                    view! {
                        <li class="card max-w-3xl" data-testid="richiesta-adesione">
                            <h3 class="card-title">{r.name.clone()}</h3>
                            <dl class="facts mb-4">
                                <dt>{td_string!(l, membership_queue.kind)}</dt><dd>{kind_label(&r, l)}</dd>
                                {r.mayor.clone().map(|m| view! { <dt>{td_string!(l, membership_queue.mayor)}</dt><dd>{m}</dd> })}
                                <dt>{td_string!(l, membership_queue.contact_person)}</dt><dd>{r.contact_name.clone()}</dd>
                                <dt>{td_string!(l, membership_queue.email)}</dt><dd>{r.contact_email.clone()}</dd>
                                <dt>{td_string!(l, membership_queue.phone)}</dt><dd>{r.contact_phone.clone()}</dd>
                                <dt>{td_string!(l, membership_queue.reason)}</dt><dd class="whitespace-pre-line">{r.reason.clone()}</dd>
                                <dt>{td_string!(l, membership_queue.memorandum)}</dt><dd>{td_string!(l, membership_queue.accepted)}</dd>
                                <dt>{td_string!(l, membership_queue.received)}</dt><dd>{italian_datetime(r.created_at)}</dd>
                            </dl>
                            <ActionForm action=decide>
                                <input type="hidden" name="request" value=r.id/>
                                <DecisionFields item=r.id texts decisions/>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="decise">
            <h2 id="decise" class="section-title">{td_string!(l, membership_queue.recently_decided)}</h2>
            <table class="hours-table max-w-none">
                <caption class="sr-only">{td_string!(l, membership_queue.decided_requests_newest_first)}</caption>
                <thead><tr>
                    <th scope="col">{td_string!(l, membership_queue.request)}</th>
                    <th scope="col">{td_string!(l, membership_queue.outcome)}</th>
                    <th scope="col">{td_string!(l, membership_queue.reason)}</th>
                    <th scope="col">{td_string!(l, membership_queue.decided)}</th>
                </tr></thead>
                <tbody>
                    {decided.into_iter().map(|r| view! {
                        <tr data-testid="adesione-decisa">
                            <td>{r.name.clone()}</td>
                            <td>{if r.status == AdhesionStatus::Approved { td_string!(l, membership_queue.approved) } else { td_string!(l, membership_queue.rejected) }}</td>
                            <td>{r.decision_reason.clone().unwrap_or_default()}</td>
                            <td>{r.decided_at.map(italian_datetime).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
