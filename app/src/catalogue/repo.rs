//! The data layer of courses and meetings. Enrolment and cancellation take a
//! transaction from the caller, so the email they cause is queued atomically
//! with the change (see `service`).
//!
//! Seats: every enrolment first bumps the activity's `queue_seq` (on
//! PostgreSQL this locks the activity's row, on SQLite `BEGIN IMMEDIATE`
//! already holds the write lock), which gives the arrival order; then a
//! conditional `UPDATE … SET enrolled = enrolled + 1 WHERE enrolled < seats`
//! either takes a seat or, touching no row, sends the person to the waitlist.

use super::domain::{
    ActivitySummary, EnrolmentStatus, Kind, MyPlace, Review, RosterEntry, Session, Status,
};
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;
use rand::Rng as _;
use sqlx::Row as _;

pub const SUMMARY_COLUMNS: &str = "a.id, a.kind, a.title, a.organiser_name, c.slug AS comune_slug, c.name AS comune_name, \
     a.mode, a.topic, a.target_groups, a.total_hours, a.seats, a.enrolled, a.status, a.review, a.review_reason, a.first_starts_at, a.enrol_closes, a.demo";

pub fn summary_from_row(row: &sqlx::any::AnyRow) -> Result<ActivitySummary, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let targets: String = row.try_get("target_groups")?;
    let status: String = row.try_get("status")?;
    Ok(ActivitySummary {
        id: row.try_get("id")?,
        kind: crate::kernel::codes::decode(&kind, Kind::from_code)?,
        title: row.try_get("title")?,
        organiser_name: row.try_get("organiser_name")?,
        comune_slug: row.try_get("comune_slug")?,
        comune_name: row.try_get("comune_name")?,
        mode: row.try_get("mode")?,
        topic: row.try_get("topic")?,
        target_groups: targets.split_whitespace().map(str::to_string).collect(),
        total_hours: row.try_get("total_hours")?,
        seats: row.try_get("seats")?,
        enrolled: row.try_get("enrolled")?,
        status: crate::kernel::codes::decode(&status, Status::from_code)?,
        review: crate::kernel::codes::decode(
            &row.try_get::<String, _>("review")?,
            Review::from_code,
        )?,
        review_reason: row.try_get("review_reason")?,
        first_starts_at: row.try_get("first_starts_at")?,
        enrol_closes: row.try_get("enrol_closes")?,
        demo: row.try_get::<i64, _>("demo")? == 1,
    })
}

/// A new course or meeting, already parsed (see `service::NewActivity`).
#[derive(Clone, Debug)]
pub struct ActivityRow {
    pub kind: Kind,
    pub title: String,
    pub description: String,
    pub organiser_name: String,
    pub organiser_category: String,
    pub comune_istat: String,
    pub venue: String,
    pub mode: String,
    pub topic: String,
    pub target_groups: Vec<String>,
    pub total_hours: i64,
    pub seats: i64,
    pub enrol_opens: i64,
    pub enrol_closes: i64,
    pub requirements: String,
    pub certificate: String,
    pub cost_cents: i64,
    pub skills: String,
    pub status: Status,
    pub sessions: Vec<Session>,
    pub demo: bool,
}

pub async fn insert_activity(
    tx: &mut Tx,
    a: &ActivityRow,
    publisher_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let first = a.sessions.iter().map(|s| s.starts_at).min().unwrap_or(0);
    let last = a.sessions.iter().map(|s| s.ends_at).max().unwrap_or(0);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO activities (kind, title, description, organiser_name, organiser_category, publisher_id, \
         comune_istat, venue, mode, topic, target_groups, total_hours, seats, enrol_opens, enrol_closes, \
         requirements, certificate, cost_cents, skills, status, first_starts_at, last_ends_at, demo, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) \
         RETURNING id",
    )
    .bind(a.kind.code())
    .bind(&a.title)
    .bind(&a.description)
    .bind(&a.organiser_name)
    .bind(&a.organiser_category)
    .bind(publisher_id)
    .bind(&a.comune_istat)
    .bind(&a.venue)
    .bind(&a.mode)
    .bind(&a.topic)
    .bind(a.target_groups.join(" "))
    .bind(a.total_hours)
    .bind(a.seats)
    .bind(a.enrol_opens)
    .bind(a.enrol_closes)
    .bind(&a.requirements)
    .bind(&a.certificate)
    .bind(a.cost_cents)
    .bind(&a.skills)
    .bind(a.status.code())
    .bind(first)
    .bind(last)
    .bind(i64::from(a.demo))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for s in &a.sessions {
        sqlx::query(
            "INSERT INTO activity_sessions (activity_id, starts_at, ends_at) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

/// A published (or closed) activity with the text the search looks at.
pub struct Listed {
    pub summary: ActivitySummary,
    pub comune_istat: String,
    pub text: String,
    pub last_ends_at: i64,
}

/// Activities of a kind that people can see (not drafts), not yet over.
pub async fn list_visible(db: &Db, kind: Kind, since: i64) -> Result<Vec<Listed>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.comune_istat, a.description, a.skills, a.last_ends_at FROM activities a \
         JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE a.kind = $1 AND a.status IN ('pubblicato', 'chiuso') AND a.last_ends_at >= $2 \
         ORDER BY a.first_starts_at, a.id"
    ))
    .bind(kind.code())
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let summary = summary_from_row(row)?;
            let description: String = row.try_get("description")?;
            let skills: String = row.try_get("skills")?;
            let text = format!(
                "{} {} {} {}",
                summary.title, summary.organiser_name, description, skills
            );
            Ok(Listed {
                comune_istat: row.try_get("comune_istat")?,
                last_ends_at: row.try_get("last_ends_at")?,
                summary,
                text,
            })
        })
        .collect()
}

pub struct Stored {
    pub summary: ActivitySummary,
    pub publisher_id: Option<i64>,
    pub description: String,
    pub organiser_category: String,
    pub venue: String,
    pub requirements: String,
    pub certificate: String,
    pub cost_cents: i64,
    pub skills: String,
    pub enrol_opens: i64,
    pub waiting: i64,
    pub sessions: Vec<Session>,
}

pub async fn activity(db: &Db, id: i64) -> Result<Option<Stored>, sqlx::Error> {
    let Some(row) = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.publisher_id, a.description, a.organiser_category, a.venue, a.requirements, \
         a.certificate, a.cost_cents, a.skills, a.enrol_opens, \
         (SELECT COUNT(*) FROM enrolments w WHERE w.activity_id = a.id AND w.status = 'in_attesa') AS waiting \
         FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat WHERE a.id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(Stored {
        summary: summary_from_row(&row)?,
        publisher_id: row.try_get("publisher_id")?,
        description: row.try_get("description")?,
        organiser_category: row.try_get("organiser_category")?,
        venue: row.try_get("venue")?,
        requirements: row.try_get("requirements")?,
        certificate: row.try_get("certificate")?,
        cost_cents: row.try_get("cost_cents")?,
        skills: row.try_get("skills")?,
        enrol_opens: row.try_get("enrol_opens")?,
        waiting: row.try_get("waiting")?,
        sessions: sessions(db, id).await?,
    }))
}

pub async fn sessions(db: &Db, activity_id: i64) -> Result<Vec<Session>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT starts_at, ends_at FROM activity_sessions WHERE activity_id = $1 ORDER BY starts_at",
    )
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(starts_at, ends_at)| Session { starts_at, ends_at })
        .collect())
}

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

/// Moves an activity from one status to another; false when it was not in `from`.
pub async fn set_status(
    tx: &mut Tx,
    activity_id: i64,
    from: &[Status],
    to: Status,
) -> Result<bool, sqlx::Error> {
    let allowed: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    Ok(sqlx::query(&format!(
        "UPDATE activities SET status = $1 WHERE id = $2 AND status IN ({})",
        allowed.join(", ")
    ))
    .bind(to.code())
    .bind(activity_id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
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

pub async fn roster(db: &Db, activity_id: i64) -> Result<Vec<RosterEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.id, COALESCE(u.display_name, '') AS name, COALESCE(u.email, '') AS email, e.status, e.queue_no, \
         e.code, e.attended, e.created_at FROM enrolments e JOIN users u ON u.id = e.user_id \
         WHERE e.activity_id = $1 ORDER BY e.queue_no",
    )
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?;
    let mut waiting = 0;
    rows.iter()
        .map(|row| {
            let status = crate::kernel::codes::decode(
                &row.try_get::<String, _>("status")?,
                EnrolmentStatus::from_code,
            )?;
            let position = (status == EnrolmentStatus::InAttesa).then(|| {
                waiting += 1;
                waiting
            });
            Ok(RosterEntry {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                status,
                position,
                code: row.try_get("code")?,
                attended: row.try_get::<i64, _>("attended")? == 1,
                enrolled_at: row.try_get("created_at")?,
            })
        })
        .collect()
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

/// Every activity a person holds or held a place in, soonest first.
pub async fn enrolments_of(db: &Db, user_id: i64) -> Result<Vec<ActivitySummary>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM enrolments e JOIN activities a ON a.id = e.activity_id \
         JOIN comuni c ON c.istat_code = a.comune_istat WHERE e.user_id = $1 ORDER BY a.first_starts_at"
    ))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(summary_from_row).collect()
}

/// Activities a publisher manages (all of them for staff: `publisher = None`).
pub async fn managed_by(
    db: &Db,
    publisher: Option<i64>,
) -> Result<Vec<ActivitySummary>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE $1 < 0 OR a.publisher_id = $1 ORDER BY a.first_starts_at DESC LIMIT 200"
    ))
    .bind(publisher.unwrap_or(-1))
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(summary_from_row).collect()
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

/// When the person made their calendar address, if they have one.
pub async fn feed_since(db: &Db, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await
}

/// A new secret address for the person's calendar; the old one stops. Only
/// its SHA-256 is stored, so the address is shown once, when made.
pub async fn renew_feed(db: &Db, user_id: i64) -> Result<String, sqlx::Error> {
    use crate::kernel::clock::now;
    use crate::kernel::secrets::{hash_secret, new_secret};
    let secret = new_secret();
    sqlx::query(
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
    )
    .bind(user_id)
    .bind(hash_secret(&secret))
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(secret)
}

pub async fn revoke_feed(db: &Db, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn user_of_feed(db: &Db, secret: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM calendar_feeds WHERE token_hash = $1")
        .bind(crate::kernel::secrets::hash_secret(secret))
        .fetch_optional(db.pool())
        .await
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
