//! Server functions of desk help: the citizen's three (see, give, take
//! back the permission) and the operator's two (use a code, list whom they
//! are helping). Editing itself goes through the CV's own functions.

use super::domain::{AssistedCitizen, MyDeskHelp};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "get_my_desk_help", input = GetUrl)]
pub async fn get_my_desk_help() -> Result<Option<MyDeskHelp>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetMyDeskHelp>().await?;
    super::service::mine(&state, &user).await
}

/// "Dai il permesso": a new code, valid for 15 minutes, for an hour's help.
#[server(prefix = "/api", endpoint = "allow_desk_help")]
pub async fn allow_desk_help() -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<AllowDeskHelp>().await?;
    super::service::grant(&state, &user).await
}

/// Ends the permission at once: the operator's next request is refused.
#[server(prefix = "/api", endpoint = "revoke_desk_help")]
pub async fn revoke_desk_help() -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<RevokeDeskHelp>().await?;
    super::service::revoke(&state, &user).await
}

#[server(prefix = "/api", endpoint = "use_desk_help_code")]
pub async fn use_desk_help_code(code: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<UseDeskHelpCode>().await?;
    super::service::claim(&state, &user, &code).await
}

#[server(prefix = "/api", endpoint = "list_helped_citizens", input = GetUrl)]
pub async fn list_helped_citizens() -> Result<Vec<AssistedCitizen>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListHelpedCitizens>().await?;
    super::service::helped(&state, &user).await
}
