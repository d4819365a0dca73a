//! What accounts store about a person, and its erasure. The account's row
//! stays, anonymous, so that registrations by role and date still count.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// In erasure order: the rows found through the person's email first, the
/// account's own row last.
pub const TABLES: &[TableRule] = &[
    TableRule::deleted_hiding("sessions", "user_id = $1", "sessioni", &["token_hash"]),
    TableRule::deleted_hiding(
        "account_tokens",
        "user_id = $1",
        "link_inviati",
        &["token_hash"],
    ),
    TableRule::deleted(
        "login_attempts",
        "attempt_key = 'email:' || (SELECT email FROM users WHERE id = $1)",
        "tentativi_di_accesso",
    ),
    TableRule::deleted("consents", "user_id = $1", "consensi"),
    // The message's body can hold a link that still works: never exported.
    TableRule::deleted_hiding(
        "outbox",
        "user_id = $1 OR recipient = (SELECT email FROM users WHERE id = $1)",
        "email",
        &["body", "attachment", "last_error"],
    ),
    TableRule::anonymised(
        "audit_log",
        "subject_id = $1 AND action IN ('verifica_approvata', 'verifica_respinta')",
        "detail = ''",
        "decisioni_sul_mio_account",
        "staff decisions on the account stay accountable; they point at the anonymous account row",
    ),
    TableRule {
        table: "users",
        rule: crate::kernel::personal_data::Rule::Anonymised {
            person: "id = $1",
            set: "email = NULL, password_hash = NULL, display_name = NULL, organisation = NULL, \
                  review_reason = NULL, desk_istat = NULL, status = 'eliminato'",
            export: "account",
            hidden: &["password_hash"],
            why: "registrations by role and date are counted",
        },
    },
];

pub async fn erase_user(tx: &mut Tx, user_id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET deleted_at = $1 WHERE id = $2")
        .bind(at)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    erase_rows(tx, TABLES, user_id).await
}
