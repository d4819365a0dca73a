//! A microcache for the pages anonymous visitors read: the same page asked
//! again within a second, by someone not signed in, is served from memory
//! instead of being rendered again (a search shared on social media, a
//! crawler, the home page at nine in the morning).
//!
//! What is never kept: anything asked by a signed-in person or with a
//! refused form's cookie, the personal pages (`headers::cache_control_for`),
//! answers other than a 200 HTML page, answers that set a cookie. A page is
//! stale once `kernel::freshness` has grown: at every request that may write
//! (anything but GET and HEAD), so what a person changes through this
//! process shows at once, and whenever a search index's sync takes in a
//! change made elsewhere (another server on PostgreSQL, a worker, a
//! statement). Anything else another process changes shows within a second.
//!
//! Each page carries its request's CSP nonce: a kept page gets the nonce of
//! the request it answers, so no two answers share one.

use app::kernel::access::auth::SESSION_COOKIE;
use app::kernel::cookies::cookie_in;
use app::kernel::freshness;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use http_body::{Frame, SizeHint};
use leptos::nonce::Nonce;
use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// How long a page is kept.
const KEPT_FOR: Duration = Duration::from_secs(1);
/// The largest page kept; larger ones are served as they render.
const LARGEST_PAGE: usize = 512 * 1024;
/// All the pages kept at once, in bytes.
const ALL_PAGES: usize = 32 * 1024 * 1024;
/// Says whether an answer came from the cache (`hit`) or was rendered (`miss`).
pub const CACHE_HEADER: &str = "x-cache";

struct Kept {
    at: Instant,
    generation: u64,
    nonce: String,
    headers: HeaderMap,
    page: Arc<str>,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Kept>>,
}

impl PageCache {
    fn fresh(&self, key: &str) -> Option<Kept> {
        let pages = self.pages.lock().ok()?;
        let kept = pages.get(key)?;
        let fresh = kept.at.elapsed() < KEPT_FOR && kept.generation == freshness::generation();
        fresh.then(|| Kept {
            at: kept.at,
            generation: kept.generation,
            nonce: kept.nonce.clone(),
            headers: kept.headers.clone(),
            page: kept.page.clone(),
        })
    }

    fn keep(&self, key: String, kept: Kept) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        let total: usize = pages.values().map(|k| k.page.len()).sum::<usize>() + kept.page.len();
        if total > ALL_PAGES {
            pages.retain(|_, k| k.at.elapsed() < KEPT_FOR);
        }
        if pages.values().map(|k| k.page.len()).sum::<usize>() + kept.page.len() <= ALL_PAGES {
            pages.insert(key, kept);
        }
    }
}

/// The key of a request whose answer may be kept: the address, the
/// languages the browser asks for, and its cookies (the language choice).
fn key_of(request: &Request) -> Option<String> {
    let headers = request.headers();
    let anonymous = cookie_in(headers, SESSION_COOKIE).is_none()
        && cookie_in(headers, app::kernel::refused_form::COOKIE).is_none();
    let public = crate::headers::cache_control_for(request.uri().path(), false) == "no-cache";
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or("")
    };
    (request.method() == Method::GET && anonymous && public).then(|| {
        format!(
            "{}\n{}\n{}",
            request.uri(),
            text(header::ACCEPT_LANGUAGE),
            text(header::COOKIE)
        )
    })
}

fn is_page(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
}

pub async fn serve(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let nonce = request.extensions().get::<Nonce>().map(|n| n.to_string());
    let (Some(key), Some(nonce)) = (key_of(&request), nonce) else {
        let response = next.run(request).await;
        if writes {
            freshness::changed();
        }
        return response;
    };
    if let Some(kept) = cache.fresh(&key) {
        let mut response = Response::new(Body::from(kept.page.replace(&kept.nonce, &nonce)));
        *response.headers_mut() = kept.headers;
        response.headers_mut().remove(header::CONTENT_LENGTH);
        response
            .headers_mut()
            .insert(CACHE_HEADER, HeaderValue::from_static("hit"));
        return response;
    }
    let generation = freshness::generation();
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(CACHE_HEADER, HeaderValue::from_static("miss"));
    if !is_page(&response) {
        return response;
    }
    let headers = response.headers().clone();
    // The page goes out as it renders; what passed is kept once it ends.
    let keep = Box::new(move |page: Vec<u8>| {
        if let Ok(page) = String::from_utf8(page) {
            let kept = Kept {
                at: Instant::now(),
                generation,
                nonce,
                headers,
                page: page.into(),
            };
            cache.keep(key, kept);
        }
    });
    response.map(|body| {
        Body::new(Tee {
            body,
            passed: Vec::new(),
            keep: Some(keep),
        })
    })
}

/// A body passed on as it comes, its bytes kept (up to `LARGEST_PAGE`) and
/// handed to `keep` when it ends.
struct Tee {
    body: Body,
    passed: Vec<u8>,
    keep: Option<Box<dyn FnOnce(Vec<u8>) + Send>>,
}

impl http_body::Body for Tee {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        let polled = Pin::new(&mut this.body).poll_frame(cx);
        match &polled {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    if this.passed.len() + data.len() > LARGEST_PAGE {
                        this.keep = None;
                    } else if this.keep.is_some() {
                        this.passed.extend_from_slice(data);
                    }
                }
            }
            Poll::Ready(None) => {
                if let Some(keep) = this.keep.take() {
                    keep(std::mem::take(&mut this.passed));
                }
            }
            // An error: the page is not whole, keep nothing.
            Poll::Ready(Some(Err(_))) => this.keep = None,
            Poll::Pending => {}
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
