//! Server-side conversions into `AppError`: the cause is logged here and
//! replaced by `Internal`, so it never reaches the client.

use crate::error::{AppError, BUSY_RETRY_AFTER};
use axum::response::{IntoResponse, Response};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// A plain route's error answer (downloads, feeds): the status and the
/// sentence for the reader, never the cause.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), self.user_message()).into_response();
        if self == AppError::Busy {
            response.headers_mut().insert(
                http::header::RETRY_AFTER,
                http::HeaderValue::from_static(BUSY_RETRY_AFTER),
            );
        }
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal.with_status()
    }
}

impl AppError {
    /// Sets the status of the response being built (a page rendered on the
    /// server, or a server function's answer) to match this error, so that a
    /// missing comune answers 404 and not 200.
    pub fn with_status(self) -> Self {
        if let Some(response) = use_context::<ResponseOptions>() {
            response.set_status(self.status());
            if self == AppError::Busy {
                response.insert_header(
                    http::header::RETRY_AFTER,
                    http::HeaderValue::from_static(BUSY_RETRY_AFTER),
                );
            }
        }
        self
    }
}
