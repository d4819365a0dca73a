//! What orientation stores about a person: the questionnaire they kept.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

pub const TABLES: &[TableRule] = &[
    TableRule::not_personal(
        "orientation_rules",
        "staff's rules; `updated_by` points at an account row, anonymous once erased",
    ),
    TableRule::deleted("orientation_answers", "user_id = $1", "orientamento"),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    erase_rows(tx, TABLES, user_id).await
}
