//! Under overload the portal answers at once instead of queueing without
//! end: past `MAX_CONCURRENT_REQUESTS` requests in progress a new one gets
//! 503 with `Retry-After`, and one that takes longer than
//! `REQUEST_TIMEOUT_SECONDS` is ended with the same answer. tower's layers
//! do the counting; a streamed body (the staff's live dashboard) counts only
//! until its headers are sent. `/healthz` stays outside, so a monitor sees
//! a busy server as alive.

use app::config::RequestLimits;
use app::state::AppState;
use app::AppError;
use axum::error_handling::HandleErrorLayer;
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Router};
use http::{header, HeaderValue, StatusCode, Uri};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;

pub fn bounded(router: Router<AppState>, limits: RequestLimits) -> Router<AppState> {
    // axum wraps each route in the layers on its own: the semaphore is made
    // here, once, so that every route counts against one limit.
    let in_progress = Arc::new(Semaphore::new(limits.concurrent));
    router.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(overloaded))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::with_semaphore(in_progress))
            .timeout(limits.timeout),
    )
}

async fn overloaded(uri: Uri, error: BoxError) -> Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!(
            path = uri.path(),
            "request ended: it took longer than its timeout"
        );
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        tracing::warn!(
            path = uri.path(),
            "request refused: the server is at its limit"
        );
    } else {
        tracing::error!(%error, path = uri.path(), "request failed in the overload layers");
    }
    busy_response(uri.path())
}

/// 503 with `Retry-After`: the server functions' JSON error for `/api/`
/// (the page shows its message), a short page otherwise.
pub fn busy_response(path: &str) -> Response {
    let mut response = if path.starts_with("/api/") {
        crate::api_errors::answer(AppError::Busy)
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            format!(
                "<!DOCTYPE html><html lang=\"it\"><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width\">\
                 <title>InfoLavoro</title><p>{}</p></html>",
                AppError::Busy.user_message()
            ),
        )
            .into_response()
    };
    with_retry_after(&mut response);
    response
}

pub fn with_retry_after(response: &mut Response) {
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(app::error::BUSY_RETRY_AFTER),
    );
}
