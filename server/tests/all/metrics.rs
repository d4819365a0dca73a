//! The metrics a Comune's IT office scrapes at `/metrics`: only the machine
//! itself (or `METRICS_FROM`) and holders of `METRICS_TOKEN` may read them,
//! and they follow what the portal does: requests by route and status with
//! their latency, server functions refused by name, the outbox's backlog,
//! the database pool.

use crate::applications::published_offer;
use crate::common::{person, text, with_settings};
use app::kernel::access::domain::Role;
use app::state::AppState;
use axum::body::Body;
use axum::extract::ConnectInfo;
use http::{header, Request, StatusCode};
use std::net::SocketAddr;
use tower::ServiceExt;

const TOKEN: &str = "un-token-lungo-per-prometheus";

fn from(address: &str, path: &str) -> Request<Body> {
    let mut request = Request::get(path).body(Body::empty()).unwrap();
    let peer: SocketAddr = address.parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    request
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, String) {
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    (response.status(), text(response).await)
}

/// The value of the one series of `name` whose labels include all of `labels`.
fn value(scraped: &str, name: &str, labels: &[&str]) -> Option<f64> {
    scraped
        .lines()
        .filter(|line| {
            line.starts_with(&format!("{name}{{")) || line.starts_with(&format!("{name} "))
        })
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

async fn the_metrics_are_the_scrapers_and_follow_the_portal(state: AppState) {
    let (status, _) = send(&state, from("203.0.113.9:40000", "/metrics")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a visitor may not read them");
    let mut wrong = from("203.0.113.9:40000", "/metrics");
    wrong
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer indovinato".parse().unwrap());
    assert_eq!(send(&state, wrong).await.0, StatusCode::FORBIDDEN);

    let business = person(&state, Role::Impresa, "hotel@esempio.it").await;
    let offer = published_offer(&state, &business, "Receptionist stagionale").await;
    for _ in 0..3 {
        let (status, _) = send(&state, from("198.51.100.7:1", &format!("/offerte/{offer}"))).await;
        assert_eq!(status, StatusCode::OK);
    }
    let refused = Request::post("/api/enrol_activity")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("id=1"))
        .unwrap();
    assert_eq!(send(&state, refused).await.0, StatusCode::UNAUTHORIZED);
    let mut tx = state.db.begin_write().await.unwrap();
    app::kernel::outbox::enqueue_mail(&mut tx, None, "anna@esempio.it", "Prova", "Testo")
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let (status, scraped) = send(&state, from("127.0.0.1:50000", "/metrics")).await;
    assert_eq!(status, StatusCode::OK, "the machine itself may");
    let offer_page = [
        "route=\"/offerte/{id}\"",
        "status=\"200\"",
        "method=\"GET\"",
    ];
    assert_eq!(
        value(&scraped, "http_requests_total", &offer_page),
        Some(3.0),
        "{scraped}"
    );
    assert_eq!(
        value(
            &scraped,
            "http_request_duration_seconds_count",
            &["route=\"/offerte/{id}\""]
        ),
        Some(3.0)
    );
    assert!(scraped
        .contains("http_request_duration_seconds_bucket{route=\"/offerte/{id}\",le=\"0.1\"}"));
    assert_eq!(
        value(
            &scraped,
            "server_function_errors_total",
            &["name=\"enrol_activity\"", "kind=\"client\""]
        ),
        Some(1.0)
    );
    assert!(value(&scraped, "outbox_pending_messages", &[]).unwrap() >= 1.0);
    assert!(value(&scraped, "outbox_oldest_pending_age_seconds", &[]).is_some());
    assert!(value(&scraped, "db_pool_connections", &["state=\"idle\""]).is_some());
    assert_eq!(value(&scraped, "live_dashboards_open", &[]), Some(0.0));
    assert!(
        !scraped.contains("Receptionist"),
        "no content of the portal in them"
    );

    let mut with_token = from("203.0.113.9:40000", "/metrics");
    with_token.headers_mut().insert(
        header::AUTHORIZATION,
        format!("Bearer {TOKEN}").parse().unwrap(),
    );
    assert_eq!(
        send(&state, with_token).await.0,
        StatusCode::OK,
        "the token opens them"
    );
}

async fn with_token<F, Fut>(engine: crate::common::Engine, test: F)
where
    F: FnOnce(AppState) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    with_settings(engine, &[("METRICS_TOKEN", TOKEN.to_string())], test).await;
}

on_both_engines!(with_token => the_metrics_are_the_scrapers_and_follow_the_portal);
