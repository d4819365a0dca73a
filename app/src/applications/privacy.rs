//! What applications store about a person: each application with the copy
//! of the CV sent. Applications a business received stay with the citizens
//! who sent them.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

pub const TABLES: &[TableRule] = &[TableRule::deleted(
    "applications",
    "citizen_id = $1",
    "candidature",
)];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}
