//! Headers every response carries: security headers with a per-request
//! Content-Security-Policy nonce on pages, and cache headers by asset kind.

use app::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{self, HeaderName, HeaderValue};
use http::request::Parts;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// The policy for a page whose inline scripts (Leptos's hydration bootstrap
/// and serialised resources) carry `nonce`. `'wasm-unsafe-eval'` lets the
/// browser compile the wasm; no inline script runs without the nonce.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Gives each request its own nonce, before Leptos renders anything, and puts
/// it in the CSP of the page that comes back.
///
/// The header is written here, after rendering, rather than through Leptos's
/// `ResponseOptions`: with lazy routes and async rendering the response options
/// a page sets can be lost on the way out (seen as a CSP without the nonce, so
/// the browser blocked the hydration scripts of a page now and then).
pub async fn assign_nonce(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_page {
        if let Ok(value) = HeaderValue::from_str(&content_security_policy(Some(&nonce))) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// Called while Leptos renders a page: the request's nonce goes on Leptos's
/// inline scripts. (leptos_axum also makes a nonce of its own; rendering can
/// set up its context more than once, so the one kept in the request is the
/// single source of truth, and `assign_nonce` puts it in the header.)
pub fn csp_for_rendered_page() {
    if let Some(nonce) =
        use_context::<Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned())
    {
        provide_context(nonce);
    }
}

/// Adds the security headers; a response without a CSP of its own (static
/// files, server functions, errors) gets the policy without a nonce. Over
/// HTTPS (`PUBLIC_URL`), browsers are told to use nothing else for a year.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if state.config.public_url.starts_with("https://") {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let fixed: [(HeaderName, &str); 6] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(value) = HeaderValue::from_str(&content_security_policy(None)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// Pages that show a person's own data, whoever asks for them.
const PERSONAL_PAGES: &[&str] = &[
    "/area",
    "/cv",
    "/staff",
    "/imprese",
    "/pubblica",
    "/organizza",
    "/invito",
    "/reimposta-password",
    "/verifica-email",
    "/api/",
    "/calendario/personale/",
];

/// How long a browser (or a cache on the way) may keep what this path
/// serves. Anything answered to a signed-in person, and the pages and
/// answers that carry personal data, are kept by nobody.
pub fn cache_control_for(path: &str, signed_in: bool) -> &'static str {
    if path.starts_with("/pkg/") {
        // cargo-leptos puts a content hash in these names (`hash-files`): a new
        // build has new names, so the old ones can be kept for good.
        "public, max-age=31536000, immutable"
    } else if path.starts_with("/fonts/") {
        "public, max-age=2592000"
    } else if path == "/favicon.svg" || path == "/favicon.ico" {
        "public, max-age=86400"
    } else if signed_in || PERSONAL_PAGES.iter().any(|p| path.starts_with(p)) {
        "private, no-store"
    } else {
        // Pages and server functions change with the data: always ask again.
        "no-cache"
    }
}

pub async fn cache_headers(request: Request, next: Next) -> Response {
    let signed_in = app::kernel::cookies::cookie_in(
        request.headers(),
        app::kernel::access::auth::SESSION_COOKIE,
    )
    .is_some();
    let policy = cache_control_for(request.uri().path(), signed_in);
    let mut response = next.run(request).await;
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_forbids_framing_and_foreign_scripts() {
        let csp = content_security_policy(Some("abc"));
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn hashed_assets_are_cached_for_a_year_and_pages_are_not() {
        assert!(cache_control_for("/pkg/infolavoro.3f2a.wasm", true).contains("immutable"));
        assert_eq!(cache_control_for("/rete", false), "no-cache");
    }

    #[test]
    fn personal_answers_are_kept_by_nobody() {
        assert_eq!(cache_control_for("/rete", true), "private, no-store");
        assert_eq!(cache_control_for("/area", false), "private, no-store");
        assert_eq!(
            cache_control_for("/api/get_my_account", false),
            "private, no-store"
        );
    }
}
