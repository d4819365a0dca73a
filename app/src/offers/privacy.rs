//! What offers store about a person: the offers a business published and a
//! citizen's saved searches. An erased publisher's offers that could still
//! be seen are withdrawn; the rows stay for the network's statistics.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

pub const TABLES: &[TableRule] = &[
    // A sole trader's business bears their name, and its address may be theirs.
    TableRule::anonymised(
        "offers",
        "publisher_id = $1",
        "organisation = '', address = ''",
        "offerte_pubblicate",
        "offers published are counted in the network's statistics; withdrawn at erasure",
    ),
    TableRule::deleted_hiding(
        "saved_searches",
        "user_id = $1",
        "ricerche_salvate",
        &["token_hash"],
    ),
];

/// Withdraws the person's live offers and deletes their saved searches;
/// returns the offers withdrawn, for the search index.
pub async fn erase_user(tx: &mut Tx, user_id: i64, at: i64) -> Result<Vec<i64>, sqlx::Error> {
    let withdrawn: Vec<i64> = sqlx::query_scalar(
        "UPDATE offers SET status = 'ritirata', updated_at = $1 \
         WHERE publisher_id = $2 AND status IN ('bozza', 'revisione', 'pubblicata') RETURNING id",
    )
    .bind(at)
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    erase_rows(tx, TABLES, user_id).await?;
    Ok(withdrawn)
}
