//! Server functions of accounts. Each starts with `authorize` (the policy
//! table), parses its arguments into domain types, then calls the data layer.

use super::domain::{MyAccount, PendingAccount};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "register_account")]
pub async fn register_account(
    role: String,
    email: String,
    password: String,
    display_name: String,
    #[server(default)] organisation: String,
    #[server(default)] privacy: String,
) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<RegisterAccount>().await?;
    let form = super::service::Registration::parse(
        &role,
        &email,
        &password,
        &display_name,
        &organisation,
        &privacy,
    )?;
    crate::kernel::mail_limits::allow_sender(
        &state,
        &crate::kernel::access::auth::client_address(&state),
    )
    .await?;
    super::service::register(&state, form).await?;
    leptos_axum::redirect("/accesso?registrato=1");
    Ok(())
}

#[server(prefix = "/api", endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<VerifyEmail>().await?;
    super::service::verify_email(&state, &token).await?;
    leptos_axum::redirect("/accesso?verificato=1");
    Ok(())
}

#[server(prefix = "/api", endpoint = "log_in")]
pub async fn log_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<LogIn>().await?;
    let secret = super::service::log_in(
        &state,
        &email,
        &password,
        &crate::kernel::access::auth::client_address(&state),
    )
    .await?;
    crate::kernel::access::auth::set_session_cookie(&state, &secret);
    // An orientation path answered before registering is kept now.
    let pending = crate::orientation::api::shared::adopt_pending(&state, &secret).await;
    // Back to the page that asked to sign in, else to the path just kept.
    let back = crate::kernel::access::return_to::after_sign_in(&next);
    leptos_axum::redirect(back.or(pending).unwrap_or("/area"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize_user::<LogOut>().await?;
    let mut then = None;
    if let Some(secret) =
        crate::kernel::cookies::request_cookie(crate::kernel::access::auth::SESSION_COOKIE)
    {
        // A session a provider opened ends there too (RP-initiated logout).
        then = super::identity::service::provider_logout(&state, &secret).await;
        crate::kernel::access::sessions::delete_session(&state.db, &secret).await?;
    }
    crate::kernel::access::auth::clear_session_cookie(&state);
    leptos_axum::redirect(then.as_deref().unwrap_or("/"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<RequestPasswordReset>().await?;
    crate::kernel::mail_limits::allow_sender(
        &state,
        &crate::kernel::access::auth::client_address(&state),
    )
    .await?;
    super::service::request_password_reset(&state, &email).await?;
    leptos_axum::redirect("/accesso?reset=inviato");
    Ok(())
}

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ResetPassword>().await?;
    super::service::reset_password(&state, &token, &password).await?;
    leptos_axum::redirect("/accesso?reset=fatto");
    Ok(())
}

#[server(prefix = "/api", endpoint = "get_my_account")]
pub async fn get_my_account() -> Result<MyAccount, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetMyAccount>()
        .await
        .inspect_err(|error| {
            // The personal area of nobody: go and sign in.
            if *error == AppError::Unauthorized {
                leptos_axum::redirect(&crate::kernel::access::return_to::sign_in_href("/area"));
            }
        })?;
    let consents = super::repo::list_consents(&state.db, user.id).await?;
    Ok(MyAccount { user, consents })
}

#[server(prefix = "/api", endpoint = "list_pending_accounts")]
pub async fn list_pending_accounts() -> Result<Vec<PendingAccount>, AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<ListPendingAccounts>().await?;
    super::service::pending_accounts(&state, &user).await
}

#[server(prefix = "/api", endpoint = "decide_account")]
pub async fn decide_account(
    account: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DecideAccount>().await?;
    let decision = super::service::Decision::parse(&decision, &reason)?;
    super::service::decide(&state, &user, account, decision).await?;
    leptos_axum::redirect("/staff/verifiche");
    Ok(())
}

/// What other features use of accounts on the server (not endpoints): the
/// accounts they create (an accepted invitation), the consents they record
/// (a CV's visibility), and staff's approve-or-reject decision.
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::accounts::repo::{add_consent, insert_user, withdraw_consent, NewUser};
    pub use crate::accounts::service::Decision;
}

/// The name of the person signed in, for the header; none for a visitor.
#[server(prefix = "/api", endpoint = "get_signed_in_name", input = GetUrl)]
pub async fn get_signed_in_name() -> Result<Option<String>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetSignedInName>().await?;
    let user = crate::kernel::access::auth::current_user(&state).await?;
    Ok(user.map(|u| u.display_name))
}
