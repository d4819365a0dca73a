//! The data layer of candidate profiles: the visible CVs the index reads,
//! views, shortlists and contact requests.

use super::domain::{IncomingRequest, RequestState};
use crate::cv::domain::{CvDocument, CvLanguage};
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;
use crate::kernel::synced_index::{Cursor, PAGE};

/// A CV as the index reads it.
pub struct VisibleCv {
    pub id: i64,
    pub owner_id: i64,
    pub visible: bool,
    pub language: CvLanguage,
    pub document: CvDocument,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct VisibleCvRow {
    id: i64,
    owner_id: i64,
    visible: i64,
    language: CvLanguage,
    #[sqlx(try_from = "String")]
    document: CvDocument,
    updated_at: i64,
}

impl From<VisibleCvRow> for VisibleCv {
    fn from(row: VisibleCvRow) -> VisibleCv {
        VisibleCv {
            id: row.id,
            owner_id: row.owner_id,
            visible: row.visible == 1,
            language: row.language,
            document: row.document,
            updated_at: row.updated_at,
        }
    }
}

/// The CVs a sync reads (`Cursor`), visible or not (the index drops the others).
pub async fn changed(db: &Db, from: Cursor) -> Result<Vec<VisibleCv>, sqlx::Error> {
    let (filter, value) = match from {
        Cursor::Whole { after } => (format!("c.id > $1 ORDER BY c.id LIMIT {PAGE}"), after),
        Cursor::Changed { since } => ("c.updated_at >= $1".to_string(), since),
    };
    let rows: Vec<VisibleCvRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.owner_id, c.language, c.document, c.updated_at,
                CASE WHEN c.visible = 1 AND u.status = 'attivo' THEN 1 ELSE 0 END AS visible
         FROM cvs c JOIN users u ON u.id = c.owner_id
         WHERE {filter}"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(VisibleCv::from).collect())
}

/// The CV behind a profile, if it is visible.
pub async fn visible(db: &Db, id: i64) -> Result<Option<VisibleCv>, sqlx::Error> {
    let row: Option<VisibleCvRow> = sqlx::query_as(
        "SELECT c.id, c.owner_id, c.visible, c.language, c.document, c.updated_at
         FROM cvs c JOIN users u ON u.id = c.owner_id
         WHERE c.id = $1 AND c.visible = 1 AND u.status = 'attivo'",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(VisibleCv::from))
}

/// The ids of the CVs that are visible now (to drop the others from the index).
pub async fn existing_ids(db: &Db) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT c.id FROM cvs c JOIN users u ON u.id = c.owner_id WHERE c.visible = 1 AND u.status = 'attivo'",
    )
    .fetch_all(db.pool())
    .await
}

pub async fn views_today(db: &Db, business: i64, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM profile_views WHERE business_id = $1 AND viewed_at >= $2",
    )
    .bind(business)
    .bind(since)
    .fetch_one(db.pool())
    .await
}

/// Whether this business opened this CV since `since` (the day's start).
pub async fn opened_since(
    db: &Db,
    business: i64,
    cv: i64,
    since: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM profile_views WHERE business_id = $1 AND cv_id = $2 AND viewed_at >= $3",
    )
    .bind(business)
    .bind(cv)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// Records that the business opens this CV unless it already did since
/// `since` (free) or has opened `limit` others since then: true when the
/// profile is open to it. One business's openings are serialised, so the
/// limit holds under parallel requests: PostgreSQL locks the business's
/// row, SQLite's `BEGIN IMMEDIATE` already holds the write lock.
pub async fn open_view(
    db: &Db,
    business: i64,
    (citizen, cv): (i64, i64),
    since: i64,
    limit: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET id = id WHERE id = $1")
        .bind(business)
        .execute(&mut *tx)
        .await?;
    let (this, all): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN cv_id = $2 THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM profile_views WHERE business_id = $1 AND viewed_at >= $3",
    )
    .bind(business)
    .bind(cv)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?;
    if this == 0 {
        if all >= limit {
            return Ok(false);
        }
        sqlx::query("INSERT INTO profile_views (business_id, citizen_id, cv_id, viewed_at) VALUES ($1, $2, $3, $4)")
            .bind(business)
            .bind(citizen)
            .bind(cv)
            .bind(now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

pub async fn log_view(db: &Db, business: i64, citizen: i64, cv: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO profile_views (business_id, citizen_id, cv_id, viewed_at) VALUES ($1, $2, $3, $4)")
        .bind(business)
        .bind(citizen)
        .bind(cv)
        .bind(now())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Who viewed the citizen's profile: (organisation, last time), newest first.
pub async fn viewers(db: &Db, citizen: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows: Vec<(Option<String>, Option<String>, i64)> = sqlx::query_as(
        "SELECT u.organisation, u.display_name, MAX(v.viewed_at) AS at
         FROM profile_views v JOIN users u ON u.id = v.business_id
         WHERE v.citizen_id = $1 GROUP BY u.id, u.organisation, u.display_name ORDER BY at DESC",
    )
    .bind(citizen)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(org, name, at)| (org.or(name).unwrap_or_default(), at))
        .collect())
}

// Shortlists.

pub async fn shortlists(db: &Db, business: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM shortlists WHERE business_id = $1 ORDER BY name, id")
        .bind(business)
        .fetch_all(db.pool())
        .await
}

/// The new list's id; `None` when the business already has one of that name.
pub async fn create_shortlist(
    db: &Db,
    business: i64,
    name: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM shortlists WHERE business_id = $1 AND name = $2")
            .bind(business)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
    if exists.is_some() {
        return Ok(None);
    }
    let id = sqlx::query_scalar(
        "INSERT INTO shortlists (business_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(business)
    .bind(name)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn owns_shortlist(db: &Db, business: i64, list: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM shortlists WHERE id = $1 AND business_id = $2")
            .bind(list)
            .bind(business)
            .fetch_optional(db.pool())
            .await?;
    Ok(found.is_some())
}

pub async fn delete_shortlist(db: &Db, business: i64, list: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM shortlist_entries WHERE shortlist_id IN (SELECT id FROM shortlists WHERE id = $1 AND business_id = $2)")
        .bind(list)
        .bind(business)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM shortlists WHERE id = $1 AND business_id = $2")
        .bind(list)
        .bind(business)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Adds the profile to the list, or changes its note.
pub async fn put_entry(db: &Db, list: i64, cv: i64, note: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let updated = sqlx::query(
        "UPDATE shortlist_entries SET note = $1 WHERE shortlist_id = $2 AND cv_id = $3",
    )
    .bind(note)
    .bind(list)
    .bind(cv)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO shortlist_entries (shortlist_id, cv_id, note, added_at) VALUES ($1, $2, $3, $4)")
            .bind(list)
            .bind(cv)
            .bind(note)
            .bind(now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn remove_entry(db: &Db, list: i64, cv: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM shortlist_entries WHERE shortlist_id = $1 AND cv_id = $2")
        .bind(list)
        .bind(cv)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// (list id, cv id, note, added at) of every entry of the business's lists.
pub async fn entries(db: &Db, business: i64) -> Result<Vec<(i64, i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.shortlist_id, e.cv_id, e.note, e.added_at FROM shortlist_entries e
         JOIN shortlists s ON s.id = e.shortlist_id WHERE s.business_id = $1 ORDER BY e.added_at, e.cv_id",
    )
    .bind(business)
    .fetch_all(db.pool())
    .await
}

// Contact requests.

/// The business's request to this citizen: (id, state).
pub async fn request_of(
    db: &Db,
    business: i64,
    citizen: i64,
) -> Result<Option<(i64, RequestState)>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM contact_requests WHERE business_id = $1 AND citizen_id = $2",
    )
    .bind(business)
    .bind(citizen)
    .fetch_optional(db.pool())
    .await?;
    row.map(|(id, s)| {
        Ok((
            id,
            crate::kernel::codes::decode(&s, RequestState::from_code)?,
        ))
    })
    .transpose()
}

pub struct NewRequest<'a> {
    pub business: i64,
    pub citizen: i64,
    pub cv: i64,
    pub offer: Option<i64>,
    pub message: &'a str,
}

/// `None` when this business already asked this person.
pub async fn insert_request(tx: &mut Tx, r: &NewRequest<'_>) -> Result<Option<i64>, sqlx::Error> {
    let exists: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM contact_requests WHERE business_id = $1 AND citizen_id = $2",
    )
    .bind(r.business)
    .bind(r.citizen)
    .fetch_optional(&mut **tx)
    .await?;
    if exists.is_some() {
        return Ok(None);
    }
    sqlx::query_scalar(
        "INSERT INTO contact_requests (business_id, citizen_id, cv_id, offer_id, message, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'in_attesa', $6) RETURNING id",
    )
    .bind(r.business)
    .bind(r.citizen)
    .bind(r.cv)
    .bind(r.offer)
    .bind(r.message)
    .bind(now())
    .fetch_one(&mut **tx)
    .await
    .map(Some)
}

#[derive(sqlx::FromRow)]
struct IncomingRow {
    id: i64,
    organisation: String,
    message: String,
    status: RequestState,
    created_at: i64,
    offer_id: Option<i64>,
    offer_title: Option<String>,
}

pub async fn incoming(db: &Db, citizen: i64) -> Result<Vec<IncomingRequest>, sqlx::Error> {
    let rows: Vec<IncomingRow> = sqlx::query_as(
        "SELECT r.id, COALESCE(u.organisation, u.display_name, '') AS organisation, r.message, r.status,
                r.created_at, o.id AS offer_id, o.title AS offer_title
         FROM contact_requests r JOIN users u ON u.id = r.business_id
         LEFT JOIN offers o ON o.id = r.offer_id
         WHERE r.citizen_id = $1 ORDER BY r.created_at DESC, r.id DESC",
    )
    .bind(citizen)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| IncomingRequest {
            id: r.id,
            organisation: r.organisation,
            message: r.message,
            offer: r.offer_id.zip(r.offer_title),
            state: r.status,
            sent_at: r.created_at,
        })
        .collect())
}

/// (business id, citizen id, state) of a request.
pub async fn request(db: &Db, id: i64) -> Result<Option<(i64, i64, RequestState)>, sqlx::Error> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT business_id, citizen_id, status FROM contact_requests WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    row.map(|(b, c, s)| {
        Ok((
            b,
            c,
            crate::kernel::codes::decode(&s, RequestState::from_code)?,
        ))
    })
    .transpose()
}

pub async fn answer(tx: &mut Tx, id: i64, state: RequestState) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE contact_requests SET status = $1, answered_at = $2 WHERE id = $3")
        .bind(state.code())
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Everything about a citizen's profile (account deletion).
pub async fn delete_all(tx: &mut Tx, citizen: i64) -> Result<(), sqlx::Error> {
    for statement in [
        "DELETE FROM contact_requests WHERE citizen_id = $1",
        "DELETE FROM profile_views WHERE citizen_id = $1",
        "DELETE FROM shortlist_entries WHERE cv_id IN (SELECT id FROM cvs WHERE owner_id = $1)",
    ] {
        sqlx::query(statement)
            .bind(citizen)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
