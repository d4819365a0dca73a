//! `/staff/registro`: the audit log for the admin. A plain GET form filters
//! it by act, person and period (every view is an address, and it works
//! without JavaScript); the same address with `.csv` downloads the period.

use crate::components::async_data::with_data;
use crate::i18n::*;
use crate::kernel::access::return_to::percent_encode;
use crate::kernel::audit::{AuditEntry, AUDIT_ACTIONS, PAGE_ROWS};
use crate::kernel::dates::italian_datetime;
use crate::staff::api::list_audit_log;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The filter as the address holds it: act, person, first and last day.
type Filter = (String, String, String, String);

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (get("azione"), get("operatore"), get("dal"), get("al"))
    };
    let entries = Resource::new(filter, |(action, actor, from, until)| {
        list_audit_log(action, actor, from, until)
    });
    view! {
        <Title text=td_string!(l, account.audit_title)/>
        <h1 class="page-title">{td_string!(l, account.audit_title)}</h1>
        <p class="lead mb-4">{td_string!(l, audit.intro)}</p>
        {move || view! { <AuditFilterForm filter=filter()/> }}
        {with_data(entries, move |entries| view! { <AuditTable entries/> })}
    }
}

#[component]
fn AuditFilterForm(filter: Filter) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let (action, actor, from, until) = filter;
    let csv = [
        ("azione", &action),
        ("operatore", &actor),
        ("dal", &from),
        ("al", &until),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", percent_encode(v)))
    .collect::<Vec<_>>()
    .join("&");
    view! {
        <form method="get" action="/staff/registro" class="mb-4 flex flex-wrap items-end gap-4">
            <div class="flex flex-col">
                <label for="filtro-azione" class="font-semibold">{td_string!(l, account.audit_action)}</label>
                <select id="filtro-azione" name="azione" class="input">
                    <option value="">{td_string!(l, account.audit_all)}</option>
                    {AUDIT_ACTIONS.into_iter().map(|(code, label)| view! {
                        <option value=code selected=action == code>{label(l)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="filtro-operatore" class="font-semibold">{td_string!(l, account.audit_actor)}</label>
                <input id="filtro-operatore" name="operatore" inputmode="numeric" class="input w-32" value=actor/>
            </div>
            <div class="flex flex-col">
                <label for="filtro-dal" class="font-semibold">{td_string!(l, audit.from)}</label>
                <input id="filtro-dal" name="dal" type="date" class="input" value=from/>
            </div>
            <div class="flex flex-col">
                <label for="filtro-al" class="font-semibold">{td_string!(l, audit.until)}</label>
                <input id="filtro-al" name="al" type="date" class="input" value=until/>
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, account.audit_filter)}</button>
        </form>
        <p class="mb-6">
            <a class="btn-secondary" href=format!("/api/staff/registro.csv?{csv}") download="" rel="external">
                {td_string!(l, audit.download_csv)}
            </a>
        </p>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    if entries.is_empty() {
        return view! { <p data-testid="registro-vuoto">{td_string!(l, audit.nothing)}</p> }
            .into_any();
    }
    let full = entries.len() as i64 >= PAGE_ROWS;
    view! {
        {full.then(|| view! { <p class="notice mb-4">{td_string!(l, audit.only_the_latest, n = PAGE_ROWS)}</p> })}
        <div class="overflow-x-auto">
        <table class="hours-table max-w-none" data-testid="registro">
            <caption class="text-left font-semibold">{td_string!(l, account.audit_caption)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(l, account.audit_when)}</th>
                <th scope="col">{td_string!(l, audit.who)}</th>
                <th scope="col">{td_string!(l, account.audit_action)}</th>
                <th scope="col">{td_string!(l, account.audit_subject)}</th>
                <th scope="col">{td_string!(l, account.audit_detail)}</th>
            </tr></thead>
            <tbody>
                {entries.into_iter().map(|e| view! { <AuditRow e/> }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

#[component]
fn AuditRow(e: AuditEntry) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let who = match (e.actor_id, e.actor_name) {
        (Some(id), Some(name)) => format!("{name} (n. {id})"),
        (Some(id), None) => td_string!(l, audit.account_gone, id = id).to_string(),
        (None, _) => String::new(),
    };
    let role = e.actor_role.map(|r| r.label()(l)).unwrap_or_default();
    let kind = e.subject_kind.label()(l);
    let name = match (e.subject_name, e.subject_id) {
        (Some(name), _) => name,
        (None, Some(id)) => format!("n. {id}"),
        (None, None) => String::new(),
    };
    let href = e.subject_id.and_then(|id| e.subject_kind.href(id));
    view! {
        <tr>
            <td>{italian_datetime(e.at)}</td>
            <td>{who}<br/><span class="text-sm">{role}</span></td>
            <td data-code=e.action.code()>{e.action.label()(l)}</td>
            <td>
                <span class="text-sm">{kind}</span><br/>
                {match href {
                    Some(href) => view! { <a href=href>{name}</a> }.into_any(),
                    None => view! { <span>{name}</span> }.into_any(),
                }}
            </td>
            <td>{e.detail}</td>
        </tr>
    }
}
