//! Erasure and export, derived from the schema on both engines: every table
//! has a rule; a person with something in every personal table downloads
//! all of it and, once erased, leaves nothing that names them anywhere in
//! the database, while their seat goes to the person waiting.

use crate::common::{every_text, person, schema_tables, unzip, with_state};
use app::kernel::access::domain::{Role, SessionUser};
use app::kernel::personal_data::Rule;
use app::state::AppState;
use axum::body::{to_bytes, Body};
use http::{header, Request, StatusCode};
use std::collections::{BTreeMap, BTreeSet};
use tower::ServiceExt;

const DAY: i64 = 86_400;

/// What identifies the two people of the fixture: none of it may remain.
const MARKERS: &[&str] = &[
    "chiara.rossetti",
    "Rossetti Chiara",
    "333 7654321",
    "NOTA-PRIVATA-CHIARA",
    "ditta.verdi",
    "Geppetto Verdi",
    "NOTA-DELLA-DITTA",
];

async fn run(state: &AppState, sql: &str) {
    sqlx::query(sql).execute(state.db.pool()).await.unwrap();
}

async fn rows_of(state: &AppState, table: &str, person: &str, id: i64) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {person}"))
        .bind(id)
        .fetch_one(state.db.pool())
        .await
        .unwrap()
}

async fn every_table_of_the_schema_has_one_rule(state: AppState) {
    let rules = app::privacy::all_tables();
    let ruled: Vec<&str> = rules.iter().map(|r| r.table).collect();
    let unique: BTreeSet<&str> = ruled.iter().copied().collect();
    assert_eq!(
        unique.len(),
        ruled.len(),
        "a table has two rules: {ruled:?}"
    );
    let schema: BTreeSet<String> = schema_tables(&state).await.into_iter().collect();
    let ruled: BTreeSet<String> = unique.iter().map(|t| t.to_string()).collect();
    assert_eq!(
        schema.difference(&ruled).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "tables with no erasure rule (add them to their feature's privacy::TABLES)"
    );
    assert_eq!(
        ruled.difference(&schema).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "rules for tables the schema does not have"
    );
    let mut sections = BTreeSet::new();
    for rule in &rules {
        if let Some(person) = rule.person() {
            // Each condition runs on this engine.
            rows_of(&state, rule.table, person, 1).await;
        }
        if let Some((section, _)) = rule.export() {
            assert!(sections.insert(section), "two tables export as {section}");
        }
        if let Rule::Anonymised { why, .. } | Rule::Kept { why, .. } | Rule::NotPersonal { why } =
            rule.rule
        {
            assert!(
                !why.is_empty(),
                "{} keeps rows without a reason",
                rule.table
            );
        }
    }
}

/// A citizen and a business with something in every table that can hold
/// something about a person; a neighbour waits for the citizen's seat.
struct Fixture {
    chiara: SessionUser,
    ditta: SessionUser,
    neighbour: SessionUser,
    course: i64,
    feed: String,
    appointment: i64,
    offer: i64,
}

async fn fixture(state: &AppState) -> Fixture {
    let chiara = person(state, Role::Cittadino, "chiara.rossetti@esempio.it").await;
    let ditta = person(state, Role::Impresa, "ditta.verdi@esempio.it").await;
    let neighbour = person(state, Role::Cittadino, "vicina@esempio.it").await;
    let now = app::kernel::clock::now();
    let (c, d) = (chiara.id, ditta.id);

    // A course with one seat: Chiara takes it, the neighbour waits.
    let course = crate::catalogue::course(state, 1, 10 * DAY, None).await;
    app::catalogue::service::enrol(state, course, &chiara)
        .await
        .unwrap();
    app::catalogue::service::enrol(state, course, &neighbour)
        .await
        .unwrap();
    let feed = app::catalogue::repo::renew_feed(&state.db, c)
        .await
        .unwrap();
    run(state, &format!(
        "INSERT INTO appointments (desk_id, starts_at, ends_at, topic, mode, user_id, person_name, person_contact, notes, booked_by, status, created_at) \
         SELECT id, {start}, {end}, 'cv', 'presenza', {c}, 'Rossetti Chiara', '333 7654321', 'NOTA-PRIVATA-CHIARA', {c}, 'prenotato', {now} FROM desks WHERE istat_code = '011015'",
        start = now + 3 * DAY, end = now + 3 * DAY + 1800,
    )).await;
    let appointment: i64 = sqlx::query_scalar("SELECT MAX(id) FROM appointments")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    run(state, &format!(
        "INSERT INTO orientation_answers (user_id, answers, updated_at) VALUES ({c}, '{{\"situazione\":\"primo_lavoro\"}}', {now})"
    )).await;

    // A visible CV with a photo, applied with to the business's offer.
    let cv = app::cv::service::create(
        state,
        &chiara,
        "CV di Chiara",
        app::cv::domain::CvLanguage::It,
    )
    .await
    .unwrap();
    let revision = app::cv::repo::get(&state.db, c, cv)
        .await
        .unwrap()
        .unwrap()
        .revision;
    let mut document = app::cv::sample::complete();
    document.personal.first_name = "Chiara".into();
    document.personal.last_name = "Rossetti".into();
    document.personal.email = chiara.email.clone();
    document.headline = "NOTA-PRIVATA-CHIARA".into();
    app::cv::service::save(state, &chiara, cv, revision, document)
        .await
        .unwrap();
    app::cv::service::put_photo(state, &chiara, cv, crate::cv::jpeg())
        .await
        .unwrap();
    run(state, &format!(
        "INSERT INTO offers (kind, title, description, organisation, publisher_id, comune_istat, remote, sector, profession, contract, working_time, education, positions, status, published_at, expires_at, created_at, updated_at) \
         VALUES ('lavoro', 'Magazziniere', 'Carico e scarico', 'Geppetto Verdi', {d}, '011015', 'no', 'H', '8.1', 'indeterminato', 'pieno', 0, 1, 'pubblicata', {now}, {exp}, {now}, {now})",
        exp = now + 30 * DAY,
    )).await;
    let offer: i64 = sqlx::query_scalar("SELECT MAX(id) FROM offers")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    run(state, &format!(
        "INSERT INTO applications (offer_id, citizen_id, cv_id, cv_language, cv_document, message, status, created_at, updated_at, letter_language, letter_document) \
         VALUES ({offer}, {c}, {cv}, 'it', '{{\"headline\":\"NOTA-PRIVATA-CHIARA\"}}', 'Rossetti Chiara si candida', 'ricevuta', {now}, {now}, 'it', '{{\"who_i_am\":\"NOTA-PRIVATA-CHIARA\"}}')"
    )).await;
    // She let a desk operator help her with her CV, who changed a step.
    run(state, &format!(
        "INSERT INTO cv_help_grants (citizen_id, code, operator_id, created_at, claimed_at, expires_at) VALUES ({c}, NULL, {d}, {now}, {now}, {exp})",
        exp = now + 3600,
    )).await;
    run(state, &format!(
        "INSERT INTO cv_help_changes (cv_id, owner_id, operator_id, steps, at) VALUES ({cv}, {c}, {d}, '3', {now})"
    )).await;
    // Her cover letter for that offer.
    run(state, &format!(
        "INSERT INTO cover_letters (owner_id, offer_id, language, document, created_at, updated_at) \
         VALUES ({c}, {offer}, 'it', '{{\"who_i_am\":\"NOTA-PRIVATA-CHIARA\"}}', {now}, {now})"
    )).await;

    // The business's side: a view, a shortlist with a note, a request.
    for sql in [
        format!("INSERT INTO profile_views (business_id, citizen_id, cv_id, viewed_at) VALUES ({d}, {c}, {cv}, {now})"),
        format!("INSERT INTO shortlists (business_id, name, created_at) VALUES ({d}, 'Magazzino', {now})"),
        format!("INSERT INTO shortlist_entries (shortlist_id, cv_id, note, added_at) SELECT id, {cv}, 'NOTA-DELLA-DITTA', {now} FROM shortlists WHERE business_id = {d}"),
        format!("INSERT INTO contact_requests (business_id, citizen_id, cv_id, offer_id, message, status, created_at) VALUES ({d}, {c}, {cv}, {offer}, 'NOTA-DELLA-DITTA', 'in_attesa', {now})"),
        format!("INSERT INTO saved_searches (user_id, query, label, token_hash, last_sent_at, created_at) VALUES ({c}, 'q=magazziniere', 'magazziniere', 'hash-di-chiara', {now}, {now})"),
        format!("INSERT INTO login_attempts (attempt_key, attempted_at) VALUES ('pair:chiara.rossetti@esempio.it|127.0.0.1', {now})"),
        format!("INSERT INTO consents (user_id, purpose, text_version, given_at) VALUES ({c}, 'informativa_privacy', '2026-01', {now})"),
        format!("INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES ('hash-token-chiara', {c}, 'reimposta_password', {exp})", exp = now + 3600),
        format!("INSERT INTO audit_log (at, actor_id, action, subject_id, detail) VALUES ({now}, 1, 'verifica_approvata', {d}, 'Geppetto Verdi')"),
        format!("INSERT INTO adhesion_requests (kind, name, category, contact_name, contact_email, contact_phone, reason, protocol_version, status, created_at) \
                 VALUES ('ente', 'Associazione Verdi', 'terzo_settore', 'Geppetto Verdi', 'ditta.verdi@esempio.it', '0187 000000', 'Aderire', '2025', 'approvata', {now})"),
        format!("INSERT INTO invitations (token_hash, request_id, email, expires_at) SELECT 'hash-invito', id, 'ditta.verdi@esempio.it', {now} FROM adhesion_requests"),
    ] {
        run(state, &sql).await;
    }
    for who in [c, d] {
        app::kernel::access::sessions::create_session(&state.db, who)
            .await
            .unwrap();
    }
    // Chiara also signs in with SPID: her identity, and the session it opened.
    for sql in [
        format!("INSERT INTO identities (user_id, provider, subject, fiscal_code, linked_at) VALUES ({c}, 'spid', 'spid-chiara', 'RSSCHR90A41E463X', {now})"),
        format!("INSERT INTO identity_sessions (token_hash, provider, id_token) SELECT token_hash, 'spid', 'ID-TOKEN-DI-CHIARA' FROM sessions WHERE user_id = {c}"),
    ] {
        run(state, &sql).await;
    }
    Fixture {
        chiara,
        ditta,
        neighbour,
        course,
        feed,
        appointment,
        offer,
    }
}

async fn get(state: &AppState, path: &str, session: Option<&str>) -> (StatusCode, Vec<u8>) {
    let mut request = Request::get(path);
    if let Some(session) = session {
        request = request.header(header::COOKIE, format!("sessione={session}"));
    }
    let response = server::build_router(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    (
        status,
        to_bytes(response.into_body(), 64 << 20)
            .await
            .unwrap()
            .to_vec(),
    )
}

async fn the_archive_holds_every_row_the_rules_find(state: AppState) {
    let f = fixture(&state).await;
    let rules = app::privacy::all_tables();
    // The fixture reaches every personal table, so the checks below cover all.
    for rule in &rules {
        if let Some(person) = rule.person() {
            let found = rows_of(&state, rule.table, person, f.chiara.id).await
                + rows_of(&state, rule.table, person, f.ditta.id).await;
            assert!(found > 0, "the fixture has nothing in {}", rule.table);
        }
    }
    for who in [&f.chiara, &f.ditta] {
        let session = app::kernel::access::sessions::create_session(&state.db, who.id)
            .await
            .unwrap();
        let (status, zip) = get(&state, "/api/miei-dati.zip", Some(&session)).await;
        assert_eq!(status, StatusCode::OK);
        let files = unzip(&zip);
        let data: serde_json::Value = serde_json::from_slice(&files["dati.json"]).unwrap();
        for rule in &rules {
            let (Some(person), Some((section, hidden))) = (rule.person(), rule.export()) else {
                continue;
            };
            let expected = rows_of(&state, rule.table, person, who.id).await;
            let exported = data[section].as_array().map_or(0, Vec::len);
            assert_eq!(
                exported as i64, expected,
                "{} in section {section}",
                rule.table
            );
            for row in data[section].as_array().into_iter().flatten() {
                for column in hidden {
                    assert!(row.get(column).is_none(), "{section}.{column} is a secret");
                }
            }
        }
        if who.id == f.chiara.id {
            assert_eq!(data["account"][0]["email"], "chiara.rossetti@esempio.it");
            assert_eq!(data["cv"][0]["document"]["headline"], "NOTA-PRIVATA-CHIARA");
            let photo = data["foto_cv"][0]["image"].as_str().unwrap();
            assert!(
                files[photo].starts_with(&[0xFF, 0xD8, 0xFF]),
                "the photo, as JPEG"
            );
            let pdf = files
                .keys()
                .find(|k| k.starts_with("cv/") && k.ends_with(".pdf"));
            assert!(files[pdf.expect("the CV as PDF")].starts_with(b"%PDF"));
            assert!(files
                .keys()
                .any(|k| k.starts_with("cv/") && k.ends_with(".json")));
        } else {
            assert_eq!(data["liste"][0]["name"], "Magazzino");
            assert_eq!(data["voci_delle_liste"][0]["note"], "NOTA-DELLA-DITTA");
        }
        let text = String::from_utf8_lossy(&files["dati.json"]);
        assert!(!text.contains("argon2"), "no password hash");
    }
    let (status, _) = get(&state, "/api/miei-dati.zip", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn erasure_leaves_nothing_that_names_the_person(state: AppState) {
    let f = fixture(&state).await;
    let (status, _) = get(
        &state,
        &format!("/calendario/personale/{}.ics", f.feed),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    app::privacy::erase_person(&state, f.chiara.id)
        .await
        .unwrap();
    app::privacy::erase_person(&state, f.ditta.id)
        .await
        .unwrap();

    // Her seat went to the neighbour, who is told; her appointment's slot is free.
    let neighbour: String =
        sqlx::query_scalar("SELECT status FROM enrolments WHERE activity_id = $1 AND user_id = $2")
            .bind(f.course)
            .bind(f.neighbour.id)
            .fetch_one(state.db.pool())
            .await
            .unwrap();
    assert_eq!(neighbour, "iscritto");
    let told = crate::common::count(
        &state,
        &format!(
            "SELECT COUNT(*) FROM outbox WHERE recipient = '{}' AND subject LIKE 'Si è liberato%'",
            f.neighbour.email
        ),
    )
    .await;
    assert_eq!(told, 1, "the promoted neighbour gets an email");
    let seats: (i64, i64) = sqlx::query_as("SELECT enrolled, seats FROM activities WHERE id = $1")
        .bind(f.course)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(seats, (1, 1));
    let appointment: String = sqlx::query_scalar("SELECT status FROM appointments WHERE id = $1")
        .bind(f.appointment)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(appointment, "annullato");
    let offer: String = sqlx::query_scalar("SELECT status FROM offers WHERE id = $1")
        .bind(f.offer)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(offer, "ritirata", "an erased business's offer is withdrawn");
    let (status, _) = get(
        &state,
        &format!("/calendario/personale/{}.ics", f.feed),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the calendar feed stops");

    // Deleted rows are gone; nothing anywhere names either person.
    for rule in app::privacy::all_tables() {
        if let Rule::Deleted { person, .. } = rule.rule {
            for who in [f.chiara.id, f.ditta.id] {
                assert_eq!(
                    rows_of(&state, rule.table, person, who).await,
                    0,
                    "{}",
                    rule.table
                );
            }
        }
    }
    let mut left: BTreeMap<String, String> = BTreeMap::new();
    for (place, value) in every_text(&state).await {
        if MARKERS.iter().any(|m| value.contains(m)) {
            left.insert(place, value);
        }
    }
    assert!(
        left.is_empty(),
        "personal data left after erasure: {left:#?}"
    );
    let erased = crate::common::count(
        &state,
        "SELECT COUNT(*) FROM users WHERE status = 'eliminato' AND deleted_at IS NOT NULL",
    )
    .await;
    assert_eq!(erased, 2, "the anonymous rows still count");
}

/// Someone booked by phone has no account: the desk's staff erase them.
async fn staff_erase_a_person_booked_by_phone(state: AppState) {
    let now = app::kernel::clock::now();
    let operator = person(&state, Role::Operatore, "sportello@comune.sp.it").await;
    let session = app::kernel::access::sessions::create_session(&state.db, operator.id)
        .await
        .unwrap();
    for (start, status) in [(now - 20 * DAY, "svolto"), (now + 2 * DAY, "prenotato")] {
        run(&state, &format!(
            "INSERT INTO appointments (desk_id, starts_at, ends_at, topic, mode, user_id, person_name, person_contact, notes, booked_by, status, created_at) \
             SELECT id, {start}, {end}, 'colloquio', 'presenza', NULL, 'Geppetto Verdi', '333 7654321', 'NOTA-DELLA-DITTA', {op}, '{status}', {now} FROM desks WHERE istat_code = '011015'",
            end = start + 1800, op = operator.id,
        )).await;
        // As the log was written before names left it.
        run(&state, &format!(
            "INSERT INTO audit_log (at, actor_id, action, subject_id, detail) SELECT {now}, {op}, 'appuntamento_prenotato', MAX(id), 'Geppetto Verdi' FROM appointments",
            op = operator.id,
        )).await;
    }
    let future: i64 = sqlx::query_scalar("SELECT MAX(id) FROM appointments")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    let call = |who: String| {
        let state = state.clone();
        async move {
            let request = Request::post("/api/erase_desk_person")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, format!("sessione={who}"))
                .body(Body::from(format!("id={future}")))
                .unwrap();
            server::build_router(state)
                .oneshot(request)
                .await
                .unwrap()
                .status()
        }
    };
    // Only the desk's staff may.
    let elsewhere = person(&state, Role::Cittadino, "cittadino@esempio.it").await;
    let citizen = app::kernel::access::sessions::create_session(&state.db, elsewhere.id)
        .await
        .unwrap();
    assert_eq!(call(citizen).await, StatusCode::FORBIDDEN);
    assert_eq!(call(session).await, StatusCode::OK);
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM appointments ORDER BY starts_at")
            .fetch_all(state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        statuses,
        ["svolto", "annullato"],
        "the future one is cancelled"
    );
    let left: Vec<_> = every_text(&state)
        .await
        .into_iter()
        .filter(|(_, v)| MARKERS.iter().any(|m| v.contains(m)))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let logged = crate::common::count(
        &state,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'dati_persona_cancellati'",
    )
    .await;
    assert_eq!(logged, 1);
}

on_both_engines!(with_state =>
    every_table_of_the_schema_has_one_rule,
    the_archive_holds_every_row_the_rules_find,
    erasure_leaves_nothing_that_names_the_person,
    staff_erase_a_person_booked_by_phone,
);
