//! `/rete/aderisci`: a body or a comune asks to join the network. A plain form
//! (it works without JavaScript); each error is shown on its field and the
//! values typed stay where they are.

use crate::components::form::{
    field_message, form_message, CheckField, ErrorSummary, Field, SelectField, TextArea,
};
use crate::components::page_meta::PageMeta;
use crate::i18n::td_string;
use crate::i18n::Locale;
use crate::membership::api::SubmitAdhesion;
use crate::network::api::list_comuni;
use crate::network::domain::category_label;
use crate::network::domain::Category;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const FIELDS: [&str; 10] = [
    "kind",
    "name",
    "category",
    "comune",
    "mayor",
    "contact_name",
    "contact_email",
    "contact_phone",
    "reason",
    "protocol",
];

#[component]
pub fn JoinPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    // Reactive: after the form is sent the router comes back here with `?inviata=1`.
    let query = use_query_map();
    let sent = move || query.read().get("inviata").is_some();
    let title = td_string!(l, membership_join.ask_to_join_the);
    view! {
        <PageMeta title description=crate::kernel::text::first_words(td_string!(l, membership_join.bodies_associations_employment_agencies), 160)/>
        <h1 class="page-title">{title}</h1>
        {move || if sent() {
            view! {
                <p role="status" class="notice mb-6 max-w-3xl" data-testid="adesione-inviata">{td_string!(l, membership_join.request_sent_we_have)}</p>
                <p><a href="/rete">{td_string!(l, membership_join.back_to_the_network)}</a></p>
            }.into_any()
        } else {
            view! { <JoinForm l/> }.into_any()
        }}
    }
}

#[component]
fn JoinForm(l: Locale) -> impl IntoView {
    let action = ServerAction::<SubmitAdhesion>::new();
    let result = action.value();
    let error =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let comuni = Resource::new(|| (), |_| list_comuni());
    // Refused without JavaScript, the choice made comes back.
    let chosen = crate::kernel::refused_form::echoed("form[kind]")
        .filter(|k| k == "comune")
        .unwrap_or_else(|| "ente".to_string());
    let comune_chosen = chosen == "comune";
    let (kind, set_kind) = signal(chosen);
    // Set only in the browser: without JavaScript both groups stay visible.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let categories: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (c.code().to_string(), category_label(*c, l).to_string()))
        .collect();
    view! {
        <p class="lead mb-6 max-w-3xl">{td_string!(l, membership_join.bodies_associations_employment_agencies)}</p>
        <ActionForm action attr:class="max-w-2xl" attr:novalidate="true">
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{td_string!(l, membership_join.who_is_asking_to)}</legend>
                <label class="choice"><input type="radio" name="form[kind]" value="ente" checked=!comune_chosen on:change=move |_| set_kind.set("ente".into())/> {td_string!(l, membership_join.a_body_or_an)}</label>
                <label class="choice"><input type="radio" name="form[kind]" value="comune" checked=comune_chosen on:change=move |_| set_kind.set("comune".into())/> {td_string!(l, membership_join.a_municipality_of_the)}</label>
                <p class="field-error" aria-live="polite">{move || error("kind").get()}</p>
            </fieldset>
            // Both groups stay in the page (the form must work without JavaScript);
            // the one that does not apply is hidden once the page is live.
            <div class:hidden=move || live.get() && kind.get() == "comune">
                <Field name="name" post_as="form[name]" label=td_string!(l, membership_join.name_of_the_body) autocomplete="organization" error=error("name")/>
                <SelectField name="category" post_as="form[category]" label=td_string!(l, membership_join.category) options=categories
                    placeholder=td_string!(l, membership_join.choose_the_category) error=error("category")/>
            </div>
            <div class:hidden=move || live.get() && kind.get() == "ente">
                <Suspense fallback=|| ()>
                    {move || comuni.get().map(|comuni| {
                        let options = comuni.unwrap_or_default().into_iter()
                            .filter(|c| !c.in_network())
                            .map(|c| (c.slug, c.name))
                            .collect::<Vec<_>>();
                        view! {
                            <SelectField name="comune" post_as="form[comune]" label=td_string!(l, membership_join.municipality_municipalities_only) options
                                hint=td_string!(l, membership_join.the_provinces_municipalities_not)
                                placeholder=td_string!(l, membership_join.choose_the_municipality) error=error("comune")/>
                        }
                    })}
                </Suspense>
                <Field name="mayor" post_as="form[mayor]" label=td_string!(l, membership_join.mayor_municipalities_only) error=error("mayor")/>
            </div>
            <Field name="contact_name" post_as="form[contact_name]" label=td_string!(l, membership_join.contact_person) autocomplete="name" error=error("contact_name")/>
            <Field name="contact_email" post_as="form[contact_email]" kind="email" label=td_string!(l, membership_join.contact_persons_email)
                hint=td_string!(l, membership_join.the_confirmation_the_outcome)
                autocomplete="email" error=error("contact_email")/>
            <Field name="contact_phone" post_as="form[contact_phone]" kind="tel" label=td_string!(l, membership_join.phone_optional) autocomplete="tel" error=error("contact_phone")/>
            <TextArea name="reason" post_as="form[reason]" label=td_string!(l, membership_join.why_you_ask_to)
                hint=td_string!(l, membership_join.what_you_do_for)
                rows="5" error=error("reason")/>
            <CheckField name="protocol" post_as="form[protocol]" error=error("protocol")>
                {td_string!(l, membership_join.we_have_read_the)}
            </CheckField>
            <p class="mb-4 text-base">{td_string!(l, membership_join.personal_data_are_processed)}<a href="/privacy">{td_string!(l, membership_join.privacy_notice)}</a>"."</p>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { td_string!(l, membership_join.sending) } else { td_string!(l, membership_join.send_the_request) }}
            </button>
        </ActionForm>
    }
}
