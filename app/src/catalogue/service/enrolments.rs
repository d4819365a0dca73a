//! Enrolment, cancellation and the emails they cause share one write
//! transaction: a message is queued exactly when its change is saved.

use super::{managed, stored};
use crate::catalogue::domain::{EnrolmentStatus, MyEnrolment, MyPlace, Roster};
use crate::catalogue::mail;
use crate::catalogue::repo::{self, EnrolOutcome, Stored};
use crate::db::Db;
use crate::db::Tx;
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::clock::now;
use crate::kernel::mail_text::{language_of, Language, Mail};
use crate::kernel::outbox::enqueue_mail_with;
use crate::state::AppState;

pub(super) async fn email_about(
    tx: &mut Tx,
    state_url: &str,
    user_id: i64,
    a: &Stored,
    compose: impl FnOnce(Language, &str) -> Mail,
    with_calendar: bool,
) -> Result<(), sqlx::Error> {
    let Some((name, email)) = repo::contact(&mut **tx, user_id).await? else {
        return Ok(());
    };
    let message = compose(language_of(tx, Some(user_id)).await?, &name);
    let calendar = with_calendar.then(|| mail::calendar_file(a, state_url));
    let file = format!("{}.ics", crate::kernel::text::slugify(&a.summary.title));
    enqueue_mail_with(
        tx,
        Some(user_id),
        &email,
        &message.subject,
        &message.body,
        calendar.as_deref().map(|c| (file.as_str(), c)),
    )
    .await
}

/// Enrols the person (or puts them on the waitlist) and queues the confirmation.
pub async fn enrol(state: &AppState, id: i64, user: &SessionUser) -> Result<MyPlace, AppError> {
    let a = stored(&state.db, id).await?;
    let mut tx = state.db.begin_write().await?;
    let place = match repo::enrol(&mut tx, id, user.id, now()).await? {
        EnrolOutcome::NotOpen => return Err(crate::conflict!(enrolment_in_this_activity)),
        EnrolOutcome::Unchanged(place) => return Ok(place),
        EnrolOutcome::New(place) => place,
    };
    let url = &state.config.public_url;
    let compose = |language, name: &str| mail::confirmation(language, name, &a, &place, url);
    let calendar = place.status == EnrolmentStatus::Iscritto;
    email_about(&mut tx, url, user.id, &a, compose, calendar).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(place)
}

/// Cancels the person's place and confirms it by email; the first person
/// waiting is promoted and told.
pub async fn cancel(state: &AppState, id: i64, user: &SessionUser) -> Result<(), AppError> {
    let a = stored(&state.db, id).await?;
    let mut tx = state.db.begin_write().await?;
    let url = &state.config.public_url;
    if cancel_in(&mut tx, url, &a, user.id, now()).await? {
        let compose = |language, name: &str| mail::you_cancelled(language, name, &a);
        email_about(&mut tx, url, user.id, &a, compose, false).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Cancels a place inside the caller's transaction (a person cancelling, or
/// an account being erased) and emails the person who takes the freed seat.
/// False when the person held no place to cancel.
pub(in crate::catalogue) async fn cancel_in(
    tx: &mut Tx,
    url: &str,
    a: &Stored,
    user_id: i64,
    at: i64,
) -> Result<bool, sqlx::Error> {
    let id = a.summary.id;
    let promoted = match repo::cancel(tx, id, user_id, at).await? {
        None => return Ok(false),
        Some(None) => return Ok(true),
        Some(Some(promoted)) => promoted,
    };
    let code: String =
        sqlx::query_scalar("SELECT code FROM enrolments WHERE activity_id = $1 AND user_id = $2")
            .bind(id)
            .bind(promoted)
            .fetch_one(&mut **tx)
            .await?;
    let compose = |language, name: &str| mail::promoted(language, name, a, &code, url);
    email_about(tx, url, promoted, a, compose, true).await?;
    Ok(true)
}

pub async fn my_enrolments(db: &Db, user: &SessionUser) -> Result<Vec<MyEnrolment>, AppError> {
    let mut mine = Vec::new();
    for activity in repo::enrolments_of(db, user.id).await? {
        if let Some(place) = repo::place(db, activity.id, user.id).await? {
            mine.push(MyEnrolment { activity, place });
        }
    }
    Ok(mine)
}

pub async fn roster(db: &Db, id: i64, user: &SessionUser) -> Result<Roster, AppError> {
    let a = managed(db, id, user).await?;
    Ok(Roster {
        entries: repo::roster(db, id).await?,
        activity: a.summary,
    })
}

pub async fn mark_attendance(
    db: &Db,
    id: i64,
    user: &SessionUser,
    enrolment: Option<i64>,
    code: &str,
    present: bool,
) -> Result<(), AppError> {
    managed(db, id, user).await?;
    let code = code.trim().to_uppercase();
    if enrolment.is_none() && code.is_empty() {
        return Err(crate::invalid!("code", write_the_persons_attendance));
    }
    if !repo::mark_attendance(db, id, enrolment, &code, present).await? {
        return Err(crate::invalid!("code", no_one_enrolled_in));
    }
    Ok(())
}

/// Queues the reminders due in the next 24 hours; returns how many.
pub async fn send_reminders(db: &Db, at: i64) -> Result<usize, sqlx::Error> {
    let mut sent = 0;
    for (enrolment, user, activity) in repo::due_reminders(db, at).await? {
        let Some(a) = repo::activity(db, activity).await? else {
            continue;
        };
        let mut tx = db.begin_write().await?;
        if repo::mark_reminded(&mut tx, enrolment).await? {
            if let Some((name, email)) = repo::contact(&mut *tx, user).await? {
                let language = language_of(&mut tx, Some(user)).await?;
                let Mail { subject, body } = mail::reminder(language, &name, &a);
                enqueue_mail_with(&mut tx, Some(user), &email, &subject, &body, None).await?;
                sent += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Runs for the life of the server: every few minutes, the reminders due.
pub async fn run_reminder_worker(db: Db, wake_mail: std::sync::Arc<tokio::sync::Notify>) {
    loop {
        match send_reminders(&db, now()).await {
            Ok(sent) => {
                crate::kernel::heartbeat::round_succeeded("activity reminders");
                if sent > 0 {
                    wake_mail.notify_one();
                }
            }
            Err(error) => tracing::error!(%error, "reminder worker: database error"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(300)).await;
    }
}
