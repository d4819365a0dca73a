//! The CV of an application as a PDF, for the offer's publisher (a link).

use crate::accounts::auth::user_from_headers;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/candidature/{id}/cv.pdf", get(cv_pdf))
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
        super::service::cv_pdf(&state, &user, id).await
    }
    .await;
    crate::cv::routes::pdf_download(result)
}
