//! `/registrazione` and `/accesso`.

use crate::accounts::api::{LogIn, RegisterAccount};
use crate::components::form::{field_message, form_message, CheckField, ErrorSummary, Field};
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let action = ServerAction::<RegisterAccount>::new();
    let query = use_query_map();
    let pending_path = query.read_untracked().get("percorso").is_some();
    // "Per le imprese" and the network's page link here with the role chosen.
    let role = query
        .read_untracked()
        .get("ruolo")
        .filter(|r| ["impresa", "ente"].contains(&r.as_str()))
        .unwrap_or_else(|| "cittadino".to_string());
    // Refused without JavaScript: the role chosen, not the address's.
    let role = crate::kernel::refused_form::echoed("role").unwrap_or(role);
    let result = action.value();
    let error =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let fields = [
        "role",
        "display_name",
        "organisation",
        "email",
        "password",
        "privacy",
    ];
    view! {
        <PageMeta title=td_string!(l, account.register_title) description=crate::kernel::text::first_words(td_string!(l, account.register_lead), 160)/>
        <h1 class="page-title">{td_string!(l, account.register_title)}</h1>
        <p class="lead mb-6">{td_string!(l, account.register_lead)}</p>
        <super::identity::ProviderButtons/>
        {pending_path.then(|| view! {
            <p role="status" class="notice mb-6 max-w-xl">{crate::i18n::td_string!(l, accounts_entry.your_guidance_path_is)}</p>
        })}
        <ActionForm action attr:class="max-w-xl" attr:novalidate="true">
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{td_string!(l, account.role_legend)}</legend>
                <label class="choice"><input type="radio" name="role" value="cittadino" checked=role == "cittadino"/> {td_string!(l, account.role_cittadino_long)}</label>
                <label class="choice"><input type="radio" name="role" value="impresa" checked=role == "impresa"/> {td_string!(l, account.role_impresa_long)}</label>
                <label class="choice"><input type="radio" name="role" value="ente" checked=role == "ente"/> {td_string!(l, account.role_ente_long)}</label>
                <p class="field-error" aria-live="polite">{move || error("role").get()}</p>
            </fieldset>
            <Field name="display_name" label=td_string!(l, account.display_name) autocomplete="name" error=error("display_name")/>
            <Field name="organisation" label=td_string!(l, account.organisation) hint=td_string!(l, account.organisation_hint) autocomplete="organization" error=error("organisation")/>
            <Field name="email" kind="email" label=td_string!(l, account.email) autocomplete="email" error=error("email")/>
            <Field name="password" kind="password" label=td_string!(l, account.password) hint=td_string!(l, account.password_hint) autocomplete="new-password" error=error("password")/>
            <CheckField name="privacy" error=error("privacy")>
                {td_string!(l, account.privacy_consent)} " "
                <a href="/privacy" target="_blank">{td_string!(l, account.privacy_link)}</a>
            </CheckField>
            <p role="alert" class="field-error">{move || form_message(result.get(), &fields)}</p>
            <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { td_string!(l, account.sending) } else { td_string!(l, account.register_submit) }}
            </button>
        </ActionForm>
        <p class="mt-6">{td_string!(l, account.have_account)} " " <A href="/accesso">{td_string!(l, account.login_title)}</A></p>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let action = ServerAction::<LogIn>::new();
    // The page that sent the person here, to go back to once signed in.
    let next = query
        .read_untracked()
        .get("next")
        .filter(|next| crate::kernel::access::return_to::after_sign_in(next).is_some());
    let result = action.value();
    let error =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let notice = move || {
        let q = query.read();
        if q.get("registrato").is_some() {
            Some(td_string!(l, account.notice_registered))
        } else if q.get("verificato").is_some() {
            Some(td_string!(l, account.notice_verified))
        } else if q.get("reset").as_deref() == Some("inviato") {
            Some(td_string!(l, account.notice_reset_sent))
        } else if q.get("reset").as_deref() == Some("fatto") {
            Some(td_string!(l, account.notice_reset_done))
        } else {
            None
        }
    };
    view! {
        <PageMeta title=td_string!(l, account.login_title) description=crate::kernel::text::first_words(td_string!(l, account.login_description), 160)/>
        <h1 class="page-title">{td_string!(l, account.login_title)}</h1>
        {move || notice().map(|text| view! { <p role="status" class="notice">{text}</p> })}
        {next.is_some().then(|| view! { <p class="notice">{td_string!(l, account.sign_in_to_continue)}</p> })}
        <super::identity::ProviderButtons/>
        <h2 class="section-title">{td_string!(l, identity.with_password)}</h2>
        <ActionForm action attr:class="max-w-xl" attr:novalidate="true">
            <input type="hidden" name="next" value=next.clone().unwrap_or_default()/>
            <Field name="email" kind="email" label=td_string!(l, account.email) autocomplete="username" error=error("email")/>
            <Field name="password" kind="password" label=td_string!(l, account.password) autocomplete="current-password" error=error("password")/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &["email", "password"])}</p>
            <button type="submit" class="btn-primary" disabled=move || action.pending().get()>{td_string!(l, account.login_submit)}</button>
        </ActionForm>
        <ul class="mt-6 space-y-2">
            <li><A href="/password-dimenticata">{td_string!(l, account.forgot_link)}</A></li>
            <li>{td_string!(l, account.no_account)} " " <A href="/registrazione">{td_string!(l, account.register_title)}</A></li>
        </ul>
    }
}
