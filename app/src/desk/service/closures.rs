//! Days the desk is closed. National holidays and the patron's day close it
//! by themselves; staff close other days with a reason that people read when
//! booking. Closing a day cancels what was booked on it, and everyone with an
//! account is told by email (staff phone those they booked by phone: the
//! agenda keeps their contact).

use super::staff::staff_desk;
use crate::db::Tx;
use crate::desk::domain::{ClosedDay, ClosedOutcome, Closure, MAX_CLOSURE_REASON};
use crate::desk::repo;
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::clock::now;
use crate::kernel::dates::{iso_date, italian_time, parse_iso_date, start_of_day};
use crate::kernel::fields::Problems;
use crate::kernel::labels::locale_of;
use crate::kernel::mail_text::{language_of, long_date, Language};
use crate::kernel::outbox::enqueue_mail;
use crate::state::AppState;

/// An appointment cancelled, as its person is told about it.
pub(super) struct CancelledAppointment<'a> {
    pub owner: i64,
    pub name: &'a str,
    pub desk: &'a str,
    pub slug: &'a str,
    pub starts_at: i64,
}

/// Queues the email telling a person their appointment is cancelled: at
/// their request or staff's (`closure` none), or because the desk closes.
pub(super) async fn tell_cancelled(
    tx: &mut Tx,
    public_url: &str,
    a: &CancelledAppointment<'_>,
    closure: Option<&Closure>,
) -> Result<(), sqlx::Error> {
    let Some(email) = repo::email_of(tx, a.owner).await? else {
        return Ok(());
    };
    let language = language_of(tx, Some(a.owner)).await?;
    let link = format!("{public_url}/sportelli/{}/prenota", a.slug);
    let date = long_date(language, a.starts_at);
    let time = italian_time(a.starts_at);
    let mail = match closure {
        None => crate::mail!(
            language,
            "desk.cancelled",
            name = a.name,
            desk = a.desk,
            date = date,
            time = time,
            link = link
        ),
        Some(closure) => crate::mail!(
            language,
            "desk.closed",
            name = a.name,
            desk = a.desk,
            date = date,
            time = time,
            reason = closure.reason(locale_of(language == Language::En)),
            link = link
        ),
    };
    enqueue_mail(tx, Some(a.owner), &email, &mail.subject, &mail.body).await
}

/// Closes the desk on a day from today on, with the reason people will read,
/// and cancels what was booked that day.
pub async fn close_day(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    day: &str,
    reason: &str,
) -> Result<ClosedOutcome, AppError> {
    let d = staff_desk(state, user, slug).await?;
    let at = now();
    // Both fields checked, both mistakes answered at once.
    let mut problems = Problems::default();
    let start = problems.check(
        parse_iso_date(day)
            .filter(|start| *start >= start_of_day(at) && *start < at + 366 * 86_400)
            .ok_or_else(|| crate::invalid!("day", choose_a_day_from_today)),
    );
    let reason = reason.trim();
    if reason.chars().count() < 3 {
        problems.refuse(crate::invalid!("reason", write_why_the_desk_is_closed));
    } else if reason.chars().count() > MAX_CLOSURE_REASON {
        problems.refuse(crate::invalid!(
            "reason",
            at_most_chars,
            max = MAX_CLOSURE_REASON
        ));
    }
    problems.finish()?;
    let Some(start) = start else {
        // `finish` answered the day's refusal above.
        return Err(AppError::Internal);
    };
    let iso = iso_date(start);
    let closure = Closure::Announced(reason.to_string());
    let mut tx = state.db.begin_write().await?;
    repo::close_day(&mut tx, d.id, &iso, reason).await?;
    let end = start_of_day(start + 36 * 3_600);
    let cancelled = repo::cancel_between(&mut tx, d.id, start.max(at), end).await?;
    let mut outcome = ClosedOutcome {
        emailed: 0,
        to_call: 0,
    };
    for c in &cancelled {
        let Some(owner) = c.user_id else {
            outcome.to_call += 1;
            continue;
        };
        let told = CancelledAppointment {
            owner,
            name: &c.person_name,
            desk: &d.name,
            slug: &d.comune_slug,
            starts_at: c.starts_at,
        };
        tell_cancelled(&mut tx, &state.config.public_url, &told, Some(&closure)).await?;
        outcome.emailed += 1;
    }
    let detail = format!("{iso}: {reason}");
    audit(
        &mut tx,
        user.id,
        AuditAction::DeskClosed,
        Some(d.id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(outcome)
}

/// Opens again a day staff had closed (appointments cancelled stay so: their
/// people were told and may have booked elsewhere).
pub async fn reopen_day(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    day: &str,
) -> Result<(), AppError> {
    let d = staff_desk(state, user, slug).await?;
    let start = parse_iso_date(day).ok_or_else(|| crate::invalid!("day", the_date_is_not))?;
    let iso = iso_date(start);
    let mut tx = state.db.begin_write().await?;
    if !repo::reopen_day(&mut tx, d.id, &iso).await? {
        return Err(AppError::NotFound.with_status());
    }
    audit(
        &mut tx,
        user.id,
        AuditAction::DeskReopened,
        Some(d.id),
        &iso,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The days staff closed, from today on.
pub(super) fn announced_from_today(d: &repo::DeskRow) -> Vec<ClosedDay> {
    let today = iso_date(now());
    d.announced
        .iter()
        .filter(|(day, _)| *day >= today)
        .filter_map(|(day, reason)| {
            Some(ClosedDay {
                day: parse_iso_date(day)?,
                closure: Closure::Announced(reason.clone()),
            })
        })
        .collect()
}
