//! The CV of a candidate as a PDF, for a business whose request they accepted.

use crate::accounts::auth::user_from_headers;
use crate::accounts::domain::Role;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/candidati/{id}/cv.pdf", get(cv_pdf))
}

async fn cv_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let user = user_from_headers(&state, &headers)
            .await?
            .ok_or(AppError::Unauthorized)?;
        if user.role != Role::Impresa || !user.can_work() {
            return Err(AppError::Forbidden);
        }
        super::service::cv_pdf(&state, &user, id).await
    }
    .await;
    match result {
        Ok((stem, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{stem}.pdf\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => (e.status(), e.user_message()).into_response(),
    }
}
