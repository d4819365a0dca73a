//! Live dashboards: every change made through a server function is announced
//! to the staff dashboards connected to any server process, which then count
//! their figures again.
//!
//! - In one process: a `broadcast` channel, fed by the `announce_changes`
//!   middleware after each successful state-changing `/api/…` call.
//! - Across processes on one PostgreSQL database: the same announcement goes
//!   out as `NOTIFY infolavoro_diretta`, and each process LISTENs and passes on
//!   what another process announced. (SQLite is one process's file.)
//! - To the browser: Server-Sent Events at `/api/staff/diretta`; `EventSource`
//!   reconnects by itself after a restart.

use crate::db::{Db, Engine};
use crate::kernel::access::auth::SignedIn;
use crate::kernel::access::policy::Effect;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

const CHANNEL: &str = "infolavoro_diretta";
/// Announcements a slow dashboard may fall behind by; past that it is told
/// "many things changed", which means the same: count again.
const BACKLOG: usize = 256;

/// This process's side of the live updates; cheap to clone.
#[derive(Clone, Debug)]
pub struct Live {
    /// Tells this process's announcements from the others' on the channel.
    origin: u64,
    sender: broadcast::Sender<Arc<str>>,
}

impl Default for Live {
    fn default() -> Live {
        Live::new()
    }
}

impl Live {
    pub fn new() -> Live {
        let (sender, _) = broadcast::channel(BACKLOG);
        Live {
            origin: rand::random(),
            sender,
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<str>> {
        self.sender.subscribe()
    }

    /// The dashboards of this process listening now (for the metrics).
    pub fn listeners(&self) -> usize {
        self.sender.receiver_count()
    }

    /// Tells this process's dashboards at once, and the other processes'
    /// through the database when it is PostgreSQL.
    pub fn announce(&self, db: &Db, what: &str) {
        // No dashboard connected is no error.
        let _ = self.sender.send(Arc::from(what));
        if db.engine() == Engine::Postgres {
            let db = db.clone();
            let payload = format!("{} {what}", self.origin);
            tokio::spawn(async move {
                if let Err(error) = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(payload)
                    .execute(db.pool())
                    .await
                {
                    tracing::warn!(%error, "live: could not notify the other servers");
                }
            });
        }
    }

    /// Passes on, for the life of the server, what other processes on the
    /// same PostgreSQL database announce.
    pub async fn run_listener(self, database_url: String) {
        loop {
            match self.listen(&database_url).await {
                Ok(()) => return,
                Err(error) => {
                    tracing::warn!(%error, "live: listening to the other servers failed; again in a second");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    async fn listen(&self, database_url: &str) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect(database_url).await?;
        listener.listen(CHANNEL).await?;
        loop {
            let notification = listener.recv().await?;
            if let Some((origin, what)) = notification.payload().split_once(' ') {
                if origin != self.origin.to_string() {
                    let _ = self.sender.send(Arc::from(what));
                }
            }
        }
    }
}

/// Whether the server function at `path` changes data (its column of the
/// access table); what only reads changes no figure.
fn changes_data(path: &str) -> bool {
    crate::access_table::row_at(path).is_some_and(|row| row.effect == Effect::Changes)
}

/// After a successful state-changing `/api/…` request, announces it.
pub async fn announce_changes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let endpoint = (request.method() == Method::POST)
        .then(|| request.uri().path())
        .filter(|path| changes_data(path))
        .map(|path| path.trim_start_matches("/api/").to_owned());
    let response = next.run(request).await;
    if let Some(endpoint) = endpoint {
        let status = response.status();
        if status.is_success() || status.is_redirection() {
            state.live.announce(&state.db, &endpoint);
        }
    }
    response
}

/// The event stream of one dashboard (`/api/staff/diretta`): `aggiornamento`
/// with what changed.
pub(super) async fn stream(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    // The same roles as `get_dashboard`.
    if let Err(error) = signed_in.may_call::<super::api::GetDashboard>() {
        return error.into_response();
    }
    let receiver = state.live.subscribe();
    let events = futures::stream::unfold(receiver, |mut receiver| async move {
        let what = match receiver.recv().await {
            Ok(what) => what.to_string(),
            Err(broadcast::error::RecvError::Lagged(_)) => "molte".to_string(),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        let event = Event::default().event("aggiornamento").data(what);
        Some((Ok::<_, Infallible>(event), receiver))
    });
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    // Proxies must pass each event on as it comes.
    response.headers_mut().insert(
        "x-accel-buffering",
        axum::http::HeaderValue::from_static("no"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::changes_data;

    #[test]
    fn reads_are_not_announced() {
        assert!(changes_data("/api/enrol_activity"));
        assert!(changes_data("/api/decide_offer"));
        // Opening a candidate's CV is recorded, though its verb reads.
        assert!(changes_data("/api/open_candidate"));
        assert!(!changes_data("/api/get_dashboard"));
        assert!(!changes_data("/api/list_activities"));
        assert!(!changes_data("/api/search_offers"));
        assert!(!changes_data("/api/set_language"));
        assert!(!changes_data("/api/not_a_function"));
    }
}
