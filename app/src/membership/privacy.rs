//! What membership stores about a person: the contact named in a request to
//! join, and the invitation sent to them.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

pub const TABLES: &[TableRule] = &[
    TableRule::anonymised(
        "adhesion_requests",
        "contact_email = (SELECT email FROM users WHERE id = $1)",
        "contact_name = '', contact_email = '', contact_phone = ''",
        "richieste_di_adesione",
        "the request of a body or comune stays in the network's record, without its contact",
    ),
    TableRule::deleted_hiding(
        "invitations",
        "email = (SELECT email FROM users WHERE id = $1)",
        "inviti",
        &["token_hash"],
    ),
    TableRule::not_personal("settings", "the portal's switches"),
    TableRule::not_personal("reminders_sent", "which protocol reminders went out"),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}

/// An invitation no longer usable is kept a month, then deleted.
pub const SPENT_INVITATIONS: i64 = 30 * 86_400;

pub async fn apply_retention(db: &crate::db::Db, at: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM invitations WHERE expires_at < $1 OR used_at < $1")
            .bind(at - SPENT_INVITATIONS)
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
}
