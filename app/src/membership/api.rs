//! Server functions of the membership: each starts with `authorize` (the
//! policy table), parses its arguments, then calls the service.

use super::domain::{AdhesionInput, AdhesionQueue, Invitation};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The public form: its fields arrive as `form[kind]`, `form[name]`…
#[server(prefix = "/api", endpoint = "submit_adhesion")]
pub async fn submit_adhesion(form: AdhesionInput) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<SubmitAdhesion>().await?;
    let request = super::service::parse(&state, &form).await?;
    let address = crate::kernel::access::auth::client_address(&state);
    crate::kernel::mail_limits::allow_sender(&state, &address).await?;
    super::service::submit(&state, request).await?;
    leptos_axum::redirect("/rete/aderisci?inviata=1");
    Ok(())
}

#[server(prefix = "/api", endpoint = "list_adhesions", input = GetUrl)]
pub async fn list_adhesions() -> Result<AdhesionQueue, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize_user::<ListAdhesions>().await?;
    super::service::queue(&state).await
}

#[server(prefix = "/api", endpoint = "decide_adhesion")]
pub async fn decide_adhesion(
    request: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let (state, admin) = crate::kernel::access::auth::authorize_user::<DecideAdhesion>().await?;
    let decision = crate::accounts::api::shared::Decision::parse(&decision, &reason)?;
    super::service::decide(&state, &admin, request, decision).await?;
    leptos_axum::redirect("/staff/adesioni");
    Ok(())
}

#[server(prefix = "/api", endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<Invitation, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetInvitation>().await?;
    super::service::invitation(&state, &token).await
}

#[server(prefix = "/api", endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    display_name: String,
    password: String,
    #[server(default)] privacy: String,
) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<AcceptInvitation>().await?;
    let user_id =
        super::service::accept(&state, &token, &display_name, &password, &privacy).await?;
    let secret = crate::kernel::access::sessions::create_session(&state.db, user_id).await?;
    crate::kernel::access::auth::set_session_cookie(&state, &secret);
    leptos_axum::redirect("/area?benvenuto=ente");
    Ok(())
}
