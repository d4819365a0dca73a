//! The secret addresses of personal calendars (only their SHA-256 stored).

use crate::db::Db;

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
