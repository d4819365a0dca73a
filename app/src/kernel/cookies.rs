//! Reading the cookies of the request being served (server side; in the
//! browser there is no request in context and every lookup is `None`).

use leptos::prelude::use_context;

pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_in(&parts.headers, name)
}

/// A cookie of a request's headers (for plain axum handlers).
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}
