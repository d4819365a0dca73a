//! The personal calendar feed (`/calendario/personale/{secret}.ics`): one
//! subscription with the person's courses and meetings (catalogue) and desk
//! appointments (desk). It spans two features, so it lives above both.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/calendario/personale/{file}", get(personal_feed))
}

async fn personal_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    feed(&state, &file)
        .await
        .map(crate::catalogue::feeds::calendar)
        .unwrap_or_else(IntoResponse::into_response)
}

/// A revoked or renewed address answers 404, as one never given out.
async fn feed(state: &AppState, file: &str) -> Result<String, AppError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let user = crate::catalogue::feeds::user_of_feed(state, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut items = crate::catalogue::feeds::calendar_items_of(state, user).await?;
    items.extend(crate::desk::service::calendar_items_of(state, user).await?);
    Ok(crate::kernel::calendar::ics(
        "InfoLavoro: i miei appuntamenti",
        &items,
    ))
}
