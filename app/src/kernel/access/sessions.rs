//! Sessions and the people behind them: the `sessions` table, and reading a
//! user row into a `SessionUser` (the accounts feature writes the rows).

use super::domain::{AccountStatus, Role, SessionUser};
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::secrets::{hash_secret, new_secret};
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

/// A `users` row as `USER_COLUMNS` reads it.
#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: Option<String>,
    display_name: Option<String>,
    organisation: Option<String>,
    role: Role,
    status: AccountStatus,
    email_verified: i64,
    review_reason: Option<String>,
    password_hash: Option<String>,
}

impl UserRow {
    /// The person, and their password hash (none for accounts without one).
    fn into_user(self) -> (SessionUser, Option<String>) {
        let user = SessionUser {
            id: self.id,
            email: self.email.unwrap_or_default(),
            display_name: self.display_name.unwrap_or_default(),
            organisation: self.organisation,
            role: self.role,
            status: self.status,
            email_verified: self.email_verified == 1,
            review_reason: self.review_reason,
        };
        (user, self.password_hash)
    }
}

/// A session's row: when it was last used and started, and its person.
#[derive(sqlx::FromRow)]
struct SessionRow {
    last_seen_at: i64,
    session_started: i64,
    #[sqlx(flatten)]
    user: UserRow,
}

pub async fn user_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<(SessionUser, Option<String>)>, sqlx::Error> {
    let row: Option<UserRow> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE email = $1"
    ))
    .bind(email)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(UserRow::into_user))
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<SessionUser>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|row| row.into_user().0))
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
    let row: Option<SessionRow> = sqlx::query_as(&SESSION_USER_SQL)
        .bind(&token_hash)
        .fetch_optional(db.pool())
        .await?;
    let Some(SessionRow {
        last_seen_at: last_seen,
        session_started: started,
        user,
    }) = row
    else {
        return Ok(None);
    };
    let (user, _) = user.into_user();
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
