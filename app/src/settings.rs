//! Server only: the portal's settings the admin changes at run time, one row
//! each in `settings`, read fresh so every process sees a change at once.

use crate::db::Db;

/// Courses and meetings of member bodies wait for an operator before they are public.
pub const PRE_MODERATION: &str = "premoderazione_attivita";

pub async fn flag(db: &Db, key: &str) -> Result<bool, sqlx::Error> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(db.pool())
        .await?;
    Ok(value.as_deref() == Some("si"))
}

pub async fn set_flag(tx: &mut crate::db::Tx, key: &str, on: bool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(if on { "si" } else { "no" })
    .execute(&mut **tx)
    .await?;
    Ok(())
}
