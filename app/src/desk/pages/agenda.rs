//! `/staff/agenda`: the day's appointments at a desk, marked done or
//! no-show; the week's figures; the desk's hours and slot length.

use super::closures::DeskClosures;
use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message};
use crate::desk::api::{
    get_desk_agenda, CloseDeskDay, EraseDeskPerson, RecordAppointmentOutcome, ReopenDeskDay,
    SaveDeskDay, SaveDeskSettings,
};
use crate::desk::domain::{Agenda, Appointment, AppointmentStatus};
use crate::i18n::*;
use crate::kernel::dates::{iso_date, italian_date, italian_time};
use crate::kernel::labels::pick;
use crate::network::domain::OpeningHours;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let outcome = ServerAction::<RecordAppointmentOutcome>::new();
    let day = ServerAction::<SaveDeskDay>::new();
    let settings = ServerAction::<SaveDeskSettings>::new();
    let erase = ServerAction::<EraseDeskPerson>::new();
    let close = ServerAction::<CloseDeskDay>::new();
    let reopen = ServerAction::<ReopenDeskDay>::new();
    let agenda = Resource::new(
        move || {
            let q = query.read();
            let changes = [
                outcome.version().get(),
                day.version().get(),
                settings.version().get(),
                erase.version().get(),
                close.version().get(),
                reopen.version().get(),
            ];
            (
                q.get("sportello").unwrap_or_default(),
                q.get("giorno").unwrap_or_default(),
                changes,
            )
        },
        |(desk, day, _)| get_desk_agenda(desk, day),
    );
    let booked = query.read_untracked().get("prenotato").is_some();
    let title = td_string!(l, desk_agenda_page.desk_agenda);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {booked.then(|| view! { <p role="status" class="notice mb-6">{td_string!(l, desk_agenda_page.appointment_booked)}</p> })}
        {with_data(agenda, move |agenda| view! { <AgendaView agenda outcome day settings erase close reopen/> })}
    }
}

const WEEKDAYS: [crate::kernel::labels::Label; 7] = [
    |l| td_string!(l, desk_agenda.monday),
    |l| td_string!(l, desk_agenda.tuesday),
    |l| td_string!(l, desk_agenda.wednesday),
    |l| td_string!(l, desk_agenda.thursday),
    |l| td_string!(l, desk_agenda.friday),
    |l| td_string!(l, desk_agenda.saturday),
    |l| td_string!(l, desk_agenda.sunday),
];

#[component]
fn AgendaView(
    agenda: Agenda,
    outcome: ServerAction<RecordAppointmentOutcome>,
    day: ServerAction<SaveDeskDay>,
    settings: ServerAction<SaveDeskSettings>,
    erase: ServerAction<EraseDeskPerson>,
    close: ServerAction<CloseDeskDay>,
    reopen: ServerAction<ReopenDeskDay>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let (booked, done, no_show) = agenda.week;
    let rate = if done + no_show > 0 {
        format!(
            "{}%",
            crate::kernel::decimals::fixed(100.0 * no_show as f64 / (done + no_show) as f64, 0)
        )
    } else {
        "—".into()
    };
    let outcome_result = outcome.value();
    let book_href = format!("/sportelli/{}/prenota", agenda.comune_slug);
    let slug = agenda.comune_slug.clone();
    view! {
        <Form method="GET" on_form_data=crate::components::form::without_unnamed_fields() action="/staff/agenda" attr:class="card mb-6 flex flex-wrap items-end gap-4">
            <div class="flex flex-col">
                <label for="agenda-sportello" class="font-semibold">{td_string!(l, desk_agenda_page.desk)}</label>
                <select id="agenda-sportello" name="sportello" class="input">
                    {agenda.desks.iter().map(|(s, name)| view! { <option value=s.clone() selected=*s == slug>{name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col">
                <label for="agenda-giorno" class="font-semibold">{td_string!(l, desk_agenda_page.day)}</label>
                <input id="agenda-giorno" name="giorno" type="date" class="input" value=iso_date(agenda.day)/>
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, desk_agenda_page.show)}</button>
            <a class="btn-secondary" href=book_href>{td_string!(l, desk_agenda_page.book_for_someone)}</a>
        </Form>
        <dl class="facts mb-6" aria-label=td_string!(l, desk_agenda_page.this_week)>
            <dt>{td_string!(l, desk_agenda_page.appointments_this_week)}</dt><dd>{booked}</dd>
            <dt>{td_string!(l, desk_agenda_page.done)}</dt><dd>{done}</dd>
            <dt>{td_string!(l, desk_agenda_page.no_show_rate_no)}</dt><dd>{rate}</dd>
        </dl>
        <h2 class="section-title">{format!("{} {}", td_string!(l, desk_agenda_page.appointments_on), italian_date(agenda.day))}</h2>
        {agenda.closed.map(|closure| view! {
            <p class="notice mb-4" data-testid="giorno-chiuso">{td_string!(l, desk_closures.closed_today, reason = closure.reason(l))}</p>
        })}
        <p role="alert" class="field-error">{move || form_message(outcome_result.get(), &[]).or_else(|| form_message(erase.value().get(), &[]))}</p>
        {agenda.appointments.is_empty().then(|| view! { <p class="mb-6">{td_string!(l, desk_agenda_page.no_appointments_on_this)}</p> })}
        <ul class="mb-8 grid gap-4">
            {agenda.appointments.into_iter().map(|a| view! { <AppointmentCard a outcome erase/> }).collect_view()}
        </ul>
        <DeskClosures comune_slug=agenda.comune_slug.clone() announced=agenda.announced_closures close reopen/>
        <DeskHours
            comune_slug=agenda.comune_slug
            slot_minutes=agenda.slot_minutes
            video_link=agenda.video_link
            hours=agenda.hours
            settings
            day
        />
    }
}

/// One appointment of the day, with its outcome buttons.
#[component]
fn AppointmentCard(
    a: Appointment,
    outcome: ServerAction<RecordAppointmentOutcome>,
    erase: ServerAction<EraseDeskPerson>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let name = a.person_name.clone();
    view! {
        <li class="card" data-testid="appuntamento">
            <h3 class="card-title">{format!("{}–{} {}", italian_time(a.starts_at), italian_time(a.ends_at), a.person_name)}</h3>
            <p>{format!("{} · {} · {}", pick(a.topic.label(), english), pick(a.mode.label(), english), a.person_contact)}</p>
            {(!a.notes.is_empty()).then(|| view! { <p class="italic">{a.notes.clone()}</p> })}
            <p class="font-semibold" data-testid="esito">{pick(a.status.label(), english)}</p>
            {(a.status != AppointmentStatus::Annullato).then(|| view! {
                <div class="mt-2 flex flex-wrap gap-3">
                    {[(AppointmentStatus::Svolto.code(), td_string!(l, desk_agenda_page.mark_done)), (AppointmentStatus::Assente.code(), td_string!(l, desk_agenda_page.no_show))].into_iter().map(|(code, label)| (code, label, format!("{label}: {name}"))).collect::<Vec<_>>().into_iter().map(|(code, label, aria)| view! {
                        <ActionForm action=outcome>
                            <input type="hidden" name="id" value=a.id/>
                            <input type="hidden" name="outcome" value=code/>
                            <button type="submit" class="btn-secondary" aria-label=aria>{label}</button>
                        </ActionForm>
                    }).collect_view()}
                </div>
            })}
            {(a.without_account && !a.person_contact.is_empty()).then(|| view! { <ErasePerson id=a.id name=name.clone() erase/> })}
            {(a.without_account && a.person_contact.is_empty()).then(|| view! { <p data-testid="dati-cancellati">{td_string!(l, desk_agenda.erased)}</p> })}
        </li>
    }
}

/// The desk's slot length, video room and opening hours, each day saved apart.
#[component]
fn DeskHours(
    comune_slug: String,
    slot_minutes: i64,
    video_link: String,
    hours: Vec<OpeningHours>,
    settings: ServerAction<SaveDeskSettings>,
    day: ServerAction<SaveDeskDay>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let settings_result = settings.value();
    let day_result = day.value();
    let slug = comune_slug.clone();
    let settings_slug = comune_slug;
    view! {
    <section class="mb-8" aria-labelledby="orari-sportello">
        <h2 id="orari-sportello" class="section-title">{td_string!(l, desk_agenda_page.hours_and_appointment_length)}</h2>
        <p role="alert" class="field-error">{move || form_message(settings_result.get(), &["slot_minutes", "video_link"]).or_else(|| form_message(day_result.get(), &[]))}</p>
        <ActionForm action=settings attr:class="mb-6 flex flex-wrap items-end gap-4">
            <input type="hidden" name="comune" value=settings_slug/>
            <div class="flex flex-col">
                <label for="durata" class="font-semibold">{td_string!(l, desk_agenda_page.length_minutes)}</label>
                <select id="durata" name="slot_minutes" class="input" aria-describedby="durata-errore">
                    {[15, 20, 30, 45, 60].into_iter().map(|m| view! { <option value=m selected=m == slot_minutes>{m}</option> }).collect_view()}
                </select>
                <p id="durata-errore" class="field-error" aria-live="polite">{move || field_message(settings_result.get(), "slot_minutes")}</p>
            </div>
            <div class="flex grow flex-col">
                <label for="video" class="font-semibold">{td_string!(l, desk_agenda_page.video_call_room_https)}</label>
                <input id="video" name="video_link" class="input" value=video_link aria-describedby="video-errore"
                    aria-invalid=move || field_message(settings_result.get(), "video_link").is_some().then_some("true")/>
                <p id="video-errore" class="field-error" aria-live="polite">{move || field_message(settings_result.get(), "video_link")}</p>
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, desk_agenda_page.save)}</button>
        </ActionForm>
        <table class="hours-table max-w-none">
            <caption class="text-left font-semibold">{td_string!(l, desk_agenda_page.opening_hours_morning_and)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(l, desk_agenda_page.day)}</th>
                <th scope="col">{td_string!(l, desk_agenda_page.hours)}</th>
            </tr></thead>
            <tbody>
                {WEEKDAYS.iter().enumerate().map(|(i, names)| {
                    let weekday = i as u8 + 1;
                    let spans: Vec<_> = hours.iter().filter(|h| h.weekday == weekday).cloned().collect();
                    let get = move |n: usize, open: bool| spans.get(n).map(|h| if open { h.opens.clone() } else { h.closes.clone() }).unwrap_or_default();
                    let name = names(l);
                    let slug = slug.clone();
                    let input = move |field: &'static str, label: &'static str, value: String| {
                        let id = format!("orario-{weekday}-{field}");
                        view! {
                            <label for=id.clone() class="sr-only">{format!("{name}: {label}")}</label>
                            <input id=id name=field class="input w-24" inputmode="numeric" placeholder="hh:mm" value=value/>
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td>
                                <ActionForm action=day attr:class="flex flex-wrap items-center gap-2">
                                    <input type="hidden" name="comune" value=slug.clone()/>
                                    <input type="hidden" name="weekday" value=weekday/>
                                    {input("am_opens", td_string!(l, desk_agenda_page.morning_opens), get(0, true))}
                                    "–"
                                    {input("am_closes", td_string!(l, desk_agenda_page.morning_closes), get(0, false))}
                                    {input("pm_opens", td_string!(l, desk_agenda_page.afternoon_opens), get(1, true))}
                                    "–"
                                    {input("pm_closes", td_string!(l, desk_agenda_page.afternoon_closes), get(1, false))}
                                    <button type="submit" class="btn-secondary" aria-label=format!("{} {name}", td_string!(l, desk_agenda_page.save))>{td_string!(l, desk_agenda_page.save)}</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    </section>
    }
}

/// Erasing a person booked without an account, behind a disclosure so that
/// it is never pressed by mistake.
#[component]
fn ErasePerson(id: i64, name: String, erase: ServerAction<EraseDeskPerson>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let label = format!("{}: {name}", td_string!(l, desk_agenda.erase_submit));
    view! {
        <details class="mt-3">
            <summary class="cursor-pointer">{td_string!(l, desk_agenda.erase_summary)}</summary>
            <p class="my-2">{td_string!(l, desk_agenda.erase_text)}</p>
            <ActionForm action=erase>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="btn-danger" aria-label=label>{td_string!(l, desk_agenda.erase_submit)}</button>
            </ActionForm>
        </details>
    }
}
