//! Staff pages: `/staff/verifiche` (businesses and bodies waiting).

use super::role_label;
use crate::accounts::api::{list_pending_accounts, DecideAccount};
use crate::accounts::domain::PendingAccount;
use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn VerificationsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let decide = ServerAction::<DecideAccount>::new();
    let decisions = Decisions::new(decide.version(), decide.value());
    // Reload the queue after each decision.
    let pending = Resource::new(move || decisions.settled.get(), |_| list_pending_accounts());
    view! {
        <Title text=td_string!(l, account.verifications_title)/>
        <h1 class="page-title">{td_string!(l, account.verifications_title)}</h1>
        <p class="lead mb-6">{td_string!(l, account.verifications_lead)}</p>
        {with_data(pending, move |pending| view! { <Queue pending decide decisions/> })}
    }
}

#[component]
fn Queue(
    pending: Vec<PendingAccount>,
    decide: ServerAction<DecideAccount>,
    decisions: Decisions,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let texts = DecisionTexts {
        legend: td_string!(l, account.decision),
        approve: td_string!(l, account.approve),
        reject: td_string!(l, account.reject),
        reason: td_string!(l, account.reason),
        submit: td_string!(l, account.decide_submit),
    };
    if pending.is_empty() {
        return view! { <p role="status">{td_string!(l, account.verifications_empty)}</p> }
            .into_any();
    }
    view! {
        <p role="alert" class="field-error">
            {move || decisions.page_message()}
        </p>
        <ul class="space-y-6">
            {pending.into_iter().map(|p| {
                view! {
                    <li class="card max-w-3xl" data-testid="richiesta">
                        <h2 class="card-title">{p.organisation.clone()}</h2>
                        <dl class="facts mb-4">
                            <dt>{td_string!(l, account.role)}</dt><dd>{role_label(p.role, l)}</dd>
                            <dt>{td_string!(l, account.display_name)}</dt><dd>{p.display_name.clone()}</dd>
                            <dt>{td_string!(l, account.email)}</dt><dd>{p.email.clone()}</dd>
                            <dt>{td_string!(l, account.requested_at)}</dt><dd>{italian_datetime(p.created_at)}</dd>
                        </dl>
                        <ActionForm action=decide>
                            <input type="hidden" name="account" value=p.id/>
                            <DecisionFields item=p.id texts decisions/>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
