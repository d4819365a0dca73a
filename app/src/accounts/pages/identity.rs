//! Signing in with SPID and CIE: the buttons on `/accesso` and
//! `/registrazione`, the first sign-in's page (`/accesso/identita`), the
//! failures' page (`/accesso/errore`) and the identities in `/area`.

use crate::accounts::domain::{ProviderKind, SignInFailure};
use crate::accounts::identity_api::{
    get_pending_identity, list_my_identities, sign_in_providers, CreateAccountFromIdentity,
    LinkIdentity, UnlinkIdentity,
};
use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, CheckField, ErrorSummary, Field};
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// "Entra con SPID", then "Entra con CIE" (AgID's order), each a plain link
/// to the provider's trip; nothing when no provider is configured.
#[component]
pub fn ProviderButtons() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let providers = Resource::new(|| (), |_| sign_in_providers());
    let buttons = move || {
        let mut list = providers.get().and_then(Result::ok).unwrap_or_default();
        list.sort_by_key(|p| match p.kind {
            ProviderKind::Spid => 0,
            ProviderKind::Cie => 1,
            ProviderKind::Other => 2,
        });
        (!list.is_empty()).then(|| {
            view! {
                <section class="card mb-6 max-w-xl" aria-labelledby="accesso-identita">
                    <h2 id="accesso-identita" class="section-title">{td_string!(l, identity.title)}</h2>
                    <p class="mb-4">{td_string!(l, identity.lead)}</p>
                    <ul class="flex flex-wrap gap-3">
                        {list.into_iter().map(|p| {
                            let class = match p.kind {
                                ProviderKind::Spid => "btn-spid",
                                ProviderKind::Cie => "btn-cie",
                                ProviderKind::Other => "btn-secondary",
                            };
                            view! {
                                <li>
                                    <a class=class href=format!("/accesso/oidc/{}", p.id) rel="external" data-provider=p.id.clone()>
                                        {p.kind.label()(l)}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="mt-4 text-sm">
                        <a href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/" rel="external">{td_string!(l, identity.no_spid)}</a>
                        " · "
                        <a href="https://www.cartaidentita.interno.gov.it/" rel="external">{td_string!(l, identity.about_cie)}</a>
                    </p>
                </section>
            }
        })
    };
    view! { <Transition fallback=|| ()>{buttons}</Transition> }
}

/// `/accesso/identita`: what the provider sent, the privacy consent, and
/// for a person who already has an account, the link after its password.
#[component]
pub fn PendingIdentityPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let pending = Resource::new(|| (), |_| get_pending_identity());
    view! {
        <Title text=td_string!(l, identity.first_title)/>
        <h1 class="page-title">{td_string!(l, identity.first_title)}</h1>
        {with_data(pending, |pending| view! { <FirstSignIn pending/> })}
    }
}

#[component]
fn FirstSignIn(pending: crate::accounts::domain::PendingIdentity) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let create = ServerAction::<CreateAccountFromIdentity>::new();
    let link = ServerAction::<LinkIdentity>::new();
    let created = create.value();
    let linked = link.value();
    let needs_email = pending.email.is_none();
    let name = [pending.given_name.clone(), pending.family_name.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let dash = || "—".to_string();
    view! {
        <p class="lead mb-4">{format!("{} {}", td_string!(l, identity.first_lead), pending.provider.label()(l))}</p>
        <dl class="facts mb-6" data-testid="dati-gestore">
            <dt>{td_string!(l, identity.name)}</dt><dd>{if name.is_empty() { dash() } else { name }}</dd>
            <dt>{td_string!(l, identity.email)}</dt><dd>{pending.email.clone().unwrap_or_else(dash)}</dd>
            <dt>{td_string!(l, identity.fiscal_code)}</dt><dd>{pending.fiscal_code.clone().unwrap_or_else(dash)}</dd>
        </dl>
        {(!pending.email_taken).then(|| view! {
            <section class="card mb-6 max-w-xl" aria-labelledby="nuovo-account">
                <h2 id="nuovo-account" class="section-title">{td_string!(l, identity.create_title)}</h2>
                <ActionForm action=create attr:novalidate="true">
                    <ErrorSummary result=Signal::derive(move || created.get())/>
                    {needs_email.then(|| view! {
                        <Field name="email" kind="email" label=td_string!(l, identity.email) autocomplete="email" error=Signal::derive(move || field_message(created.get(), "email"))/>
                    })}
                    <CheckField name="privacy" error=Signal::derive(move || field_message(created.get(), "privacy"))>
                        {td_string!(l, account.privacy_consent)} " "
                        <a href="/privacy" target="_blank">{td_string!(l, account.privacy_link)}</a>
                    </CheckField>
                    <p role="alert" class="field-error">{move || form_message(created.get(), &["email", "privacy"])}</p>
                    <button type="submit" class="btn-primary">{td_string!(l, identity.create_submit)}</button>
                </ActionForm>
            </section>
        })}
        <section class="card mb-6 max-w-xl" aria-labelledby="collega-account">
            <h2 id="collega-account" class="section-title">{td_string!(l, identity.link_title)}</h2>
            <p class="mb-3">{td_string!(l, identity.link_text)}</p>
            <ActionForm action=link attr:novalidate="true">
                <ErrorSummary result=Signal::derive(move || linked.get())/>
                <Field name="email" kind="email" label=td_string!(l, account.email) autocomplete="username" value=pending.email.clone() error=Signal::derive(move || field_message(linked.get(), "email"))/>
                <Field name="password" kind="password" label=td_string!(l, account.password) autocomplete="current-password" error=Signal::derive(move || field_message(linked.get(), "password"))/>
                <p role="alert" class="field-error">{move || form_message(linked.get(), &["email", "password"])}</p>
                <button type="submit" class="btn-secondary">{td_string!(l, identity.link_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// `/accesso/errore?motivo=…`: why the sign-in did not happen, and the way back.
#[component]
pub fn SignInFailedPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let reason = move || {
        query
            .read()
            .get("motivo")
            .and_then(|code| SignInFailure::from_code(&code))
            .unwrap_or(SignInFailure::StateInvalid)
    };
    view! {
        <Title text=td_string!(l, identity.failed_title)/>
        <h1 class="page-title">{td_string!(l, identity.failed_title)}</h1>
        <p class="notice mb-6" role="alert" data-testid="motivo">{move || reason().label()(l)}</p>
        <ul class="space-y-2">
            <li><A href="/accesso">{td_string!(l, identity.try_again)}</A></li>
            <li><A href="/sportelli">{td_string!(l, identity.ask_the_desk)}</A></li>
        </ul>
    }
}

/// The identities linked to the account, each with its unlink button, and
/// the buttons that link one more. The buttons stay outside the list's own
/// suspense: a resource started inside another's resolved view does not
/// hydrate.
#[component]
pub fn LinkedIdentities() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let identities = Resource::new(|| (), |_| list_my_identities());
    let query = use_query_map();
    let unlink = ServerAction::<UnlinkIdentity>::new();
    let result = unlink.value();
    view! {
        <section class="mb-8 max-w-3xl" aria-labelledby="identita">
            <h2 id="identita" class="section-title">{td_string!(l, identity.linked_title)}</h2>
            {with_data(identities, move |list| view! {
                {list.is_empty().then(|| view! { <p class="mb-3">{td_string!(l, identity.none_linked)}</p> })}
                <ul class="space-y-2" data-testid="identita-collegate">
                    {list.into_iter().map(|item| {
                        let line = format!(
                            "{} — {} {}{}",
                            item.provider.label()(l),
                            td_string!(l, identity.linked_on),
                            italian_datetime(item.linked_at),
                            item.fiscal_code.map(|c| format!(" ({c})")).unwrap_or_default(),
                        );
                        view! {
                            <li class="flex flex-wrap items-center gap-3">
                                <span>{line}</span>
                                <ActionForm action=unlink>
                                    <input type="hidden" name="identity" value=item.id/>
                                    <button type="submit" class="btn-secondary">{td_string!(l, identity.unlink)}</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p role="alert" class="field-error">{move || form_message(result.get(), &[])}</p>
            <p role="status">{move || query.read().get("scollegato").map(|_| td_string!(l, identity.unlinked))}</p>
            <ProviderButtons/>
        </section>
    }
}
