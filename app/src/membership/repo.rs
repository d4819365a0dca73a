//! The membership's data layer (same SQL on SQLite and PostgreSQL).

use super::domain::{AdhesionKind, AdhesionRequest, AdhesionStatus, Invitation, PROTOCOL_VERSION};
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;
use crate::kernel::mail_text::Language;
use crate::kernel::secrets::{hash_secret, new_secret};
use crate::network::domain::Category;

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
    /// The page's language: the contact's email is written in it.
    pub language: Language,
}

pub async fn insert_request(tx: &mut Tx, r: &NewAdhesion) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO adhesion_requests (kind, name, category, comune_istat, mayor, contact_name, contact_email,
           contact_phone, reason, protocol_version, status, created_at, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'in_attesa', $11, $12) RETURNING id",
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
    .bind(r.language)
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
    status, decision_reason, created_at, decided_at, comune_istat, language FROM adhesion_requests";

/// What `COLUMNS` reads.
#[derive(sqlx::FromRow)]
struct AdhesionRow {
    id: i64,
    kind: AdhesionKind,
    name: String,
    /// A body's category; none for a comune.
    category: Option<String>,
    mayor: Option<String>,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    reason: String,
    status: AdhesionStatus,
    decision_reason: Option<String>,
    created_at: i64,
    decided_at: Option<i64>,
    comune_istat: Option<String>,
    language: Language,
}

/// A waiting request, its comune's ISTAT code and the language to answer in.
pub type Waiting = (AdhesionRequest, Option<String>, Language);

impl AdhesionRow {
    fn into_request(self) -> Result<Waiting, sqlx::Error> {
        let category = self
            .category
            .map(|code| crate::kernel::codes::decode(&code, Category::from_code))
            .transpose()?;
        let request = AdhesionRequest {
            id: self.id,
            kind: self.kind,
            name: self.name,
            category,
            mayor: self.mayor,
            contact_name: self.contact_name,
            contact_email: self.contact_email,
            contact_phone: self.contact_phone,
            reason: self.reason,
            status: self.status,
            decision_reason: self.decision_reason,
            created_at: self.created_at,
            decided_at: self.decided_at,
        };
        Ok((request, self.comune_istat, self.language))
    }
}

fn requests(rows: Vec<AdhesionRow>) -> Result<Vec<AdhesionRequest>, sqlx::Error> {
    rows.into_iter()
        .map(|row| Ok(row.into_request()?.0))
        .collect()
}

/// The waiting requests, oldest first, and the 50 latest decided.
pub async fn queue(db: &Db) -> Result<(Vec<AdhesionRequest>, Vec<AdhesionRequest>), sqlx::Error> {
    let waiting: Vec<AdhesionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} WHERE status = 'in_attesa' ORDER BY created_at, id"
    ))
    .fetch_all(db.pool())
    .await?;
    let decided: Vec<AdhesionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} WHERE status <> 'in_attesa' ORDER BY decided_at DESC, id DESC LIMIT 50"
    ))
    .fetch_all(db.pool())
    .await?;
    Ok((requests(waiting)?, requests(decided)?))
}

/// A waiting request, or `None`.
pub async fn waiting_request(tx: &mut Tx, id: i64) -> Result<Option<Waiting>, sqlx::Error> {
    let row: Option<AdhesionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} WHERE id = $1 AND status = 'in_attesa'"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(AdhesionRow::into_request).transpose()
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
