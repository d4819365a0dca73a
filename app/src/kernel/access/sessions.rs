//! Sessions and the people behind them: the `sessions` table, and reading a
//! user row into a `SessionUser` (the accounts feature writes the rows).

use super::domain::{AccountStatus, Role, SessionUser};
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::secrets::{hash_secret, new_secret};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::sync::LazyLock;

pub const USER_COLUMNS: &str =
    "id, email, display_name, organisation, role, status, email_verified, review_reason, password_hash";

/// Built once: this query runs on every request that carries a session.
/// (No user column is also a session column, so none needs a table prefix.)
static SESSION_USER_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT s.last_seen_at, s.created_at AS session_started, {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
    )
});

pub fn user_from_row(row: &AnyRow) -> Result<(SessionUser, Option<String>), sqlx::Error> {
    let code: String = row.try_get("role")?;
    let status: String = row.try_get("status")?;
    let verified: i64 = row.try_get("email_verified")?;
    let user = SessionUser {
        id: row.try_get("id")?,
        email: row
            .try_get::<Option<String>, _>("email")?
            .unwrap_or_default(),
        display_name: row
            .try_get::<Option<String>, _>("display_name")?
            .unwrap_or_default(),
        organisation: row.try_get("organisation")?,
        role: Role::from_code(&code)
            .ok_or_else(|| sqlx::Error::Decode(format!("role {code}").into()))?,
        status: AccountStatus::from_code(&status)
            .ok_or_else(|| sqlx::Error::Decode(format!("status {status}").into()))?,
        email_verified: verified == 1,
        review_reason: row.try_get("review_reason")?,
    };
    Ok((user, row.try_get("password_hash")?))
}

pub async fn user_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<(SessionUser, Option<String>)>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE email = $1"
    ))
    .bind(email)
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<SessionUser>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row
        .as_ref()
        .map(user_from_row)
        .transpose()?
        .map(|(user, _)| user))
}

/// Opens a session and returns the secret for the cookie.
pub async fn create_session(db: &Db, user_id: i64) -> Result<String, sqlx::Error> {
    let secret = new_secret();
    let at = now();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
        .bind(hash_secret(&secret))
        .bind(user_id)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(secret)
}

pub async fn delete_session(db: &Db, secret: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash_secret(secret))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// How long a session may live: since it was last used, and in all.
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    pub idle: i64,
    pub absolute: i64,
}

/// The user of a live session. A session idle for longer than its role
/// allows, or older than its absolute lifetime, is deleted instead; an
/// active one is marked as seen (at most once a minute, to spare the
/// database a write per request).
pub async fn session_user(
    db: &Db,
    secret: &str,
    limits: impl Fn(Role) -> SessionLimits,
) -> Result<Option<SessionUser>, sqlx::Error> {
    let token_hash = hash_secret(secret);
    let row = sqlx::query(&SESSION_USER_SQL)
        .bind(&token_hash)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: i64 = row.try_get("last_seen_at")?;
    let started: i64 = row.try_get("session_started")?;
    let (user, _) = user_from_row(&row)?;
    let at = now();
    let limits = limits(user.role);
    if at - last_seen > limits.idle
        || at - started > limits.absolute
        || user.status == AccountStatus::Eliminato
    {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&token_hash)
            .execute(db.pool())
            .await?;
        return Ok(None);
    }
    if at - last_seen >= 60 {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(&token_hash)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(user))
}
