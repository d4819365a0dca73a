//! Server functions of the network's public pages. Each is a public HTTP
//! endpoint under `/api/`; these only read public reference data, so every
//! visitor, signed in or not, may call them.

use super::domain::{Comune, Desk, MemberBody};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_comuni")]
pub async fn list_comuni() -> Result<Vec<Comune>, AppError> {
    let state = crate::state::app_state()?;
    Ok(super::repo::list_comuni(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "get_comune")]
pub async fn get_comune(slug: String) -> Result<Comune, AppError> {
    // A slug is short lower-case ASCII; anything else cannot name a comune.
    let valid = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(AppError::NotFound.with_status());
    }
    let state = crate::state::app_state()?;
    super::repo::comune_by_slug(&state.db, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

#[server(prefix = "/api", endpoint = "list_member_bodies")]
pub async fn list_member_bodies() -> Result<Vec<MemberBody>, AppError> {
    let state = crate::state::app_state()?;
    Ok(super::repo::list_member_bodies(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "list_desks")]
pub async fn list_desks() -> Result<Vec<Desk>, AppError> {
    let state = crate::state::app_state()?;
    Ok(super::repo::list_desks(&state.db).await?)
}
