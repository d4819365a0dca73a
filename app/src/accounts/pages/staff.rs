//! Staff pages: `/staff/verifiche` (businesses and bodies waiting) and
//! `/staff/registro` (the audit log, admin only).

use super::role_label;
use crate::accounts::api::{list_audit_log, list_pending_accounts, DecideAccount};
use crate::accounts::domain::PendingAccount;
use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::i18n::*;
use crate::kernel::audit::AuditEntry;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

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

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        (
            q.get("azione").unwrap_or_default(),
            q.get("operatore").unwrap_or_default(),
        )
    };
    let entries = Resource::new(filters, |(action, actor)| list_audit_log(action, actor));
    let (action, actor) = filters();
    view! {
        <Title text=td_string!(l, account.audit_title)/>
        <h1 class="page-title">{td_string!(l, account.audit_title)}</h1>
        <form method="get" action="/staff/registro" class="mb-6 flex flex-wrap items-end gap-4">
            <div class="flex flex-col">
                <label for="filtro-azione" class="font-semibold">{td_string!(l, account.audit_action)}</label>
                <select id="filtro-azione" name="azione" class="input">
                    <option value="">{td_string!(l, account.audit_all)}</option>
                    {["consultazione_verifiche", "verifica_approvata", "verifica_respinta"].into_iter().map(|a| view! {
                        <option value=a selected=action == a>{a}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-operatore" class="font-semibold">{td_string!(l, account.audit_actor)}</label>
                <input id="filtro-operatore" name="operatore" inputmode="numeric" class="input" value=actor/>
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, account.audit_filter)}</button>
        </form>
        {with_data(entries, move |entries| view! { <AuditTable entries/> })}
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <table class="hours-table max-w-none">
            <caption class="text-left font-semibold">{td_string!(l, account.audit_caption)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(l, account.audit_when)}</th>
                <th scope="col">{td_string!(l, account.audit_actor)}</th>
                <th scope="col">{td_string!(l, account.audit_action)}</th>
                <th scope="col">{td_string!(l, account.audit_subject)}</th>
                <th scope="col">{td_string!(l, account.audit_detail)}</th>
            </tr></thead>
            <tbody>
                {entries.into_iter().map(|e| view! {
                    <tr>
                        <td>{italian_datetime(e.at)}</td>
                        <td>{e.actor_id.map(|id| id.to_string()).unwrap_or_default()}</td>
                        <td>{e.action}</td>
                        <td>{e.subject_id.map(|id| id.to_string()).unwrap_or_default()}</td>
                        <td>{e.detail}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
