//! What the desk's server functions do once the caller is authorised.

mod closures;
mod staff;

pub use closures::{close_day, reopen_day};
pub use staff::*;

use super::domain::{
    closure_on, day_slots, Appointment, AppointmentStatus, ClosedDay, DaySlots, DeskBooking, Mode,
    Slot, Topic, BOOKING_DAYS,
};
use super::repo::{self, DeskRow, NewAppointment};
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::calendar::{ics, CalendarItem};
use crate::kernel::clock::now;
use crate::kernel::dates::{italian_time, start_of_day};
use crate::kernel::fields::Problems;
use crate::kernel::labels::pick;
use crate::kernel::mail_text::{fill, language_of, long_date, text, Language, Mail};
use crate::kernel::outbox::enqueue_mail_with;
use crate::state::AppState;
use closures::{tell_cancelled, CancelledAppointment};

/// Appointments a person may have booked ahead at once: enough for a CV, an
/// interview and a follow-up, not enough to hold a desk's week.
pub const MAX_FUTURE_APPOINTMENTS: i64 = 3;

async fn desk(state: &AppState, slug: &str) -> Result<DeskRow, AppError> {
    repo::desk_by_slug(&state.db, slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// The free and taken slots of the coming weeks (from tomorrow: a desk
/// prepares each appointment).
pub async fn booking(
    state: &AppState,
    slug: &str,
    user: Option<&SessionUser>,
) -> Result<DeskBooking, AppError> {
    let d = desk(state, slug).await?;
    let first_day = start_of_day(now()) + 86_400 + 3_600 * 12;
    let until = first_day + BOOKING_DAYS * 86_400;
    let taken = repo::taken(&state.db, d.id, first_day - 86_400, until).await?;
    let mut days = Vec::new();
    let mut closed = Vec::new();
    for n in 0..BOOKING_DAYS {
        let noon = first_day + n * 86_400;
        let open = day_slots(noon, &d.hours, d.slot_minutes);
        if open.is_empty() {
            continue;
        }
        if let Some(closure) = closure_on(noon, &d.patron_day, &d.announced) {
            closed.push(ClosedDay {
                day: start_of_day(noon),
                closure,
            });
            continue;
        }
        let slots: Vec<Slot> = open
            .into_iter()
            .map(|(starts_at, ends_at)| Slot {
                starts_at,
                ends_at,
                free: !taken.contains(&starts_at),
            })
            .collect();
        days.push(DaySlots {
            day: start_of_day(noon),
            slots,
        });
    }
    Ok(DeskBooking {
        comune_slug: d.comune_slug,
        desk_name: d.name,
        slot_minutes: d.slot_minutes,
        remote_available: !d.video_link.is_empty(),
        days,
        closed,
        signed_in: user.is_some(),
        for_someone_else: user.is_some_and(|u| u.role.is_staff()),
    })
}

/// What a booking form carries, as typed.
pub struct BookingForm {
    pub comune: String,
    pub slot: String,
    pub topic: String,
    pub mode: String,
    pub notes: String,
    pub person_name: String,
    pub person_contact: String,
}

/// A booking form checked: every field parsed, the slot one the desk offers.
struct Booking {
    topic: Topic,
    mode: Mode,
    slot: (i64, i64),
    notes: String,
    /// The person's account; none when staff book for someone who called.
    owner: Option<i64>,
    name: String,
    contact: String,
}

fn parse_booking(
    d: &DeskRow,
    user: &SessionUser,
    form: &BookingForm,
    at: i64,
) -> Result<Booking, AppError> {
    // Every field is checked, and every mistake answered at once.
    let mut p = Problems::default();
    let topic = p.check(
        Topic::from_code(form.topic.trim())
            .ok_or_else(|| crate::invalid!("topic", choose_what_you_want)),
    );
    let mode = p.check(
        Mode::from_code(form.mode.trim())
            .filter(|mode| *mode != Mode::Remoto || !d.video_link.is_empty())
            .ok_or_else(|| crate::invalid!("mode", choose_how_you_want)),
    );
    let slot = p.check(bookable_slot(d, &form.slot, at));
    let notes = form.notes.trim();
    if notes.chars().count() > 1000 {
        p.refuse(crate::invalid!("notes", at_most_1000_characters));
    }
    let (owner, name, contact) = if user.role.is_staff() {
        let name = form.person_name.trim();
        let contact = form.person_contact.trim();
        if name.chars().count() < 2 {
            p.refuse(crate::invalid!("person_name", write_the_persons_name));
        }
        if contact.chars().count() < 5 {
            p.refuse(crate::invalid!("person_contact", write_a_phone_number));
        }
        (None, name.to_string(), contact.to_string())
    } else {
        (Some(user.id), user.display_name.clone(), user.email.clone())
    };
    p.finish()?;
    let (Some(topic), Some(mode), Some(slot)) = (topic, mode, slot) else {
        // `finish` answered every missing value's refusal above.
        return Err(AppError::Internal);
    };
    Ok(Booking {
        topic,
        mode,
        slot,
        notes: notes.to_string(),
        owner,
        name,
        contact,
    })
}

/// Only a slot the desk offers, from tomorrow on, within the booking
/// window, on a day it is open.
fn bookable_slot(d: &DeskRow, slot: &str, at: i64) -> Result<(i64, i64), AppError> {
    let starts_at: i64 = slot
        .parse()
        .map_err(|_| crate::invalid!("slot", choose_a_day_and))?;
    let slot = day_slots(starts_at, &d.hours, d.slot_minutes)
        .into_iter()
        .find(|(s, _)| *s == starts_at)
        .filter(|(s, _)| *s >= start_of_day(at) + 86_400 && *s < at + (BOOKING_DAYS + 2) * 86_400)
        .ok_or_else(|| crate::invalid!("slot", this_time_is_not))?;
    if let Some(closure) = closure_on(slot.0, &d.patron_day, &d.announced) {
        let reason = closure.reason(crate::i18n_switch::request_locale());
        return Err(crate::invalid!(
            "slot",
            the_desk_is_closed_that_day,
            reason = reason
        ));
    }
    Ok(slot)
}

pub async fn book(
    state: &AppState,
    user: &SessionUser,
    form: &BookingForm,
) -> Result<i64, AppError> {
    let d = desk(state, &form.comune).await?;
    let at = now();
    let b = parse_booking(&d, user, form, at)?;
    let mut tx = state.db.begin_write().await?;
    if let Some(owner) = b.owner {
        // Counted inside the write transaction: parallel bookings cannot pass it.
        if repo::future_count(&mut tx, owner, at).await? >= MAX_FUTURE_APPOINTMENTS {
            return Err(crate::conflict!(
                too_many_appointments,
                max = MAX_FUTURE_APPOINTMENTS
            ));
        }
    }
    let new = NewAppointment {
        desk_id: d.id,
        starts_at: b.slot.0,
        ends_at: b.slot.1,
        topic: b.topic,
        mode: b.mode,
        user_id: b.owner,
        person_name: &b.name,
        person_contact: &b.contact,
        notes: &b.notes,
        booked_by: user.id,
    };
    let Some(id) = repo::book(&mut tx, &new, at).await? else {
        return Err(crate::conflict!(this_time_has_just));
    };
    if b.owner.is_some() {
        let item = calendar_item(
            &d.name,
            &d.comune_slug,
            b.topic,
            b.slot,
            b.mode,
            &d.video_link,
            &state.config.public_url,
            id,
        );
        let language = language_of(&mut tx, b.owner).await?;
        let Mail { subject, body } = confirmation(language, &b.name, &d, b.topic, b.mode, b.slot);
        enqueue_mail_with(
            &mut tx,
            b.owner,
            &b.contact,
            &subject,
            &body,
            Some(("appuntamento.ics", &ics("Appuntamento InfoLavoro", &[item]))),
        )
        .await?;
    } else {
        // The appointment holds the name; the log says only when, so that
        // erasing the person empties one place.
        let when = crate::kernel::dates::italian_datetime(b.slot.0);
        audit(
            &mut tx,
            user.id,
            AuditAction::AppointmentBooked,
            Some(id),
            &when,
        )
        .await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(id)
}

fn confirmation(
    language: Language,
    name: &str,
    d: &DeskRow,
    topic: Topic,
    mode: Mode,
    slot: (i64, i64),
) -> Mail {
    let place = if mode == Mode::Remoto {
        fill(text(language, "desk.by_video"), &[("link", &d.video_link)])
    } else {
        d.name.clone()
    };
    crate::mail!(
        language,
        "desk.confirmed",
        name = name,
        date = long_date(language, slot.0),
        time = italian_time(slot.0),
        place = place,
        topic = pick(topic.label(), language == Language::En)
    )
}

#[expect(
    clippy::too_many_arguments,
    reason = "one calendar event, field by field"
)]
fn calendar_item(
    desk: &str,
    slug: &str,
    topic: Topic,
    slot: (i64, i64),
    mode: Mode,
    video: &str,
    url: &str,
    id: i64,
) -> CalendarItem {
    CalendarItem {
        uid: format!("appuntamento-{id}@infolavoro"),
        title: format!("Sportello InfoLavoro: {}", pick(topic.label(), false)),
        description: format!("Appuntamento allo {desk}"),
        location: if mode == Mode::Remoto {
            video.to_string()
        } else {
            desk.to_string()
        },
        starts_at: slot.0,
        ends_at: slot.1,
        url: format!("{url}/sportelli/{slug}/prenota"),
        cancelled: false,
    }
}

/// A person's booked appointments as calendar events (for their feed).
pub async fn calendar_items_of(
    state: &AppState,
    user_id: i64,
) -> Result<Vec<CalendarItem>, AppError> {
    Ok(repo::of_user(&state.db, user_id)
        .await?
        .into_iter()
        .filter(|a| a.status == AppointmentStatus::Prenotato)
        .map(|a| {
            calendar_item(
                &a.desk_name,
                &a.comune_slug,
                a.topic,
                (a.starts_at, a.ends_at),
                a.mode,
                &a.video_link,
                &state.config.public_url,
                a.id,
            )
        })
        .collect())
}

pub async fn mine(state: &AppState, user: &SessionUser) -> Result<Vec<Appointment>, AppError> {
    Ok(repo::of_user(&state.db, user.id).await?)
}

/// May this person work on the desk of this comune (ISTAT code)?
async fn works_at(state: &AppState, user: &SessionUser, istat: &str) -> Result<bool, AppError> {
    Ok(match user.role {
        Role::Admin => true,
        Role::Operatore => {
            repo::desk_of_operator(&state.db, user.id).await?.as_deref() == Some(istat)
        }
        _ => false,
    })
}

/// Cancels a booked appointment (its person, or staff of its desk) and
/// tells the person by email.
pub async fn cancel(state: &AppState, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let (appointment, owner, istat) = repo::appointment_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if owner != Some(user.id) && !works_at(state, user, &istat).await? {
        return Err(AppError::NotFound.with_status());
    }
    let mut tx = state.db.begin_write().await?;
    let booked = [AppointmentStatus::Prenotato];
    if appointment.starts_at <= now()
        || !repo::set_status(&mut tx, id, &booked, AppointmentStatus::Annullato).await?
    {
        return Err(crate::conflict!(this_appointment_can_no));
    }
    if let Some(owner) = owner {
        let told = CancelledAppointment {
            owner,
            name: &appointment.person_name,
            desk: &appointment.desk_name,
            slug: &appointment.comune_slug,
            starts_at: appointment.starts_at,
        };
        tell_cancelled(&mut tx, &state.config.public_url, &told, None).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}
