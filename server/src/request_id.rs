//! Each request's id: made here for every request (an id a client sends is
//! replaced, so that none can be forged into our logs), carried by every log
//! line the request causes (the trace span's `method`, `path` and `id`), and
//! sent back in `X-Request-Id`, so a person can quote it to the desk and
//! the desk can find the lines.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderName, HeaderValue};
use rand::Rng;

pub const HEADER: HeaderName = HeaderName::from_static(app::kernel::request_id::HEADER);

/// Crockford's base32 without the letters read as digits: easy to read
/// aloud over the phone.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 50 bits: unique enough among the requests of years, short to dictate.
const LENGTH: usize = 10;

pub fn new_id() -> String {
    let mut rng = rand::rng();
    (0..LENGTH)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

pub async fn assign(mut request: Request, next: Next) -> Response {
    let text = new_id();
    let id = HeaderValue::from_str(&text).expect("the alphabet is ASCII");
    request.headers_mut().insert(HEADER, id.clone());
    let mut response = app::kernel::request_id::REQUEST_ID
        .scope(text, next.run(request))
        .await;
    response.headers_mut().insert(HEADER, id);
    response
}

/// The span every log line of a request is written in. The path, not the
/// query: queries carry what people search for and tokens.
pub fn span_of(request: &http::Request<Body>) -> tracing::Span {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        id = %id
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_readable_and_differ() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.len() == LENGTH
            && id.bytes().all(|b| ALPHABET.contains(&b))
            && !id.contains(['I', 'L', 'O', 'U'])));
    }
}
