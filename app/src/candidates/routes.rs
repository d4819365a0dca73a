//! The CV of a candidate as a PDF, for a business whose request they accepted.

use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::http::Download;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/candidati/{id}/cv.pdf", get(cv_pdf))
}

/// Follows the policy table's rule for `open_candidate`: verified businesses.
async fn cv_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Download, AppError> {
    let user = signed_in.may_call::<super::api::OpenCandidate>()?;
    super::service::cv_pdf(&state, &user, id)
        .await
        .map(Download::pdf)
}
