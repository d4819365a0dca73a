//! `/invito?token=…`: the contact of an approved body creates the body's
//! account (role `ente`, already verified) and is signed in.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, CheckField, Field};
use crate::i18n::td_string;
use crate::i18n::Locale;
use crate::membership::api::{get_invitation, AcceptInvitation};
use crate::membership::domain::Invitation;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let for_resource = token.clone();
    let invitation = Resource::new(|| (), move |_| get_invitation(for_resource.clone()));
    let title = td_string!(l, membership_invitation.create_the_bodys_account);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {with_data(invitation, move |invitation| view! { <AcceptForm invitation token=token.clone() l/> })}
    }
}

#[component]
fn AcceptForm(invitation: Invitation, token: String, l: Locale) -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let result = action.value();
    let error =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    view! {
        <p class="lead mb-6 max-w-2xl">
            {td_string!(l, membership_invitation.welcome_to_the_work)}
            <strong>{invitation.organisation.clone()}</strong>
            {td_string!(l, membership_invitation.with_the_address)}<strong>{invitation.email.clone()}</strong>"."
        </p>
        <ActionForm action attr:class="max-w-xl" attr:novalidate="true">
            <input type="hidden" name="token" value=token/>
            <Field name="display_name" label=td_string!(l, membership_invitation.full_name) autocomplete="name"
                value=Some(invitation.contact_name.clone()) error=error("display_name")/>
            <Field name="password" kind="password" label=td_string!(l, membership_invitation.choose_a_password)
                hint=td_string!(l, membership_invitation.at_least_12_characters)
                autocomplete="new-password" error=error("password")/>
            <CheckField name="privacy" error=error("privacy")>
                {td_string!(l, membership_invitation.i_have_read_the)}<a href="/privacy" target="_blank">{td_string!(l, membership_invitation.privacy_notice)}</a>
            </CheckField>
            <p role="alert" class="field-error">{move || field_message(result.get(), "token").or_else(|| form_message(result.get(), &["display_name", "password", "privacy", "token"]))}</p>
            <button type="submit" class="btn-primary" disabled=move || action.pending().get()>{td_string!(l, membership_invitation.create_the_account)}</button>
        </ActionForm>
    }
}
