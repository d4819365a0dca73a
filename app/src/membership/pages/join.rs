//! `/rete/aderisci`: a body or a comune asks to join the network. A plain form
//! (it works without JavaScript); each error is shown on its field and the
//! values typed stay where they are.

use crate::components::form::{
    field_message, form_message, CheckField, Field, SelectField, TextArea,
};
use crate::components::tr;
use crate::i18n::Locale;
use crate::membership::api::SubmitAdhesion;
use crate::network::api::list_comuni;
use crate::network::domain::Category;
use crate::network::pages::category_label;
use leptos::prelude::*;
use leptos_meta::Title;
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
    let title = tr(l, "Chiedi di aderire alla Rete", "Ask to join the Network");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {move || if sent() {
            view! {
                <p role="status" class="notice mb-6 max-w-3xl" data-testid="adesione-inviata">{tr(l,
                    "Richiesta inviata. Ti abbiamo scritto una email di conferma: il Comune della Spezia esamina la richiesta e ti comunica l'esito, con la motivazione.",
                    "Request sent. We have emailed you a confirmation: the City of La Spezia reviews the request and tells you the outcome, with its reasons.")}</p>
                <p><a href="/rete">{tr(l, "Torna alla Rete", "Back to the Network")}</a></p>
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
    let (kind, set_kind) = signal("ente".to_string());
    // Set only in the browser: without JavaScript both groups stay visible.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let english = l == Locale::en;
    let categories: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (c.code().to_string(), category_label(*c, l).to_string()))
        .collect();
    view! {
        <p class="lead mb-6 max-w-3xl">{tr(l,
            "Enti, associazioni, agenzie per il lavoro, scuole e comuni della provincia che lavorano per l'occupazione e la formazione possono entrare nella Rete. I campi sono tutti obbligatori, tranne il telefono.",
            "Bodies, associations, employment agencies, schools and municipalities of the province working for employment and training can join the Network. Every field is required except the phone.")}</p>
        <ActionForm action attr:class="max-w-2xl" attr:novalidate="true">
            <fieldset class="mb-5">
                <legend class="font-semibold">{tr(l, "Chi chiede di aderire", "Who is asking to join")}</legend>
                <label class="choice"><input type="radio" name="form[kind]" value="ente" checked on:change=move |_| set_kind.set("ente".into())/> {tr(l, "Un ente o un'associazione", "A body or an association")}</label>
                <label class="choice"><input type="radio" name="form[kind]" value="comune" on:change=move |_| set_kind.set("comune".into())/> {tr(l, "Un comune della provincia", "A municipality of the province")}</label>
                <p class="field-error" aria-live="polite">{move || error("kind").get()}</p>
            </fieldset>
            // Both groups stay in the page (the form must work without JavaScript);
            // the one that does not apply is hidden once the page is live.
            <div class:hidden=move || live.get() && kind.get() == "comune">
                <Field name="name" post_as="form[name]" label=tr(l, "Nome dell'ente", "Name of the body") autocomplete="organization" error=error("name")/>
                <SelectField name="category" post_as="form[category]" label=tr(l, "Categoria", "Category") options=categories
                    placeholder=tr(l, "Scegli la categoria…", "Choose the category…") error=error("category")/>
            </div>
            <div class:hidden=move || live.get() && kind.get() == "ente">
                <Suspense fallback=|| ()>
                    {move || comuni.get().map(|comuni| {
                        let options = comuni.unwrap_or_default().into_iter()
                            .filter(|c| !c.in_network())
                            .map(|c| (c.slug, c.name))
                            .collect::<Vec<_>>();
                        view! {
                            <SelectField name="comune" post_as="form[comune]" label=tr(l, "Comune (solo per i comuni)", "Municipality (municipalities only)") options
                                hint=tr(l, "Sono elencati i comuni della provincia non ancora nella Rete.", "The province's municipalities not yet in the Network.")
                                placeholder=tr(l, "Scegli il comune…", "Choose the municipality…") error=error("comune")/>
                        }
                    })}
                </Suspense>
                <Field name="mayor" post_as="form[mayor]" label=tr(l, "Sindaca o sindaco (solo per i comuni)", "Mayor (municipalities only)") error=error("mayor")/>
            </div>
            <Field name="contact_name" post_as="form[contact_name]" label=tr(l, "Persona di riferimento", "Contact person") autocomplete="name" error=error("contact_name")/>
            <Field name="contact_email" post_as="form[contact_email]" kind="email" label=tr(l, "Email della persona di riferimento", "Contact person's email")
                hint=tr(l, "Qui arrivano la conferma, l'esito e, per gli enti, l'invito a creare l'account.", "The confirmation, the outcome and, for bodies, the invitation to create the account arrive here.")
                autocomplete="email" error=error("contact_email")/>
            <Field name="contact_phone" post_as="form[contact_phone]" kind="tel" label=tr(l, "Telefono (facoltativo)", "Phone (optional)") autocomplete="tel" error=error("contact_phone")/>
            <TextArea name="reason" post_as="form[reason]" label=tr(l, "Perché chiedete di aderire", "Why you ask to join")
                hint=tr(l, "Che cosa fate per il lavoro e la formazione, e che cosa porterete alla Rete (almeno 20 caratteri).", "What you do for work and training, and what you will bring to the Network (at least 20 characters).")
                rows="5" error=error("reason")/>
            <CheckField name="protocol" post_as="form[protocol]" error=error("protocol")>
                {tr(l,
                    "Abbiamo letto il Protocollo d'intesa della Rete per il Lavoro, in vigore fino al 30 giugno 2028, e lo accettiamo.",
                    "We have read the Work Network's memorandum of understanding, in force until 30 June 2028, and accept it.")}
            </CheckField>
            <p class="mb-4 text-base">{if english { "Personal data are processed as described in the " } else { "I dati sono trattati come descritto nell'" }}<a href="/privacy">{tr(l, "informativa sulla privacy", "privacy notice")}</a>"."</p>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { tr(l, "Invio in corso…", "Sending…") } else { tr(l, "Invia la richiesta", "Send the request") }}
            </button>
        </ActionForm>
    }
}
