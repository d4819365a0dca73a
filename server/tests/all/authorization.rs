//! Every server function, called by every role and by nobody, answers exactly
//! as the policy table says; and requests from another site are refused.

use crate::common::with_state;
use app::access_table::POLICY;
use app::kernel::access::domain::{AccountStatus, Role};
use app::kernel::access::policy::Access;
use app::state::AppState;
use axum::body::{to_bytes, Body};
use http::{header, Method, Request, StatusCode};
use tower::ServiceExt;

/// Arguments of the right shape for each server function, so that what the
/// test sees is the authorisation check and not a parse error.
pub(crate) const SAMPLES: &[(&str, &str)] = &[
    ("list_comuni", ""),
    ("list_comuni_for_map", ""),
    ("get_comune", "slug=sarzana"),
    ("list_member_bodies", ""),
    ("list_desks", ""),
    ("set_language", "lang=it&back=%2F"),
    ("register_account", "role=cittadino&email=prova%40esempio.it&password=una+frase+lunga+e+sicura&display_name=Prova&privacy=on"),
    ("verify_email", "token=sconosciuto"),
    ("log_in", "email=prova%40esempio.it&password=una+frase+sbagliata"),
    ("request_password_reset", "email=prova%40esempio.it"),
    ("reset_password", "token=sconosciuto&password=una+frase+lunga+e+sicura"),
    ("sign_in_providers", ""),
    ("get_pending_identity", ""),
    ("create_account_from_identity", "privacy=on"),
    ("link_identity", "email=prova%40esempio.it&password=una+frase+sbagliata"),
    ("list_my_identities", ""),
    ("unlink_identity", "identity=999999"),
    ("log_out", ""),
    ("get_my_account", ""),
    ("delete_my_account", "password=una+frase+sbagliata"),
    ("list_pending_accounts", ""),
    ("decide_account", "account=999999&decision=approva&reason="),
    ("list_audit_log", "action=&actor="),
    ("list_activities", "kind=corso&filter%5Bq%5D=saldatura"),
    ("get_activity", "kind=corso&id=999999"),
    ("enrol_activity", "id=999999"),
    ("cancel_enrolment", "id=999999"),
    ("get_my_calendar", ""),
    ("renew_calendar_feed", ""),
    ("revoke_calendar_feed", ""),
    ("create_activity", "form%5Bkind%5D=corso&form%5Btitle%5D=Corso"),
    ("list_managed_activities", ""),
    ("get_roster", "id=999999"),
    ("mark_attendance", "id=999999&code=ABC"),
    ("change_activity_status", "id=999999&change=chiudi"),
    ("get_desk_slots", "comune=la-spezia"),
    ("book_appointment", "comune=la-spezia&slot="),
    ("cancel_appointment", "id=999999"),
    ("get_desk_agenda", "comune=&day="),
    ("erase_desk_person", "id=999999"),
    ("record_appointment_outcome", "id=999999&outcome=svolto"),
    ("get_signed_in_name", ""),
    ("save_desk_day", "comune=&weekday=6"),
    ("save_desk_settings", "comune=&slot_minutes=30"),
    ("close_desk_day", "comune=&day=2020-01-01&reason=x"),
    ("reopen_desk_day", "comune=&day=2020-01-01"),
    ("get_dashboard", "filter%5Bperiodo%5D=30&lang=it"),
    ("submit_adhesion", "kind=ente&name=Ente&contact_name=Anna&contact_email=a%40esempio.it&reason=x"),
    ("list_adhesions", ""),
    ("decide_adhesion", "request=999999&decision=approva&reason="),
    ("get_invitation", "token=nessuno"),
    ("accept_invitation", "token=nessuno&display_name=Anna&password=x"),
    ("list_activities_to_review", ""),
    ("decide_activity", "activity=999999&decision=approva&reason="),
    ("set_pre_moderation", "on=si"),
    ("search_offers", "query%5Bq%5D=magazziniere"),
    ("get_orientation_path", "answers%5Bsituazione%5D=primo_lavoro&answers%5Bcomune%5D=sarzana"),
    ("keep_orientation", "answers%5Bsituazione%5D=primo_lavoro"),
    ("get_my_orientation", ""),
    ("list_orientation_rules", ""),
    ("save_orientation_rule", "form%5Btitle%5D=Regola"),
    ("get_offer", "id=999999"),
    ("save_offer", "form%5Bkind%5D=lavoro&form%5Btitle%5D=Cuoco"),
    ("list_my_offers", ""),
    ("close_offer", "id=999999&outcome=ritirata"),
    ("list_offers_to_review", ""),
    ("decide_offer", "id=999999&decision=approva&reason="),
    ("save_search", "query%5Bq%5D=cuoco"),
    ("list_saved_searches", ""),
    ("delete_saved_search", "id=999999"),
    ("get_apply_state", "offer=999999"),
    ("apply_to_offer", "offer=999999&cv=1&message="),
    ("list_my_applications", ""),
    ("list_offer_applications", "offer=999999"),
    ("set_application_stage", "id=999999&stage=colloquio"),
    ("search_candidates", "query%5Bq%5D=magazziniere"),
    ("get_candidate", "id=999999"),
    ("open_candidate", "id=999999"),
    ("list_shortlists", ""),
    ("create_shortlist", "name=Estate"),
    ("save_to_shortlist", "list=999999&cv=999999&note="),
    ("remove_from_shortlist", "list=999999&cv=999999"),
    ("delete_shortlist", "list=999999"),
    ("request_contact", "cv=999999&message=Buongiorno%2C+vorremmo+conoscerla&offer="),
    ("get_my_visibility", ""),
    ("answer_contact_request", "id=999999&answer=accetta"),
    ("list_my_cvs", ""),
    ("create_cv", "name=Il+mio+CV&language=it"),
    ("get_cv", "id=999999"),
    // The autosave sends JSON.
    ("save_cv", r#"{"id":999999,"revision":1,"document":{"personal":{}}}"#),
    ("rename_cv", "id=999999&name=CV&language=it"),
    ("duplicate_cv", "id=999999"),
    ("delete_cv", "id=999999"),
    ("delete_cv_photo", "id=999999"),
    ("set_cv_visibility", "id=999999&visible=false"),
    ("list_my_letters", ""),
    ("create_letter", "cv=999999"),
    ("get_letter", "id=999999"),
    ("save_letter", "id=999999&letter%5Bsubject%5D=Candidatura&letter%5Bwho_i_am%5D="),
    ("delete_letter", "id=999999"),
    ("get_my_desk_help", ""),
    ("allow_desk_help", ""),
    ("revoke_desk_help", ""),
    ("use_desk_help_code", "code=KMRT-4XQ7"),
    ("list_helped_citizens", ""),
];

pub(crate) fn registered_server_functions() -> Vec<(String, Method)> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.trim_start_matches("/api/").to_string(), method))
        .collect()
}

#[test]
fn every_server_function_is_in_the_policy_table_and_has_a_sample() {
    let registered = registered_server_functions();
    assert_eq!(
        registered.len(),
        POLICY.len(),
        "server functions found: {registered:?}"
    );
    for (name, _) in &registered {
        assert!(
            POLICY.iter().any(|row| row.name() == name),
            "{name} is missing from the policy table"
        );
        assert!(
            SAMPLES.iter().any(|(n, _)| n == name),
            "{name} has no sample arguments in this test"
        );
    }
    for name in POLICY.iter().map(|row| row.name()) {
        assert!(
            registered.iter().any(|(n, _)| n == name),
            "{name} is in the policy table but not a server function"
        );
    }
}

/// A fresh active, verified account of `role` with a live session.
async fn session_of(state: &AppState, role: Role, n: usize) -> String {
    let email = format!("{}-{n}@esempio.it", role.code());
    crate::common::account_with_session(state, role, AccountStatus::Attivo, &email).await
}

async fn authorization_matches_the_table(state: AppState) {
    let registered = registered_server_functions();
    let mut n = 0;
    for row in POLICY {
        let (name, access) = (row.name(), &row.access);
        let (_, method) = registered.iter().find(|(n, _)| n == name).unwrap();
        let args = SAMPLES.iter().find(|(n, _)| *n == name).unwrap().1;
        let callers: Vec<Option<Role>> = std::iter::once(None)
            .chain(Role::ALL.into_iter().map(Some))
            .collect();
        for caller in callers {
            n += 1;
            // A new account per call: some calls (log out, delete) end the session.
            let session = match caller {
                Some(role) => Some(session_of(&state, role, n).await),
                None => None,
            };
            let mut request = if *method == Method::GET {
                Request::get(format!("/api/{name}?{args}"))
                    .body(Body::empty())
                    .unwrap()
            } else {
                let content_type = if args.starts_with('{') {
                    "application/json"
                } else {
                    "application/x-www-form-urlencoded"
                };
                Request::post(format!("/api/{name}"))
                    .header(header::CONTENT_TYPE, content_type)
                    .body(Body::from(args))
                    .unwrap()
            };
            if let Some(secret) = &session {
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
            let body = String::from_utf8(
                to_bytes(response.into_body(), 1 << 20)
                    .await
                    .unwrap()
                    .to_vec(),
            )
            .unwrap();
            let allowed = match access {
                Access::Everyone => true,
                Access::SignedIn => caller.is_some(),
                Access::Roles(roles) => caller.is_some_and(|role| roles.contains(&role)),
            };
            let who = caller.map_or("nobody", Role::code);
            if allowed {
                assert!(
                    status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN,
                    "{name} refused to {who}: {status} {body}"
                );
            } else if caller.is_none() {
                assert_eq!(
                    (status, body.as_str()),
                    (StatusCode::UNAUTHORIZED, "\"Unauthorized\""),
                    "{name} for {who}"
                );
            } else {
                assert_eq!(
                    (status, body.as_str()),
                    (StatusCode::FORBIDDEN, "\"Forbidden\""),
                    "{name} for {who}"
                );
            }
        }
    }
}

/// An account still waiting for verification has none of its role's rights.
async fn an_account_not_yet_active_has_no_staff_rights(state: AppState) {
    let session = crate::common::account_with_session(
        &state,
        Role::Operatore,
        AccountStatus::InAttesa,
        "attesa@esempio.it",
    )
    .await;
    let request = Request::post("/api/list_pending_accounts")
        .header(header::COOKIE, format!("sessione={session}"))
        .body(Body::empty())
        .unwrap();
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "an account not yet active has no role's rights"
    );
}

async fn requests_from_another_site_are_refused(state: AppState) {
    let body = "email=prova%40esempio.it&password=una+frase+sbagliata";
    let send = |headers: Vec<(&'static str, &'static str)>| {
        let state = state.clone();
        async move {
            let mut request = Request::post("/api/log_in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            for (name, value) in headers {
                request = request.header(name, value);
            }
            server::build_router(state)
                .oneshot(request.body(Body::from(body)).unwrap())
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(
        send(vec![
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000")
        ])
        .await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(vec![("sec-fetch-site", "cross-site")]).await,
        StatusCode::FORBIDDEN
    );
    let same = send(vec![
        ("sec-fetch-site", "same-origin"),
        ("origin", "http://127.0.0.1:3000"),
        ("host", "127.0.0.1:3000"),
    ])
    .await;
    assert_eq!(
        same,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a same-site login gets as far as checking the password"
    );
    let count = crate::common::count(&state, "SELECT COUNT(*) FROM login_attempts").await;
    assert_eq!(
        count, 2,
        "only the same-site attempt reached the login (one row per email and per address)"
    );
}

on_both_engines!(with_state =>
    authorization_matches_the_table,
    an_account_not_yet_active_has_no_staff_rights,
    requests_from_another_site_are_refused,
);
