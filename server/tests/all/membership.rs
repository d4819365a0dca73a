//! The network's membership on both engines: a body's request approved (it
//! joins `/rete`, its contact is invited and the invitation makes an active
//! `ente` account once), a comune's request rejected with its reason, the
//! form's errors on their fields; pre-moderation of courses and meetings; the
//! protocol reminder sent once.

use crate::catalogue::get;
use crate::common::{account_with_session, count, person, with_state};
use app::accounts::service::Decision;
use app::catalogue::domain::{ActivityInput, Review, Status};
use app::error::AppError;
use app::kernel::access::domain::{AccountStatus, Role};
use app::membership::domain::AdhesionInput;
use app::membership::domain::AdhesionStatus;
use app::membership::service;
use app::state::AppState;
use http::StatusCode;

fn form(kind: &str, name: &str, comune: &str) -> AdhesionInput {
    AdhesionInput {
        kind: kind.into(),
        name: name.into(),
        category: "terzo_settore".into(),
        comune: comune.into(),
        mayor: "Maria Rossi".into(),
        contact_name: "Anna Bianchi".into(),
        contact_email: "anna@cooperativa-golfo.it".into(),
        contact_phone: "0187 123456".into(),
        reason: "Accompagniamo al lavoro persone fragili in tutta la provincia.".into(),
        protocol: "on".into(),
    }
}

fn field_of(result: Result<impl std::fmt::Debug, AppError>) -> String {
    match result {
        Err(AppError::Validation { field, .. }) => field,
        other => panic!("expected a field error, got {other:?}"),
    }
}

async fn outbox_to(state: &AppState, address: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY id")
        .bind(address)
        .fetch_all(state.db.pool())
        .await
        .unwrap()
}

async fn a_body_is_approved_joins_the_network_and_its_contact_is_invited(state: AppState) {
    let admin = person(&state, Role::Admin, "admin@comune.sp.it").await;
    let name = "Cooperativa Sociale del Golfo";

    // Each mistake is named on its field.
    let mut bad = form("ente", name, "");
    bad.protocol = "".into();
    assert_eq!(field_of(service::parse(&state, &bad).await), "protocol");
    bad = form("ente", name, "");
    bad.reason = "Troppo breve".into();
    assert_eq!(field_of(service::parse(&state, &bad).await), "reason");
    bad = form("ente", name, "");
    bad.contact_email = "anna-at-golfo".into();
    assert_eq!(
        field_of(service::parse(&state, &bad).await),
        "contact_email"
    );
    bad = form("ente", name, "");
    bad.category = "banca".into();
    assert_eq!(field_of(service::parse(&state, &bad).await), "category");
    bad = form("ente", name, "");
    bad.contact_phone = "chiamami".into();
    assert_eq!(
        field_of(service::parse(&state, &bad).await),
        "contact_phone"
    );
    // A body already in the network cannot ask again.
    assert_eq!(
        field_of(service::parse(&state, &form("ente", "cescot la spezia", "")).await),
        "name"
    );

    let request = service::parse(&state, &form("ente", name, ""))
        .await
        .unwrap();
    let id = service::submit(&state, request).await.unwrap();
    // The same request twice while the first waits is refused.
    let again = service::parse(&state, &form("ente", name, ""))
        .await
        .unwrap();
    assert!(matches!(
        service::submit(&state, again).await,
        Err(AppError::Conflict { .. })
    ));
    let received = outbox_to(&state, "anna@cooperativa-golfo.it").await;
    assert_eq!(received.len(), 1, "the contact is told it arrived");
    assert_eq!(
        outbox_to(&state, "admin@comune.sp.it").await.len(),
        1,
        "the admin is told"
    );

    let queue = service::queue(&state).await.unwrap();
    assert!(queue.waiting.iter().any(|r| r.id == id && r.name == name));
    let bodies_before = count(&state, "SELECT COUNT(*) FROM member_bodies").await;
    service::decide(
        &state,
        &admin,
        id,
        Decision::Approve("Benvenuti nella Rete.".into()),
    )
    .await
    .unwrap();
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM member_bodies").await,
        bodies_before + 1
    );
    // Deciding twice is a conflict, not a second body.
    assert!(matches!(
        service::decide(&state, &admin, id, Decision::Approve(String::new())).await,
        Err(AppError::Conflict { .. })
    ));
    let queue = service::queue(&state).await.unwrap();
    assert!(queue.waiting.iter().all(|r| r.id != id));
    let decided = queue.decided.iter().find(|r| r.id == id).unwrap();
    assert_eq!(decided.status, AdhesionStatus::Approved);
    assert_eq!(
        count(&state, &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'adesione_approvata' AND subject_id = {id}")).await,
        1
    );

    // The body is on /rete, server-rendered.
    let (status, page) = get(&state, "/rete", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(name), "the new body is listed on /rete");

    // The approval email carries the invitation; it makes an active `ente` account once.
    let mails = outbox_to(&state, "anna@cooperativa-golfo.it").await;
    let (subject, body) = mails.last().unwrap();
    assert!(subject.contains("approvata"), "{subject}");
    assert!(
        body.contains("Benvenuti nella Rete."),
        "the reason is in the email"
    );
    let secret = body
        .split("/invito?token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let invitation = service::invitation(&state, &secret).await.unwrap();
    assert_eq!(invitation.organisation, name);
    assert_eq!(
        field_of(service::accept(&state, &secret, "Anna Bianchi", "corta", "on").await),
        "password"
    );
    let user_id = service::accept(
        &state,
        &secret,
        "Anna Bianchi",
        "una frase lunga da ricordare",
        "on",
    )
    .await
    .unwrap();
    let user = app::kernel::access::sessions::user_by_id(&state.db, user_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, Role::Ente);
    assert_eq!(user.status, AccountStatus::Attivo);
    assert_eq!(user.organisation.as_deref(), Some(name));
    assert_eq!(
        field_of(
            service::accept(
                &state,
                &secret,
                "Anna Bianchi",
                "una frase lunga da ricordare",
                "on"
            )
            .await
        ),
        "token",
        "an invitation works once"
    );
}

async fn a_comune_is_rejected_with_its_reason(state: AppState) {
    let admin = person(&state, Role::Admin, "admin@comune.sp.it").await;
    // Sarzana is in the network already; Levanto is not.
    assert_eq!(
        field_of(service::parse(&state, &form("comune", "", "sarzana")).await),
        "comune"
    );
    assert_eq!(
        field_of(service::parse(&state, &form("comune", "", "atlantide")).await),
        "comune"
    );
    let mut no_mayor = form("comune", "", "levanto");
    no_mayor.mayor = "".into();
    assert_eq!(field_of(service::parse(&state, &no_mayor).await), "mayor");
    let request = service::parse(&state, &form("comune", "", "levanto"))
        .await
        .unwrap();
    assert_eq!(request.name, "Comune di Levanto");
    let id = service::submit(&state, request).await.unwrap();
    // Rejecting needs a reason the applicant will read.
    assert!(Decision::parse("respingi", "").is_err());
    let reason = "Manca la delibera di giunta: inviatela con la nuova richiesta.";
    service::decide(&state, &admin, id, Decision::Reject(reason.into()))
        .await
        .unwrap();
    let in_network = count(
        &state,
        "SELECT COUNT(*) FROM network_comuni WHERE istat_code = '011017'",
    )
    .await;
    assert_eq!(in_network, 0, "a rejected comune does not join");
    let (subject, body) = outbox_to(&state, "anna@cooperativa-golfo.it")
        .await
        .pop()
        .unwrap();
    assert!(subject.contains("non è stata accolta"), "{subject}");
    assert!(body.contains(reason));
    assert!(!body.contains("/invito"), "no invitation after a rejection");
}

async fn an_admin_only_decides_through_the_router(state: AppState) {
    let operator = account_with_session(
        &state,
        Role::Operatore,
        AccountStatus::Attivo,
        "op@comune.sp.it",
    )
    .await;
    let (status, _) = get(&state, "/api/list_adhesions", Some(&operator)).await;
    // (A GET: reading the queue changes nothing.)
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&state, "/api/list_adhesions", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

fn course_form(publish: &str) -> ActivityInput {
    ActivityInput {
        kind: "corso".into(),
        title: "Cucina per la ristorazione".into(),
        description: "Un corso pratico per chi vuole lavorare nelle cucine dei ristoranti.".into(),
        comune: "lerici".into(),
        venue: "Piazza Garibaldi 1".into(),
        mode: "presenza".into(),
        topic: "turismo".into(),
        target: "giovani".into(),
        sessions: "01/12/2099 9:00-13:00".into(),
        total_hours: "4".into(),
        seats: "10".into(),
        publish: publish.into(),
        ..Default::default()
    }
}

async fn review(state: &AppState, id: i64) -> (Status, Review, Option<String>) {
    let s = app::catalogue::repo::activity(&state.db, id)
        .await
        .unwrap()
        .unwrap();
    (s.summary.status, s.summary.review, s.summary.review_reason)
}

async fn pre_moderation_holds_bodies_courses_until_approved(state: AppState) {
    let admin = person(&state, Role::Admin, "admin@comune.sp.it").await;
    let operator = person(&state, Role::Operatore, "op@comune.sp.it").await;
    let ente = person(&state, Role::Ente, "ente@esempio.it").await;
    // Off: a body publishes at once.
    let (_, open) = app::catalogue::service::create(&state, &ente, &course_form("si"))
        .await
        .unwrap();
    assert_eq!(
        review(&state, open).await,
        (Status::Pubblicato, Review::None, None)
    );

    app::catalogue::review::set_pre_moderation(&state, &admin, true)
        .await
        .unwrap();
    let (_, held) = app::catalogue::service::create(&state, &ente, &course_form("si"))
        .await
        .unwrap();
    assert_eq!(
        review(&state, held).await.0,
        Status::Bozza,
        "not public while it waits"
    );
    assert_eq!(review(&state, held).await.1, Review::Waiting);
    // Staff publish without review.
    let staff_form = ActivityInput {
        organiser: "Scuola Edile".into(),
        ..course_form("si")
    };
    let (_, by_staff) = app::catalogue::service::create(&state, &operator, &staff_form)
        .await
        .unwrap();
    assert_eq!(review(&state, by_staff).await.0, Status::Pubblicato);
    // A draft sent to publication waits too.
    let (_, draft) = app::catalogue::service::create(&state, &ente, &course_form("no"))
        .await
        .unwrap();
    app::catalogue::service::change_status(
        &state,
        draft,
        &ente,
        app::catalogue::service::Change::Publish,
        "",
    )
    .await
    .unwrap();
    assert_eq!(review(&state, draft).await.1, Review::Waiting);

    let queue = app::catalogue::review::queue(&state).await.unwrap();
    assert!(queue.pre_moderation);
    let ids: Vec<i64> = queue.waiting.iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![held, draft]);
    let dashboard = app::staff::service::dashboard(
        &state,
        &app::staff::domain::DashboardFilter {
            periodo: "7".into(),
            ..Default::default()
        },
        false,
    )
    .await
    .unwrap();
    assert_eq!(dashboard.figures.activities_to_review, 2);

    app::catalogue::review::decide(&state, &operator, held, Decision::Approve(String::new()))
        .await
        .unwrap();
    assert_eq!(review(&state, held).await.0, Status::Pubblicato);
    let reason = "Indicate l'attestato rilasciato e i requisiti.";
    app::catalogue::review::decide(&state, &operator, draft, Decision::Reject(reason.into()))
        .await
        .unwrap();
    assert_eq!(
        review(&state, draft).await,
        (Status::Bozza, Review::Rejected, Some(reason.into()))
    );
    let mails = outbox_to(&state, "ente@esempio.it").await;
    assert!(mails
        .iter()
        .any(|(s, b)| s.contains("non è stata approvata") && b.contains(reason)));
    assert!(mails.iter().any(|(s, _)| s.contains("è pubblicata")));
    assert!(matches!(
        app::catalogue::review::decide(&state, &operator, held, Decision::Approve(String::new()))
            .await,
        Err(AppError::Conflict { .. })
    ));
    // The public list shows the approved one, not the rejected one.
    let listed =
        app::catalogue::repo::list_visible(&state.db, app::catalogue::domain::Kind::Corso, 0)
            .await
            .unwrap();
    assert!(listed.iter().any(|l| l.summary.id == held));
    assert!(listed.iter().all(|l| l.summary.id != draft));
}

async fn the_protocol_reminder_goes_out_once(state: AppState) {
    person(&state, Role::Admin, "admin@comune.sp.it").await;
    let expires = app::membership::reminder::expires_at();
    let url = "http://127.0.0.1:3000";
    let day = 86_400;
    assert!(
        !app::membership::reminder::remind(&state.db, url, expires - 400 * day)
            .await
            .unwrap()
    );
    assert!(
        app::membership::reminder::remind(&state.db, url, expires - 25 * day)
            .await
            .unwrap()
    );
    assert!(
        !app::membership::reminder::remind(&state.db, url, expires - 24 * day)
            .await
            .unwrap(),
        "once"
    );
    let mails = outbox_to(&state, "admin@comune.sp.it").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].0.contains("25 giorni"), "{}", mails[0].0);
    assert!(mails[0].1.contains("30 giugno 2028"), "{}", mails[0].1);
}

crate::on_both_engines!(with_state =>
    a_body_is_approved_joins_the_network_and_its_contact_is_invited,
    a_comune_is_rejected_with_its_reason,
    an_admin_only_decides_through_the_router,
    pre_moderation_holds_bodies_courses_until_approved,
    the_protocol_reminder_goes_out_once,
);
