//! A form posted without JavaScript (a plain HTML post asking for HTML): a
//! refusal goes back to the form's page with the message on its field and
//! what was typed, never the password; a success goes where it goes with
//! JavaScript. The browser walk is end2end/tests/no-js.spec.ts.

use crate::common::{form, text, with_state, Engine};
use app::kernel::refused_form::COOKIE;
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, Response, StatusCode};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:3000";

async fn post_from_page(
    state: &AppState,
    page: &str,
    function: &str,
    body: &str,
) -> Response<Body> {
    let request = Request::post(function)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, format!("{ORIGIN}{page}"))
        .body(Body::from(body.to_string()))
        .unwrap();
    server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap()
}

fn header_values(response: &Response<Body>, name: header::HeaderName) -> Vec<String> {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok().map(String::from))
        .collect()
}

fn location(response: &Response<Body>) -> String {
    header_values(response, header::LOCATION)
        .pop()
        .unwrap_or_default()
}

/// The echo cookie a response sets, as `name=value`.
fn echo_cookie(response: &Response<Body>) -> Option<String> {
    header_values(response, header::SET_COOKIE)
        .into_iter()
        .find(|c| c.starts_with(&format!("{COOKIE}=")))
        .and_then(|c| c.split(';').next().map(String::from))
}

/// The page a redirect names, opened with the cookie the redirect set.
async fn follow(state: &AppState, refused: &Response<Body>) -> (Vec<String>, String) {
    let path = location(refused).trim_start_matches(ORIGIN).to_string();
    let mut request = Request::get(path);
    if let Some(cookie) = echo_cookie(refused) {
        request = request.header(header::COOKIE, cookie);
    }
    let response = server::build_router(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    (
        header_values(&response, header::SET_COOKIE),
        text(response).await,
    )
}

/// The opening tag of the element with `id`.
fn tag_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// The text of the element with `id` (a message paragraph).
fn text_of<'a>(html: &'a str, id: &str) -> &'a str {
    let tag = tag_with_id(html, id);
    let start = html.find(tag).unwrap() + tag.len();
    html[start..].split('<').next().unwrap_or_default()
}

async fn a_refused_registration_comes_back_filled_in(state: AppState) {
    let body = form(&[
        ("role", "impresa"),
        ("display_name", "Paolo Neri"),
        ("organisation", "Cantiere Navale Muggiano"),
        ("email", "paolo@esempio"),
        ("password", "corta"),
        ("privacy", "on"),
    ]);
    let refused = post_from_page(&state, "/registrazione", "/api/register_account", &body).await;
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let back = location(&refused);
    assert!(
        back.starts_with(&format!("{ORIGIN}/registrazione?")),
        "{back}"
    );
    assert!(back.contains("__err="), "{back}");
    let cookie = echo_cookie(&refused).expect("the fields are kept for the form");
    assert!(!cookie.contains("corta"), "never the password: {cookie}");

    let (set_cookies, html) = follow(&state, &refused).await;
    let email = tag_with_id(&html, "campo-email");
    assert!(email.contains("value=\"paolo@esempio\""), "{email}");
    assert!(email.contains("aria-invalid=\"true\""), "{email}");
    assert!(
        !text_of(&html, "campo-email-errore").trim().is_empty(),
        "the message is on the field"
    );
    assert!(tag_with_id(&html, "campo-display_name").contains("value=\"Paolo Neri\""));
    assert!(tag_with_id(&html, "campo-organisation").contains("value=\"Cantiere Navale Muggiano\""));
    assert!(
        !tag_with_id(&html, "campo-password").contains("value="),
        "the password is typed again"
    );
    assert!(
        html.contains("value=\"impresa\" checked"),
        "the role chosen stays chosen"
    );
    assert!(
        set_cookies
            .iter()
            .any(|c| c.starts_with(&format!("{COOKIE}=;")) && c.contains("Max-Age=0")),
        "shown once, then forgotten: {set_cookies:?}"
    );

    // Refused again from the refused page: one error in the address, the new one.
    let page = back.trim_start_matches(ORIGIN);
    // As a browser sends it: every field, the password left empty.
    let body = form(&[
        ("role", "cittadino"),
        ("display_name", "Paolo Neri"),
        ("organisation", ""),
        ("email", "paolo@esempio.it"),
        ("password", ""),
    ]);
    let again = post_from_page(&state, page, "/api/register_account", &body).await;
    assert_eq!(
        location(&again).matches("__err=").count(),
        1,
        "{}",
        location(&again)
    );
    let (_, html) = follow(&state, &again).await;
    assert!(
        text_of(&html, "campo-email-errore").trim().is_empty(),
        "the email is right now"
    );
    assert!(!text_of(&html, "campo-password-errore").trim().is_empty());
}

async fn a_refusal_before_the_function_runs_comes_back_too(state: AppState) {
    // A control character is refused by a middleware, before the function.
    let body = form(&[
        ("display_name", "Paolo\u{7}Neri"),
        ("email", "paolo@esempio.it"),
    ]);
    let refused = post_from_page(&state, "/registrazione", "/api/register_account", &body).await;
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let (_, html) = follow(&state, &refused).await;
    assert!(
        !text_of(&html, "campo-display_name-errore")
            .trim()
            .is_empty(),
        "named on its field"
    );
    assert!(tag_with_id(&html, "campo-email").contains("value=\"paolo@esempio.it\""));
}

async fn a_good_registration_lands_where_it_does_with_javascript(state: AppState) {
    let body = form(&[
        ("role", "cittadino"),
        ("display_name", "Paolo Neri"),
        ("email", "paolo.neri@esempio.it"),
        ("password", "gabbiani sul molo di lerici"),
        ("privacy", "on"),
    ]);
    let done = post_from_page(&state, "/registrazione", "/api/register_account", &body).await;
    assert!(done.status().is_redirection(), "{}", done.status());
    assert_eq!(location(&done), "/accesso?registrato=1");
    assert_eq!(echo_cookie(&done), None);
}

#[tokio::test]
async fn refused_registration() {
    with_state(Engine::Sqlite, a_refused_registration_comes_back_filled_in).await;
}

#[tokio::test]
async fn refused_before_running() {
    with_state(
        Engine::Sqlite,
        a_refusal_before_the_function_runs_comes_back_too,
    )
    .await;
}

#[tokio::test]
async fn good_registration() {
    with_state(
        Engine::Sqlite,
        a_good_registration_lands_where_it_does_with_javascript,
    )
    .await;
}
