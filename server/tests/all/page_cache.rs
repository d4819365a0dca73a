//! The microcache of anonymous pages (`server::page_cache`): the same page
//! asked again within a second is served from memory, with the nonce of the
//! request it answers; a signed-in person, another language, a write and
//! the passing second each get a page rendered anew.

use crate::common::{account_with_session, text, with_state};
use app::kernel::access::domain::{AccountStatus, Role};
use app::state::AppState;
use axum::body::Body;
use axum::Router;
use http::{header, Request, Response};
use server::page_cache::CACHE_HEADER;
use tower::ServiceExt;

const PAGE: &str = "/offerte?q=magazziniere&comune=sarzana&km=15";

async fn ask(router: &Router, request: Request<Body>) -> (String, String, String) {
    let response: Response<Body> = router.clone().oneshot(request).await.unwrap();
    let header_of = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let cache = header_of(CACHE_HEADER);
    let nonce = header_of(header::CONTENT_SECURITY_POLICY.as_str())
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or("")
        .to_string();
    (cache, nonce, text(response).await)
}

fn page(cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(PAGE);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

async fn an_anonymous_page_is_rendered_once_a_second(state: AppState) {
    let router = server::build_router(state.clone());
    let (cache, first_nonce, first) = ask(&router, page(None)).await;
    assert_eq!(cache, "miss");
    assert!(first.contains(&format!("nonce=\"{first_nonce}\"")));
    let (cache, nonce, again) = ask(&router, page(None)).await;
    assert_eq!(cache, "hit");
    // The same page, with its own nonce in the header and on every script.
    assert_ne!(nonce, first_nonce);
    assert_eq!(again, first.replace(&first_nonce, &nonce));
    assert!(!again.contains(&first_nonce));

    // Another language (the `lingua` cookie) is another page.
    let (cache, _, english) = ask(&router, page(Some("lingua=en"))).await;
    assert_eq!(cache, "miss");
    assert!(english.contains("lang=\"en\""), "{}", &english[..200]);
    // A signed-in person's pages are never kept.
    let secret = account_with_session(
        &state,
        Role::Cittadino,
        AccountStatus::Attivo,
        "anna@esempio.it",
    )
    .await;
    let session = format!("sessione={secret}");
    for _ in 0..2 {
        let (cache, _, _) = ask(&router, page(Some(&session))).await;
        assert_eq!(cache, "");
    }
    // A request that may write empties the cache, even a refused one.
    let write = Request::post("/api/log_out").body(Body::empty()).unwrap();
    router.clone().oneshot(write).await.unwrap();
    assert_eq!(ask(&router, page(None)).await.0, "miss");
    assert_eq!(ask(&router, page(None)).await.0, "hit");
    // And a second later the page is rendered again.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(ask(&router, page(None)).await.0, "miss");
}

on_both_engines!(with_state => an_anonymous_page_is_rendered_once_a_second);
