use super::AuditAction;
use crate::db::Tx;
use crate::kernel::clock::now;

/// Records an act. `detail` is the reason given or a count, never a name:
/// names are read from their tables when the log is shown.
pub async fn audit(
    tx: &mut Tx,
    actor_id: i64,
    action: AuditAction,
    subject_id: Option<i64>,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_kind, subject_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now())
    .bind(actor_id)
    .bind(action)
    .bind(action.subject())
    .bind(subject_id)
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
