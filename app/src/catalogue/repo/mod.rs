//! The data layer of courses and meetings: the activities here, the
//! enrolments (seats, waitlists, attendance, reminders) in `enrolments`, the
//! personal calendar addresses in `feeds`. Rows are read with `FromRow`.
//!
//! Enrolment and cancellation take a transaction from the caller, so the
//! email they cause is queued atomically with the change (see `service`).

mod enrolments;
mod feeds;

pub use enrolments::*;
pub use feeds::*;

use super::domain::{ActivitySummary, Kind, Mode, Review, Session, Status, Topic};
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;

pub const SUMMARY_COLUMNS: &str = "a.id, a.kind, a.title, a.organiser_name, c.slug AS comune_slug, c.name AS comune_name, \
     a.mode, a.topic, a.target_groups, a.total_hours, a.seats, a.enrolled, a.status, a.review, a.review_reason, a.first_starts_at, a.enrol_closes, a.demo, a.cost_cents";

/// What `SUMMARY_COLUMNS` reads.
#[derive(sqlx::FromRow)]
pub struct SummaryRow {
    id: i64,
    kind: Kind,
    title: String,
    organiser_name: String,
    comune_slug: String,
    comune_name: String,
    mode: Mode,
    topic: Topic,
    /// Stored space-separated.
    target_groups: String,
    total_hours: i64,
    seats: i64,
    enrolled: i64,
    status: Status,
    review: Review,
    review_reason: Option<String>,
    first_starts_at: i64,
    enrol_closes: i64,
    demo: i64,
    cost_cents: i64,
}

impl From<SummaryRow> for ActivitySummary {
    fn from(row: SummaryRow) -> ActivitySummary {
        ActivitySummary {
            id: row.id,
            kind: row.kind,
            title: row.title,
            organiser_name: row.organiser_name,
            comune_slug: row.comune_slug,
            comune_name: row.comune_name,
            mode: row.mode,
            topic: row.topic,
            target_groups: row
                .target_groups
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            total_hours: row.total_hours,
            seats: row.seats,
            enrolled: row.enrolled,
            status: row.status,
            review: row.review,
            review_reason: row.review_reason,
            first_starts_at: row.first_starts_at,
            enrol_closes: row.enrol_closes,
            demo: row.demo == 1,
            cost_cents: row.cost_cents,
        }
    }
}

/// Activity summaries from a query that selects `SUMMARY_COLUMNS`.
pub async fn summaries<'q>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, SummaryRow, sqlx::any::AnyArguments<'q>>,
    db: &Db,
) -> Result<Vec<ActivitySummary>, sqlx::Error> {
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.into_iter().map(ActivitySummary::from).collect())
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
    pub mode: Mode,
    pub topic: Topic,
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
    .bind(a.mode)
    .bind(a.topic)
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

#[derive(sqlx::FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    comune_istat: String,
    description: String,
    skills: String,
    last_ends_at: i64,
}

/// Activities of a kind that people can see (not drafts), not yet over.
pub async fn list_visible(db: &Db, kind: Kind, since: i64) -> Result<Vec<Listed>, sqlx::Error> {
    let rows: Vec<ListedRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.comune_istat, a.description, a.skills, a.last_ends_at FROM activities a \
         JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE a.kind = $1 AND a.status IN ('pubblicato', 'chiuso') AND a.last_ends_at >= $2 \
         ORDER BY a.first_starts_at, a.id"
    ))
    .bind(kind.code())
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let summary = ActivitySummary::from(row.summary);
            let text = format!(
                "{} {} {} {}",
                summary.title, summary.organiser_name, row.description, row.skills
            );
            Listed {
                comune_istat: row.comune_istat,
                last_ends_at: row.last_ends_at,
                summary,
                text,
            }
        })
        .collect())
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

#[derive(sqlx::FromRow)]
struct StoredRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    publisher_id: Option<i64>,
    description: String,
    organiser_category: String,
    venue: String,
    requirements: String,
    certificate: String,
    cost_cents: i64,
    skills: String,
    enrol_opens: i64,
    waiting: i64,
}

pub async fn activity(db: &Db, id: i64) -> Result<Option<Stored>, sqlx::Error> {
    let row: Option<StoredRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.publisher_id, a.description, a.organiser_category, a.venue, a.requirements, \
         a.certificate, a.cost_cents, a.skills, a.enrol_opens, \
         (SELECT COUNT(*) FROM enrolments w WHERE w.activity_id = a.id AND w.status = 'in_attesa') AS waiting \
         FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat WHERE a.id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(Stored {
        summary: row.summary.into(),
        publisher_id: row.publisher_id,
        description: row.description,
        organiser_category: row.organiser_category,
        venue: row.venue,
        requirements: row.requirements,
        certificate: row.certificate,
        cost_cents: row.cost_cents,
        skills: row.skills,
        enrol_opens: row.enrol_opens,
        waiting: row.waiting,
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

/// Every activity a person holds or held a place in, soonest first.
pub async fn enrolments_of(db: &Db, user_id: i64) -> Result<Vec<ActivitySummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM enrolments e JOIN activities a ON a.id = e.activity_id \
         JOIN comuni c ON c.istat_code = a.comune_istat WHERE e.user_id = $1 ORDER BY a.first_starts_at"
    );
    summaries(sqlx::query_as(&sql).bind(user_id), db).await
}

/// Activities a publisher manages (all of them for staff: `publisher = None`).
pub async fn managed_by(
    db: &Db,
    publisher: Option<i64>,
) -> Result<Vec<ActivitySummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE $1 < 0 OR a.publisher_id = $1 ORDER BY a.first_starts_at DESC LIMIT 200"
    );
    summaries(sqlx::query_as(&sql).bind(publisher.unwrap_or(-1)), db).await
}
