//! Server functions' input and error answers, for every function at once.
//!
//! The status of a server function's error answer follows the error.
//! server_fn answers every error with 500 unless the function set another
//! status; a function that forgot (or an error raised before it ran, while
//! its arguments were decoded) would tell clients and monitoring that the
//! server broke when the caller sent something wrong. Here the `AppError`
//! in the body decides: 400, 401, 403, 404, 409, 413 or 422, and 500 only
//! for `Internal`.

use app::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;

/// Error bodies are a short JSON value; anything longer is not one of ours.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn status_from_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response
            .headers()
            .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let error = serde_json::from_slice::<AppError>(&bytes).ok();
    if let Some(error) = &error {
        parts.status = error.status();
    }
    let mut response = Response::from_parts(parts, Body::from(bytes));
    if error == Some(AppError::Busy) {
        crate::overload::with_retry_after(&mut response);
    }
    response
}

/// The largest body a server function takes (axum's default limit, which
/// server_fn reads through): a larger one is answered 413 here, before
/// anything decodes it.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// Refuses, on its field, any server function argument that holds a
/// control character other than a line break or a tab: PostgreSQL cannot
/// store a NUL, terminals and exports misread the rest, and no keyboard
/// types them. Form bodies, query strings and JSON bodies are read; uploads
/// (multipart, the CV's plain routes) are not server functions' and pass.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let field = request.uri().query().and_then(form_field_with_control);
    if let Some(field) = field {
        return answer(control_character(&field));
    }
    let content_type = request
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let json = content_type.starts_with("application/json");
    if !json && !content_type.starts_with("application/x-www-form-urlencoded") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return answer(AppError::TooLarge);
    };
    let field = if json {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|value| json_field_with_control(&value, ""))
    } else {
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(form_field_with_control)
    };
    match field {
        Some(field) => answer(control_character(&field)),
        None => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    }
}

fn control_character(field: &str) -> AppError {
    app::kernel::fields::control_characters(field)
}

/// An error as server functions answer it: its JSON, its status, and the
/// header server_fn's client reads.
pub(crate) fn answer(error: AppError) -> Response {
    let mut response = Response::new(Body::from(serde_json::to_vec(&error).unwrap_or_default()));
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    headers.insert(
        leptos::server_fn::error::SERVER_FN_ERROR_HEADER,
        http::HeaderValue::from_static("/api"),
    );
    response
}

fn form_field_with_control(form: &str) -> Option<String> {
    form_urlencoded::parse(form.as_bytes())
        .find(|(key, value)| {
            app::kernel::text::has_control_characters(key)
                || app::kernel::text::has_control_characters(value)
        })
        .map(|(key, _)| key.into_owned())
}

fn json_field_with_control(value: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            app::kernel::text::has_control_characters(text).then(|| path.to_string())
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| json_field_with_control(item, &format!("{path}.{i}"))),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            json_field_with_control(item, &path)
        }),
        _ => None,
    }
}
