//! Identities, sign-ins under way, first sign-ins waiting for consent, and
//! the sessions a provider opened (same SQL on SQLite and PostgreSQL).

use super::provider::Verified;
use crate::accounts::domain::LinkedIdentity;
use crate::db::{Db, Tx};
use crate::kernel::clock::now;
use crate::kernel::secrets::hash_secret;

/// A trip to a provider must come back within this time.
pub const SIGN_IN_WITHIN: i64 = 10 * 60;
/// What a provider sent waits this long for the person's consent.
pub const PENDING_FOR: i64 = 15 * 60;

pub struct SignInRequest {
    pub provider: String,
    pub pkce_verifier: String,
    pub nonce: String,
}

pub async fn save_sign_in_request(
    db: &Db,
    state: &str,
    browser: &str,
    provider: &str,
    pkce_verifier: &str,
    nonce: &str,
) -> Result<(), sqlx::Error> {
    // Requests never finished go as new ones come.
    sqlx::query("DELETE FROM sign_in_requests WHERE created_at < $1")
        .bind(now() - SIGN_IN_WITHIN)
        .execute(db.pool())
        .await?;
    sqlx::query(
        "INSERT INTO sign_in_requests (state_hash, browser_hash, provider, pkce_verifier, nonce, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash_secret(state))
    .bind(hash_secret(browser))
    .bind(provider)
    .bind(pkce_verifier)
    .bind(nonce)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Uses up the request `state` names, if this browser started it in time:
/// a state that is unknown, replayed, late or from another browser is `None`.
pub async fn take_sign_in_request(
    db: &Db,
    state: &str,
    browser: &str,
) -> Result<Option<SignInRequest>, sqlx::Error> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "DELETE FROM sign_in_requests
         WHERE state_hash = $1 AND browser_hash = $2 AND created_at >= $3
         RETURNING provider, pkce_verifier, nonce",
    )
    .bind(hash_secret(state))
    .bind(hash_secret(browser))
    .bind(now() - SIGN_IN_WITHIN)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(provider, pkce_verifier, nonce)| SignInRequest {
        provider,
        pkce_verifier,
        nonce,
    }))
}

/// The account linked to this provider's subject.
pub async fn user_by_subject(
    db: &Db,
    provider: &str,
    subject: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM identities WHERE provider = $1 AND subject = $2")
        .bind(provider)
        .bind(subject)
        .fetch_optional(db.pool())
        .await
}

/// The account a fiscal code is linked to (through any provider).
pub async fn user_by_fiscal_code(tx: &mut Tx, code: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM identities WHERE fiscal_code = $1 LIMIT 1")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn link(
    tx: &mut Tx,
    user_id: i64,
    provider: &str,
    subject: &str,
    fiscal_code: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO identities (user_id, provider, subject, fiscal_code, linked_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider, subject) DO NOTHING",
    )
    .bind(user_id)
    .bind(provider)
    .bind(subject)
    .bind(fiscal_code)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct IdentityRow {
    id: i64,
    provider: String,
    fiscal_code: Option<String>,
    linked_at: i64,
}

/// The person's identities; `kind` names each provider's button kind.
pub async fn identities_of(
    db: &Db,
    user_id: i64,
    kind: impl Fn(&str) -> crate::accounts::domain::ProviderKind,
) -> Result<Vec<LinkedIdentity>, sqlx::Error> {
    let rows: Vec<IdentityRow> = sqlx::query_as(
        "SELECT id, provider, fiscal_code, linked_at FROM identities WHERE user_id = $1 ORDER BY linked_at, id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| LinkedIdentity {
            id: row.id,
            provider: kind(&row.provider),
            provider_id: row.provider,
            fiscal_code: row.fiscal_code,
            linked_at: row.linked_at,
        })
        .collect())
}

/// Unlinks one of the person's identities; `false` when it is not theirs.
pub async fn unlink(tx: &mut Tx, user_id: i64, identity: i64) -> Result<bool, sqlx::Error> {
    let gone = sqlx::query("DELETE FROM identities WHERE id = $1 AND user_id = $2")
        .bind(identity)
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(gone == 1)
}

pub async fn count_identities(tx: &mut Tx, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM identities WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
}

pub async fn has_password(tx: &mut Tx, user_id: i64) -> Result<bool, sqlx::Error> {
    let hash: Option<String> = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?
        .flatten();
    Ok(hash.is_some())
}

pub async fn save_pending(
    db: &Db,
    secret: &str,
    provider: &str,
    person: &Verified,
    fiscal_code: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM pending_identities WHERE expires_at < $1")
        .bind(now())
        .execute(db.pool())
        .await?;
    sqlx::query(
        "INSERT INTO pending_identities
         (token_hash, provider, subject, fiscal_code, given_name, family_name, email, id_token, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(hash_secret(secret))
    .bind(provider)
    .bind(&person.subject)
    .bind(fiscal_code)
    .bind(&person.given_name)
    .bind(&person.family_name)
    .bind(&person.email)
    .bind(&person.id_token)
    .bind(now() + PENDING_FOR)
    .execute(db.pool())
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow, Debug)]
pub struct Pending {
    pub provider: String,
    pub subject: String,
    pub fiscal_code: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<String>,
    pub id_token: String,
}

const PENDING_COLUMNS: &str =
    "provider, subject, fiscal_code, given_name, family_name, email, id_token";

pub async fn pending(db: &Db, secret: &str) -> Result<Option<Pending>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {PENDING_COLUMNS} FROM pending_identities WHERE token_hash = $1 AND expires_at >= $2"
    ))
    .bind(hash_secret(secret))
    .bind(now())
    .fetch_optional(db.pool())
    .await
}

/// Uses up a pending first sign-in (once).
pub async fn take_pending(tx: &mut Tx, secret: &str) -> Result<Option<Pending>, sqlx::Error> {
    sqlx::query_as(&format!(
        "DELETE FROM pending_identities WHERE token_hash = $1 AND expires_at >= $2 RETURNING {PENDING_COLUMNS}"
    ))
    .bind(hash_secret(secret))
    .bind(now())
    .fetch_optional(&mut **tx)
    .await
}

pub async fn remember_session(
    db: &Db,
    session_secret: &str,
    provider: &str,
    id_token: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO identity_sessions (token_hash, provider, id_token) VALUES ($1, $2, $3)",
    )
    .bind(hash_secret(session_secret))
    .bind(provider)
    .bind(id_token)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The provider and ID token of a session a provider opened.
pub async fn session_identity(
    db: &Db,
    session_secret: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT provider, id_token FROM identity_sessions WHERE token_hash = $1")
        .bind(hash_secret(session_secret))
        .fetch_optional(db.pool())
        .await
}
