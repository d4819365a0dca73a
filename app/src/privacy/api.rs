//! The server function of erasure (the download is a plain route, so that a
//! link fetches the archive).

use crate::error::AppError;
use leptos::prelude::*;

/// Deletes the signed-in person's account and everything the portal holds
/// about them, once they have confirmed with their password.
#[server(prefix = "/api", endpoint = "delete_my_account")]
pub async fn delete_my_account(password: String) -> Result<(), AppError> {
    use crate::accounts::service;
    use crate::kernel::access::auth;
    let (state, user) = auth::authorize_user::<DeleteMyAccount>().await?;
    service::confirm_password(&state, &user, &password).await?;
    super::erase_person(&state, user.id).await?;
    auth::clear_session_cookie(&state);
    leptos_axum::redirect("/?account=eliminato");
    Ok(())
}
