//! What the CV builder stores about a person: their CVs and photos.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// Photos before the CVs they belong to.
pub const TABLES: &[TableRule] = &[
    TableRule::deleted(
        "cv_photos",
        "cv_id IN (SELECT id FROM cvs WHERE owner_id = $1)",
        "foto_cv",
    ),
    TableRule::deleted("cvs", "owner_id = $1", "cv"),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}
