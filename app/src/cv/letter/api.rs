//! Server functions of cover letters: `authorize` first (citizens only,
//! like the CVs), then the service. The downloads are plain routes
//! (`cv/routes.rs`).

use super::domain::{LetterDocument, LetterRecord, LetterSummary};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "list_my_letters", input = GetUrl)]
pub async fn list_my_letters() -> Result<Vec<LetterSummary>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListMyLetters>().await?;
    Ok(super::repo::list(&state.db, user.id).await?)
}

/// A new letter from one of my CVs, for an offer when `offer` is given; the
/// browser then opens it.
#[server(prefix = "/api", endpoint = "create_letter")]
pub async fn create_letter(cv: i64, #[server(default)] offer: Option<i64>) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CreateLetter>().await?;
    let id = super::service::create(&state, &user, cv, offer).await?;
    leptos_axum::redirect(&format!("/cv/lettere/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "get_letter", input = GetUrl)]
pub async fn get_letter(id: i64) -> Result<LetterRecord, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetLetter>().await?;
    super::service::mine(&state, &user, id).await
}

/// The editor's form: every part of the letter (`letter[sender]`…).
#[server(prefix = "/api", endpoint = "save_letter")]
pub async fn save_letter(id: i64, letter: LetterDocument) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveLetter>().await?;
    super::service::save(&state, &user, id, letter).await
}

#[server(prefix = "/api", endpoint = "delete_letter")]
pub async fn delete_letter(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DeleteLetter>().await?;
    super::service::delete(&state, &user, id).await
}
