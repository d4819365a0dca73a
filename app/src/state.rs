//! What every request handler and server function can reach: the pool, the
//! settings and the Leptos options. It travels through Leptos context (see
//! `leptos_routes_with_context`), never through globals.

use crate::accounts::password::Hasher;
use crate::config::Config;
use crate::db::Db;
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::prelude::{use_context, LeptosOptions};
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    /// Bounds how many argon2 hashes run at once.
    pub hasher: Hasher,
    /// Wakes the outbox worker when a message is queued.
    pub mail_wakeup: Arc<Notify>,
    /// The search index of the offers, in step with the database.
    pub offers: crate::offers::engine::Search,
    /// The candidates' search index, in step with the visible CVs.
    pub candidates: crate::candidates::engine::Candidates,
    /// Tells the staff dashboards (here and in other processes) what changed.
    pub live: crate::staff::live::Live,
    /// Bounds how many documents (PDF) are typeset at once.
    pub renderers: Arc<tokio::sync::Semaphore>,
    /// The SPID/CIE providers' client and discovered metadata.
    pub identity: crate::accounts::identity::provider::Providers,
    /// Runs the searches' scoring off the async workers, a few at a time.
    pub searches: crate::kernel::cpu::CpuPool,
}

/// The state of the running server, from inside a server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
