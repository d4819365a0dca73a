//! Server functions of signing in with SPID and CIE: the buttons, the first
//! sign-in (what the provider sent, then a new account or a link to an
//! existing one), and the person's identities in `/area`.

use super::domain::{LinkedIdentity, PendingIdentity, ProviderButton};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The configured providers' buttons (none: no buttons).
#[server(prefix = "/api", endpoint = "sign_in_providers", input = GetUrl)]
pub async fn sign_in_providers() -> Result<Vec<ProviderButton>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<SignInProviders>().await?;
    Ok(state
        .config
        .identity
        .providers
        .iter()
        .map(|p| ProviderButton {
            id: p.id.clone(),
            kind: p.kind,
        })
        .collect())
}

/// What the provider sent about the person signing in for the first time.
#[server(prefix = "/api", endpoint = "get_pending_identity", input = GetUrl)]
pub async fn get_pending_identity() -> Result<PendingIdentity, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetPendingIdentity>().await?;
    super::identity::service::pending_identity(&state, &super::identity::pending_secret()?).await
}

/// A citizen's account from the first sign-in, with the privacy consent.
#[server(prefix = "/api", endpoint = "create_account_from_identity")]
pub async fn create_account_from_identity(
    #[server(default)] email: String,
    #[server(default)] privacy: String,
) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<CreateAccountFromIdentity>().await?;
    let consent = privacy == "on" || privacy == "true";
    let session = super::identity::service::create_account(
        &state,
        &super::identity::pending_secret()?,
        &email,
        consent,
    )
    .await?;
    super::identity::signed_in_at_last(&state, &session);
    Ok(())
}

/// Links the first sign-in to an existing account, its password confirmed.
#[server(prefix = "/api", endpoint = "link_identity")]
pub async fn link_identity(email: String, password: String) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<LinkIdentity>().await?;
    let session = super::identity::service::link_account(
        &state,
        &super::identity::pending_secret()?,
        &email,
        &password,
    )
    .await?;
    super::identity::signed_in_at_last(&state, &session);
    Ok(())
}

#[server(prefix = "/api", endpoint = "list_my_identities", input = GetUrl)]
pub async fn list_my_identities() -> Result<Vec<LinkedIdentity>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListMyIdentities>().await?;
    super::identity::service::identities(&state, &user).await
}

#[server(prefix = "/api", endpoint = "unlink_identity")]
pub async fn unlink_identity(identity: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<UnlinkIdentity>().await?;
    super::identity::service::unlink(&state, &user, identity).await?;
    leptos_axum::redirect("/area?scollegato=1");
    Ok(())
}
