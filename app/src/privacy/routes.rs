//! `GET /api/miei-dati.zip`: the person's archive, a plain link from `/area`.

use crate::accounts::auth::user_from_headers;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/miei-dati.zip", get(download))
}

async fn download(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result = async {
        let user = user_from_headers(&state, &headers)
            .await?
            .ok_or(AppError::Unauthorized)?;
        super::export_archive(&state, &user).await
    }
    .await;
    match result {
        Ok(bytes) => crate::cv::routes::attachment(
            "application/zip",
            "infolavoro-miei-dati.zip".into(),
            bytes,
        ),
        Err(error) => crate::cv::routes::failure(error),
    }
}
