//! The server as a browser meets it: pages, statuses, headers, server
//! functions and the language cookie, on SQLite and on PostgreSQL.

use crate::common::{text, with_state};
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, Response, StatusCode};
use tower::ServiceExt;

async fn send(state: &AppState, request: Request<Body>) -> Response<Body> {
    server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap()
}

async fn get(state: &AppState, uri: &str) -> Response<Body> {
    send(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn header_of(response: &Response<Body>, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn health_answers_while_the_database_does(state: AppState) {
    let response = get(&state, "/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, "ok");
    state.db.close().await;
    assert_eq!(
        get(&state, "/healthz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}

async fn the_home_page_is_italian_and_secured(state: AppState) {
    // Italian first, whatever the browser asks for.
    let request = Request::get("/")
        .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
        .body(Body::empty())
        .unwrap();
    let response = send(&state, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, header::X_CONTENT_TYPE_OPTIONS),
        "nosniff"
    );
    assert_eq!(
        header_of(&response, header::REFERRER_POLICY),
        "strict-origin-when-cross-origin"
    );
    assert_eq!(header_of(&response, header::CACHE_CONTROL), "no-cache");
    let csp = header_of(&response, header::CONTENT_SECURITY_POLICY).to_string();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce")
        .to_string();

    let html = text(response).await;
    assert!(html.contains(r#"<html lang="it""#));
    assert!(html.contains("Lavoro, formazione e orientamento nella provincia della Spezia"));
    assert!(
        html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)),
        "the hydration script carries the header's nonce"
    );
    // Every inline script that has something to run carries the nonce (an
    // empty placeholder `<script></script>` runs nothing and needs none).
    for script in html.split("<script").skip(1) {
        let (attributes, rest) = script.split_once('>').unwrap();
        let body = rest.split("</script>").next().unwrap_or("");
        if !body.trim().is_empty() {
            assert!(
                attributes.contains(&format!(r#"nonce="{nonce}""#)),
                "script without the nonce: <script{attributes}>"
            );
        }
    }
    // The map: 32 comuni, each a link.
    assert_eq!(html.matches("data-comune=").count(), 32);
}

async fn comune_pages_and_missing_pages(state: AppState) {
    let response = get(&state, "/comuni/sarzana").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = text(response).await;
    assert!(html.contains("<title>Sarzana — InfoLavoro</title>"));
    assert!(html.contains("Cristina Ponzanelli"));

    assert_eq!(
        get(&state, "/comuni/atlantide").await.status(),
        StatusCode::NOT_FOUND
    );
    let missing = get(&state, "/pagina-inesistente").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(text(missing).await.contains("Pagina non trovata"));
}

async fn the_network_page_filters_by_url(state: AppState) {
    let html = text(get(&state, "/rete?categoria=sindacato").await).await;
    assert!(html.contains("4 enti mostrati su 38"));
    assert!(html.contains(r#"data-categoria="sindacato""#) && html.contains(">CGIL<"));
    assert!(
        !html.contains(r#"data-categoria="agenzia_lavoro""#),
        "other categories are not shown"
    );
    let all = text(get(&state, "/rete?categoria=qualcosa").await).await;
    assert!(
        all.contains("38 enti mostrati su 38"),
        "an unknown category shows everything"
    );
}

async fn server_functions_answer_json_and_hide_internals(state: AppState) {
    let request = Request::post("/api/list_comuni")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let response = send(&state, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let comuni: serde_json::Value = serde_json::from_str(&text(response).await).unwrap();
    assert_eq!(comuni.as_array().map(Vec::len), Some(32));

    let request = Request::post("/api/get_comune")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("slug=..%2F..%2Fetc%2Fpasswd"))
        .unwrap();
    let response = send(&state, request).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(text(response).await, "\"NotFound\"");
}

async fn the_language_choice_is_a_cookie(state: AppState) {
    // A browser following the link asks for HTML, and is redirected back.
    let browser_get = |uri: &str| {
        Request::get(uri)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap()
    };
    let response = send(
        &state,
        browser_get("/api/set_language?lang=en&back=/rete%3Fcategoria%3Dsindacato"),
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(
        header_of(&response, header::LOCATION),
        "/rete?categoria=sindacato"
    );
    let cookie = header_of(&response, header::SET_COOKIE).to_string();
    assert!(
        cookie.starts_with("lingua=en;")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let request = Request::get("/rete")
        .header(header::COOKIE, "lingua=en")
        .body(Body::empty())
        .unwrap();
    let html = text(send(&state, request).await).await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("The Work Network"));

    let away = send(
        &state,
        browser_get("/api/set_language?lang=en&back=%2F%2Fevil.example%2F"),
    )
    .await;
    assert_eq!(
        header_of(&away, header::LOCATION),
        "/",
        "never redirects off the site"
    );
    let bad = send(&state, browser_get("/api/set_language?lang=fr&back=/")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!header_of(&bad, header::SET_COOKIE).contains("lingua"));

    // Served over HTTPS, the language cookie (like every other) goes over HTTPS only.
    let mut config = (*state.config).clone();
    config.public_url = "https://lavoro.comune.sp.it".into();
    let https = AppState {
        config: std::sync::Arc::new(config),
        ..state.clone()
    };
    let secure = send(&https, browser_get("/api/set_language?lang=en&back=/")).await;
    let cookie = header_of(&secure, header::SET_COOKIE).to_string();
    assert!(
        cookie.starts_with("lingua=en;") && cookie.contains("Secure"),
        "{cookie}"
    );
}

async fn responses_are_compressed(state: AppState) {
    let request = Request::get("/rete")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let response = send(&state, request).await;
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "br");
}

/// A log writer that keeps what it is given.
#[derive(Clone, Default)]
struct Kept(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Kept {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn every_answer_has_its_id_and_so_do_its_log_lines(state: AppState) {
    let kept = Kept::default();
    let writer = kept.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);
    let forged = Request::get("/rete?q=segreto")
        .header("x-request-id", "forged-by-the-client")
        .body(Body::empty())
        .unwrap();
    let network = send(&state, forged).await;
    let health = get(&state, "/healthz").await;
    let id = header_of(&network, server::request_id::HEADER).to_string();
    assert_eq!(id.len(), 10, "{id}");
    assert_ne!(id, header_of(&health, server::request_id::HEADER));
    let logged = String::from_utf8(kept.0.lock().unwrap().clone()).unwrap();
    let of_network: Vec<&str> = logged
        .lines()
        .filter(|l| l.contains(&format!("id={id}")))
        .collect();
    assert!(!of_network.is_empty(), "{logged}");
    assert!(
        of_network
            .iter()
            .all(|l| l.contains("method=GET") && l.contains("path=/rete")),
        "{of_network:?}"
    );
    assert!(
        !logged.contains("forged") && !logged.contains("segreto"),
        "{logged}"
    );
}

/// With the database gone, a page and a plain route fail; the sentence the
/// person reads quotes the id the answer and the logs carry.
async fn an_error_names_its_request_for_the_desk(state: AppState) {
    state.db.close().await;
    for path in ["/offerte/1", "/calendario/personale/abc.ics"] {
        let answer = get(&state, path).await;
        assert_eq!(answer.status(), StatusCode::INTERNAL_SERVER_ERROR, "{path}");
        let id = header_of(&answer, server::request_id::HEADER).to_string();
        let body = text(answer).await;
        assert!(
            body.contains(&format!("Codice della richiesta: {id}.")),
            "{path}: {body}"
        );
    }
}

/// The built assets come from memory, precompressed as the browser takes
/// them, with their cache rule and `ETag`, and without a page's CSP.
async fn assets_are_served_from_memory_as_the_browser_takes_them(state: AppState) {
    let site = std::env::temp_dir().join(crate::common::unique_name());
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let css = "body { color: #1a1a1a }\n".repeat(40);
    std::fs::write(site.join("pkg/infolavoro.abc123.css"), &css).unwrap();
    std::fs::write(site.join("pkg/infolavoro.abc123.css.br"), b"brotli copy").unwrap();
    std::fs::write(site.join("pkg/infolavoro.abc123.css.gz"), b"gzip copy").unwrap();
    let mut state = state;
    state.leptos_options.site_root = site.display().to_string().into();
    let asset = |encoding: &'static str| {
        Request::get("/pkg/infolavoro.abc123.css")
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .unwrap()
    };

    let brotli = send(&state, asset("gzip, deflate, br, zstd")).await;
    assert_eq!(brotli.status(), StatusCode::OK);
    assert_eq!(header_of(&brotli, header::CONTENT_ENCODING), "br");
    assert_eq!(
        header_of(&brotli, header::CONTENT_TYPE),
        "text/css; charset=utf-8"
    );
    assert_eq!(
        header_of(&brotli, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert!(brotli
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .is_none());
    let etag = header_of(&brotli, header::ETAG).to_string();
    assert_eq!(text(brotli).await, "brotli copy");

    assert_eq!(text(send(&state, asset("gzip")).await).await, "gzip copy");
    let plain = send(&state, asset("identity")).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(text(plain).await, css);

    let again = Request::get("/pkg/infolavoro.abc123.css")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&state, again).await.status(), StatusCode::NOT_MODIFIED);
    let head = Request::head("/pkg/infolavoro.abc123.css")
        .body(Body::empty())
        .unwrap();
    let head = send(&state, head).await;
    assert_eq!(
        header_of(&head, header::CONTENT_LENGTH),
        css.len().to_string()
    );
    assert!(text(head).await.is_empty());
    // Only the files' own addresses: a path around them is not one.
    for other in ["/pkg/../pkg/infolavoro.abc123.css", "/pkg/"] {
        assert_ne!(get(&state, other).await.status(), StatusCode::OK, "{other}");
    }
    let _ = std::fs::remove_dir_all(&site);
}

on_both_engines!(with_state =>
    assets_are_served_from_memory_as_the_browser_takes_them,
    every_answer_has_its_id_and_so_do_its_log_lines,
    an_error_names_its_request_for_the_desk,
    health_answers_while_the_database_does,
    the_home_page_is_italian_and_secured,
    comune_pages_and_missing_pages,
    the_network_page_filters_by_url,
    server_functions_answer_json_and_hide_internals,
    the_language_choice_is_a_cookie,
    responses_are_compressed,
);
