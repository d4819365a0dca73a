//! Who is asking: the session cookie, and the check every server function
//! makes before doing anything.

use super::domain::{Role, SessionUser};
use super::policy::{Access, Guarded};
use super::sessions as repo;
use crate::error::AppError;
use crate::state::{app_state, AppState};
use http::header::SET_COOKIE;
use http::HeaderValue;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub const SESSION_COOKIE: &str = "sessione";
/// Staff sessions end after 30 idle minutes and 12 hours in all (a working
/// day); others after 14 idle days and 30 days in all.
pub const STAFF_IDLE_SECONDS: i64 = 30 * 60;
pub const STAFF_MAX_SECONDS: i64 = 12 * 3600;
pub const OTHER_IDLE_SECONDS: i64 = 14 * 24 * 3600;
pub const OTHER_MAX_SECONDS: i64 = 30 * 24 * 3600;

fn limits(role: Role) -> repo::SessionLimits {
    if role.is_staff() {
        repo::SessionLimits {
            idle: STAFF_IDLE_SECONDS,
            absolute: STAFF_MAX_SECONDS,
        }
    } else {
        repo::SessionLimits {
            idle: OTHER_IDLE_SECONDS,
            absolute: OTHER_MAX_SECONDS,
        }
    }
}

/// The signed-in person, if any.
pub async fn current_user(state: &AppState) -> Result<Option<SessionUser>, AppError> {
    let Some(secret) = crate::kernel::cookies::request_cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    Ok(repo::session_user(&state.db, &secret, limits).await?)
}

/// The person a session secret belongs to (just after signing in, before the
/// browser sends the cookie back).
pub async fn user_of_session(
    state: &AppState,
    secret: &str,
) -> Result<Option<SessionUser>, AppError> {
    Ok(repo::session_user(&state.db, secret, limits).await?)
}

/// The signed-in person of a plain axum request (downloads, feeds).
pub async fn user_from_headers(
    state: &AppState,
    headers: &http::HeaderMap,
) -> Result<Option<SessionUser>, AppError> {
    let Some(secret) = crate::kernel::cookies::cookie_in(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    Ok(repo::session_user(&state.db, &secret, limits).await?)
}

/// Checks the caller against the server function `F`'s row of the access
/// table (`crate::access_table`) before it does anything: 401 without a
/// session where one is needed, 403 for the wrong role or an account not yet
/// active.
pub async fn authorize<F: Guarded>() -> Result<(AppState, Option<SessionUser>), AppError> {
    let state = app_state()?;
    let access = F::ACCESS;
    // Public endpoints need no session: skip the lookup (and its query).
    if access == Access::Everyone {
        return Ok((state, None));
    }
    let Some(user) = current_user(&state).await? else {
        return Err(AppError::Unauthorized.with_status());
    };
    if !access.admits(&user) {
        return Err(AppError::Forbidden.with_status());
    }
    Ok((state, Some(user)))
}

/// Like `authorize` for endpoints that need a session: the user, surely there.
pub async fn authorize_user<F: Guarded>() -> Result<(AppState, SessionUser), AppError> {
    match authorize::<F>().await? {
        (state, Some(user)) => Ok((state, user)),
        (_, None) => Err(AppError::Unauthorized.with_status()),
    }
}

/// The signed-in person of a plain axum route (downloads, feeds, streams):
/// 401 without a valid session. `may_call` then applies the policy table's
/// rule of a server function, so that a route and its function agree.
pub struct SignedIn(pub SessionUser);

impl axum::extract::FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &AppState,
    ) -> Result<SignedIn, AppError> {
        let user = user_from_headers(state, &parts.headers).await?;
        user.map(SignedIn).ok_or(AppError::Unauthorized)
    }
}

impl SignedIn {
    /// The person, if the access table lets them call the server function `F`.
    pub fn may_call<F: Guarded>(self) -> Result<SessionUser, AppError> {
        let user = self.0;
        if F::ACCESS.admits(&user) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

fn cookie(state: &AppState, value: &str, max_age: Option<i64>) -> String {
    private_cookie(state, SESSION_COOKIE, value, max_age)
}

/// A cookie scripts cannot read, sent only by this site's own pages, and
/// only over HTTPS when the portal is served so (the `cookie` crate writes
/// it). Every cookie the portal sets is one of these.
pub fn private_cookie(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> String {
    let mut cookie = cookie::Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(state.config.secure_cookies());
    if let Some(seconds) = max_age {
        cookie = cookie.max_age(cookie::time::Duration::seconds(seconds));
    }
    cookie.build().to_string()
}

/// Appends a `Set-Cookie` header to the response being served.
pub(crate) fn set_cookie(header: String) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&header),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

pub fn set_session_cookie(state: &AppState, secret: &str) {
    set_cookie(cookie(state, secret, None));
}

pub fn clear_session_cookie(state: &AppState) {
    set_cookie(cookie(state, "", Some(0)));
}

/// The caller's address, for the per-address limits: the peer's, or behind
/// a trusted reverse proxy (`TRUSTED_PROXIES`) the one it forwarded.
pub fn client_address(state: &AppState) -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let peer = parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip());
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok());
            client_ip(peer, forwarded, &state.config.trusted_proxies)
        })
        .map_or_else(|| "sconosciuto".into(), |ip| ip.to_string())
}

/// The client of a request that came from `peer`: `X-Forwarded-For` is
/// believed only when the peer is a trusted proxy, and read from the right,
/// past every trusted proxy, since a client can write anything on its left.
pub fn client_ip(
    peer: Option<std::net::IpAddr>,
    forwarded: Option<&str>,
    trusted: &[ipnet::IpNet],
) -> Option<std::net::IpAddr> {
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let mut client = peer;
    for hop in forwarded.unwrap_or_default().rsplit(',') {
        match hop.trim().parse::<std::net::IpAddr>() {
            Ok(ip) if is_trusted(&ip) => client = ip,
            Ok(ip) => return Some(ip),
            Err(_) => break,
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::client_ip;

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let ip = |s: &str| Some(s.parse().unwrap());
        // A client that writes the header itself is not believed.
        assert_eq!(
            client_ip(ip("203.0.113.9"), Some("1.2.3.4"), &trusted),
            ip("203.0.113.9")
        );
        // Behind the proxy: the rightmost address the proxy did not add.
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("1.2.3.4, 198.51.100.7"), &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("198.51.100.7, 10.0.0.5"), &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(client_ip(ip("10.0.0.2"), None, &trusted), ip("10.0.0.2"));
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("garbage"), &trusted),
            ip("10.0.0.2")
        );
    }
}
