//! Server functions of applications: `authorize` first (the policy table),
//! then the service, which checks the offer belongs to the caller.

use super::domain::{ApplyState, MyApplication, Received};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// What the offer's page shows under "Candidati" for the person looking.
#[server(prefix = "/api", endpoint = "get_apply_state", input = GetUrl)]
pub async fn get_apply_state(offer: i64) -> Result<ApplyState, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetApplyState>().await?;
    let viewer = crate::kernel::access::auth::current_user(&state).await?;
    super::service::apply_state(&state, viewer.as_ref(), offer).await
}

#[server(prefix = "/api", endpoint = "apply_to_offer")]
pub async fn apply_to_offer(
    offer: i64,
    cv: i64,
    #[server(default)] message: String,
    #[server(default)] letter: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ApplyToOffer>().await?;
    let letter = super::service::parse_letter(&letter)?;
    super::service::apply(&state, &user, offer, cv, &message, letter).await
}

#[server(prefix = "/api", endpoint = "list_my_applications", input = GetUrl)]
pub async fn list_my_applications() -> Result<Vec<MyApplication>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListMyApplications>().await?;
    Ok(super::repo::mine(&state.db, user.id).await?)
}

#[server(prefix = "/api", endpoint = "list_offer_applications", input = GetUrl)]
pub async fn list_offer_applications(offer: i64) -> Result<Received, AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<ListOfferApplications>().await?;
    super::service::received(&state, &user, offer).await
}

#[server(prefix = "/api", endpoint = "set_application_stage")]
pub async fn set_application_stage(id: i64, stage: String) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<SetApplicationStage>().await?;
    super::service::set_stage(&state, &user, id, &stage).await
}

/// What other features show of applications: the apply box of the offer page.
pub mod shared {
    pub use crate::applications::pages::{ApplyBox, ApplyBoxProps};
}
