//! What the CV builder stores about a person: their CVs and photos, their
//! cover letters, the permissions they gave the desk and what operators
//! changed with them.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// Photos and desk changes before the CVs they belong to.
pub const TABLES: &[TableRule] = &[
    TableRule::deleted(
        "cv_help_changes",
        "owner_id = $1",
        "modifiche_allo_sportello",
    ),
    TableRule::deleted_hiding(
        "cv_help_grants",
        "citizen_id = $1",
        "permessi_allo_sportello",
        &["code"],
    ),
    TableRule::deleted(
        "cv_photos",
        "cv_id IN (SELECT id FROM cvs WHERE owner_id = $1)",
        "foto_cv",
    ),
    TableRule::deleted("cvs", "owner_id = $1", "cv"),
    TableRule::deleted("cover_letters", "owner_id = $1", "lettere_presentazione"),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}
