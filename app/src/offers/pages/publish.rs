//! The publishers' pages: `/pubblica` (their offers and their state),
//! `/pubblica/nuova` (the form) and `/pubblica/{id}` (a draft to correct and
//! submit, or a published offer to mark filled or withdraw).

use crate::accounts::api::get_my_account;
use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, Field, SelectField, TextArea};
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::dates::{iso_date, italian_date};
use crate::kernel::labels::{pick, Label};
use crate::network::api::list_comuni;
use crate::network::domain::Comune;
use crate::offers::api::{get_offer, list_my_offers, CloseOffer, SaveOffer};
use crate::offers::domain::{
    OfferDetail, Status, CONTRACTS, EDUCATION, KINDS, PROFESSIONS, REMOTE_MODES, SECTORS,
    WORKING_TIMES,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyOffersPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let mine = Resource::new(|| (), |_| list_my_offers());
    let title = tr(l, "Le tue offerte", "Your offers");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{tr(l, "Scrivi l'offerta e inviala: un operatore della Rete la controlla e la pubblica, di solito entro un giorno lavorativo.", "Write the offer and submit it: a network operator checks and publishes it, usually within a working day.")}</p>
        <p class="mb-6"><a class="btn-primary" href="/pubblica/nuova">{tr(l, "Nuova offerta", "New offer")}</a></p>
        {with_data(mine, move |mine| view! {
            {mine.is_empty().then(|| view! { <p>{tr(l, "Non hai ancora scritto offerte.", "You have not written any offer yet.")}</p> })}
            <ul class="grid gap-4">
                {mine.into_iter().map(|o| view! {
                    <li class="card" data-testid="mia-offerta">
                        <h2 class="card-title"><a href=format!("/pubblica/{}", o.id)>{o.title.clone()}</a></h2>
                        <p>{format!("{} · {} · {} {}", pick(o.status.label(), l == Locale::en), if o.comune_name.is_empty() { tr(l, "Da remoto", "Remote").to_string() } else { o.comune_name.clone() }, tr(l, "scade il", "closes on"), italian_date(o.expires_at))}</p>
                        {(!o.review_reason.is_empty() && o.status == Status::Bozza).then(|| view! {
                            <p class="field-error">{format!("{} {}", tr(l, "Da correggere:", "To fix:"), o.review_reason)}</p>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

const FIELDS: [&str; 19] = [
    "kind",
    "title",
    "description",
    "organisation",
    "comune",
    "address",
    "remote",
    "sector",
    "profession",
    "contract",
    "working_time",
    "education",
    "languages",
    "licence",
    "pay_min",
    "pay_max",
    "positions",
    "expires_on",
    "action",
];

#[component]
pub fn NewOfferPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let title = tr(l, "Nuova offerta", "New offer");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <FormWithData existing=None/>
    }
}

#[component]
pub fn EditOfferPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let close = ServerAction::<CloseOffer>::new();
    let id = crate::components::use_id_param();
    let offer = Resource::new(
        move || (id.get(), close.version().get()),
        |(id, _)| get_offer(id),
    );
    let saved = use_query_map().read_untracked().get("salvata").is_some();
    view! {
        <Title text=tr(l, "La tua offerta", "Your offer")/>
        {with_data(offer, move |offer| {
            let status = offer.status;
            let id = offer.summary.id;
            view! {
                <h1 class="page-title">{offer.summary.title.clone()}</h1>
                {saved.then(|| view! { <p class="notice mb-4" role="status">{match status {
                    Status::Revisione => tr(l, "Offerta inviata: la pubblichiamo appena un operatore l'ha controllata. Ti scriviamo per email.", "Offer submitted: it is published as soon as an operator has checked it. We will email you."),
                    Status::Pubblicata => tr(l, "Offerta pubblicata.", "Offer published."),
                    _ => tr(l, "Bozza salvata.", "Draft saved."),
                }}</p> })}
                <p class="mb-2" data-testid="stato-offerta"><strong>{tr(l, "Stato:", "State:")}</strong>" "{pick(status.label(), l == Locale::en)}</p>
                {(!offer.review_reason.is_empty() && status == Status::Bozza).then(|| view! {
                    <p class="field-error mb-4">{format!("{} {}", tr(l, "L'operatore chiede di correggere:", "The operator asks you to fix:"), offer.review_reason)}</p>
                })}
                <p class="mb-2"><a href=format!("/offerte/{id}")>{tr(l, "Vedi l'offerta come la vedranno le persone", "See the offer as people will")}</a></p>
                <p class="mb-6"><a href=format!("/pubblica/{id}/candidature")>{tr(l, "Candidature ricevute", "Applications received")}</a></p>
                {matches!(status, Status::Pubblicata | Status::Revisione | Status::Bozza).then(|| view! {
                    <div class="mb-8 flex flex-wrap gap-4">
                        {(status == Status::Pubblicata).then(|| view! {
                            <ActionForm action=close>
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="outcome" value="coperta"/>
                                <button type="submit" class="btn-secondary">{tr(l, "Posizione coperta: togli l'offerta", "Position filled: take the offer down")}</button>
                            </ActionForm>
                        })}
                        <ActionForm action=close>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="outcome" value="ritirata"/>
                            <button type="submit" class="btn-secondary">{tr(l, "Ritira l'offerta", "Withdraw the offer")}</button>
                        </ActionForm>
                    </div>
                })}
                {status.editable().then(|| view! { <FormWithData existing=Some(offer.clone())/> })}
            }
        })}
    }
}

#[component]
fn FormWithData(existing: Option<OfferDetail>) -> impl IntoView {
    let me = Resource::new(|| (), |_| get_my_account());
    let comuni = Resource::new(|| (), |_| list_comuni());
    view! {
        {with_data(me, move |me| {
            let staff = me.user.role.is_staff();
            let existing = existing.clone();
            view! { {with_data(comuni, move |comuni| view! { <OfferForm staff comuni existing=existing.clone()/> })} }
        })}
    }
}

fn codes(list: &[(&'static str, Label)], english: bool) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, label)| (c.to_string(), pick(*label, english).to_string()))
        .collect()
}

#[component]
fn OfferForm(staff: bool, comuni: Vec<Comune>, existing: Option<OfferDetail>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let save = ServerAction::<SaveOffer>::new();
    let result = save.value();
    let message =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let e = existing.clone();
    let v = move |get: fn(&OfferDetail) -> String| e.as_ref().map(get);
    view! {
        <p class="lead mb-6">{tr(l, "Compila i campi: se qualcosa non va te lo diciamo accanto al campo, e quello che hai scritto resta.", "Fill in the fields: if something is wrong we say so next to it, and what you wrote stays.")}</p>
        <ActionForm action=save attr:class="max-w-3xl">
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <input type="hidden" name="form[id]" value=existing.as_ref().map(|o| o.summary.id.to_string()).unwrap_or_default()/>
            <SelectField name="kind" post_as="form[kind]" label=tr(l, "Tipo", "Type") options=codes(&KINDS, english) value=v(|o| o.summary.kind.clone()) error=message("kind")/>
            <Field name="title" post_as="form[title]" label=tr(l, "Titolo: la figura che cercate", "Title: the role you are hiring for") hint=tr(l, "Per esempio: Magazziniere con patentino per il carrello", "For example: Warehouse worker with forklift licence") value=v(|o| o.summary.title.clone()) error=message("title")/>
            <TextArea name="description" post_as="form[description]" label=tr(l, "Descrizione", "Description") rows="8"
                hint=tr(l, "Cosa si fa, dove, con quali orari, cosa offrite. Un paragrafo per riga vuota; le righe che iniziano con «- » diventano un elenco.", "What the job is, where, the hours, what you offer. Paragraphs apart by a blank line; lines starting with \"- \" become a list.")
                value=v(|o| o.description.clone()) error=message("description")/>
            {staff.then(|| view! { <Field name="organisation" post_as="form[organisation]" label=tr(l, "Impresa o ente che assume", "Hiring business or body") value=v(|o| o.summary.organisation.clone()) error=message("organisation")/> })}
            <SelectField name="remote" post_as="form[remote]" label=tr(l, "Dove si lavora", "Where the work is") options=codes(&REMOTE_MODES, english) value=v(|o| o.summary.remote.clone()) error=message("remote")/>
            <SelectField name="comune" post_as="form[comune]" label=tr(l, "Comune di lavoro", "Municipality") hint=tr(l, "Per un lavoro tutto da remoto puoi lasciarlo vuoto.", "Leave it empty for fully remote work.")
                options=comuni.iter().map(|c| (c.slug.clone(), c.name.clone())).collect() value=v(|o| o.summary.comune_slug.clone()) error=message("comune")/>
            <Field name="address" post_as="form[address]" label=tr(l, "Indirizzo (facoltativo)", "Address (optional)") value=v(|o| o.address.clone()) error=message("address")/>
            <SelectField name="sector" post_as="form[sector]" label=tr(l, "Settore (ATECO)", "Sector (ATECO)") options=codes(&SECTORS, english) value=v(|o| o.sector.clone()) error=message("sector")/>
            <SelectField name="profession" post_as="form[profession]" label=tr(l, "Gruppo professionale (ISTAT)", "Occupation group (ISTAT)") options=codes(&PROFESSIONS, english) value=v(|o| o.profession.clone()) error=message("profession")/>
            <SelectField name="contract" post_as="form[contract]" label=tr(l, "Contratto", "Contract") options=codes(&CONTRACTS, english) value=v(|o| o.summary.contract.clone()) error=message("contract")/>
            <SelectField name="working_time" post_as="form[working_time]" label=tr(l, "Orario", "Working time") options=codes(&WORKING_TIMES, english) value=v(|o| o.summary.working_time.clone()) error=message("working_time")/>
            <SelectField name="education" post_as="form[education]" label=tr(l, "Titolo di studio richiesto", "Education required") options=codes(&EDUCATION, english) value=v(|o| o.education.to_string()) error=message("education")/>
            <Field name="languages" post_as="form[languages]" label=tr(l, "Lingue (facoltativo)", "Languages (optional)") hint=tr(l, "Per esempio: Inglese B1", "For example: English B1") value=v(|o| o.languages.clone()) error=message("languages")/>
            <Field name="licence" post_as="form[licence]" label=tr(l, "Patente (facoltativo)", "Driving licence (optional)") value=v(|o| o.licence.clone()) error=message("licence")/>
            <Field name="pay_min" post_as="form[pay_min]" label=tr(l, "Retribuzione lorda annua minima in euro (facoltativo)", "Minimum gross yearly pay in euros (optional)") kind="number" value=v(|o| o.pay_min.map(|p| p.to_string()).unwrap_or_default()) error=message("pay_min")/>
            <Field name="pay_max" post_as="form[pay_max]" label=tr(l, "Retribuzione lorda annua massima in euro (facoltativo)", "Maximum gross yearly pay in euros (optional)") kind="number" value=v(|o| o.pay_max.map(|p| p.to_string()).unwrap_or_default()) error=message("pay_max")/>
            <Field name="positions" post_as="form[positions]" label=tr(l, "Posti", "Positions") kind="number" value=Some(v(|o| o.positions.to_string()).unwrap_or_else(|| "1".into())) error=message("positions")/>
            <Field name="expires_on" post_as="form[expires_on]" label=tr(l, "Scadenza (al massimo 90 giorni)", "Closing date (at most 90 days)") kind="date" hint=tr(l, "Se la lasci vuota, tra 60 giorni.", "If empty, in 60 days.") value=v(|o| iso_date(o.summary.expires_at)) error=message("expires_on")/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{tr(l, "Cosa fare ora", "What to do now")}</legend>
                <label class="choice"><input type="radio" name="form[action]" value="revisione" checked/>
                    {if staff { tr(l, "Pubblica subito", "Publish now") } else { tr(l, "Invia agli operatori per la pubblicazione", "Submit to the operators for publication") }}</label>
                <label class="choice"><input type="radio" name="form[action]" value="bozza"/> {tr(l, "Salva come bozza, la finisco dopo", "Save as a draft, I will finish later")}</label>
            </fieldset>
            <button type="submit" class="btn-primary">{tr(l, "Salva", "Save")}</button>
        </ActionForm>
    }
}
