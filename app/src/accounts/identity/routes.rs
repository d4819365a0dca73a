//! The browser's trip through a provider: `GET /accesso/oidc/{provider}`
//! sends it there, `GET /accesso/oidc/ritorno` takes it back. Plain links and
//! redirects, so they work without JavaScript. Every failure lands on
//! `/accesso/errore?motivo=…`, a page in the person's language, and creates
//! nothing.

use super::service::{self, Answer, Returned, RETURN_PATH};
use crate::accounts::domain::SignInFailure;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// The browser's half of a trip (its `state` is only good with it).
const TRIP_COOKIE: &str = "accesso_oidc";
/// A first sign-in waiting for consent on `/accesso/identita`.
pub const PENDING_COOKIE: &str = "identita_in_attesa";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(RETURN_PATH, get(come_back))
        .route("/accesso/oidc/{provider}", get(go))
}

fn see_other(location: &str, cookies: &[String]) -> Response {
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    (StatusCode::SEE_OTHER, headers).into_response()
}

fn failed(failure: SignInFailure, cookies: &[String]) -> Response {
    see_other(
        &format!("/accesso/errore?motivo={}", failure.code()),
        cookies,
    )
}

async fn go(State(state): State<AppState>, Path(provider): Path<String>) -> Response {
    match service::start(&state, &provider).await {
        Ok((url, browser)) => {
            let cookie = crate::kernel::access::auth::private_cookie(
                &state,
                TRIP_COOKIE,
                &browser,
                Some(super::repo::SIGN_IN_WITHIN),
            );
            see_other(&url, &[cookie])
        }
        Err(failure) => failed(failure, &[]),
    }
}

#[derive(serde::Deserialize)]
struct Returning {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn come_back(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<Returning>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let spent = crate::kernel::access::auth::private_cookie(&state, TRIP_COOKIE, "", Some(0));
    let Ok(Query(returning)) = query else {
        return failed(SignInFailure::StateInvalid, &[spent]);
    };
    let Some(trip_state) = returning.state.filter(|s| !s.is_empty() && s.len() <= 512) else {
        return failed(SignInFailure::StateInvalid, &[spent]);
    };
    let browser = crate::kernel::cookies::cookie_in(&headers, TRIP_COOKIE);
    let answer = Answer {
        code: returning.code.filter(|c| !c.is_empty() && c.len() <= 2048),
        error: returning.error,
        state: trip_state,
    };
    match service::finish(&state, answer, browser).await {
        Ok(Returned::SignedIn { session }) => {
            // A session id fixed before the sign-in is never reused.
            if let Some(old) = crate::kernel::cookies::cookie_in(
                &headers,
                crate::kernel::access::auth::SESSION_COOKIE,
            ) {
                let _ = crate::kernel::access::sessions::delete_session(&state.db, &old).await;
            }
            let cookie = crate::kernel::access::auth::private_cookie(
                &state,
                crate::kernel::access::auth::SESSION_COOKIE,
                &session,
                None,
            );
            see_other("/area", &[spent, cookie])
        }
        Ok(Returned::FirstTime { pending }) => {
            let cookie = crate::kernel::access::auth::private_cookie(
                &state,
                PENDING_COOKIE,
                &pending,
                Some(super::repo::PENDING_FOR),
            );
            see_other("/accesso/identita", &[spent, cookie])
        }
        Err(failure) => failed(failure, &[spent]),
    }
}
