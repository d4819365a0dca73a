//! `/corsi/{id}` and `/incontri/{id}`: everything about one activity, and
//! enrolment in one click (or the waitlist, with one's position).

use super::availability;
use crate::catalogue::api::{get_activity, CancelEnrolment, EnrolActivity};
use crate::catalogue::domain::{ActivityDetail, EnrolmentStatus, Kind, TARGET_GROUPS};
use crate::components::async_data::with_data;
use crate::components::form::form_message;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::kernel::dates::{italian_date, italian_time};
use crate::kernel::labels::{label_of, pick};
use leptos::prelude::*;

#[component]
pub fn CoursePage() -> impl IntoView {
    view! { <ActivityPage kind=Kind::Corso/> }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    view! { <ActivityPage kind=Kind::Incontro/> }
}

#[component]
fn ActivityPage(kind: Kind) -> impl IntoView {
    let enrol = ServerAction::<EnrolActivity>::new();
    let cancel = ServerAction::<CancelEnrolment>::new();
    let id = crate::components::use_id_param();
    let detail = Resource::new(
        move || (id.get(), enrol.version().get(), cancel.version().get()),
        move |(id, _, _)| get_activity(kind.code().to_string(), id),
    );
    view! { {with_data(detail, move |detail| view! { <Detail detail enrol cancel/> })} }
}

#[component]
fn Detail(
    detail: ActivityDetail,
    enrol: ServerAction<EnrolActivity>,
    cancel: ServerAction<CancelEnrolment>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let a = detail.summary.clone();
    let cost = super::cost(detail.cost_cents, l);
    let targets: Vec<&str> = a
        .target_groups
        .iter()
        .map(|t| label_of(&TARGET_GROUPS, t, english))
        .collect();
    let enrol_result = enrol.value();
    let cancel_result = cancel.value();
    view! {
        <PageMeta title=a.title.clone() description=crate::kernel::text::first_words(&detail.description, 160) noindex=a.demo/>
        <p class="mb-2"><a href=a.kind.path()>{match a.kind { Kind::Corso => td_string!(l, catalogue_detail.all_courses), Kind::Incontro => td_string!(l, catalogue_detail.all_meetings) }}</a></p>
        <h1 class="page-title">{a.title.clone()}</h1>
        {a.demo.then(|| view! { <p class="mb-4"><span class="badge badge-demo">{td_string!(l, catalogue_detail.demo_content_not_a)}</span></p> })}
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <div>
                <p class="lead mb-6 whitespace-pre-line">{detail.description.clone()}</p>
                <h2 class="section-title">{td_string!(l, catalogue_detail.dates_and_times)}</h2>
                <ul class="mb-6 space-y-1" data-testid="sessioni">
                    {detail.sessions.iter().map(|s| view! {
                        <li>{format!("{} {} {} {} {}", italian_date(s.starts_at), td_string!(l, catalogue_detail.from), italian_time(s.starts_at), td_string!(l, catalogue_detail.to), italian_time(s.ends_at))}</li>
                    }).collect_view()}
                </ul>
                <dl class="facts mb-6">
                    <dt>{td_string!(l, catalogue_detail.organiser)}</dt><dd>{a.organiser_name.clone()}</dd>
                    <dt>{td_string!(l, catalogue_detail.where_text)}</dt><dd>{format!("{}, {}", detail.venue, a.comune_name)}</dd>
                    <dt>{td_string!(l, catalogue_detail.mode)}</dt><dd>{pick(a.mode.label(), english)}</dd>
                    <dt>{td_string!(l, catalogue_detail.topic)}</dt><dd>{pick(a.topic.label(), english)}</dd>
                    <dt>{td_string!(l, catalogue_detail.for_whom)}</dt><dd>{targets.join(", ")}</dd>
                    <dt>{td_string!(l, catalogue_detail.total_hours)}</dt><dd>{a.total_hours}</dd>
                    <dt>{td_string!(l, catalogue_detail.cost)}</dt><dd>{cost}</dd>
                    {(!detail.requirements.is_empty()).then(|| view! { <dt>{td_string!(l, catalogue_detail.requirements)}</dt><dd>{detail.requirements.clone()}</dd> })}
                    {(!detail.certificate.is_empty()).then(|| view! { <dt>{td_string!(l, catalogue_detail.certificate)}</dt><dd>{detail.certificate.clone()}</dd> })}
                    {(!detail.skills.is_empty()).then(|| view! { <dt>{td_string!(l, catalogue_detail.skills)}</dt><dd>{detail.skills.clone()}</dd> })}
                    <dt>{td_string!(l, catalogue_detail.enrolment_until)}</dt><dd>{format!("{} {}", italian_date(a.enrol_closes), italian_time(a.enrol_closes))}</dd>
                </dl>
            </div>
            <aside class="card h-fit" aria-labelledby="iscrizione">
                <h2 id="iscrizione" class="section-title">{td_string!(l, catalogue_detail.enrolment)}</h2>
                <p class="mb-2" data-testid="posti">{availability(&a, l)}</p>
                {(detail.waiting > 0).then(|| view! { <p class="mb-2">{format!("{} {}", detail.waiting, td_string!(l, catalogue_detail.people_on_the_waiting))}</p> })}
                <p role="alert" class="field-error">{move || form_message(enrol_result.get(), &[]).or_else(|| form_message(cancel_result.get(), &[]))}</p>
                {match detail.viewer.clone() {
                    None => view! {
                        <p class="mb-3">{td_string!(l, catalogue_detail.sign_in_or_register)}</p>
                        <a class="btn-primary" href="/accesso">{td_string!(l, catalogue_detail.sign_in_to_enrol)}</a>
                    }.into_any(),
                    Some(viewer) => {
                        let open = a.status == crate::catalogue::domain::Status::Pubblicato;
                        let place = viewer.place.clone().filter(|p| p.status != EnrolmentStatus::Annullato);
                        view! {
                            {place.clone().map(|p| view! {
                                <p role="status" class="notice mb-3" data-testid="mio-posto">
                                    {match p.status {
                                        EnrolmentStatus::InAttesa => format!("{} {}.", td_string!(l, catalogue_detail.you_are_on_the), p.position.unwrap_or(1)),
                                        _ => format!("{} {}", td_string!(l, catalogue_detail.you_are_enrolled_your), p.code),
                                    }}
                                </p>
                                <ActionForm action=cancel>
                                    <input type="hidden" name="id" value=a.id/>
                                    <button type="submit" class="btn-secondary">{match p.status {
                                        EnrolmentStatus::InAttesa => td_string!(l, catalogue_detail.leave_the_waiting_list),
                                        _ => td_string!(l, catalogue_detail.cancel_my_enrolment),
                                    }}</button>
                                </ActionForm>
                            })}
                            {(place.is_none() && viewer.can_enrol && open).then({ let a = a.clone(); move || view! {
                                <ActionForm action=enrol>
                                    <input type="hidden" name="id" value=a.id/>
                                    <button type="submit" class="btn-primary">{if a.seats_left() > 0 {
                                        td_string!(l, catalogue_detail.enrol)
                                    } else {
                                        td_string!(l, catalogue_detail.join_the_waiting_list)
                                    }}</button>
                                </ActionForm>
                            }})}
                            {(!viewer.can_enrol && !viewer.can_manage).then(|| view! {
                                <p>{td_string!(l, catalogue_detail.enrolment_is_for_citizens)}</p>
                            })}
                            {viewer.can_manage.then(|| view! {
                                <p class="mt-4"><a href=format!("/organizza/{}", a.id)>{td_string!(l, catalogue_detail.manage_enrolments_and_attendance)}</a></p>
                            })}
                        }.into_any()
                    }
                }}
                <p class="mt-4 text-base">{pick(a.status.label(), english)}</p>
            </aside>
        </div>
    }
}
