//! `GET /api/miei-dati.zip`: the person's archive, a plain link from `/area`.

use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::http::Download;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/miei-dati.zip", get(download))
}

async fn download(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Download, AppError> {
    let bytes = super::export_archive(&state, &user).await?;
    let name = "infolavoro-miei-dati.zip".to_string();
    Ok(Download::new("application/zip", name, bytes))
}
