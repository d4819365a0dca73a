//! Prometheus metrics at `/metrics`, for the IT office that runs the portal:
//! requests by route and status with their latency, server functions'
//! errors by name, the outbox's backlog and its oldest message's age, open
//! live dashboards, the database pool, and the backups' last success.
//!
//! Counters and histograms are recorded as requests pass (`measure`); the
//! figures that are a state of things (backlog, pool, dashboards) are read
//! when the scraper asks. Routes are axum's patterns (`/offerte/{id}`), so
//! no visitor can grow the number of series; addresses that match no route
//! count as one.

use app::config::MetricsAccess;
use app::state::AppState;
use app::AppError;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Instant;

/// Seconds: from a cached page (a millisecond) to a request's time limit.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed by the first call: one per process,
/// however many routers a test builds.
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("seconds".into()), &LATENCY_BUCKETS)
            .expect("the buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder was installed first");
        }
        handle
    })
}

/// Folds the histograms' recorded samples into their buckets now and then:
/// without a scraper, they would otherwise pile up, one per request.
pub async fn run_upkeep() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        handle().run_upkeep();
    }
}

/// Counts each request by route and status and times it.
pub async fn measure(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = request.method().as_str().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    let seconds = started.elapsed().as_secs_f64();
    metrics::histogram!("http_request_duration_seconds", "route" => route.clone()).record(seconds);
    if let Some(name) = route
        .strip_prefix("/api/")
        .filter(|_| status.as_u16() >= 400)
    {
        let kind = if status.is_server_error() {
            "server"
        } else {
            "client"
        };
        metrics::counter!("server_function_errors_total", "name" => name.to_string(), "kind" => kind)
            .increment(1);
    }
    metrics::counter!(
        "http_requests_total",
        "method" => method,
        "route" => route,
        "status" => status.as_u16().to_string()
    )
    .increment(1);
    response
}

/// `GET /metrics`: Prometheus's text format, for an allowed scraper only.
pub async fn scrape(State(state): State<AppState>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let bearer = request
        .headers()
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !allowed(&state.config.metrics, peer, bearer) {
        return AppError::Forbidden.into_response();
    }
    record_states(&state).await;
    (
        [(http::header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle().render(),
    )
        .into_response()
}

fn allowed(access: &MetricsAccess, peer: Option<std::net::IpAddr>, bearer: Option<&str>) -> bool {
    let by_token = match (&access.token, bearer) {
        // Compared as hashes: the time taken says nothing of the token.
        (Some(token), Some(given)) => {
            app::kernel::secrets::hash_secret(token) == app::kernel::secrets::hash_secret(given)
        }
        _ => false,
    };
    let by_address = peer.is_some_and(|ip| access.from.iter().any(|net| net.contains(&ip)));
    by_token || by_address
}

async fn record_states(state: &AppState) {
    let pool = state.db.pool();
    let open = f64::from(pool.size());
    let idle = pool.num_idle() as f64;
    metrics::gauge!("db_pool_connections", "state" => "in_use").set(open - idle);
    metrics::gauge!("db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("live_dashboards_open").set(state.live.listeners() as f64);
    match app::kernel::outbox::backlog(&state.db).await {
        Ok(backlog) => {
            metrics::gauge!("outbox_pending_messages").set(backlog.pending as f64);
            let age = backlog
                .oldest_queued_at
                .map_or(0, |at| app::kernel::clock::now().saturating_sub(at).max(0));
            metrics::gauge!("outbox_oldest_pending_age_seconds").set(age as f64);
        }
        Err(error) => tracing::warn!(%error, "metrics: the outbox could not be read"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_addresses_or_the_token_may_read() {
        let access = MetricsAccess {
            token: Some("segreto-lungo".into()),
            from: app::config::parse_networks("127.0.0.1, 10.1.0.0/16").unwrap(),
        };
        let ip = |text: &str| Some(text.parse().unwrap());
        assert!(allowed(&access, ip("127.0.0.1"), None));
        assert!(allowed(&access, ip("10.1.2.3"), None));
        assert!(!allowed(&access, ip("203.0.113.9"), None));
        assert!(!allowed(&access, None, None));
        assert!(allowed(&access, ip("203.0.113.9"), Some("segreto-lungo")));
        assert!(!allowed(&access, ip("203.0.113.9"), Some("segreto")));
        let no_token = MetricsAccess {
            token: None,
            ..access
        };
        assert!(!allowed(&no_token, ip("203.0.113.9"), Some("")));
    }
}
