//! `/sportelli/{comune}/prenota`: choose what to talk about, the day and a
//! free time; staff also write who the appointment is for.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, ErrorSummary, Field, TextArea};
use crate::desk::api::{get_desk_slots, BookAppointment};
use crate::desk::domain::{DeskBooking, MODES, TOPICS};
use crate::i18n::*;
use crate::kernel::dates::{iso_date, italian_date, italian_time, local};
use crate::kernel::labels::pick;
use crate::kernel::refused_form::echoed_choice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const FIELDS: [&str; 6] = [
    "topic",
    "mode",
    "slot",
    "notes",
    "person_name",
    "person_contact",
];

#[component]
pub fn BookingPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let params = use_params_map();
    let slug = move || params.read().get("comune").unwrap_or_default();
    let book = ServerAction::<BookAppointment>::new();
    let slots = Resource::new(
        move || (slug(), book.version().get()),
        |(slug, _)| get_desk_slots(slug),
    );
    let title = td_string!(l, desk_booking.book_an_appointment);
    view! {
        <Title text=title/>
        <p class="mb-2"><a href="/sportelli">{td_string!(l, desk_booking.all_desks)}</a></p>
        {with_data(slots, move |booking| view! { <Booking booking book/> })}
    }
}

fn weekday(unix: i64, l: Locale) -> &'static str {
    let it = [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ];
    let en = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = (local(unix).weekday - 1) as usize;
    if l == Locale::en {
        en[i]
    } else {
        it[i]
    }
}

#[component]
fn Booking(booking: DeskBooking, book: ServerAction<BookAppointment>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let query = use_query_map();
    let result = book.value();
    let message =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let chosen_day = move || query.read().get("giorno").unwrap_or_default();
    // A link can choose the topic (`?tema=colloquio`, from the guides and paths).
    let topic = query
        .read_untracked()
        .get("tema")
        .filter(|t| TOPICS.iter().any(|(code, _)| code == t))
        .unwrap_or_else(|| TOPICS[0].0.to_string());
    let days = booking.days.clone();
    let closed = booking.closed.clone();
    let first_free = days
        .iter()
        .find(|d| d.slots.iter().any(|s| s.free))
        .map(|d| iso_date(d.day))
        .unwrap_or_default();
    let slug = booking.comune_slug.clone();
    view! {
        <h1 class="page-title">{format!("{} — {}", td_string!(l, desk_booking.book_an_appointment), booking.desk_name)}</h1>
        {(!booking.signed_in).then(|| view! {
            <p class="notice mb-6">{td_string!(l, desk_booking.sign_in_or_register)} " " <a href="/accesso">{td_string!(l, desk_booking.sign_in)}</a></p>
        })}
        <ActionForm action=book attr:class="max-w-3xl">
            <input type="hidden" name="comune" value=booking.comune_slug.clone()/>
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <fieldset id="campo-topic" tabindex="-1" class="mb-5" aria-describedby="campo-topic-errore">
                <legend class="font-semibold">{td_string!(l, desk_booking.what_do_you_want)}</legend>
                {TOPICS.iter().map(|(code, label)| view! {
                    <label class="choice"><input type="radio" name="topic" value=*code checked=echoed_choice("topic", code, *code == topic)/> {pick(*label, english)}</label>
                }).collect_view()}
                <p id="campo-topic-errore" class="field-error" aria-live="polite">{move || message("topic").get()}</p>
            </fieldset>
            <fieldset id="campo-mode" tabindex="-1" class="mb-5" aria-describedby="campo-mode-errore">
                <legend class="font-semibold">{td_string!(l, desk_booking.how)}</legend>
                {MODES.iter().enumerate().filter(|(_, (code, _))| *code == "presenza" || booking.remote_available).map(|(i, (code, label))| view! {
                    <label class="choice"><input type="radio" name="mode" value=*code checked=echoed_choice("mode", code, i == 0)/> {pick(*label, english)}</label>
                }).collect_view()}
                <p id="campo-mode-errore" class="field-error" aria-live="polite">{move || message("mode").get()}</p>
            </fieldset>
            <h2 class="section-title">{td_string!(l, desk_booking.choose_the_day)}</h2>
            <ul class="mb-4 flex flex-wrap gap-2">
                {days.iter().map(|d| {
                    let iso = iso_date(d.day);
                    let free = d.slots.iter().filter(|s| s.free).count();
                    let href = format!("/sportelli/{slug}/prenota?giorno={iso}&tema={topic}");
                    let (iso2, first_free) = (iso.clone(), first_free.clone());
                    let current = Signal::derive(move || { let c = chosen_day(); c == iso2 || (c.is_empty() && iso2 == first_free) });
                    view! {
                        <li><a href=href class="btn-secondary" aria-current=move || current.get().then_some("true")
                            class:ring-4=current>
                            {format!("{} {} ({free} {})", weekday(d.day, l), italian_date(d.day), td_string!(l, desk_booking.free))}
                        </a></li>
                    }
                }).collect_view()}
            </ul>
            {(!closed.is_empty()).then(|| view! {
                <h3 class="font-semibold">{td_string!(l, desk_booking.closed_days)}</h3>
                <ul class="mb-4 list-disc pl-6" data-testid="giorni-chiusi">
                    {closed.iter().map(|c| view! {
                        <li>{format!("{} {} — {}", weekday(c.day, l), italian_date(c.day), c.closure.reason(l))}</li>
                    }).collect_view()}
                </ul>
            })}
            <fieldset id="campo-slot" tabindex="-1" class="mb-5" aria-describedby="campo-slot-errore">
                <legend class="font-semibold">{td_string!(l, desk_booking.choose_the_time)}</legend>
                {move || {
                    let chosen = chosen_day();
                    let chosen = if chosen.is_empty() { first_free.clone() } else { chosen };
                    days.iter().find(|d| iso_date(d.day) == chosen).map(|d| view! {
                        <p class="mb-2">{format!("{} {}", weekday(d.day, l), italian_date(d.day))}</p>
                        <div class="flex flex-wrap gap-3">
                            {d.slots.iter().map(|s| view! {
                                <label class="choice"><input type="radio" name="slot" value=s.starts_at disabled=!s.free/>
                                    {format!("{}{}", italian_time(s.starts_at), if s.free { "" } else { td_string!(l, desk_booking.taken) })}
                                </label>
                            }).collect_view()}
                        </div>
                    })
                }}
                <p id="campo-slot-errore" class="field-error" aria-live="polite">{move || message("slot").get()}</p>
            </fieldset>
            {booking.for_someone_else.then(|| view! {
                <Field name="person_name" label=td_string!(l, desk_booking.persons_name) error=message("person_name")/>
                <Field name="person_contact" label=td_string!(l, desk_booking.persons_phone_or_email) error=message("person_contact")/>
            })}
            <TextArea name="notes" label=td_string!(l, desk_booking.notes_for_the_desk) rows="3" error=message("notes")/>
            {booking.signed_in.then(|| view! {
                <button type="submit" class="btn-primary">{td_string!(l, desk_booking.book)}</button>
            })}
        </ActionForm>
    }
}
