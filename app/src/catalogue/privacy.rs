//! What courses and meetings store about a person: their places (seats and
//! waiting places) and their personal calendar feed.

use super::repo;
use crate::db::{Db, Tx};
use crate::kernel::personal_data::{erase_rows, TableRule};

pub const TABLES: &[TableRule] = &[
    TableRule::not_personal(
        "activities",
        "courses and meetings as their organisers published them; `publisher_id` points at an account row, anonymous once erased",
    ),
    TableRule::not_personal("activity_sessions", "the dates of an activity"),
    TableRule::kept(
        "enrolments",
        "user_id = $1",
        "iscrizioni",
        "seats, waiting lists and attendance are counted; the rows point at the anonymous account row and their places are freed first",
    ),
    TableRule::deleted_hiding(
        "calendar_feeds",
        "user_id = $1",
        "calendario_personale",
        &["token_hash"],
    ),
];

/// Frees the person's seats and waiting places (the first person waiting
/// takes a freed seat and is emailed, as when a person cancels), then ends
/// their calendar feed.
pub async fn erase_user(
    tx: &mut Tx,
    db: &Db,
    public_url: &str,
    user_id: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    let held: Vec<i64> = sqlx::query_scalar(
        "SELECT activity_id FROM enrolments WHERE user_id = $1 AND status IN ('iscritto', 'in_attesa')",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    for activity_id in held {
        if let Some(activity) = repo::activity(db, activity_id).await? {
            super::service::cancel_in(tx, public_url, &activity, user_id, at).await?;
        }
    }
    erase_rows(tx, TABLES, user_id).await
}
