//! The table of rate-limited attempts (`login_attempts`): failed logins and
//! requests that send email, counted per key and forgotten after an hour.

use crate::db::Db;
use crate::kernel::clock::now;

/// Counts an attempt under each of `keys` in `login_attempts`, the table of
/// rate-limited attempts: failed logins (`pair:…`, `ip:…`) and requests that
/// send email (`mail:…`).
pub async fn record_attempt(db: &Db, keys: &[String]) -> Result<(), sqlx::Error> {
    let at = now();
    for key in keys {
        sqlx::query("INSERT INTO login_attempts (attempt_key, attempted_at) VALUES ($1, $2)")
            .bind(key)
            .bind(at)
            .execute(db.pool())
            .await?;
    }
    // Old attempts tell nothing any more.
    sqlx::query("DELETE FROM login_attempts WHERE attempted_at < $1")
        .bind(at - 3600)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Attempts under `key` since `since`: how many, and the last one's time.
pub async fn attempts_since(db: &Db, key: &str, since: i64) -> Result<(i64, i64), sqlx::Error> {
    let (count, last): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(attempted_at) FROM login_attempts WHERE attempt_key = $1 AND attempted_at > $2",
    )
    .bind(key)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok((count, last.unwrap_or(0)))
}

pub async fn clear_failures(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_attempts WHERE attempt_key = $1")
        .bind(key)
        .execute(db.pool())
        .await?;
    Ok(())
}
