//! The organisers' pages: `/organizza` (their activities), `/organizza/nuova`
//! (the form) and `/organizza/{id}` (roster, attendance, close, cancel).

use super::availability;
use crate::accounts::api::get_my_account;
use crate::catalogue::api::{
    get_roster, list_managed_activities, ChangeActivityStatus, CreateActivity, MarkAttendance,
};
use crate::catalogue::domain::{Review, Roster, Status, MODES, TARGET_GROUPS, TOPICS};
use crate::components::async_data::with_data;
use crate::components::form::{
    field_message, form_message, ErrorSummary, Field, SelectField, TextArea,
};
use crate::i18n::*;
use crate::kernel::dates::{italian_date, italian_datetime};
use crate::kernel::labels::pick;
use crate::kernel::refused_form::echoed_choice;
use crate::network::api::{list_comuni, list_member_bodies};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganisePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let mine = Resource::new(|| (), |_| list_managed_activities());
    let title = td_string!(l, catalogue_organise.organise_courses_and_meetings);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="mb-6"><a class="btn-primary" href="/organizza/nuova">{td_string!(l, catalogue_organise.new_course_or_meeting)}</a></p>
        {with_data(mine, move |mine| view! {
            {mine.is_empty().then(|| view! { <p>{td_string!(l, catalogue_organise.you_have_not_published)}</p> })}
            <ul class="grid gap-4">
                {mine.into_iter().map(|a| view! {
                    <li class="card">
                        <h2 class="card-title"><a href=format!("/organizza/{}", a.id)>{a.title.clone()}</a></h2>
                        <p>{format!("{} · {} · {}", italian_date(a.first_starts_at), a.comune_name, pick(a.status.label(), l == Locale::en))}</p>
                        <p>{format!("{} {} / {}", td_string!(l, catalogue_organise.enrolled), a.enrolled, a.seats)}</p>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

const FIELDS: [&str; 17] = [
    "kind",
    "title",
    "description",
    "organiser",
    "comune",
    "venue",
    "mode",
    "topic",
    "target",
    "sessions",
    "total_hours",
    "seats",
    "enrol_closes",
    "requirements",
    "certificate",
    "cost",
    "skills",
];

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let me = Resource::new(|| (), |_| get_my_account());
    let comuni = Resource::new(|| (), |_| list_comuni());
    let bodies = Resource::new(|| (), |_| list_member_bodies());
    let title = td_string!(l, catalogue_organise.new_course_or_meeting);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, catalogue_organise.fill_in_the_fields)}</p>
        {with_data(me, move |me| {
            let staff = me.user.role.is_staff();
            view! {
                {with_data(comuni, move |comuni| {
                    let comuni = comuni.clone();
                    view! {
                        {with_data(bodies, move |bodies| {
                            let names: Vec<String> = bodies.into_iter().map(|b| b.name).collect();
                            view! { <ActivityForm staff bodies=names comuni=comuni.clone()/> }
                        })}
                    }
                })}
            }
        })}
    }
}

#[component]
fn ActivityForm(
    staff: bool,
    bodies: Vec<String>,
    comuni: Vec<crate::network::domain::Comune>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let create = ServerAction::<CreateActivity>::new();
    let result = create.value();
    let message =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let choose = td_string!(l, catalogue_organise.choose);
    let select = move |name: &'static str, label: &'static str, options: Vec<(String, String)>| {
        view! {
            <SelectField name=name post_as=format!("form[{name}]") label=label options placeholder=choose error=message(name)/>
        }
    };
    let area = move |name: &'static str,
                     label: &'static str,
                     hint: &'static str,
                     rows: &'static str| {
        let post_as = format!("form[{name}]");
        if hint.is_empty() {
            view! { <TextArea name=name post_as label=label rows=rows error=message(name)/> }
                .into_any()
        } else {
            view! { <TextArea name=name post_as label=label hint=hint rows=rows error=message(name)/> }.into_any()
        }
    };
    let codes =
        move |list: &[(&'static str, crate::kernel::labels::Label)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(c, label)| (c.to_string(), pick(*label, english).to_string()))
                .collect()
        };
    view! {
        <ActionForm action=create attr:class="max-w-3xl">
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            {select("kind", td_string!(l, catalogue_organise.type_text), vec![("corso".into(), td_string!(l, catalogue_organise.course).into()), ("incontro".into(), td_string!(l, catalogue_organise.thematic_meeting).into())])}
            <Field name="title" post_as="form[title]" label=td_string!(l, catalogue_organise.title) error=message("title")/>
            {area("description", td_string!(l, catalogue_organise.description), td_string!(l, catalogue_organise.what_people_learn_or), "5")}
            {staff.then(|| select("organiser", td_string!(l, catalogue_organise.organising_body), bodies.iter().map(|b| (b.clone(), b.clone())).collect()))}
            {select("comune", td_string!(l, catalogue_organise.municipality), comuni.iter().map(|c| (c.slug.clone(), c.name.clone())).collect())}
            <Field name="venue" post_as="form[venue]" label=td_string!(l, catalogue_organise.venue_address) hint=td_string!(l, catalogue_organise.leave_it_empty_for) error=message("venue")/>
            {select("mode", td_string!(l, catalogue_organise.mode), codes(&MODES))}
            {select("topic", td_string!(l, catalogue_organise.topic), codes(&TOPICS))}
            {select("target", td_string!(l, catalogue_organise.for_whom), codes(&TARGET_GROUPS))}
            {area("sessions", td_string!(l, catalogue_organise.dates_and_times), td_string!(l, catalogue_organise.one_date_per_line), "4")}
            <Field name="total_hours" post_as="form[total_hours]" label=td_string!(l, catalogue_organise.total_hours) kind="number" error=message("total_hours")/>
            <Field name="seats" post_as="form[seats]" label=td_string!(l, catalogue_organise.seats) kind="number" error=message("seats")/>
            <Field name="enrol_closes" post_as="form[enrol_closes]" label=td_string!(l, catalogue_organise.enrolment_open_until_optional) kind="date" hint=td_string!(l, catalogue_organise.if_empty_until_it) error=message("enrol_closes")/>
            {area("requirements", td_string!(l, catalogue_organise.requirements_optional), "", "2")}
            <Field name="certificate" post_as="form[certificate]" label=td_string!(l, catalogue_organise.certificate_issued_optional) error=message("certificate")/>
            <Field name="cost" post_as="form[cost]" label=td_string!(l, catalogue_organise.cost_in_euros_0) error=message("cost")/>
            {area("skills", td_string!(l, catalogue_organise.skills_optional), "", "2")}
            <fieldset class="mb-5">
                <legend class="font-semibold">{td_string!(l, catalogue_organise.publication)}</legend>
                <label class="choice"><input type="radio" name="form[publish]" value="si" checked=echoed_choice("form[publish]", "si", true)/> {td_string!(l, catalogue_organise.publish_now_enrolment_opens)}</label>
                <label class="choice"><input type="radio" name="form[publish]" value="no" checked=echoed_choice("form[publish]", "no", false)/> {td_string!(l, catalogue_organise.save_as_a_draft)}</label>
            </fieldset>
            <button type="submit" class="btn-primary">{td_string!(l, catalogue_organise.save)}</button>
        </ActionForm>
    }
}

#[component]
pub fn RosterPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let mark = ServerAction::<MarkAttendance>::new();
    let change = ServerAction::<ChangeActivityStatus>::new();
    let id = crate::components::use_id_param();
    let roster = Resource::new(
        move || (id.get(), mark.version().get(), change.version().get()),
        |(id, _, _)| get_roster(id),
    );
    let created = use_query_map().read_untracked().get("creata").is_some();
    view! {
        <Title text=td_string!(l, catalogue_organise.roster)/>
        {created.then(|| view! { <p role="status" class="notice mb-6">{td_string!(l, catalogue_organise.activity_saved)}</p> })}
        {with_data(roster, move |roster| view! { <RosterView roster mark change/> })}
    }
}

#[component]
fn RosterView(
    roster: Roster,
    mark: ServerAction<MarkAttendance>,
    change: ServerAction<ChangeActivityStatus>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let a = roster.activity.clone();
    let mark_result = mark.value();
    let change_result = change.value();
    let csv = format!("/api/attivita/{}/iscritti.csv", a.id);
    view! {
        <h1 class="page-title">{a.title.clone()}</h1>
        // A draft has no public page yet (it answers 404): no link to it.
        {(a.status != Status::Bozza).then(|| view! {
            <p class="mb-2"><a href=a.href()>{td_string!(l, catalogue_organise.see_the_public_page)}</a></p>
        })}
        <p class="mb-6 font-semibold" data-testid="stato-attivita">{availability(&a, l)}</p>
        {(a.review != Review::None).then(|| view! {
            <div class="notice mb-6 max-w-3xl" role="status" data-testid="revisione-attivita">
                <p class="font-semibold">{pick(a.review.label(), english)}</p>
                {(a.review == Review::Waiting).then(|| view! { <p>{td_string!(l, catalogue_organise.it_will_be_public)}</p> })}
                {a.review_reason.clone().filter(|r| !r.is_empty()).map(|r| view! { <p>{td_string!(l, catalogue_organise.reason)}{r}</p> })}
            </div>
        })}
        <div class="mb-6 flex flex-wrap gap-4">
            <a class="btn-secondary" href=csv rel="external" download="">{td_string!(l, catalogue_organise.download_the_list_csv)}</a>
            {(a.status == Status::Bozza && a.review != Review::Waiting).then(|| view! {
                <ActionForm action=change>
                    <input type="hidden" name="id" value=a.id/>
                    <input type="hidden" name="change" value="pubblica"/>
                    <button type="submit" class="btn-primary">{td_string!(l, catalogue_organise.publish)}</button>
                </ActionForm>
            })}
            {(a.status == Status::Pubblicato).then(|| view! {
                <ActionForm action=change>
                    <input type="hidden" name="id" value=a.id/>
                    <input type="hidden" name="change" value="chiudi"/>
                    <button type="submit" class="btn-secondary">{td_string!(l, catalogue_organise.close_enrolment)}</button>
                </ActionForm>
            })}
        </div>
        <p role="alert" class="field-error">{move || form_message(change_result.get(), &["reason"]).or_else(|| form_message(mark_result.get(), &["code"]))}</p>
        <section class="mb-8" aria-labelledby="presenze">
            <h2 id="presenze" class="section-title">{td_string!(l, catalogue_organise.attendance_by_code)}</h2>
            <ActionForm action=mark attr:class="flex flex-wrap items-end gap-3">
                <input type="hidden" name="id" value=a.id/>
                <div class="flex flex-col">
                    <label for="codice-presenza" class="font-semibold">{td_string!(l, catalogue_organise.attendance_code)}</label>
                    <input id="codice-presenza" name="code" class="input" autocomplete="off" aria-describedby="codice-presenza-errore"/>
                    <p id="codice-presenza-errore" class="field-error" aria-live="polite">{move || field_message(mark_result.get(), "code")}</p>
                </div>
                <button type="submit" class="btn-primary">{td_string!(l, catalogue_organise.mark_present)}</button>
            </ActionForm>
        </section>
        <table class="hours-table max-w-none" data-testid="iscritti">
            <caption class="text-left font-semibold">{td_string!(l, catalogue_organise.enrolled_waiting_and_cancelled)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(l, catalogue_organise.name)}</th>
                <th scope="col">{td_string!(l, catalogue_organise.email)}</th>
                <th scope="col">{td_string!(l, catalogue_organise.status)}</th>
                <th scope="col">{td_string!(l, catalogue_organise.code)}</th>
                <th scope="col">{td_string!(l, catalogue_organise.enrolled_on)}</th>
                <th scope="col">{td_string!(l, catalogue_organise.attendance)}</th>
            </tr></thead>
            <tbody>
                {roster.entries.into_iter().map(|e| {
                    let status = match e.position {
                        Some(p) => format!("{} ({p})", pick(e.status.label(), english)),
                        None => pick(e.status.label(), english).to_string(),
                    };
                    let enrolled = e.status == crate::catalogue::domain::EnrolmentStatus::Iscritto;
                    view! {
                        <tr>
                            <td>{e.name.clone()}</td>
                            <td>{e.email.clone()}</td>
                            <td>{status}</td>
                            <td>{e.code.clone()}</td>
                            <td>{italian_datetime(e.enrolled_at)}</td>
                            <td>
                                {enrolled.then(|| view! {
                                    <ActionForm action=mark>
                                        <input type="hidden" name="id" value=a.id/>
                                        <input type="hidden" name="enrolment" value=e.id/>
                                        <input type="hidden" name="present" value=if e.attended { "no" } else { "si" }/>
                                        <button type="submit" class="btn-secondary" aria-label=format!("{} {}", if e.attended { td_string!(l, catalogue_organise.unmark) } else { td_string!(l, catalogue_organise.mark_present) }, e.name)>
                                            {if e.attended { td_string!(l, catalogue_organise.present) } else { td_string!(l, catalogue_organise.mark_present) }}
                                        </button>
                                    </ActionForm>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(a.status != Status::Annullato).then(|| view! {
            <section class="card mt-8 max-w-3xl" aria-labelledby="annulla-attivita">
                <h2 id="annulla-attivita" class="section-title">{td_string!(l, catalogue_organise.cancel_the_activity)}</h2>
                <p class="mb-3">{td_string!(l, catalogue_organise.everyone_enrolled_or_waiting)}</p>
                <ActionForm action=change>
                    <input type="hidden" name="id" value=a.id/>
                    <input type="hidden" name="change" value="annulla"/>
                    <label for="motivo-annullamento" class="font-semibold">{td_string!(l, catalogue_organise.reason_2)}</label>
                    <textarea id="motivo-annullamento" name="reason" rows="2" class="input mb-1 w-full" aria-describedby="motivo-annullamento-errore"></textarea>
                    <p id="motivo-annullamento-errore" class="field-error" aria-live="polite">{move || field_message(change_result.get(), "reason")}</p>
                    <button type="submit" class="btn-secondary">{td_string!(l, catalogue_organise.cancel_the_activity)}</button>
                </ActionForm>
            </section>
        })}
    }
}
