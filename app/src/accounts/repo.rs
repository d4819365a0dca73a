//! The accounts' data layer (same SQL on SQLite and PostgreSQL).

use super::domain::{AccountStatus, Consent, PendingAccount, Role, SessionUser};
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::secrets::{hash_secret, new_secret};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::sync::LazyLock;

use crate::db::Tx;

/// id, email, name, organisation, role, created at.
type PendingRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
);

const USER_COLUMNS: &str =
    "id, email, display_name, organisation, role, status, email_verified, review_reason, password_hash";

/// Built once: this query runs on every request that carries a session.
/// (No user column is also a session column, so none needs a table prefix.)
static SESSION_USER_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT s.last_seen_at, s.created_at AS session_started, {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
    )
});

fn user_from_row(row: &AnyRow) -> Result<(SessionUser, Option<String>), sqlx::Error> {
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

pub struct NewUser<'a> {
    pub email: &'a str,
    /// The comune (ISTAT code) of an operator's desk.
    pub desk_istat: Option<&'a str>,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub organisation: Option<&'a str>,
    pub role: Role,
    pub status: AccountStatus,
    pub email_verified: bool,
}

/// `Ok(None)` when the email is already registered.
pub async fn insert_user(tx: &mut Tx, user: &NewUser<'_>) -> Result<Option<i64>, sqlx::Error> {
    let inserted = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, display_name, organisation, role, status, email_verified, created_at, desk_istat)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.display_name)
    .bind(user.organisation)
    .bind(user.role.code())
    .bind(user.status.code())
    .bind(i64::from(user.email_verified))
    .bind(now())
    .bind(user.desk_istat)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(inserted)
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

pub const VERIFY_EMAIL: &str = "verifica_email";
pub const RESET_PASSWORD: &str = "reimposta_password";

/// A single-use token for an emailed link; returns the secret for the link.
pub async fn create_token(
    tx: &mut Tx,
    user_id: i64,
    purpose: &str,
    valid_for_seconds: i64,
) -> Result<String, sqlx::Error> {
    let secret = new_secret();
    sqlx::query("INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash_secret(&secret))
        .bind(user_id)
        .bind(purpose)
        .bind(now() + valid_for_seconds)
        .execute(&mut **tx)
        .await?;
    Ok(secret)
}

/// Ends every link of `purpose` the user has not used (a used password
/// reset link ends the others, which may sit in an old mailbox).
pub async fn end_tokens(tx: &mut Tx, user_id: i64, purpose: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(user_id)
    .bind(purpose)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Uses up a token: the user it belongs to, or `None` when it is unknown,
/// already used or expired. One conditional update, so it works only once.
pub async fn consume_token(
    tx: &mut Tx,
    secret: &str,
    purpose: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "UPDATE account_tokens SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(at)
    .bind(hash_secret(secret))
    .bind(purpose)
    .fetch_optional(&mut **tx)
    .await
}

pub async fn mark_email_verified(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET email_verified = 1 WHERE id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets a new password and closes every open session of the account.
pub async fn set_password(
    tx: &mut Tx,
    user_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn add_consent(
    tx: &mut Tx,
    user_id: i64,
    purpose: &str,
    version: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consents (user_id, purpose, text_version, given_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(version)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn list_consents(db: &Db, user_id: i64) -> Result<Vec<Consent>, sqlx::Error> {
    let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT purpose, text_version, given_at, withdrawn_at FROM consents WHERE user_id = $1 ORDER BY given_at, id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(purpose, text_version, given_at, withdrawn_at)| Consent {
            purpose,
            text_version,
            given_at,
            withdrawn_at,
        })
        .collect())
}

/// Marks the person's standing consents for `purpose` as withdrawn now.
pub async fn withdraw_consent(tx: &mut Tx, user_id: i64, purpose: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND purpose = $3 AND withdrawn_at IS NULL",
    )
    .bind(now())
    .bind(user_id)
    .bind(purpose)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn pending_accounts(db: &Db) -> Result<Vec<PendingAccount>, sqlx::Error> {
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT id, email, display_name, organisation, role, created_at FROM users
         WHERE status = 'in_attesa' ORDER BY created_at, id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, email, name, organisation, role, created_at)| {
            Some(PendingAccount {
                id,
                email: email.unwrap_or_default(),
                display_name: name.unwrap_or_default(),
                organisation: organisation.unwrap_or_default(),
                role: Role::from_code(&role)?,
                created_at,
            })
        })
        .collect())
}

/// Approves or rejects a waiting account; `false` when it was not waiting.
pub async fn decide_account(
    tx: &mut Tx,
    user_id: i64,
    approve: bool,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let status = if approve {
        AccountStatus::Attivo
    } else {
        AccountStatus::Respinto
    };
    let changed = sqlx::query(
        "UPDATE users SET status = $1, review_reason = $2 WHERE id = $3 AND status = 'in_attesa'",
    )
    .bind(status.code())
    .bind(reason)
    .bind(user_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
