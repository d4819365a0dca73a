//! Accounts end to end through the router, on SQLite and PostgreSQL: the
//! flows people go through, with email read from a real SMTP sink.

use crate::common::smtp::{token_in, SmtpSink};
use crate::common::{form, text, with_state};
use app::kernel::access::domain::{AccountStatus, Role};
use app::kernel::outbox::deliver_pending;
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, Response, StatusCode};
use tower::ServiceExt;

const GOOD_PASSWORD: &str = "gabbiani sul molo di lerici";

async fn call(state: &AppState, path: &str, body: &str, session: Option<&str>) -> Response<Body> {
    let mut request =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(secret) = session {
        request = request.header(header::COOKIE, format!("sessione={secret}"));
    }
    server::build_router(state.clone())
        .oneshot(request.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap()
}

fn session_from(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.strip_prefix("sessione=")
                .map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
        .filter(|s| !s.is_empty())
}

async fn deliver(state: &AppState, sink: &SmtpSink) {
    let mut smtp = state.config.smtp.clone();
    smtp.port = sink.port;
    deliver_pending(&state.db, &smtp).await.unwrap();
}

async fn register(state: &AppState, role: &str, email: &str, organisation: &str) -> Response<Body> {
    let body = form(&[
        ("role", role),
        ("email", email),
        ("password", GOOD_PASSWORD),
        ("display_name", "Maria Bianchi"),
        ("organisation", organisation),
        ("privacy", "on"),
    ]);
    call(state, "/api/register_account", &body, None).await
}

/// Registers, confirms the address from the emailed link, and logs in.
async fn registered_and_logged_in(
    state: &AppState,
    sink: &SmtpSink,
    role: &str,
    email: &str,
) -> String {
    assert_eq!(
        register(state, role, email, "Cantiere Navale Golfo")
            .await
            .status(),
        StatusCode::OK
    );
    deliver(state, sink).await;
    let mail = sink.messages_to(email).pop().expect("verification email");
    let token = token_in(&mail, "/verifica-email").expect("a link in the email");
    assert_eq!(
        call(
            state,
            "/api/verify_email",
            &form(&[("token", &token)]),
            None
        )
        .await
        .status(),
        StatusCode::OK
    );
    let login = call(
        state,
        "/api/log_in",
        &form(&[("email", email), ("password", GOOD_PASSWORD)]),
        None,
    )
    .await;
    assert_eq!(login.status(), StatusCode::OK);
    session_from(&login).expect("a session cookie")
}

async fn a_citizen_registers_verifies_and_logs_in_and_out(state: AppState) {
    let sink = SmtpSink::start().await;
    let response = register(&state, "cittadino", "Maria.Bianchi@Esempio.it", "").await;
    assert_eq!(response.status(), StatusCode::OK);

    // Not before confirming the address.
    let early = call(
        &state,
        "/api/log_in",
        &form(&[
            ("email", "maria.bianchi@esempio.it"),
            ("password", GOOD_PASSWORD),
        ]),
        None,
    )
    .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(early).await.contains("conferma il tuo indirizzo"));

    deliver(&state, &sink).await;
    let mail = sink
        .messages_to("maria.bianchi@esempio.it")
        .pop()
        .expect("the verification email arrived");
    assert!(mail.data.contains("Conferma il tuo indirizzo email"));
    let token = token_in(&mail, "/verifica-email").unwrap();
    assert_eq!(
        call(
            &state,
            "/api/verify_email",
            &form(&[("token", &token)]),
            None
        )
        .await
        .status(),
        StatusCode::OK
    );
    let again = call(
        &state,
        "/api/verify_email",
        &form(&[("token", &token)]),
        None,
    )
    .await;
    assert_eq!(
        again.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a link works once"
    );

    let login = call(
        &state,
        "/api/log_in",
        &form(&[
            ("email", "maria.bianchi@esempio.it"),
            ("password", GOOD_PASSWORD),
        ]),
        None,
    )
    .await;
    assert_eq!(login.status(), StatusCode::OK);
    let cookie = login
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    let session = session_from(&login).unwrap();

    let me = text(call(&state, "/api/get_my_account", "", Some(&session)).await).await;
    assert!(
        me.contains("\"Cittadino\"")
            && me.contains("informativa_privacy")
            && me.contains("privacy-v1"),
        "{me}"
    );

    assert_eq!(
        call(&state, "/api/log_out", "", Some(&session))
            .await
            .status(),
        StatusCode::OK
    );
    let after = call(&state, "/api/get_my_account", "", Some(&session)).await;
    assert_eq!(
        after.status(),
        StatusCode::UNAUTHORIZED,
        "the session is gone"
    );
}

async fn forms_answer_in_italian_on_the_right_field(state: AppState) {
    let cases = [
        (
            form(&[
                ("role", "cittadino"),
                ("email", "maria"),
                ("password", GOOD_PASSWORD),
                ("display_name", "Maria"),
                ("privacy", "on"),
            ]),
            "email",
        ),
        (
            form(&[
                ("role", "cittadino"),
                ("email", "m@esempio.it"),
                ("password", "corta"),
                ("display_name", "Maria"),
                ("privacy", "on"),
            ]),
            "password",
        ),
        (
            form(&[
                ("role", "cittadino"),
                ("email", "m@esempio.it"),
                ("password", "123456789012"),
                ("display_name", "Maria"),
                ("privacy", "on"),
            ]),
            "password",
        ),
        (
            form(&[
                ("role", "cittadino"),
                ("email", "m@esempio.it"),
                ("password", GOOD_PASSWORD),
                ("display_name", "Maria"),
            ]),
            "privacy",
        ),
        (
            form(&[
                ("role", "impresa"),
                ("email", "m@esempio.it"),
                ("password", GOOD_PASSWORD),
                ("display_name", "Maria"),
                ("privacy", "on"),
            ]),
            "organisation",
        ),
        (
            form(&[
                ("role", "admin"),
                ("email", "m@esempio.it"),
                ("password", GOOD_PASSWORD),
                ("display_name", "Maria"),
                ("privacy", "on"),
            ]),
            "role",
        ),
    ];
    for (body, field) in cases {
        let response = call(&state, "/api/register_account", &body, None).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let answer = text(response).await;
        assert!(
            answer.contains(&format!("\"field\":\"{field}\"")),
            "{field}: {answer}"
        );
    }
    let count = crate::common::count(&state, "SELECT COUNT(*) FROM users").await;
    assert_eq!(count, 0, "nothing saved from a refused form");
}

async fn a_business_waits_until_an_operator_verifies_it(state: AppState) {
    let sink = SmtpSink::start().await;
    let business = registered_and_logged_in(&state, &sink, "impresa", "hr@cantiere.example").await;
    let me = text(call(&state, "/api/get_my_account", "", Some(&business)).await).await;
    assert!(me.contains("\"InAttesa\""), "{me}");
    assert_eq!(
        call(&state, "/api/list_pending_accounts", "", Some(&business))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    let operator = staff_session(&state, Role::Operatore, "operatore@comune.sp.it").await;
    let pending = text(call(&state, "/api/list_pending_accounts", "", Some(&operator)).await).await;
    assert!(pending.contains("Cantiere Navale Golfo"), "{pending}");
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'hr@cantiere.example'")
        .fetch_one(state.db.pool())
        .await
        .unwrap();

    let no_reason = call(
        &state,
        "/api/decide_account",
        &form(&[("account", &id.to_string()), ("decision", "respingi")]),
        Some(&operator),
    )
    .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(no_reason).await.contains("\"field\":\"reason\""));

    let approve = call(
        &state,
        "/api/decide_account",
        &form(&[
            ("account", &id.to_string()),
            ("decision", "approva"),
            ("reason", "Dati verificati in Camera di Commercio"),
        ]),
        Some(&operator),
    )
    .await;
    assert_eq!(approve.status(), StatusCode::OK);
    let twice = call(
        &state,
        "/api/decide_account",
        &form(&[("account", &id.to_string()), ("decision", "approva")]),
        Some(&operator),
    )
    .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);

    let me = text(call(&state, "/api/get_my_account", "", Some(&business)).await).await;
    assert!(me.contains("\"Attivo\""), "{me}");
    deliver(&state, &sink).await;
    assert!(sink
        .messages_to("hr@cantiere.example")
        .iter()
        .any(|m| m.data.contains("ha verificato il tuo account")));

    let admin = staff_session(&state, Role::Admin, "admin@comune.sp.it").await;
    let log = text(
        call(
            &state,
            "/api/list_audit_log",
            &form(&[("action", "verifica_approvata")]),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert!(
        log.contains("verifica_approvata") && !log.contains("consultazione_verifiche"),
        "{log}"
    );
    let all = text(call(&state, "/api/list_audit_log", "", Some(&admin)).await).await;
    assert!(
        all.contains("consultazione_verifiche"),
        "viewing the queue is logged: {all}"
    );
    // The decision names who took it, on which account, and why.
    assert!(
        log.contains("\"actor_name\":\"Personale\"")
            && log.contains("\"actor_role\":\"Operatore\"")
            && log.contains("\"subject_kind\":\"Account\"")
            && log.contains("Cantiere Navale Golfo")
            && log.contains("Dati verificati in Camera di Commercio"),
        "{log}"
    );
    audit_filters_and_csv(&state, &admin, &operator).await;
}

/// A filter with mistakes is refused on every field at once; the period's
/// CSV is the admin's only, and it holds the reason.
async fn audit_filters_and_csv(state: &AppState, admin: &str, operator: &str) {
    let wrong = call(
        state,
        "/api/list_audit_log",
        &form(&[("action", "offer_published"), ("from", "2026-13-01")]),
        Some(admin),
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = text(wrong).await;
    assert!(
        wrong.contains("\"field\":\"action\"") && wrong.contains("\"field\":\"from\""),
        "{wrong}"
    );
    let backwards = call(
        state,
        "/api/list_audit_log",
        &form(&[("from", "2026-12-06"), ("until", "2026-12-01")]),
        Some(admin),
    )
    .await;
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let today = app::kernel::dates::iso_date(app::kernel::clock::now());
    let path = format!("/api/staff/registro.csv?azione=verifica_approvata&dal={today}&al={today}");
    let (status, csv) = crate::catalogue::get(state, &path, Some(admin)).await;
    assert_eq!(status, StatusCode::OK, "{csv}");
    assert!(csv.contains("Motivo o dettaglio"), "{csv}");
    assert!(
        csv.contains("Account verificato")
            && csv.contains("Dati verificati in Camera di Commercio"),
        "{csv}"
    );
    assert!(!csv.contains("Consultazione delle verifiche"), "{csv}");
    let yesterday = "2020-01-01";
    let (_, old) = crate::catalogue::get(
        state,
        &format!("/api/staff/registro.csv?dal={yesterday}&al={yesterday}"),
        Some(admin),
    )
    .await;
    assert_eq!(
        old.lines().count(),
        1,
        "only the header for a period without acts: {old}"
    );
    let (status, _) = crate::catalogue::get(state, &path, Some(operator)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = crate::catalogue::get(state, &path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn six_wrong_passwords_lock_the_next_attempt(state: AppState) {
    let sink = SmtpSink::start().await;
    registered_and_logged_in(&state, &sink, "cittadino", "luca@esempio.it").await;
    let attempt = |password: &'static str| {
        let state = state.clone();
        async move {
            text(
                call(
                    &state,
                    "/api/log_in",
                    &form(&[("email", "luca@esempio.it"), ("password", password)]),
                    None,
                )
                .await,
            )
            .await
        }
    };
    for _ in 0..5 {
        assert!(attempt("password sbagliata davvero")
            .await
            .contains("Email o password non corrette"));
    }
    let locked = attempt("password sbagliata davvero").await;
    assert!(locked.contains("Troppi tentativi"), "{locked}");
    let even_right = attempt(GOOD_PASSWORD).await;
    assert!(
        even_right.contains("Troppi tentativi"),
        "the lock holds for the right password too"
    );
    // An unknown account gets exactly the same answer as a wrong password.
    let unknown = text(
        call(
            &state,
            "/api/log_in",
            &form(&[
                ("email", "nessuno@esempio.it"),
                ("password", "password sbagliata davvero"),
            ]),
            None,
        )
        .await,
    )
    .await;
    assert!(
        unknown.contains("Troppi tentativi") || unknown.contains("Email o password non corrette")
    );
}

/// Someone guessing from one address slows down only there: the owner,
/// from anywhere else, signs in; the wait ends; a spray over many accounts
/// from one address is slowed too.
async fn the_owner_is_never_locked_out_from_elsewhere(state: AppState) {
    use app::accounts::service::{log_in, ADDRESS_FREE_FAILURES, PAIR_FREE_FAILURES};
    let sink = SmtpSink::start().await;
    registered_and_logged_in(&state, &sink, "cittadino", "luca@esempio.it").await;
    let message = |result: Result<String, app::AppError>| match result {
        Ok(_) => "entrato".to_string(),
        Err(error) => error.user_message(),
    };
    for _ in 0..PAIR_FREE_FAILURES {
        let wrong = log_in(&state, "luca@esempio.it", "non è lei", "203.0.113.9").await;
        assert_eq!(message(wrong), "Email o password non corrette.");
    }
    let slowed = log_in(&state, "luca@esempio.it", GOOD_PASSWORD, "203.0.113.9").await;
    assert!(message(slowed).contains("riprova tra 30 secondi"));
    let owner = log_in(&state, "luca@esempio.it", GOOD_PASSWORD, "198.51.100.7").await;
    assert_eq!(message(owner), "entrato", "the owner, from home");
    // Half a minute later the guesser may try again.
    sqlx::query("UPDATE login_attempts SET attempted_at = attempted_at - 31")
        .execute(state.db.pool())
        .await
        .unwrap();
    let later = log_in(&state, "luca@esempio.it", GOOD_PASSWORD, "203.0.113.9").await;
    assert_eq!(message(later), "entrato");
    // A spray: one wrong password for many accounts from one address (as
    // recorded; a hundred password hashes would only slow the test).
    for n in 0..ADDRESS_FREE_FAILURES {
        let keys = [
            format!("pair:persona{n}@esempio.it|192.0.2.1"),
            "ip:192.0.2.1".into(),
        ];
        app::kernel::attempts::record_attempt(&state.db, &keys)
            .await
            .unwrap();
    }
    let sprayed = log_in(&state, "luca@esempio.it", GOOD_PASSWORD, "192.0.2.1").await;
    assert!(message(sprayed).contains("Troppi tentativi"));
}

async fn a_forgotten_password_is_reset_by_email(state: AppState) {
    let sink = SmtpSink::start().await;
    let old_session = registered_and_logged_in(&state, &sink, "cittadino", "anna@esempio.it").await;
    assert_eq!(
        call(
            &state,
            "/api/request_password_reset",
            &form(&[("email", "anna@esempio.it")]),
            None
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        call(
            &state,
            "/api/request_password_reset",
            &form(&[("email", "nessuno@esempio.it")]),
            None
        )
        .await
        .status(),
        StatusCode::OK,
        "no hint"
    );
    deliver(&state, &sink).await;
    let mail = sink
        .messages_to("anna@esempio.it")
        .into_iter()
        .find(|m| m.data.contains("reimposta-password"))
        .expect("reset email");
    let token = token_in(&mail, "/reimposta-password").unwrap();
    let weak = call(
        &state,
        "/api/reset_password",
        &form(&[("token", &token), ("password", "corta")]),
        None,
    )
    .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let new_password = "una nuova frase per anna";
    assert_eq!(
        call(
            &state,
            "/api/reset_password",
            &form(&[("token", &token), ("password", new_password)]),
            None
        )
        .await
        .status(),
        StatusCode::OK,
        "a refused password leaves the link usable"
    );
    assert_eq!(
        call(
            &state,
            "/api/reset_password",
            &form(&[("token", &token), ("password", new_password)]),
            None
        )
        .await
        .status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "single use"
    );
    assert_eq!(
        call(&state, "/api/get_my_account", "", Some(&old_session))
            .await
            .status(),
        StatusCode::UNAUTHORIZED,
        "old sessions end"
    );
    let login = call(
        &state,
        "/api/log_in",
        &form(&[("email", "anna@esempio.it"), ("password", new_password)]),
        None,
    )
    .await;
    assert_eq!(login.status(), StatusCode::OK);
}

async fn a_person_downloads_their_data_and_deletes_the_account(state: AppState) {
    let sink = SmtpSink::start().await;
    let session = registered_and_logged_in(&state, &sink, "cittadino", "giulia@esempio.it").await;
    let request = Request::get("/api/miei-dati.zip")
        .header(header::COOKIE, format!("sessione={session}"))
        .body(Body::empty())
        .unwrap();
    let export = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    assert!(export
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .unwrap()
        .to_str()
        .unwrap()
        .contains("attachment"));
    let archive = axum::body::to_bytes(export.into_body(), 8 << 20)
        .await
        .unwrap();
    let files = crate::common::unzip(&archive);
    let data: serde_json::Value = serde_json::from_slice(&files["dati.json"]).unwrap();
    assert_eq!(data["account"][0]["email"], "giulia@esempio.it");
    assert_eq!(data["consensi"][0]["purpose"], "informativa_privacy");
    assert!(data["email"].as_array().is_some_and(|e| !e.is_empty()));

    let wrong = call(
        &state,
        "/api/delete_my_account",
        &form(&[("password", "non è la mia password")]),
        Some(&session),
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        call(
            &state,
            "/api/delete_my_account",
            &form(&[("password", GOOD_PASSWORD)]),
            Some(&session)
        )
        .await
        .status(),
        StatusCode::OK
    );

    // Nothing personal remains in any table; the anonymous row still counts.
    for (place, value) in crate::common::every_text(&state).await {
        assert!(
            !value.contains("giulia") && !value.contains("Bianchi") && !value.contains("argon2"),
            "{place}: {value}"
        );
    }
    let users = crate::common::count(
        &state,
        "SELECT COUNT(*) FROM users WHERE status = 'eliminato'",
    )
    .await;
    assert_eq!(users, 1);
    let login = call(
        &state,
        "/api/log_in",
        &form(&[("email", "giulia@esempio.it"), ("password", GOOD_PASSWORD)]),
        None,
    )
    .await;
    assert_eq!(login.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn staff_sessions_end_after_thirty_idle_minutes(state: AppState) {
    let operator = staff_session(&state, Role::Operatore, "operatore@comune.sp.it").await;
    let sink = SmtpSink::start().await;
    let citizen = registered_and_logged_in(&state, &sink, "cittadino", "pietro@esempio.it").await;
    // Both sessions were last seen 31 minutes ago.
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 1860")
        .execute(state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        call(&state, "/api/get_my_account", "", Some(&operator))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&state, "/api/get_my_account", "", Some(&citizen))
            .await
            .status(),
        StatusCode::OK,
        "a citizen's session lasts longer"
    );
    let left = crate::common::count(&state, "SELECT COUNT(*) FROM sessions").await;
    assert_eq!(left, 1, "the expired session was deleted");
}

async fn operators_are_created_for_a_comune_desk(state: AppState) {
    use app::accounts::service::create_staff;
    let id = create_staff(
        &state,
        Role::Operatore,
        "sportello@comune.sarzana.sp.it",
        GOOD_PASSWORD,
        "Operatore Sarzana",
        Some("sarzana"),
    )
    .await
    .unwrap();
    let desk: Option<String> = sqlx::query_scalar("SELECT desk_istat FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(desk.as_deref(), Some("011027"));
    let no_desk = create_staff(
        &state,
        Role::Operatore,
        "altro@comune.sp.it",
        GOOD_PASSWORD,
        "Operatore",
        None,
    )
    .await;
    assert!(
        matches!(no_desk, Err(app::AppError::Validation { ref field, .. }) if field == "comune")
    );
    let weak = create_staff(
        &state,
        Role::Admin,
        "admin@comune.sp.it",
        "password1234",
        "Admin",
        None,
    )
    .await;
    assert!(weak.is_err(), "no weak password for the admin either");
    let twice = create_staff(
        &state,
        Role::Operatore,
        "sportello@comune.sarzana.sp.it",
        GOOD_PASSWORD,
        "Operatore",
        Some("sarzana"),
    )
    .await;
    assert!(matches!(twice, Err(app::AppError::Conflict { .. })));
}

async fn get(state: &AppState, path: &str, cookies: &[String]) -> Response<Body> {
    let mut request = Request::get(path);
    if !cookies.is_empty() {
        request = request.header(header::COOKIE, cookies.join("; "));
    }
    server::build_router(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

/// The `lingua=...` cookie the language switch sets.
fn language_cookie(response: &Response<Body>) -> String {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("lingua="))
        .and_then(|c| c.split(';').next())
        .expect("the language cookie")
        .to_string()
}

async fn email_comes_in_the_language_the_person_reads_the_portal_in(state: AppState) {
    let sink = SmtpSink::start().await;
    let english = language_cookie(&get(&state, "/api/set_language?lang=en&back=/", &[]).await);
    let body = form(&[
        ("role", "cittadino"),
        ("email", "amira@esempio.it"),
        ("password", GOOD_PASSWORD),
        ("display_name", "Amira {link} Haddad"),
        ("privacy", "on"),
    ]);
    let request = Request::post("/api/register_account")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, &english);
    let registered = server::build_router(state.clone())
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::OK);
    deliver(&state, &sink).await;
    let welcome = sink
        .messages_to("amira@esempio.it")
        .pop()
        .expect("verification email");
    assert!(
        welcome.data.contains("Subject: Confirm your email address"),
        "{}",
        welcome.data
    );
    assert!(
        welcome.data.contains("Hello Amira {link} Haddad,"),
        "a name with braces is written as typed: {}",
        welcome.data
    );
    let token = token_in(&welcome, "/verifica-email").expect("the link");
    let verified = call(
        &state,
        "/api/verify_email",
        &form(&[("token", &token)]),
        None,
    )
    .await;
    assert_eq!(verified.status(), StatusCode::OK);

    // Switching while signed in moves the account's email to that language.
    let login = call(
        &state,
        "/api/log_in",
        &form(&[("email", "amira@esempio.it"), ("password", GOOD_PASSWORD)]),
        None,
    )
    .await;
    let session = format!("sessione={}", session_from(&login).expect("a session"));
    for (language, subject) in [
        ("it", "Subject: Reimposta la tua password"),
        ("en", "Subject: Reset your password"),
    ] {
        let path = format!("/api/set_language?lang={language}&back=/");
        let switched = get(&state, &path, std::slice::from_ref(&session)).await;
        assert!(switched.status().is_redirection() || switched.status().is_success());
        let asked = call(
            &state,
            "/api/request_password_reset",
            &form(&[("email", "amira@esempio.it")]),
            None,
        )
        .await;
        assert_eq!(asked.status(), StatusCode::OK);
        deliver(&state, &sink).await;
        let reset = sink
            .messages_to("amira@esempio.it")
            .pop()
            .expect("reset email");
        assert!(reset.data.contains(subject), "{language}: {}", reset.data);
    }
}

async fn staff_session(state: &AppState, role: Role, email: &str) -> String {
    crate::common::account_with_session(state, role, AccountStatus::Attivo, email).await
}

on_both_engines!(with_state =>
    a_citizen_registers_verifies_and_logs_in_and_out,
    forms_answer_in_italian_on_the_right_field,
    a_business_waits_until_an_operator_verifies_it,
    six_wrong_passwords_lock_the_next_attempt,
    the_owner_is_never_locked_out_from_elsewhere,
    a_forgotten_password_is_reset_by_email,
    a_person_downloads_their_data_and_deletes_the_account,
    staff_sessions_end_after_thirty_idle_minutes,
    operators_are_created_for_a_comune_desk,
    email_comes_in_the_language_the_person_reads_the_portal_in,
);
