//! The bounds of the public surface: a search past its size is refused with
//! a message that says how to fit (422), never scored; under overload the
//! server answers 503 with `Retry-After` at once, a stalled request ends at
//! its timeout, and `/healthz` answers throughout.

use crate::common::{person, text, with_state, Engine};
use app::config::RequestLimits;
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::offers::{alerts, domain::OfferQuery};
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, StatusCode};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

async fn get(state: &AppState, uri: &str) -> (StatusCode, String) {
    let response = server::build_router(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    (response.status(), text(response).await)
}

#[tokio::test]
async fn a_search_past_its_bounds_is_refused_with_a_way_to_fit() {
    with_state(Engine::Sqlite, |state| async move {
        let words = vec!["magazziniere"; 13].join("+");
        let (status, body) = get(&state, &format!("/api/search_offers?query[q]={words}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("al massimo 12 parole"), "{body}");

        let (status, body) = get(&state, &format!("/api/search_offers?query[q]={}", "a".repeat(201))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        let comuni: String = (0..33).map(|i| format!("&query[comune][{i}]=c{i}")).collect();
        let (status, body) = get(&state, &format!("/api/search_offers?query[q]=cuoco{comuni}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("al massimo 32 comuni"), "{body}");

        let (status, body) = get(&state, &format!("/api/search_offers?query[tipo]={}", "x".repeat(41))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        // The bounds leave every real search alone.
        let (status, body) = get(
            &state,
            "/api/search_offers?query[q]=addetto+alle+pulizie+a+Sarzana&query[comune][0]=sarzana&query[km]=15",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");

        // The Atom feed reads the same query from its address.
        let (status, _) = get(&state, &format!("/offerte/feed.xml?q={words}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // A saved search (the daily alert) is held to the same bounds.
        let citizen = person(&state, Role::Cittadino, "avvisi@esempio.it").await;
        let huge = OfferQuery {
            q: "parola ".repeat(30_000),
            ..OfferQuery::default()
        };
        let refused = alerts::save(&state, &citizen, &huge).await;
        assert!(matches!(refused, Err(AppError::Validation { ref field, .. }) if field == "q"), "{refused:?}");
        assert!(alerts::mine(&state, &citizen).await.unwrap().is_empty());
    })
    .await;
}

/// A request whose body never ends: it holds its place until its timeout.
fn stalled_upload() -> Request<Body> {
    let never = futures::stream::pending::<Result<Vec<u8>, std::io::Error>>();
    Request::post("/api/log_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from_stream(never))
        .unwrap()
}

#[tokio::test]
async fn past_its_limit_the_server_answers_503_at_once_and_stays_alive() {
    with_state(Engine::Sqlite, |mut state| async move {
        let mut config = (*state.config).clone();
        config.requests = RequestLimits {
            concurrent: 1,
            timeout: Duration::from_secs(2),
        };
        state.config = Arc::new(config);
        let router = server::build_router(state.clone());
        let started = Instant::now();
        let stalled = tokio::spawn(router.clone().oneshot(stalled_upload()));
        tokio::time::sleep(Duration::from_millis(200)).await;

        // The one place is taken: a page and a server function are refused
        // at once, each in its own form, both saying when to come back.
        let page = router
            .clone()
            .oneshot(Request::get("/offerte").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(page.headers()[header::RETRY_AFTER], "5");
        assert!(text(page).await.contains("molto richiesto"));
        let api = router
            .clone()
            .oneshot(
                Request::get("/api/search_offers?query[q]=cuoco")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(api.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(api.headers()[header::RETRY_AFTER], "5");
        let error: AppError = serde_json::from_str(&text(api).await).unwrap();
        assert_eq!(error, AppError::Busy);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "refused at once"
        );

        // A monitor still sees the server alive.
        let health = router
            .clone()
            .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(health.status(), StatusCode::OK);

        // The stalled request is ended at its timeout, and the place is free again.
        let ended = stalled.await.unwrap().unwrap();
        assert_eq!(ended.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(started.elapsed() >= Duration::from_secs(2));
        let (status, _) = get(&state, "/api/search_offers?query[q]=cuoco").await;
        assert_eq!(status, StatusCode::OK);
    })
    .await;
}
