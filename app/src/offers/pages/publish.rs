//! The publishers' pages: `/pubblica` (their offers and their state),
//! `/pubblica/nuova` (the form) and `/pubblica/{id}` (a draft to correct and
//! submit, or a published offer to mark filled or withdraw).

use crate::accounts::api::get_my_account;
use crate::components::async_data::with_data;
use crate::components::form::{
    field_message, form_message, ErrorSummary, Field, SelectField, TextArea,
};
use crate::i18n::*;
use crate::kernel::access::domain::AccountStatus;
use crate::kernel::dates::{iso_date, italian_date};
use crate::kernel::labels::{pick, Label};
use crate::kernel::refused_form::echoed_choice;
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
    let title = td_string!(l, offers_publish.your_offers);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{td_string!(l, offers_publish.write_the_offer_and)}</p>
        <p class="mb-6"><a class="btn-primary" href="/pubblica/nuova">{td_string!(l, offers_publish.new_offer)}</a></p>
        {with_data(mine, move |mine| view! {
            {mine.is_empty().then(|| view! { <p>{td_string!(l, offers_publish.you_have_not_written)}</p> })}
            <ul class="grid gap-4">
                {mine.into_iter().map(|o| view! {
                    <li class="card" data-testid="mia-offerta">
                        <h2 class="card-title"><a href=format!("/pubblica/{}", o.id)>{o.title.clone()}</a></h2>
                        <p>{format!("{} · {} · {} {}", pick(o.status.label(), l == Locale::en), if o.comune_name.is_empty() { td_string!(l, offers_publish.remote).to_string() } else { o.comune_name.clone() }, td_string!(l, offers_publish.closes_on), italian_date(o.expires_at))}</p>
                        {(!o.review_reason.is_empty() && o.status == Status::Bozza).then(|| view! {
                            <p class="field-error">{format!("{} {}", td_string!(l, offers_publish.to_fix), o.review_reason)}</p>
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
    let title = td_string!(l, offers_publish.new_offer);
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
        |(id, _)| get_offer(id, true),
    );
    let saved = use_query_map().read_untracked().get("salvata").is_some();
    view! {
        <Title text=td_string!(l, offers_publish.your_offer)/>
        {with_data(offer, move |offer| {
            let status = offer.status;
            let id = offer.summary.id;
            view! {
                <h1 class="page-title">{offer.summary.title.clone()}</h1>
                {saved.then(|| view! { <p class="notice mb-4" role="status">{match status {
                    Status::Revisione => td_string!(l, offers_publish.offer_submitted_it_is),
                    Status::Pubblicata => td_string!(l, offers_publish.offer_published),
                    _ => td_string!(l, offers_publish.draft_saved),
                }}</p> })}
                <p class="mb-2" data-testid="stato-offerta"><strong>{td_string!(l, offers_publish.state)}</strong>" "{pick(status.label(), l == Locale::en)}</p>
                {(!offer.review_reason.is_empty() && status == Status::Bozza).then(|| view! {
                    <p class="field-error mb-4">{format!("{} {}", td_string!(l, offers_publish.the_operator_asks_you), offer.review_reason)}</p>
                })}
                <p class="mb-2"><a href=format!("/offerte/{id}")>{td_string!(l, offers_publish.see_the_offer_as)}</a></p>
                <p class="mb-6"><a href=format!("/pubblica/{id}/candidature")>{td_string!(l, offers_publish.applications_received)}</a></p>
                {matches!(status, Status::Pubblicata | Status::Revisione | Status::Bozza).then(|| view! {
                    <div class="mb-8 flex flex-wrap gap-4">
                        {(status == Status::Pubblicata).then(|| view! {
                            <ActionForm action=close>
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="outcome" value="coperta"/>
                                <button type="submit" class="btn-secondary">{td_string!(l, offers_publish.position_filled_take_the)}</button>
                            </ActionForm>
                        })}
                        <ActionForm action=close>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="outcome" value="ritirata"/>
                            <button type="submit" class="btn-secondary">{td_string!(l, offers_publish.withdraw_the_offer)}</button>
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
            // Said before the form, not after it is filled: an account still
            // being verified cannot publish yet.
            if me.user.status != AccountStatus::Attivo {
                return view! { <AwaitingVerification/> }.into_any();
            }
            let staff = me.user.role.is_staff();
            let existing = existing.clone();
            view! { {with_data(comuni, move |comuni| view! { <OfferForm staff comuni existing=existing.clone()/> })} }.into_any()
        })}
    }
}

/// What a business whose account is not yet verified reads instead of the form.
#[component]
fn AwaitingVerification() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <div class="notice max-w-2xl" data-testid="in-verifica">
            <p class="font-semibold">{td_string!(l, offers_publish.your_account_is_being_verified)}</p>
            <p class="mt-2">{td_string!(l, offers_publish.what_happens_next)}</p>
        </div>
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
        <p class="lead mb-6">{td_string!(l, offers_publish.fill_in_the_fields)}</p>
        <ActionForm action=save attr:class="max-w-3xl">
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <input type="hidden" name="form[id]" value=existing.as_ref().map(|o| o.summary.id.to_string()).unwrap_or_default()/>
            <SelectField name="kind" post_as="form[kind]" label=td_string!(l, offers_publish.type_text) options=codes(&KINDS, english) value=v(|o| o.summary.kind.code().into()) error=message("kind")/>
            <Field name="title" post_as="form[title]" label=td_string!(l, offers_publish.title_the_role_you) hint=td_string!(l, offers_publish.for_example_warehouse_worker) value=v(|o| o.summary.title.clone()) error=message("title")/>
            <TextArea name="description" post_as="form[description]" label=td_string!(l, offers_publish.description) rows="8"
                hint=td_string!(l, offers_publish.what_the_job_is)
                value=v(|o| o.description.clone()) error=message("description")/>
            {staff.then(|| view! { <Field name="organisation" post_as="form[organisation]" label=td_string!(l, offers_publish.hiring_business_or_body) value=v(|o| o.summary.organisation.clone()) error=message("organisation")/> })}
            <SelectField name="remote" post_as="form[remote]" label=td_string!(l, offers_publish.where_the_work_is) options=codes(&REMOTE_MODES, english) value=v(|o| o.summary.remote.code().into()) error=message("remote")/>
            <SelectField name="comune" post_as="form[comune]" label=td_string!(l, offers_publish.municipality) hint=td_string!(l, offers_publish.leave_it_empty_for)
                options=comuni.iter().map(|c| (c.slug.clone(), c.name.clone())).collect() value=v(|o| o.summary.comune_slug.clone()) error=message("comune")/>
            <Field name="address" post_as="form[address]" label=td_string!(l, offers_publish.address_optional) value=v(|o| o.address.clone()) error=message("address")/>
            <SelectField name="sector" post_as="form[sector]" label=td_string!(l, offers_publish.sector_ateco) options=codes(&SECTORS, english) value=v(|o| o.sector.clone()) error=message("sector")/>
            <SelectField name="profession" post_as="form[profession]" label=td_string!(l, offers_publish.occupation_group_istat) options=codes(&PROFESSIONS, english) value=v(|o| o.profession.clone()) error=message("profession")/>
            <SelectField name="contract" post_as="form[contract]" label=td_string!(l, offers_publish.contract) options=codes(&CONTRACTS, english) value=v(|o| o.summary.contract.code().into()) error=message("contract")/>
            <SelectField name="working_time" post_as="form[working_time]" label=td_string!(l, offers_publish.working_time) options=codes(&WORKING_TIMES, english) value=v(|o| o.summary.working_time.code().into()) error=message("working_time")/>
            <SelectField name="education" post_as="form[education]" label=td_string!(l, offers_publish.education_required) options=codes(&EDUCATION, english) value=v(|o| o.education.to_string()) error=message("education")/>
            <Field name="languages" post_as="form[languages]" label=td_string!(l, offers_publish.languages_optional) hint=td_string!(l, offers_publish.for_example_english_b1) value=v(|o| o.languages.clone()) error=message("languages")/>
            <Field name="licence" post_as="form[licence]" label=td_string!(l, offers_publish.driving_licence_optional) value=v(|o| o.licence.clone()) error=message("licence")/>
            <Field name="pay_min" post_as="form[pay_min]" label=td_string!(l, offers_publish.minimum_gross_yearly_pay) kind="number" value=v(|o| o.pay_min.map(|p| p.to_string()).unwrap_or_default()) error=message("pay_min")/>
            <Field name="pay_max" post_as="form[pay_max]" label=td_string!(l, offers_publish.maximum_gross_yearly_pay) kind="number" value=v(|o| o.pay_max.map(|p| p.to_string()).unwrap_or_default()) error=message("pay_max")/>
            <Field name="positions" post_as="form[positions]" label=td_string!(l, offers_publish.positions) kind="number" value=Some(v(|o| o.positions.to_string()).unwrap_or_else(|| "1".into())) error=message("positions")/>
            <Field name="expires_on" post_as="form[expires_on]" label=td_string!(l, offers_publish.closing_date_at_most) kind="date" hint=td_string!(l, offers_publish.if_empty_in_60) value=v(|o| iso_date(o.summary.expires_at)) error=message("expires_on")/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{td_string!(l, offers_publish.what_to_do_now)}</legend>
                <label class="choice"><input type="radio" name="form[action]" value="revisione" checked=echoed_choice("form[action]", "revisione", true)/>
                    {if staff { td_string!(l, offers_publish.publish_now) } else { td_string!(l, offers_publish.submit_to_the_operators) }}</label>
                <label class="choice"><input type="radio" name="form[action]" value="bozza" checked=echoed_choice("form[action]", "bozza", false)/> {td_string!(l, offers_publish.save_as_a_draft)}</label>
            </fieldset>
            <button type="submit" class="btn-primary">{td_string!(l, offers_publish.save)}</button>
        </ActionForm>
    }
}
