//! The accounts' data layer (same SQL on SQLite and PostgreSQL).

use super::domain::{Consent, PendingAccount};
use crate::db::Db;
use crate::kernel::access::domain::{AccountStatus, Role};
use crate::kernel::clock::now;
use crate::kernel::secrets::{hash_secret, new_secret};

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

pub struct NewUser<'a> {
    pub email: &'a str,
    /// The comune (ISTAT code) of an operator's desk.
    pub desk_istat: Option<&'a str>,
    /// None for an account that signs in only through a provider (SPID, CIE).
    pub password_hash: Option<&'a str>,
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
