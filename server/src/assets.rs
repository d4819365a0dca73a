//! The built assets (`LEPTOS_SITE_ROOT`: the wasm and its chunks, the
//! script, the stylesheet, the fonts, the favicon) served from memory.
//!
//! They are read once at start-up with the brotli and gzip copies that
//! `cargo leptos build --precompress` wrote beside them, and answered before
//! the page middleware: no file is opened per request, nothing is
//! compressed per request, and no asset carries a page's CSP. Each answer
//! has its `ETag` (a `304` for a browser that has it), the cache rule of its
//! path (`headers::cache_control_for`: a year for the hashed `/pkg/` names)
//! and `Vary: Accept-Encoding`. Written here rather than with a crate such as
//! `memory-serve`, which embeds the files at compile time: the site is built
//! after the server binary, and a deployment may point at another folder.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderValue};
use http::{Method, StatusCode};
use mime_guess::mime;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

struct Asset {
    content_type: HeaderValue,
    cache_control: &'static str,
    etag: HeaderValue,
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// Every file under the site folder, by its address (`/pkg/infolavoro.css`).
#[derive(Clone, Default)]
pub struct Assets(Arc<HashMap<String, Asset>>);

impl Assets {
    /// Reads the folder; a missing folder (tests, a server without its site)
    /// gives none, and the portal's own fallback answers those addresses.
    pub fn load(site_root: &Path) -> Assets {
        let mut files = HashMap::new();
        let mut folders = vec![site_root.to_path_buf()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                if path.is_dir() {
                    folders.push(path);
                } else if let Some((address, asset)) = read_asset(site_root, &path) {
                    files.insert(address, asset);
                }
            }
        }
        Assets(Arc::new(files))
    }
}

/// One file and its compressed copies; none for the copies themselves.
fn read_asset(site_root: &Path, path: &Path) -> Option<(String, Asset)> {
    let name = path.to_str()?;
    if name.ends_with(".br") || name.ends_with(".gz") {
        return None;
    }
    let relative = path.strip_prefix(site_root).ok()?.to_str()?;
    let address = format!("/{}", relative.replace('\\', "/"));
    let identity = Bytes::from(std::fs::read(path).ok()?);
    let copy = |suffix: &str| {
        std::fs::read(format!("{name}.{suffix}"))
            .ok()
            .map(Bytes::from)
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "manifest+json"
        );
    let content_type = if text && mime.get_param(mime::CHARSET).is_none() {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    let asset = Asset {
        content_type: HeaderValue::from_str(&content_type).ok()?,
        cache_control: crate::headers::cache_control_for(&address, false),
        etag: HeaderValue::from_str(&format!("\"{:016x}\"", fnv1a(&identity))).ok()?,
        brotli: copy("br"),
        gzip: copy("gz"),
        identity,
    };
    Some((address, asset))
}

/// A 64-bit FNV-1a of the content: an `ETag` needs to change with the
/// bytes, not to resist anyone.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether the client takes `coding` (`br`, `gzip`), reading `q=0` as no.
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

/// Answers a GET or HEAD for an asset; anything else goes on to the portal.
pub async fn serve(State(assets): State<Assets>, request: Request, next: Next) -> Response {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        return next.run(request).await;
    }
    let Some(asset) = assets.0.get(request.uri().path()) else {
        return next.run(request).await;
    };
    let headers = request.headers();
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tag| tag == asset.etag);
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (body, coding) = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepts(accept, "br") => (br.clone(), Some("br")),
        (_, Some(gz)) if accepts(accept, "gzip") => (gz.clone(), Some("gzip")),
        _ => (asset.identity.clone(), None),
    };
    let mut response = Response::builder()
        .header(header::CONTENT_TYPE, asset.content_type.clone())
        .header(header::CACHE_CONTROL, asset.cache_control)
        .header(header::ETAG, asset.etag.clone())
        .header(header::VARY, "accept-encoding")
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header("cross-origin-resource-policy", "same-origin");
    if let Some(coding) = coding {
        response = response.header(header::CONTENT_ENCODING, coding);
    }
    let response = if fresh {
        response
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
    } else {
        let length = body.len();
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(body)
        };
        response.header(header::CONTENT_LENGTH, length).body(body)
    };
    response.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codings_a_browser_takes() {
        let chrome = "gzip, deflate, br, zstd";
        assert!(accepts(chrome, "br") && accepts(chrome, "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn the_etag_follows_the_bytes() {
        assert_ne!(
            fnv1a(b"body { color: red }"),
            fnv1a(b"body { color: blue }")
        );
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
