//! Forms posted without JavaScript, refused: back to the form with the
//! message and what was typed (`app::kernel::refused_form` shows them).
//!
//! A plain HTML form posts to a server function with `Accept: text/html`.
//! server_fn then redirects back to the form's page, with the error in the
//! address when the function refused it. This middleware
//! - keeps the submitted fields (never a password) in a short cookie when
//!   the answer is such a refusal, so the page can fill the form again;
//! - turns a refusal answered before the function ran (a control character,
//!   a body too large) into the same redirect, rather than a JSON page;
//! - drops an earlier error from the address the form is sent back to, so a
//!   second refusal does not show the first one's message;
//! - clears the cookie once a page has been rendered with it.

use app::kernel::access::auth::private_cookie;
use app::kernel::refused_form::{cookie_value, COOKIE, COOKIE_SECONDS};
use app::state::AppState;
use app::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderValue, Method, StatusCode};
use leptos::server_fn::error::{ServerFnUrlError, SERVER_FN_ERROR_HEADER};

pub async fn echo_refused_forms(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if is_plain_form_post(&request) {
        return post_form(&state, request, next).await;
    }
    let clears = request.method() == Method::GET
        && app::kernel::cookies::cookie_in(request.headers(), COOKIE).is_some();
    let mut response = next.run(request).await;
    if clears && is_html(&response) {
        set_cookie(&mut response, private_cookie(&state, COOKIE, "", Some(0)));
    }
    response
}

async fn post_form(state: &AppState, request: Request, next: Next) -> Response {
    let function = request.uri().path().to_string();
    let (mut parts, body) = request.into_parts();
    let back = parts
        .headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .map(without_error_info);
    if let Some(back) = back.as_deref().and_then(|b| HeaderValue::from_str(b).ok()) {
        parts.headers.insert(header::REFERER, back);
    }
    let Ok(bytes) = to_bytes(body, crate::api_errors::MAX_BODY).await else {
        return back_to_form(state, &function, back.as_deref(), AppError::TooLarge, "");
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let mut response = match refused_before_running(response).await {
        Ok(error) => return back_to_form(state, &function, back.as_deref(), error, &text),
        Err(response) => response,
    };
    let refused = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|location| location.contains("__err="));
    if refused {
        set_echo_cookie(state, &mut response, &function, &text);
    } else {
        tidy_location(&mut response);
    }
    response
}

/// A plain HTML form's post to a server function (not the app's own fetch,
/// which asks for JSON), with a body the cookie can keep.
fn is_plain_form_post(request: &Request) -> bool {
    let header_text = |name| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && header_text(header::ACCEPT).contains("text/html")
        && header_text(header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
}

/// An error answered by a middleware in front of the function (its JSON
/// body, which server_fn's redirect never saw); any other answer as it was.
async fn refused_before_running(response: Response) -> Result<AppError, Response> {
    if response.status().is_redirection()
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, ERROR_BODY).await.unwrap_or_default();
    serde_json::from_slice::<AppError>(&bytes)
        .map_err(|_| Response::from_parts(parts, Body::from(bytes)))
}

/// An error's JSON is short; a longer body is not one.
const ERROR_BODY: usize = 64 * 1024;

fn back_to_form(
    state: &AppState,
    function: &str,
    back: Option<&str>,
    error: AppError,
    body: &str,
) -> Response {
    let base = back.unwrap_or("/");
    let location = ServerFnUrlError::new(function, error)
        .to_url(base)
        .map(|url| url.to_string())
        .unwrap_or_else(|_| base.to_string());
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    set_echo_cookie(state, &mut response, function, body);
    response
}

fn set_echo_cookie(state: &AppState, response: &mut Response, function: &str, body: &str) {
    let value = cookie_value(function, body);
    let cookie = private_cookie(state, COOKIE, &value, Some(COOKIE_SECONDS));
    set_cookie(response, cookie);
}

fn set_cookie(response: &mut Response, cookie: String) {
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"))
}

/// The address without a previous refusal's `__path` and `__err` (server_fn's
/// own `strip_error_info` leaves a bare `?` behind).
fn without_error_info(address: &str) -> String {
    let Ok(mut url) = url::Url::parse(address) else {
        return address.to_string();
    };
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| key != "__err" && key != "__path")
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.to_string()
}

/// server_fn sends a good submission back to its page through
/// `strip_error_info`, which leaves a bare `?` on an address without a query.
fn tidy_location(response: &mut Response) {
    let bare = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|location| location.strip_suffix('?'))
        .and_then(|location| HeaderValue::from_str(location).ok());
    if let Some(location) = bare {
        response.headers_mut().insert(header::LOCATION, location);
    }
}

#[cfg(test)]
mod tests {
    use super::without_error_info;

    #[test]
    fn an_earlier_refusal_leaves_the_address() {
        let page = "http://127.0.0.1:3000/offerte?q=cuoco&__path=%2Fapi%2Ff&__err=e30";
        assert_eq!(
            without_error_info(page),
            "http://127.0.0.1:3000/offerte?q=cuoco"
        );
        let page = "http://127.0.0.1:3000/registrazione?__path=%2Fapi%2Ff&__err=e30";
        assert_eq!(
            without_error_info(page),
            "http://127.0.0.1:3000/registrazione"
        );
        let page = "http://127.0.0.1:3000/corsi/4";
        assert_eq!(without_error_info(page), page);
    }
}
