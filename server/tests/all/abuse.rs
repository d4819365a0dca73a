//! Malformed input to every server function, from callers the policy lets
//! through: missing, repeated and mistyped fields, garbage, broken JSON,
//! control characters, huge values and bodies. Nothing answers 500; a
//! request of the wrong shape gets 400 with a message that names its field,
//! an oversized body 413; and a save of the wrong shape changes nothing.

use crate::authorization::{registered_server_functions, SAMPLES};
use crate::common::{account_with_session, with_state};
use app::access_table::POLICY;
use app::kernel::access::domain::{AccountStatus, Role};
use app::kernel::access::policy::Access;
use app::state::AppState;
use axum::body::{to_bytes, Body};
use http::{header, Method, Request, StatusCode};
use tower::ServiceExt;

/// The body kinds of the malformed corpus, built from a function's sample.
/// `long`: the length of an over-long value (an address holds less than a body).
fn corpus(sample: &str, long: usize) -> Vec<(String, &'static str)> {
    let form = "application/x-www-form-urlencoded";
    let json = "application/json";
    let mut bodies = vec![
        (String::new(), form),
        ("%%%&&==&=".to_string(), form),
        ("[1,2,3]".to_string(), json),
        ("{\"id\":".to_string(), json),
        (
            "{\"id\":\"uno\",\"revision\":[],\"document\":7}".to_string(),
            json,
        ),
        (
            String::from_utf8_lossy(&[0xFF, 0xFE, 0x00, 0x41]).into_owned(),
            form,
        ),
    ];
    if sample.starts_with('{') {
        return bodies;
    }
    let pairs: Vec<(&str, &str)> = sample
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .collect();
    let join = |pairs: &[(String, String)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    };
    let owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // The same fields twice.
    bodies.push((format!("{sample}&{sample}"), form));
    for i in 0..owned.len() {
        let mut missing = owned.clone();
        missing.remove(i);
        bodies.push((join(&missing), form));
        for bad in ["abc", "-1", "99999999999999999999999", "%00%1B", "1.5"] {
            let mut typed = owned.clone();
            typed[i].1 = bad.to_string();
            bodies.push((join(&typed), form));
        }
        let mut huge = owned.clone();
        huge[i].1 = "x".repeat(long);
        bodies.push((join(&huge), form));
    }
    bodies
}

/// A caller the policy lets through, so that the function's own parsing runs.
async fn caller_for(state: &AppState, access: Access, n: usize) -> Option<String> {
    let role = match access {
        Access::Everyone => return None,
        Access::SignedIn => Role::Cittadino,
        Access::Roles(roles) => roles[0],
    };
    let email = format!("abuso-{n}@esempio.it");
    Some(account_with_session(state, role, AccountStatus::Attivo, &email).await)
}

async fn send(
    state: &AppState,
    method: &Method,
    name: &str,
    body: String,
    content_type: &str,
    session: Option<&str>,
) -> (StatusCode, String) {
    let mut request = if *method == Method::GET {
        // As a browser would send it: what a URI cannot hold, escaped.
        let query: String = body
            .bytes()
            .map(|b| match b {
                b if b.is_ascii_alphanumeric() || b"-_.~&=%+".contains(&b) => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        Request::get(format!("/api/{name}?{query}")).body(Body::empty())
    } else {
        Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
    }
    .unwrap();
    if let Some(secret) = session {
        request.headers_mut().insert(
            header::COOKIE,
            format!("sessione={secret}").parse().unwrap(),
        );
    }
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), 4 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn malformed_input_never_answers_500(state: AppState) {
    let registered = registered_server_functions();
    let mut sent = 0;
    let mut refused = 0;
    for (n, row) in POLICY.iter().enumerate() {
        let (name, access) = (row.name(), &row.access);
        let (_, method) = registered.iter().find(|(r, _)| r == name).unwrap();
        let sample = SAMPLES.iter().find(|(s, _)| *s == name).unwrap().1;
        let long = if *method == Method::GET {
            8_000
        } else {
            100_000
        };
        for (body, content_type) in corpus(sample, long) {
            // A new caller each time: some calls end the session (log out, delete).
            let session = caller_for(&state, *access, n * 1000 + sent).await;
            let shown = body.chars().take(80).collect::<String>();
            let (status, answer) =
                send(&state, method, name, body, content_type, session.as_deref()).await;
            sent += 1;
            assert!(
                !status.is_server_error(),
                "{name} answered {status} to {shown:?}: {answer}"
            );
            if status == StatusCode::BAD_REQUEST {
                refused += 1;
                let error: app::AppError = serde_json::from_str(&answer)
                    .unwrap_or_else(|_| panic!("{name}: a 400 without an error: {answer}"));
                assert!(
                    error
                        .user_message()
                        .starts_with("La richiesta non è valida"),
                    "{name}: {answer}"
                );
            }
        }
    }
    assert!(sent > 1000, "the corpus is {sent} requests");
    assert!(
        refused > 100,
        "{refused} of {sent} were refused as malformed"
    );
}

async fn an_oversized_body_answers_413(state: AppState) {
    let session = account_with_session(
        &state,
        Role::Cittadino,
        AccountStatus::Attivo,
        "grande@esempio.it",
    )
    .await;
    let body = format!("name={}&language=it", "x".repeat(3 << 20));
    let (status, answer) = send(
        &state,
        &Method::POST,
        "create_cv",
        body,
        "application/x-www-form-urlencoded",
        Some(&session),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{answer}");
    let error: app::AppError = serde_json::from_str(&answer).unwrap();
    assert!(error.user_message().contains("troppo grande"), "{answer}");
}

async fn an_english_page_gets_the_message_in_english(state: AppState) {
    let request = Request::post("/api/log_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, "lingua=en")
        .body(Body::from("email=a%40b.it"))
        .unwrap();
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let answer = String::from_utf8(
        to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(
        answer.contains("the field “password” is missing"),
        "{answer}"
    );
    // A refused field: its message key, and its words in English.
    for (cookie, words) in [
        ("lingua=en", "Write a valid email address"),
        ("lingua=it", "Scrivi un indirizzo email valido"),
    ] {
        let request = Request::post("/api/request_password_reset")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from("email=not-an-address"))
            .unwrap();
        let response = server::build_router(state.clone())
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
        match serde_json::from_slice(&body).unwrap() {
            app::AppError::Validation {
                field,
                key,
                message,
                ..
            } => {
                assert_eq!(
                    (field.as_str(), key.as_str()),
                    ("email", "write_a_valid_email")
                );
                assert!(message.starts_with(words), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}

/// The autosave of a document of another shape, or with impossible dates
/// or control characters, is refused and the saved CV stays as it was.
async fn a_save_that_does_not_parse_changes_nothing(state: AppState) {
    use app::cv::{domain::CvLanguage, repo, sample, service};
    let anna = crate::common::person(&state, Role::Cittadino, "anna@esempio.it").await;
    let session = app::kernel::access::sessions::create_session(&state.db, anna.id)
        .await
        .unwrap();
    let id = service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let revision = repo::get(&state.db, anna.id, id)
        .await
        .unwrap()
        .unwrap()
        .revision;
    let revision = service::save(&state, &anna, id, revision, sample::complete())
        .await
        .unwrap();
    let complete = serde_json::to_value(sample::complete()).unwrap();
    let mut impossible_day = complete.clone();
    impossible_day["personal"]["birth_date"] = "2026-02-30".into();
    let mut far_future = complete.clone();
    far_future["wishes"]["available_from"] = "9999-12-31".into();
    let mut control = complete.clone();
    control["experience"][0]["role"] = "Cuoco\u{0}\u{1b}[31m".into();
    let cases = [
        (
            serde_json::json!({ "nome": "Anna" }),
            StatusCode::BAD_REQUEST,
        ),
        (serde_json::json!({}), StatusCode::BAD_REQUEST),
        (
            serde_json::json!({ "personal": 7 }),
            StatusCode::BAD_REQUEST,
        ),
        (impossible_day, StatusCode::UNPROCESSABLE_ENTITY),
        (far_future, StatusCode::UNPROCESSABLE_ENTITY),
        (control, StatusCode::UNPROCESSABLE_ENTITY),
    ];
    for (document, expected) in cases {
        let body = serde_json::json!({ "id": id, "revision": revision, "document": document });
        let (status, answer) = send(
            &state,
            &Method::POST,
            "save_cv",
            body.to_string(),
            "application/json",
            Some(&session),
        )
        .await;
        assert_eq!(status, expected, "{document}: {answer}");
        let stored = repo::get(&state.db, anna.id, id).await.unwrap().unwrap();
        assert_eq!(stored.document, sample::complete(), "nothing saved is lost");
        assert_eq!(stored.revision, revision);
    }
}

on_both_engines!(with_state =>
    a_save_that_does_not_parse_changes_nothing,
    malformed_input_never_answers_500,
);

/// Decoding and size limits: no data involved, one engine is enough.
mod sqlite_only {
    use super::*;

    #[tokio::test]
    async fn an_oversized_body_answers_413() {
        with_state(
            crate::common::Engine::Sqlite,
            super::an_oversized_body_answers_413,
        )
        .await;
    }

    #[tokio::test]
    async fn an_english_page_gets_the_message_in_english() {
        with_state(
            crate::common::Engine::Sqlite,
            super::an_english_page_gets_the_message_in_english,
        )
        .await;
    }
}
