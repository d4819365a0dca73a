//! The desk staff's side: the agenda, outcomes, erasing a caller's data,
//! opening hours and settings.

use super::{desk, works_at};
use crate::desk::domain::{closure_on, Agenda, AppointmentStatus};
use crate::desk::repo::{self, DeskRow};
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::clock::now;
use crate::kernel::dates::{local, parse_iso_date, parse_time, start_of_day};
use crate::state::AppState;

/// The desk a staff member works on: the one asked for (the admin), or their own.
pub(super) async fn staff_desk(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
) -> Result<DeskRow, AppError> {
    let slug = if slug.is_empty() && user.role == Role::Operatore {
        let istat = repo::desk_of_operator(&state.db, user.id)
            .await?
            .unwrap_or_default();
        let comuni = crate::kernel::geo::places(&state.db).await?;
        comuni
            .into_iter()
            .find(|c| c.istat_code == istat)
            .map(|c| c.slug)
            .unwrap_or_default()
    } else if slug.is_empty() {
        "la-spezia".to_string()
    } else {
        slug.to_string()
    };
    let d = desk(state, &slug).await?;
    if !works_at(state, user, &d.istat_code).await? {
        return Err(AppError::Forbidden.with_status());
    }
    Ok(d)
}

pub async fn agenda(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    day: &str,
) -> Result<Agenda, AppError> {
    let d = staff_desk(state, user, slug).await?;
    let day = if day.is_empty() {
        start_of_day(now())
    } else {
        parse_iso_date(day).ok_or_else(|| crate::invalid!("giorno", the_date_is_not))?
    };
    let appointments = repo::of_desk(&state.db, d.id, day, start_of_day(day + 36 * 3600)).await?;
    let monday = start_of_day(day - (local(day).weekday - 1) * 86_400 + 12 * 3600);
    let week = repo::of_desk(&state.db, d.id, monday, monday + 7 * 86_400 + 3_600).await?;
    let count = |s: AppointmentStatus| week.iter().filter(|a| a.status == s).count() as i64;
    let desks = if user.role == Role::Admin {
        repo::desks(&state.db).await?
    } else {
        vec![(d.comune_slug.clone(), d.name.clone())]
    };
    let closed = closure_on(day + 12 * 3_600, &d.patron_day, &d.announced);
    let announced_closures = super::closures::announced_from_today(&d);
    Ok(Agenda {
        comune_slug: d.comune_slug,
        desk_name: d.name,
        day,
        appointments,
        week: (
            count(AppointmentStatus::Prenotato)
                + count(AppointmentStatus::Svolto)
                + count(AppointmentStatus::Assente),
            count(AppointmentStatus::Svolto),
            count(AppointmentStatus::Assente),
        ),
        desks,
        hours: d.hours,
        slot_minutes: d.slot_minutes,
        closed,
        announced_closures,
        video_link: d.video_link,
    })
}

/// Erases the data of a person staff booked for (they have no account to
/// erase themselves): every appointment booked for their contact. Staff of
/// the appointment's desk only; the audit log records that it happened.
pub async fn erase_booked_person(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(), AppError> {
    let (appointment, owner, istat) = repo::appointment_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if !works_at(state, user, &istat).await? {
        return Err(AppError::Forbidden.with_status());
    }
    if owner.is_some() || appointment.person_contact.is_empty() {
        return Err(crate::conflict!(this_person_has_an));
    }
    let mut tx = state.db.begin_write().await?;
    let erased = crate::desk::privacy::erase_booked_person(&mut tx, id, now()).await?;
    let detail = format!("{erased} appuntamenti");
    audit(
        &mut tx,
        user.id,
        AuditAction::CallerErased,
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn record_outcome(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    outcome: &str,
) -> Result<(), AppError> {
    let outcome = AppointmentStatus::from_code(outcome)
        .filter(|o| AppointmentStatus::OUTCOMES.contains(o))
        .ok_or_else(|| crate::invalid!("outcome", choose_whether_the_appointment))?;
    let (_, _, istat) = repo::appointment_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if !works_at(state, user, &istat).await? {
        return Err(AppError::Forbidden.with_status());
    }
    let recordable = [
        AppointmentStatus::Prenotato,
        AppointmentStatus::Svolto,
        AppointmentStatus::Assente,
    ];
    let mut tx = state.db.begin_write().await?;
    if !repo::set_status(&mut tx, id, &recordable, outcome).await? {
        return Err(crate::conflict!(this_appointment_has_been));
    }
    tx.commit().await?;
    Ok(())
}

fn span(field: &str, opens: &str, closes: &str) -> Result<Option<(String, String)>, AppError> {
    if opens.trim().is_empty() && closes.trim().is_empty() {
        return Ok(None);
    }
    let (Some((oh, om)), Some((ch, cm))) = (parse_time(opens), parse_time(closes)) else {
        return Err(crate::invalid!(field, write_opening_and_closing));
    };
    if ch * 60 + cm <= oh * 60 + om {
        return Err(crate::invalid!(field, closing_must_come_after));
    }
    Ok(Some((
        format!("{oh:02}:{om:02}"),
        format!("{ch:02}:{cm:02}"),
    )))
}

pub async fn save_day(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    weekday: i64,
    am: (&str, &str),
    pm: (&str, &str),
) -> Result<(), AppError> {
    let d = staff_desk(state, user, slug).await?;
    if !(1..=7).contains(&weekday) {
        return Err(crate::invalid!("weekday", invalid_day));
    }
    let spans: Vec<(String, String)> = [span("am", am.0, am.1)?, span("pm", pm.0, pm.1)?]
        .into_iter()
        .flatten()
        .collect();
    if let [a, b] = spans.as_slice() {
        if b.0 < a.1 {
            return Err(crate::invalid!("pm", the_afternoon_must_start));
        }
    }
    let mut tx = state.db.begin_write().await?;
    repo::set_day_hours(&mut tx, d.id, weekday, &spans).await?;
    audit(
        &mut tx,
        user.id,
        AuditAction::DeskHours,
        Some(d.id),
        &format!("giorno {weekday}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn save_settings(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    slot_minutes: &str,
    video_link: &str,
) -> Result<(), AppError> {
    let d = staff_desk(state, user, slug).await?;
    let minutes: i64 = slot_minutes
        .trim()
        .parse()
        .ok()
        .filter(|m| [15, 20, 30, 45, 60].contains(m))
        .ok_or_else(|| crate::invalid!("slot_minutes", choose_the_length_of))?;
    let link = video_link.trim();
    if !link.is_empty() && !link.starts_with("https://") {
        return Err(crate::invalid!("video_link", the_link_must_start));
    }
    repo::set_settings(&state.db, d.id, minutes, link).await?;
    Ok(())
}
