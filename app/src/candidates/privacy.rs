//! What candidate search stores about a person, on both sides: a citizen's
//! profile views and contact requests, a business's views, shortlists with
//! their notes, and requests.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// Entries before the shortlists (and the CVs) they point at.
pub const TABLES: &[TableRule] = &[
    TableRule::deleted(
        "profile_views",
        "citizen_id = $1 OR business_id = $1",
        "visualizzazioni_profilo",
    ),
    TableRule::deleted(
        "shortlist_entries",
        "shortlist_id IN (SELECT id FROM shortlists WHERE business_id = $1) \
         OR cv_id IN (SELECT id FROM cvs WHERE owner_id = $1)",
        "voci_delle_liste",
    ),
    TableRule::deleted("shortlists", "business_id = $1", "liste"),
    TableRule::deleted(
        "contact_requests",
        "citizen_id = $1 OR business_id = $1",
        "richieste_di_contatto",
    ),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}

/// Profile views count against a business's daily limit and show a
/// candidate who looked at their profile: a year is enough for both.
pub const VIEWS_KEPT: i64 = 365 * 86_400;

pub async fn apply_retention(db: &crate::db::Db, at: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM profile_views WHERE viewed_at < $1")
            .bind(at - VIEWS_KEPT)
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
}
