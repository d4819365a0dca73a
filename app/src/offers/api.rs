//! Server functions of offers and alerts. Each starts with `authorize` (the
//! policy table), parses its arguments, then calls the service.

use super::domain::{
    ManagedOffer, OfferDetail, OfferInput, OfferQuery, SavedSearch, SearchResults,
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "search_offers", input = GetUrl)]
pub async fn search_offers(query: OfferQuery) -> Result<SearchResults, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<SearchOffers>().await?;
    let mut results = super::service::search_public(&state, query).await?;
    results.viewer = match crate::kernel::access::auth::current_user(&state).await? {
        None => super::domain::Viewer::Visitor,
        Some(user) if user.role == crate::kernel::access::domain::Role::Cittadino => {
            super::domain::Viewer::Citizen
        }
        Some(_) => super::domain::Viewer::Other,
    };
    Ok(results)
}

#[server(prefix = "/api", endpoint = "get_offer", input = GetUrl)]
pub async fn get_offer(id: i64, #[server(default)] manage: bool) -> Result<OfferDetail, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetOffer>().await?;
    // Public when published; its publisher and staff also see it before.
    let user = crate::kernel::access::auth::current_user(&state).await?;
    let offer = super::service::detail(&state, id, user).await?;
    // The publisher's page of an offer is only for whoever manages it: for
    // anyone else it does not exist, even when the offer is public.
    if manage && !offer.can_manage {
        return Err(AppError::NotFound.with_status());
    }
    Ok(offer)
}

/// The publishers' form: its fields arrive as `form[title]`, `form[kind]`…
#[server(prefix = "/api", endpoint = "save_offer")]
pub async fn save_offer(form: OfferInput) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveOffer>().await?;
    let id = super::service::save(&state, &user, &form).await?;
    leptos_axum::redirect(&format!("/pubblica/{id}?salvata=1"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "list_my_offers", input = GetUrl)]
pub async fn list_my_offers() -> Result<Vec<ManagedOffer>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListMyOffers>().await?;
    let publisher = (!user.role.is_staff()).then_some(user.id);
    Ok(super::repo::managed_by(&state.db, publisher).await?)
}

#[server(prefix = "/api", endpoint = "close_offer")]
pub async fn close_offer(id: i64, outcome: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CloseOffer>().await?;
    let filled = match outcome.as_str() {
        "coperta" => true,
        "ritirata" => false,
        _ => return Err(crate::invalid!("outcome", invalid_choice)),
    };
    super::service::close(&state, &user, id, filled).await
}

#[server(prefix = "/api", endpoint = "list_offers_to_review", input = GetUrl)]
pub async fn list_offers_to_review() -> Result<Vec<ManagedOffer>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize_user::<ListOffersToReview>().await?;
    Ok(super::repo::awaiting_review(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "decide_offer")]
pub async fn decide_offer(
    id: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let (state, staff) = crate::kernel::access::auth::authorize_user::<DecideOffer>().await?;
    let approve = match decision.as_str() {
        "approva" => true,
        "respingi" => false,
        _ => return Err(crate::invalid!("decision", invalid_choice)),
    };
    super::service::decide(&state, &staff, id, approve, &reason).await
}

/// Saves the search of `/offerte` as an alert (the daily digest email).
#[server(prefix = "/api", endpoint = "save_search")]
pub async fn save_search(query: OfferQuery) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveSearch>().await?;
    super::alerts::save(&state, &user, &query).await
}

#[server(prefix = "/api", endpoint = "list_saved_searches", input = GetUrl)]
pub async fn list_saved_searches() -> Result<Vec<SavedSearch>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListSavedSearches>().await?;
    super::alerts::mine(&state, &user).await
}

#[server(prefix = "/api", endpoint = "delete_saved_search")]
pub async fn delete_saved_search(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DeleteSavedSearch>().await?;
    Ok(super::alerts::delete(&state.db, user.id, id).await?)
}

/// What other features use of offers on the server (not endpoints): an
/// offer as stored and who manages it (applications), a publisher's offers
/// (candidates' contact requests), and the search (orientation).
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::offers::repo::{managed_by, offer};
    pub use crate::offers::service::{manages, search, stored};
}
