//! `/area/calendario`: "I miei corsi e incontri" — one's places, waiting
//! positions and desk appointments, each cancellable, and the personal
//! calendar link.

use crate::catalogue::api::{
    get_my_calendar, CancelEnrolment, MyCalendar, RenewCalendarFeed, RevokeCalendarFeed,
};
use crate::catalogue::domain::EnrolmentStatus;
use crate::components::async_data::with_data;
use crate::components::form::form_message;
use crate::desk::api::CancelAppointment;
use crate::desk::domain::{AppointmentStatus, Mode};
use crate::i18n::*;
use crate::kernel::dates::{italian_date, italian_time};
use crate::kernel::labels::pick;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyCalendarPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let cancel = ServerAction::<CancelEnrolment>::new();
    let cancel_appointment = ServerAction::<CancelAppointment>::new();
    let renew = ServerAction::<RenewCalendarFeed>::new();
    let revoke = ServerAction::<RevokeCalendarFeed>::new();
    let calendar = Resource::new(
        move || {
            (
                cancel.version().get(),
                cancel_appointment.version().get(),
                renew.version().get(),
                revoke.version().get(),
            )
        },
        |_| get_my_calendar(),
    );
    let booked = use_query_map().read_untracked().get("prenotato").is_some();
    let title = td_string!(l, catalogue_my_calendar.my_courses_meetings_and);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {booked.then(|| view! { <p role="status" class="notice mb-6">{td_string!(l, catalogue_my_calendar.appointment_booked_we_sent)}</p> })}
        {with_data(calendar, move |c| view! { <Calendar calendar=c cancel cancel_appointment renew revoke/> })}
    }
}

#[component]
fn Calendar(
    calendar: MyCalendar,
    cancel: ServerAction<CancelEnrolment>,
    cancel_appointment: ServerAction<CancelAppointment>,
    renew: ServerAction<RenewCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let feed = (calendar.feed_since, calendar.new_feed_url.clone());
    let result = cancel.value();
    let appointment_result = cancel_appointment.value();
    view! {
        <p role="alert" class="field-error">{move || form_message(result.get(), &[]).or_else(|| form_message(appointment_result.get(), &[]))}</p>
        <section class="mb-8" aria-labelledby="mie-iscrizioni">
            <h2 id="mie-iscrizioni" class="section-title">{td_string!(l, catalogue_my_calendar.courses_and_meetings)}</h2>
            {calendar.enrolments.is_empty().then(|| view! {
                <p>{td_string!(l, catalogue_my_calendar.you_have_not_enrolled)} " " <a href="/corsi">{td_string!(l, catalogue_my_calendar.find_a_course)}</a></p>
            })}
            <ul class="grid gap-4">
                {calendar.enrolments.into_iter().map(|e| {
                    let a = e.activity;
                    let status = match e.place.status {
                        EnrolmentStatus::InAttesa => format!("{} {}", td_string!(l, catalogue_my_calendar.waiting_list_position), e.place.position.unwrap_or(1)),
                        other => pick(other.label(), english).to_string(),
                    };
                    let active = e.place.status != EnrolmentStatus::Annullato && a.status != crate::catalogue::domain::Status::Annullato;
                    view! {
                        <li class="card" data-testid="mia-iscrizione">
                            <h3 class="card-title"><a href=a.href()>{a.title.clone()}</a></h3>
                            <p>{format!("{} {} · {}", italian_date(a.first_starts_at), italian_time(a.first_starts_at), a.comune_name)}</p>
                            <p class="font-semibold">{status}{(a.status == crate::catalogue::domain::Status::Annullato).then(|| format!(" — {}", td_string!(l, catalogue_my_calendar.activity_cancelled)))}</p>
                            {active.then(|| view! {
                                <ActionForm action=cancel attr:class="mt-2">
                                    <input type="hidden" name="id" value=a.id/>
                                    <button type="submit" class="btn-secondary">{td_string!(l, catalogue_my_calendar.cancel)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="mb-8" aria-labelledby="miei-appuntamenti">
            <h2 id="miei-appuntamenti" class="section-title">{td_string!(l, catalogue_my_calendar.desk_appointments)}</h2>
            {calendar.appointments.is_empty().then(|| view! {
                <p>{td_string!(l, catalogue_my_calendar.no_appointments)} " " <a href="/sportelli">{td_string!(l, catalogue_my_calendar.book_the_desk)}</a></p>
            })}
            <ul class="grid gap-4">
                {calendar.appointments.into_iter().map(|a| view! {
                    <li class="card" data-testid="mio-appuntamento">
                        <h3 class="card-title">{format!("{} {} — {}", italian_date(a.starts_at), italian_time(a.starts_at), a.desk_name)}</h3>
                        <p>{pick(a.topic.label(), english)}</p>
                        <p class="font-semibold">{pick(a.status.label(), english)}</p>
                        {(a.mode == Mode::Remoto && !a.video_link.is_empty()).then(|| view! { <p><a href=a.video_link.clone()>{td_string!(l, catalogue_my_calendar.video_call_link)}</a></p> })}
                        {(a.status == AppointmentStatus::Prenotato).then(|| view! {
                            <ActionForm action=cancel_appointment attr:class="mt-2">
                                <input type="hidden" name="id" value=a.id/>
                                <button type="submit" class="btn-secondary">{td_string!(l, catalogue_my_calendar.cancel_the_appointment)}</button>
                            </ActionForm>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <FeedSection feed renew revoke/>
    }
}

/// The personal calendar address: made on request and shown once (only its
/// hash is kept), renewed when lost, revoked when no longer wanted.
#[component]
fn FeedSection(
    feed: (Option<i64>, Option<String>),
    renew: ServerAction<RenewCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let (since, new_url) = feed;
    let state = match (&new_url, since) {
        (Some(_), _) => None,
        (None, Some(at)) => Some(format!(
            "{} {}.",
            td_string!(l, feed.active_since),
            italian_date(at)
        )),
        (None, None) => Some(td_string!(l, feed.none).to_string()),
    };
    let webcal = new_url.as_ref().map(|url| {
        url.replacen("https://", "webcal://", 1)
            .replacen("http://", "webcal://", 1)
    });
    let (renewed, revoked) = (renew.value(), revoke.value());
    // A failure of either button is said where the buttons are.
    let failure = move || {
        crate::components::form::form_message(renewed.get(), &[])
            .or_else(|| crate::components::form::form_message(revoked.get(), &[]))
    };
    view! {
        <section class="card max-w-3xl" aria-labelledby="calendario-personale">
            <h2 id="calendario-personale" class="section-title">{td_string!(l, feed.title)}</h2>
            <p class="mb-3">{td_string!(l, feed.lead)}</p>
            {new_url.map(|url| view! {
                <p role="status" class="notice mb-3">{td_string!(l, feed.shown_once)}</p>
                <label for="indirizzo-calendario" class="font-semibold">{td_string!(l, feed.address)}</label>
                <input id="indirizzo-calendario" class="input mb-3 w-full" readonly value=url.clone()/>
                <p class="mb-3 flex flex-wrap items-center gap-3">
                    <a class="btn-primary" href=webcal rel="external">{td_string!(l, feed.add)}</a>
                    <crate::components::copy::CopyButton text=url label=td_string!(l, feed.copy)/>
                </p>
            })}
            {state.map(|text| view! { <p class="mb-3" data-testid="stato-calendario">{text}</p> })}
            <p role="alert" class="field-error">{failure}</p>
            <div class="flex flex-wrap gap-3">
                <ActionForm action=renew>
                    <button type="submit" class="btn-primary">{if since.is_some() { td_string!(l, feed.renew) } else { td_string!(l, feed.create) }}</button>
                </ActionForm>
                {since.is_some().then(|| view! {
                    <ActionForm action=revoke>
                        <button type="submit" class="btn-secondary">{td_string!(l, feed.revoke)}</button>
                    </ActionForm>
                })}
            </div>
        </section>
    }
}
