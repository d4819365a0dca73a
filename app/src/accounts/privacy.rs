//! What accounts store about a person, and its erasure. The account's row
//! stays, anonymous, so that registrations by role and date still count.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// In erasure order: the rows found through the person's email first, the
/// account's own row last.
pub const TABLES: &[TableRule] = &[
    // A session a provider opened, and the ID token that ends it there.
    TableRule::deleted_hiding(
        "identity_sessions",
        "token_hash IN (SELECT token_hash FROM sessions WHERE user_id = $1)",
        "sessioni_spid_cie",
        &["token_hash", "id_token"],
    ),
    TableRule::deleted("identities", "user_id = $1", "identita_digitali"),
    TableRule::not_personal(
        "sign_in_requests",
        "a trip to a provider under way: random values, tied to no person, gone in 10 minutes",
    ),
    TableRule::not_personal(
        "pending_identities",
        "what a provider sent before any account exists: tied to no account, used or gone in 15 minutes",
    ),
    TableRule::deleted_hiding("sessions", "user_id = $1", "sessioni", &["token_hash"]),
    TableRule::deleted_hiding(
        "account_tokens",
        "user_id = $1",
        "link_inviati",
        &["token_hash"],
    ),
    TableRule::deleted(
        "login_attempts",
        "substr(attempt_key, 1, length((SELECT email FROM users WHERE id = $1)) + 6) \
         = 'pair:' || (SELECT email FROM users WHERE id = $1) || '|'",
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

/// How long accounts keep what they keep (the README's retention table).
pub mod retention {
    const DAY: i64 = 86_400;
    /// An address never confirmed: the account is erased.
    pub const UNVERIFIED_ACCOUNT: i64 = 7 * DAY;
    /// A delivered email's subject and dates (its text went at delivery).
    pub const SENT_MAIL: i64 = 90 * DAY;
    /// An email that could not be delivered after every retry.
    pub const FAILED_MAIL: i64 = 30 * DAY;
    /// Failed logins count for the limits for a day.
    pub const LOGIN_ATTEMPTS: i64 = DAY;
    /// A used or expired emailed link.
    pub const SPENT_TOKENS: i64 = DAY;
    /// Staff decisions and actions stay accountable for five years.
    pub const AUDIT_LOG: i64 = 5 * 365 * DAY;
}

/// Accounts that never confirmed their address within the limit.
pub async fn unverified_accounts(db: &crate::db::Db, at: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE email_verified = 0 AND status <> 'eliminato' AND created_at < $1",
    )
    .bind(at - retention::UNVERIFIED_ACCOUNT)
    .fetch_all(db.pool())
    .await
}

/// Deletes what accounts keep past its time (sessions past their lifetime
/// included); returns how many rows went.
pub async fn apply_retention(db: &crate::db::Db, at: i64) -> Result<u64, sqlx::Error> {
    use crate::kernel::access::auth::{OTHER_IDLE_SECONDS, OTHER_MAX_SECONDS};
    use retention::*;
    let statements: [(&str, i64); 9] = [
        (
            "DELETE FROM sign_in_requests WHERE created_at < $1",
            crate::accounts::identity::repo::SIGN_IN_WITHIN,
        ),
        ("DELETE FROM pending_identities WHERE expires_at < $1", 0),
        (
            "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1",
            SENT_MAIL,
        ),
        (
            "DELETE FROM outbox WHERE sent_at IS NULL AND created_at < $1",
            FAILED_MAIL,
        ),
        (
            "DELETE FROM login_attempts WHERE attempted_at < $1",
            LOGIN_ATTEMPTS,
        ),
        (
            "DELETE FROM account_tokens WHERE expires_at < $1 OR used_at < $1",
            SPENT_TOKENS,
        ),
        (
            "DELETE FROM sessions WHERE last_seen_at < $1",
            OTHER_IDLE_SECONDS,
        ),
        (
            "DELETE FROM sessions WHERE created_at < $1",
            OTHER_MAX_SECONDS,
        ),
        ("DELETE FROM audit_log WHERE at < $1", AUDIT_LOG),
    ];
    let mut deleted = 0;
    for (sql, keep) in statements {
        deleted += sqlx::query(sql)
            .bind(at - keep)
            .execute(db.pool())
            .await?
            .rows_affected();
    }
    Ok(deleted)
}
