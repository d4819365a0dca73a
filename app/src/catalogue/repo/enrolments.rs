//! Enrolments: seats, waitlists, attendance and reminders.
//!
//! Seats: every enrolment first bumps the activity's `queue_seq` (on
//! PostgreSQL this locks the activity's row, on SQLite `BEGIN IMMEDIATE`
//! already holds the write lock), which gives the arrival order; then a
//! conditional `UPDATE … SET enrolled = enrolled + 1 WHERE enrolled < seats`
//! either takes a seat or, touching no row, sends the person to the waitlist.

use super::super::domain::{EnrolmentStatus, MyPlace, RosterEntry, Status};
use crate::db::Db;
use crate::db::Tx;
use rand::Rng as _;

async fn waiting_position(
    exec: impl sqlx::Executor<'_, Database = sqlx::Any>,
    activity_id: i64,
    queue_no: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM enrolments WHERE activity_id = $1 AND status = 'in_attesa' AND queue_no <= $2",
    )
    .bind(activity_id)
    .bind(queue_no)
    .fetch_one(exec)
    .await
}

/// The person's place in an activity, if they ever enrolled.
pub async fn place(
    db: &Db,
    activity_id: i64,
    user_id: i64,
) -> Result<Option<MyPlace>, sqlx::Error> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT status, queue_no, code FROM enrolments WHERE activity_id = $1 AND user_id = $2",
    )
    .bind(activity_id)
    .bind(user_id)
    .fetch_optional(db.pool())
    .await?;
    let Some((status, queue_no, code)) = row else {
        return Ok(None);
    };
    let status = crate::kernel::codes::decode(&status, EnrolmentStatus::from_code)?;
    let position = match status {
        EnrolmentStatus::InAttesa => {
            Some(waiting_position(db.pool(), activity_id, queue_no).await?)
        }
        _ => None,
    };
    Ok(Some(MyPlace {
        status,
        position,
        code,
    }))
}

#[derive(Debug, PartialEq)]
pub enum EnrolOutcome {
    /// Newly enrolled or newly waiting (an email is due).
    New(MyPlace),
    /// Already enrolled or waiting: nothing changed.
    Unchanged(MyPlace),
    /// No such activity, or not open for enrolment now.
    NotOpen,
}

fn attendance_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..8)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

pub async fn enrol(
    tx: &mut Tx,
    activity_id: i64,
    user_id: i64,
    at: i64,
) -> Result<EnrolOutcome, sqlx::Error> {
    let seq: Option<i64> = sqlx::query_scalar(
        "UPDATE activities SET queue_seq = queue_seq + 1 \
         WHERE id = $1 AND status = 'pubblicato' AND enrol_opens <= $2 AND enrol_closes > $2 \
         RETURNING queue_seq",
    )
    .bind(activity_id)
    .bind(at)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(seq) = seq else {
        return Ok(EnrolOutcome::NotOpen);
    };
    let existing: Option<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT id, status, queue_no, code FROM enrolments WHERE activity_id = $1 AND user_id = $2",
    )
    .bind(activity_id)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((_, status, queue_no, code)) = &existing {
        let status = crate::kernel::codes::decode(status, EnrolmentStatus::from_code)?;
        if status != EnrolmentStatus::Annullato {
            let position = match status {
                EnrolmentStatus::InAttesa => {
                    Some(waiting_position(&mut **tx, activity_id, *queue_no).await?)
                }
                _ => None,
            };
            return Ok(EnrolOutcome::Unchanged(MyPlace {
                status,
                position,
                code: code.clone(),
            }));
        }
    }
    let took_seat = sqlx::query(
        "UPDATE activities SET enrolled = enrolled + 1 WHERE id = $1 AND enrolled < seats",
    )
    .bind(activity_id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    let status = if took_seat {
        EnrolmentStatus::Iscritto
    } else {
        EnrolmentStatus::InAttesa
    };
    let code = match existing {
        Some((id, _, _, code)) => {
            sqlx::query(
                "UPDATE enrolments SET status = $1, queue_no = $2, attended = 0, reminded = 0, updated_at = $3 WHERE id = $4",
            )
            .bind(status.code())
            .bind(seq)
            .bind(at)
            .bind(id)
            .execute(&mut **tx)
            .await?;
            code
        }
        None => {
            let code = attendance_code();
            sqlx::query(
                "INSERT INTO enrolments (activity_id, user_id, status, queue_no, code, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(activity_id)
            .bind(user_id)
            .bind(status.code())
            .bind(seq)
            .bind(&code)
            .bind(at)
            .execute(&mut **tx)
            .await?;
            code
        }
    };
    let position = match status {
        EnrolmentStatus::InAttesa => Some(waiting_position(&mut **tx, activity_id, seq).await?),
        _ => None,
    };
    Ok(EnrolOutcome::New(MyPlace {
        status,
        position,
        code,
    }))
}

/// Cancels a person's enrolment or waiting place. When a seat frees up
/// before the activity starts, the first person waiting takes it: their id
/// is returned so they can be told.
pub async fn cancel(
    tx: &mut Tx,
    activity_id: i64,
    user_id: i64,
    at: i64,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    // Locks the activity's row on PostgreSQL: cancellations and enrolments of
    // one activity happen one after the other.
    let row: Option<(String, i64)> = sqlx::query_as(
        "UPDATE activities SET queue_seq = queue_seq WHERE id = $1 RETURNING status, first_starts_at",
    )
    .bind(activity_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((activity_status, starts_at)) = row else {
        return Ok(None);
    };
    let existing: Option<(i64, String)> =
        sqlx::query_as("SELECT id, status FROM enrolments WHERE activity_id = $1 AND user_id = $2")
            .bind(activity_id)
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((id, status)) = existing else {
        return Ok(None);
    };
    let status = crate::kernel::codes::decode(&status, EnrolmentStatus::from_code)?;
    if status == EnrolmentStatus::Annullato {
        return Ok(None);
    }
    sqlx::query("UPDATE enrolments SET status = 'annullato', updated_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    if status != EnrolmentStatus::Iscritto {
        return Ok(Some(None));
    }
    sqlx::query("UPDATE activities SET enrolled = enrolled - 1 WHERE id = $1")
        .bind(activity_id)
        .execute(&mut **tx)
        .await?;
    let open = matches!(
        crate::kernel::codes::decode(&activity_status, Status::from_code)?,
        Status::Pubblicato | Status::Chiuso
    );
    if !open || starts_at <= at {
        return Ok(Some(None));
    }
    let next: Option<(i64, i64)> = sqlx::query_as(
        "SELECT id, user_id FROM enrolments WHERE activity_id = $1 AND status = 'in_attesa' ORDER BY queue_no LIMIT 1",
    )
    .bind(activity_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((next_id, next_user)) = next else {
        return Ok(Some(None));
    };
    sqlx::query("UPDATE enrolments SET status = 'iscritto', updated_at = $1 WHERE id = $2")
        .bind(at)
        .bind(next_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE activities SET enrolled = enrolled + 1 WHERE id = $1")
        .bind(activity_id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(Some(next_user)))
}

/// Who is enrolled or waiting (ids), to tell them of a cancellation.
pub async fn people_holding_places(tx: &mut Tx, activity_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT user_id FROM enrolments WHERE activity_id = $1 AND status <> 'annullato' ORDER BY queue_no",
    )
    .bind(activity_id)
    .fetch_all(&mut **tx)
    .await
}

#[derive(sqlx::FromRow)]
struct RosterRow {
    id: i64,
    name: String,
    email: String,
    status: EnrolmentStatus,
    code: String,
    attended: i64,
    created_at: i64,
}

pub async fn roster(db: &Db, activity_id: i64) -> Result<Vec<RosterEntry>, sqlx::Error> {
    let rows: Vec<RosterRow> = sqlx::query_as(
        "SELECT e.id, COALESCE(u.display_name, '') AS name, COALESCE(u.email, '') AS email, e.status, \
         e.code, e.attended, e.created_at FROM enrolments e JOIN users u ON u.id = e.user_id \
         WHERE e.activity_id = $1 ORDER BY e.queue_no",
    )
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?;
    let mut waiting = 0;
    Ok(rows
        .into_iter()
        .map(|row| {
            let position = (row.status == EnrolmentStatus::InAttesa).then(|| {
                waiting += 1;
                waiting
            });
            RosterEntry {
                id: row.id,
                name: row.name,
                email: row.email,
                status: row.status,
                position,
                code: row.code,
                attended: row.attended == 1,
                enrolled_at: row.created_at,
            }
        })
        .collect())
}

/// Marks attendance by enrolment id or by the code in the confirmation;
/// false when no enrolled person of this activity matches.
pub async fn mark_attendance(
    db: &Db,
    activity_id: i64,
    enrolment: Option<i64>,
    code: &str,
    present: bool,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE enrolments SET attended = $1 WHERE activity_id = $2 AND status = 'iscritto' AND (id = $3 OR code = $4)",
    )
    .bind(i64::from(present))
    .bind(activity_id)
    .bind(enrolment.unwrap_or(-1))
    .bind(code)
    .execute(db.pool())
    .await?
    .rows_affected()
        > 0)
}

/// Enrolled people whose activity starts within a day and who have not
/// been reminded: (enrolment id, user id, activity id).
pub async fn due_reminders(db: &Db, at: i64) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.id, e.user_id, a.id FROM enrolments e JOIN activities a ON a.id = e.activity_id \
         WHERE e.status = 'iscritto' AND e.reminded = 0 AND a.status IN ('pubblicato', 'chiuso') \
         AND a.first_starts_at > $1 AND a.first_starts_at <= $2",
    )
    .bind(at)
    .bind(at + 24 * 3600)
    .fetch_all(db.pool())
    .await
}

/// Marks a reminder as sent; false when another process got there first.
pub async fn mark_reminded(tx: &mut Tx, enrolment_id: i64) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("UPDATE enrolments SET reminded = 1 WHERE id = $1 AND reminded = 0")
            .bind(enrolment_id)
            .execute(&mut **tx)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Name and email of a person (None once the account is deleted).
pub async fn contact(
    exec: impl sqlx::Executor<'_, Database = sqlx::Any>,
    user_id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT display_name, email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(exec)
            .await?;
    Ok(match row {
        Some((Some(name), Some(email))) => Some((name, email)),
        _ => None,
    })
}
