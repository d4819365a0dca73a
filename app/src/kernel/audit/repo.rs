use super::{AuditAction, AuditEntry, AuditFilter};
use crate::db::{Db, Tx};
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

/// The log, newest first, at most `limit` acts. The names of the person
/// acting and of the object are joined from the tables that hold them: the
/// log is the one place that reads every feature's names, by design.
pub async fn list_audit(
    db: &Db,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, a.actor_id, u.display_name AS actor_name, u.role AS actor_role,
                a.action, a.subject_kind, a.subject_id,
                COALESCE(o.title, t.title, r.name, s.name, d.title, ad.name,
                         CASE WHEN a.subject_kind = 'account'
                              THEN COALESCE(su.organisation, su.display_name) END) AS subject_name,
                a.detail
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN offers o ON a.subject_kind = 'offerta' AND o.id = a.subject_id
         LEFT JOIN activities t ON a.subject_kind = 'attivita' AND t.id = a.subject_id
         LEFT JOIN adhesion_requests r ON a.subject_kind = 'adesione' AND r.id = a.subject_id
         LEFT JOIN desks s ON a.subject_kind = 'sportello' AND s.id = a.subject_id
         LEFT JOIN appointments p ON a.subject_kind = 'appuntamento' AND p.id = a.subject_id
         LEFT JOIN desks ad ON ad.id = p.desk_id
         LEFT JOIN orientation_rules d ON a.subject_kind = 'regola' AND d.id = a.subject_id
         LEFT JOIN users su ON a.subject_kind = 'account' AND su.id = a.subject_id
         WHERE ($1 IS NULL OR a.action = $1) AND ($2 IS NULL OR a.actor_id = $2)
           AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4)
         ORDER BY a.at DESC, a.id DESC LIMIT $5",
    )
    .bind(filter.action.map(AuditAction::code))
    .bind(filter.actor_id)
    .bind(filter.from)
    .bind(filter.until)
    .bind(limit)
    .fetch_all(db.pool())
    .await
}
