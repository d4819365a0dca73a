//! What search engines and link previews read: every public page names
//! itself (title, description, Open Graph), `robots.txt` points to the
//! sitemap and keeps crawlers out of the personal areas.

use crate::common::{text, with_state};
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, StatusCode};
use tower::ServiceExt;

/// The pages anyone may open without an account (the phone layout test in
/// end2end/ walks the same list).
fn public_pages() -> Vec<String> {
    serde_json::from_str(include_str!("../../../end2end/public-pages.json")).unwrap()
}

async fn get(state: &AppState, path: &str) -> (StatusCode, String, String) {
    let response = server::build_router(state.clone())
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (response.status(), content_type, text(response).await)
}

/// The `content` of every `<meta>` whose `key` attribute (`name` or
/// `property`) is `value`.
pub(crate) fn meta_contents(html: &str, key: &str, value: &str) -> Vec<String> {
    let wanted = format!("{key}=\"{value}\"");
    html.split("<meta ")
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .filter(|tag| tag.contains(&wanted))
        .filter_map(|tag| tag.split("content=\"").nth(1))
        .filter_map(|content| content.split('"').next())
        .map(String::from)
        .collect()
}

async fn every_public_page_describes_itself(state: AppState) {
    let base = state.config.public_url.clone();
    let mut descriptions = std::collections::HashSet::new();
    for path in public_pages() {
        let path = path.as_str();
        let (status, _, html) = get(&state, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let description = meta_contents(&html, "name", "description");
        assert_eq!(
            description.len(),
            1,
            "{path}: one description, {description:?}"
        );
        let description = &description[0];
        assert!(
            (40..=170).contains(&description.chars().count()),
            "{path}: a sentence a result page shows whole: {description}"
        );
        assert!(
            descriptions.insert(description.clone()),
            "{path}: its own description, not another page's: {description}"
        );
        assert_eq!(
            &meta_contents(&html, "property", "og:description"),
            std::slice::from_ref(description),
            "{path}"
        );
        let og_title = meta_contents(&html, "property", "og:title");
        assert!(
            og_title.len() == 1 && html.contains(&format!("<title>{}", og_title[0])),
            "{path}: og:title is the page's title: {og_title:?}"
        );
        assert_eq!(
            meta_contents(&html, "property", "og:url"),
            [format!("{base}{path}")]
        );
        assert_eq!(
            meta_contents(&html, "property", "og:site_name"),
            ["InfoLavoro"],
            "{path}"
        );
        assert_eq!(
            meta_contents(&html, "property", "og:type"),
            ["website"],
            "{path}"
        );
        assert_eq!(
            meta_contents(&html, "property", "og:locale"),
            ["it_IT"],
            "{path}"
        );
        assert!(
            meta_contents(&html, "name", "robots").is_empty(),
            "{path} is indexed"
        );
    }
}

async fn robots_point_to_the_sitemap_and_away_from_personal_pages(state: AppState) {
    let (status, content_type, robots) = get(&state, "/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    let sitemap = format!("Sitemap: {}/sitemap.xml", state.config.public_url);
    assert!(robots.lines().any(|line| line == sitemap), "{robots}");
    let disallowed: Vec<&str> = robots
        .lines()
        .filter_map(|line| line.strip_prefix("Disallow: "))
        .collect();
    for private in ["/area", "/staff", "/api/", "/cv", "/pubblica"] {
        assert!(disallowed.contains(&private), "{private}: {robots}");
    }
    // No public page falls under a disallowed prefix.
    for page in public_pages() {
        assert!(
            !disallowed.iter().any(|prefix| page.starts_with(prefix)),
            "{page} is public: {robots}"
        );
    }
    let (status, _, sitemap) = get(&state, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(sitemap.contains("/comuni/sarzana</loc>"), "{sitemap}");
}

on_both_engines!(with_state =>
    every_public_page_describes_itself,
    robots_point_to_the_sitemap_and_away_from_personal_pages,
);
