//! The CV of a candidate as a PDF, for a business whose request they accepted.

use crate::accounts::auth::user_from_headers;
use crate::accounts::domain::Role;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
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
    crate::cv::routes::pdf_download(result)
}
