//! The membership's data layer (same SQL on SQLite and PostgreSQL).

use super::domain::{AdhesionKind, AdhesionRequest, AdhesionStatus, Invitation, PROTOCOL_VERSION};
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;
use crate::kernel::secrets::{hash_secret, new_secret};
use crate::network::domain::Category;
use sqlx::any::AnyRow;
use sqlx::Row;

/// A request as the form parsed it.
#[derive(Debug)]
pub struct NewAdhesion {
    pub kind: AdhesionKind,
    pub name: String,
    pub category: Option<Category>,
    pub comune_istat: Option<String>,
    pub mayor: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub reason: String,
}

pub async fn insert_request(tx: &mut Tx, r: &NewAdhesion) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO adhesion_requests (kind, name, category, comune_istat, mayor, contact_name, contact_email,
           contact_phone, reason, protocol_version, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'in_attesa', $11) RETURNING id",
    )
    .bind(r.kind.code())
    .bind(&r.name)
    .bind(r.category.map(Category::code))
    .bind(r.comune_istat.as_deref())
    .bind(r.mayor.as_deref())
    .bind(&r.contact_name)
    .bind(&r.contact_email)
    .bind(&r.contact_phone)
    .bind(&r.reason)
    .bind(PROTOCOL_VERSION)
    .bind(now())
    .fetch_one(&mut **tx)
    .await
}

/// True when a request for the same body name or comune is already waiting.
pub async fn already_waiting(db: &Db, r: &NewAdhesion) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM adhesion_requests WHERE status = 'in_attesa'
         AND (LOWER(name) = LOWER($1) OR comune_istat = $2)",
    )
    .bind(&r.name)
    .bind(r.comune_istat.as_deref())
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

const COLUMNS: &str =
    "id, kind, name, category, mayor, contact_name, contact_email, contact_phone, reason,
    status, decision_reason, created_at, decided_at, comune_istat FROM adhesion_requests";

fn from_row(row: &AnyRow) -> Result<AdhesionRequest, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let category: Option<String> = row.try_get("category")?;
    Ok(AdhesionRequest {
        id: row.try_get("id")?,
        kind: AdhesionKind::from_code(&kind)
            .ok_or_else(|| sqlx::Error::Decode(format!("kind {kind}").into()))?,
        name: row.try_get("name")?,
        category: category.as_deref().and_then(Category::from_code),
        mayor: row.try_get("mayor")?,
        contact_name: row.try_get("contact_name")?,
        contact_email: row.try_get("contact_email")?,
        contact_phone: row.try_get("contact_phone")?,
        reason: row.try_get("reason")?,
        status: crate::kernel::codes::decode(
            &row.try_get::<String, _>("status")?,
            AdhesionStatus::from_code,
        )?,
        decision_reason: row.try_get("decision_reason")?,
        created_at: row.try_get("created_at")?,
        decided_at: row.try_get("decided_at")?,
    })
}

/// The waiting requests, oldest first, and the 50 latest decided.
pub async fn queue(db: &Db) -> Result<(Vec<AdhesionRequest>, Vec<AdhesionRequest>), sqlx::Error> {
    let waiting = sqlx::query(&format!(
        "SELECT {COLUMNS} WHERE status = 'in_attesa' ORDER BY created_at, id"
    ))
    .fetch_all(db.pool())
    .await?;
    let decided = sqlx::query(&format!(
        "SELECT {COLUMNS} WHERE status <> 'in_attesa' ORDER BY decided_at DESC, id DESC LIMIT 50"
    ))
    .fetch_all(db.pool())
    .await?;
    Ok((
        waiting.iter().map(from_row).collect::<Result<_, _>>()?,
        decided.iter().map(from_row).collect::<Result<_, _>>()?,
    ))
}

/// A waiting request with its comune's ISTAT code, or `None`.
pub async fn waiting_request(
    tx: &mut Tx,
    id: i64,
) -> Result<Option<(AdhesionRequest, Option<String>)>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} WHERE id = $1 AND status = 'in_attesa'"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| Ok((from_row(&row)?, row.try_get("comune_istat")?)))
        .transpose()
}

/// Records the decision; false when another admin decided first.
pub async fn decide(
    tx: &mut Tx,
    id: i64,
    status: AdhesionStatus,
    reason: &str,
    admin_id: i64,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE adhesion_requests SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4
         WHERE id = $5 AND status = 'in_attesa'",
    )
    .bind(status.code())
    .bind(reason)
    .bind(admin_id)
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Adds an approved body to the network; false when one of that name is already in.
pub async fn add_member_body(
    tx: &mut Tx,
    name: &str,
    slug: &str,
    category: Category,
) -> Result<bool, sqlx::Error> {
    let added = sqlx::query(
        "INSERT INTO member_bodies (name, slug, category) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(name)
    .bind(slug)
    .bind(category.code())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// Adds an approved comune to the network; false when it is already in.
pub async fn add_network_comune(
    tx: &mut Tx,
    istat: &str,
    mayor: &str,
) -> Result<bool, sqlx::Error> {
    let added = sqlx::query(
        "INSERT INTO network_comuni (istat_code, mayor) VALUES ($1, $2) ON CONFLICT (istat_code) DO NOTHING",
    )
    .bind(istat)
    .bind(mayor)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// A single-use invitation for the request's contact; returns the secret for the link.
pub async fn create_invitation(
    tx: &mut Tx,
    request_id: i64,
    email: &str,
    valid_for: i64,
) -> Result<String, sqlx::Error> {
    let secret = new_secret();
    sqlx::query(
        "INSERT INTO invitations (token_hash, request_id, email, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash_secret(&secret))
    .bind(request_id)
    .bind(email)
    .bind(now() + valid_for)
    .execute(&mut **tx)
    .await?;
    Ok(secret)
}

/// The invitation behind a secret, while it is unused and valid.
pub async fn invitation(db: &Db, secret: &str) -> Result<Option<Invitation>, sqlx::Error> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT r.name, i.email, r.contact_name FROM invitations i
         JOIN adhesion_requests r ON r.id = i.request_id
         WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2",
    )
    .bind(hash_secret(secret))
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(organisation, email, contact_name)| Invitation {
        organisation,
        email,
        contact_name,
    }))
}

/// Uses up an invitation (one conditional update: it works once); the request's id.
pub async fn consume_invitation(tx: &mut Tx, secret: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING request_id",
    )
    .bind(now())
    .bind(hash_secret(secret))
    .fetch_optional(&mut **tx)
    .await
}

/// The active admins' addresses (for the protocol reminder and new requests).
pub async fn admin_emails(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email FROM users WHERE role = 'admin' AND status = 'attivo' AND email IS NOT NULL ORDER BY id",
    )
    .fetch_all(db.pool())
    .await
}

/// Marks a reminder as sent; false when some process already sent it.
pub async fn claim_reminder(tx: &mut Tx, key: &str) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO reminders_sent (key, sent_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(now())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}
