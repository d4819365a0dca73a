//! The pages emailed links open: confirm an address, choose a new password;
//! and the page that asks for a password link.

use crate::accounts::api::{RequestPasswordReset, ResetPassword, VerifyEmail};
use crate::components::form::{field_message, form_message, Field};
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn token_from_url() -> String {
    use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

/// Confirming takes a click: mail scanners that open links must not use the token up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let action = ServerAction::<VerifyEmail>::new();
    let result = action.value();
    view! {
        <Title text=td_string!(l, account.verify_title)/>
        <h1 class="page-title">{td_string!(l, account.verify_title)}</h1>
        <p class="lead mb-6">{td_string!(l, account.verify_lead)}</p>
        <ActionForm action>
            <input type="hidden" name="token" value=token_from_url()/>
            <p role="alert" class="field-error">{move || field_message(result.get(), "token").or_else(|| form_message(result.get(), &["token"]))}</p>
            <button type="submit" class="btn-primary">{td_string!(l, account.verify_submit)}</button>
        </ActionForm>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let action = ServerAction::<RequestPasswordReset>::new();
    let result = action.value();
    view! {
        <PageMeta title=td_string!(l, account.forgot_title) description=crate::kernel::text::first_words(td_string!(l, account.forgot_lead), 160)/>
        <h1 class="page-title">{td_string!(l, account.forgot_title)}</h1>
        <p class="lead mb-6">{td_string!(l, account.forgot_lead)}</p>
        <ActionForm action attr:class="max-w-xl" attr:novalidate="true">
            <Field name="email" kind="email" label=td_string!(l, account.email) autocomplete="email" error=Signal::derive(move || field_message(result.get(), "email"))/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &["email"])}</p>
            <button type="submit" class="btn-primary">{td_string!(l, account.forgot_submit)}</button>
        </ActionForm>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let action = ServerAction::<ResetPassword>::new();
    let result = action.value();
    view! {
        <Title text=td_string!(l, account.reset_title)/>
        <h1 class="page-title">{td_string!(l, account.reset_title)}</h1>
        <ActionForm action attr:class="max-w-xl" attr:novalidate="true">
            <input type="hidden" name="token" value=token_from_url()/>
            <Field name="password" kind="password" label=td_string!(l, account.new_password) hint=td_string!(l, account.password_hint) autocomplete="new-password" error=Signal::derive(move || field_message(result.get(), "password"))/>
            <p role="alert" class="field-error">{move || field_message(result.get(), "token").or_else(|| form_message(result.get(), &["password", "token"]))}</p>
            <button type="submit" class="btn-primary">{td_string!(l, account.reset_submit)}</button>
        </ActionForm>
    }
}
