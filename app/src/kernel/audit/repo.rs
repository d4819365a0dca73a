use super::AuditEntry;
use crate::db::{Db, Tx};
use crate::kernel::clock::now;

/// Records a staff action. `detail` names no person: ids only, so that
/// deleting an account leaves nothing personal here.
pub async fn audit(
    tx: &mut Tx,
    actor_id: i64,
    action: &str,
    subject_id: Option<i64>,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, subject_id, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(now())
        .bind(actor_id)
        .bind(action)
        .bind(subject_id)
        .bind(detail)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The audit log, newest first, optionally only one action or one actor.
pub async fn list_audit(
    db: &Db,
    action: Option<&str>,
    actor_id: Option<i64>,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT at, actor_id, action, subject_id, detail FROM audit_log
         WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2)
         ORDER BY at DESC, id DESC LIMIT 500",
    )
    .bind(action)
    .bind(actor_id)
    .fetch_all(db.pool())
    .await
}
