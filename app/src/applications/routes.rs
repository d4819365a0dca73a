//! The CV and the cover letter of an application as PDFs, for the offer's
//! publisher (links).

use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::http::Download;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/candidature/{id}/cv.pdf", get(cv_pdf))
        .route("/api/candidature/{id}/lettera.pdf", get(letter_pdf))
}

async fn letter_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedIn(user): SignedIn,
) -> Result<Download, AppError> {
    super::service::letter_pdf(&state, &user, id)
        .await
        .map(Download::pdf)
}

async fn cv_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedIn(user): SignedIn,
) -> Result<Download, AppError> {
    super::service::cv_pdf(&state, &user, id)
        .await
        .map(Download::pdf)
}
