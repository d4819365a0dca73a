//! Data kept no longer than needed: each feature deletes what it keeps past
//! its time (the README's retention table), and accounts never confirmed
//! are erased like any other. Runs every hour in every process; each pass is
//! idempotent, so processes sharing a database may overlap.

use crate::error::AppError;
use crate::kernel::clock::now;
use crate::state::AppState;
use crate::{accounts, candidates, membership};
use std::time::Duration;

/// One pass at `at`; returns how many rows and accounts went.
pub async fn apply(state: &AppState, at: i64) -> Result<u64, AppError> {
    let mut gone = 0;
    for id in accounts::privacy::unverified_accounts(&state.db, at).await? {
        super::erase_person(state, id).await?;
        gone += 1;
    }
    gone += accounts::privacy::apply_retention(&state.db, at).await?;
    gone += candidates::privacy::apply_retention(&state.db, at).await?;
    gone += membership::privacy::apply_retention(&state.db, at).await?;
    Ok(gone)
}

pub async fn run_worker(state: AppState) {
    loop {
        match apply(&state, now()).await {
            Ok(gone) => {
                crate::kernel::heartbeat::round_succeeded("retention");
                if gone > 0 {
                    tracing::info!(gone, "retention: old data deleted");
                }
            }
            Err(error) => tracing::error!(?error, "retention pass failed"),
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}
