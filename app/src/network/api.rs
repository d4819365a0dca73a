//! Server functions of the network's public pages. Each is a public HTTP
//! endpoint under `/api/`; these only read public reference data, so the
//! access table lets every visitor, signed in or not, call them.

use super::domain::{Comune, Desk, MemberBody};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_comuni")]
pub async fn list_comuni() -> Result<Vec<Comune>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ListComuni>().await?;
    Ok(super::repo::list_comuni(&state.db).await?)
}

/// The comuni with their boundaries (about 8 KB more): for the pages
/// that draw the province.
#[server(prefix = "/api", endpoint = "list_comuni_for_map")]
pub async fn list_comuni_for_map() -> Result<Vec<Comune>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ListComuniForMap>().await?;
    Ok(super::repo::list_comuni_for_map(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "get_comune")]
pub async fn get_comune(slug: String) -> Result<Comune, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetComune>().await?;
    // A slug is short lower-case ASCII; anything else cannot name a comune.
    let valid = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(AppError::NotFound.with_status());
    }
    super::repo::comune_by_slug(&state.db, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

#[server(prefix = "/api", endpoint = "list_member_bodies")]
pub async fn list_member_bodies() -> Result<Vec<MemberBody>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ListMemberBodies>().await?;
    Ok(super::repo::list_member_bodies(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "list_desks")]
pub async fn list_desks() -> Result<Vec<Desk>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ListDesks>().await?;
    Ok(super::repo::list_desks(&state.db).await?)
}

/// What other features read of the network on the server (not endpoints):
/// the member bodies (course organisers, orientation's contacts, adhesions)
/// and a comune by its slug.
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::network::repo::{comune_by_slug, list_member_bodies};
}
