//! No live secrets at rest and nothing kept past its time: emailed links
//! expire with their mail and leave no text once delivered, a used reset
//! link ends the others, sessions have an absolute lifetime, and the
//! retention pass deletes what the README's table says, on both engines.

use crate::common::smtp::{token_in, SmtpSink};
use crate::common::{count, person, with_state};
use app::accounts::{repo, service};
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::kernel::outbox;
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, StatusCode};
use tower::ServiceExt;

const DAY: i64 = 86_400;

fn now() -> i64 {
    app::kernel::clock::now()
}

async fn deliver(state: &AppState, sink: &SmtpSink) -> usize {
    let mut smtp = state.config.smtp.clone();
    smtp.port = sink.port;
    outbox::deliver_pending(&state.db, &smtp).await.unwrap()
}

async fn run(state: &AppState, sql: &str) {
    sqlx::query(sql).execute(state.db.pool()).await.unwrap();
}

async fn links_go_first_expire_and_leave_no_secret_once_sent(state: AppState) {
    let sink = SmtpSink::start().await;
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    // A digest queued before her reset requests.
    let mut tx = state.db.begin_write().await.unwrap();
    outbox::enqueue_mail(
        &mut tx,
        None,
        "anna@esempio.it",
        "Nuove offerte",
        "Tre offerte",
    )
    .await
    .unwrap();
    // A link mail whose link has already expired.
    outbox::enqueue_link_mail(
        &mut tx,
        None,
        "altra@esempio.it",
        "Scaduto",
        "link",
        now() - 1,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    for _ in 0..2 {
        service::request_password_reset(&state, "anna@esempio.it")
            .await
            .unwrap();
    }
    assert_eq!(
        deliver(&state, &sink).await,
        3,
        "the expired one is not sent"
    );
    let received = sink.messages_to("anna@esempio.it");
    let subjects: Vec<bool> = received
        .iter()
        .map(|m| m.data.contains("reimposta-password"))
        .collect();
    assert_eq!(subjects, [true, true, false], "links before the digest");
    let kept = count(
        &state,
        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND (body <> '' OR attachment IS NOT NULL)",
    )
    .await;
    assert_eq!(kept, 0, "a delivered email keeps no text");

    // The first link works and ends the second.
    let links: Vec<String> = received[..2]
        .iter()
        .map(|m| token_in(m, "/reimposta-password").unwrap())
        .collect();
    service::reset_password(&state, &links[0], "una frase nuova e lunga")
        .await
        .unwrap();
    let second = service::reset_password(&state, &links[1], "un'altra frase lunga").await;
    assert!(
        matches!(second, Err(AppError::Validation { ref field, .. }) if field == "token"),
        "{second:?}"
    );
    assert_eq!(anna.email, "anna@esempio.it");
}

async fn sessions_end_after_their_absolute_lifetime(state: AppState) {
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let session = app::kernel::access::sessions::create_session(&state.db, anna.id)
        .await
        .unwrap();
    let ask = || {
        let state = state.clone();
        let session = session.clone();
        async move {
            let request = Request::post("/api/get_my_account")
                .header(header::COOKIE, format!("sessione={session}"))
                .body(Body::empty())
                .unwrap();
            server::build_router(state)
                .oneshot(request)
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(ask().await, StatusCode::OK);
    // Used every day, but begun 31 days ago.
    run(
        &state,
        &format!("UPDATE sessions SET created_at = created_at - {}", 31 * DAY),
    )
    .await;
    assert_eq!(ask().await, StatusCode::UNAUTHORIZED);
}

async fn retention_deletes_what_is_past_its_time(state: AppState) {
    let at = now();
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let ditta = person(&state, Role::Impresa, "ditta@esempio.it").await;
    let (a, d) = (anna.id, ditta.id);
    let old = at - 400 * DAY;
    for sql in [
        format!("INSERT INTO login_attempts (attempt_key, attempted_at) VALUES ('email:x', {old}), ('email:y', {at})"),
        format!("INSERT INTO outbox (recipient, subject, body, created_at, sent_at) VALUES ('x@esempio.it', 'vecchia', '', {old}, {old}), ('x@esempio.it', 'nuova', '', {at}, {at})"),
        format!("INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES ('vecchio', {a}, 'verifica_email', {old}), ('valido', {a}, 'verifica_email', {})", at + DAY),
        format!("INSERT INTO profile_views (business_id, citizen_id, cv_id, viewed_at) VALUES ({d}, {a}, 1, {old}), ({d}, {a}, 1, {at})"),
    ] {
        run(&state, &sql).await;
    }
    // Registered eight days ago and never confirmed the address.
    let mut tx = state.db.begin_write().await.unwrap();
    let ghost = repo::insert_user(
        &mut tx,
        &repo::NewUser {
            email: "mai.confermato@esempio.it",
            desk_istat: None,
            password_hash: Some("x"),
            display_name: "Mai Confermato",
            organisation: None,
            role: Role::Cittadino,
            status: app::kernel::access::domain::AccountStatus::Attivo,
            email_verified: false,
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    run(
        &state,
        &format!(
            "UPDATE users SET created_at = {} WHERE id = {ghost}",
            at - 8 * DAY
        ),
    )
    .await;

    let gone = app::privacy::retention::apply(&state, at).await.unwrap();
    assert_eq!(gone, 5, "one account and four old rows");
    for (table, left) in [
        ("login_attempts", 1),
        ("outbox", 1),
        ("account_tokens", 1),
        ("profile_views", 1),
    ] {
        assert_eq!(
            count(&state, &format!("SELECT COUNT(*) FROM {table}")).await,
            left,
            "{table}"
        );
    }
    let status: String = sqlx::query_scalar("SELECT status FROM users WHERE id = $1")
        .bind(ghost)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(status, "eliminato");
    assert_eq!(
        app::privacy::retention::apply(&state, at).await.unwrap(),
        0,
        "once"
    );
}

/// Thirty reset requests for one address send three emails, with the same
/// answer whether or not the address has an account; the thirty-first from
/// the same connection is refused.
async fn nobody_mail_bombs_through_the_portal(state: AppState) {
    person(&state, Role::Cittadino, "bersaglio@esempio.it").await;
    let ask = |email: &'static str| {
        let state = state.clone();
        async move {
            let request = Request::post("/api/request_password_reset")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("email={email}")))
                .unwrap();
            let response = server::build_router(state).oneshot(request).await.unwrap();
            let status = response.status();
            (status, crate::common::text(response).await)
        }
    };
    let first = ask("bersaglio%40esempio.it").await;
    for n in 1..30 {
        let email = if n % 2 == 0 {
            "bersaglio%40esempio.it"
        } else {
            "nessuno%40esempio.it"
        };
        assert_eq!(ask(email).await, first, "request {n}: the same answer");
    }
    let queued = count(
        &state,
        "SELECT COUNT(*) FROM outbox WHERE recipient = 'bersaglio@esempio.it'",
    )
    .await;
    assert_eq!(queued, app::kernel::mail_limits::PER_RECIPIENT_HOUR);
    let (status, answer) = ask("bersaglio%40esempio.it").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{answer}");
    assert_eq!(count(&state, "SELECT COUNT(*) FROM outbox").await, 3);
}

on_both_engines!(with_state =>
    nobody_mail_bombs_through_the_portal,
    links_go_first_expire_and_leave_no_secret_once_sent,
    sessions_end_after_their_absolute_lifetime,
    retention_deletes_what_is_past_its_time,
);
