//! Signing in with SPID and CIE: the portal as an OpenID Connect relying
//! party of the providers (gateways) the settings name. Another way to
//! `create_session`; nothing after the session changes.

pub mod provider;
pub mod repo;
pub mod routes;
pub mod service;
pub mod settings;

use crate::error::AppError;
use crate::state::AppState;

/// The first sign-in waiting in this browser (its cookie).
pub fn pending_secret() -> Result<String, AppError> {
    crate::kernel::cookies::request_cookie(routes::PENDING_COOKIE)
        .ok_or_else(|| crate::invalid!("pending", the_sign_in_has_expired).with_status())
}

/// The session cookie set, the waiting sign-in's cookie spent, on to `/area`.
pub fn signed_in_at_last(state: &AppState, session: &str) {
    crate::kernel::access::auth::set_session_cookie(state, session);
    crate::kernel::access::auth::set_cookie(crate::kernel::access::auth::private_cookie(
        state,
        routes::PENDING_COOKIE,
        "",
        Some(0),
    ));
    leptos_axum::redirect("/area");
}
