//! The staff dashboard: figures that follow what people do (both engines),
//! filters, the CSV tables, the live stream through the router, and two
//! server processes on one PostgreSQL database telling each other's
//! dashboards.

use crate::catalogue::{course, get};
use crate::common::{account_with_session, person, with_state};
use app::error::AppError;
use app::kernel::access::domain::{AccountStatus, Role};
use app::staff::domain::DashboardFilter;
use app::staff::service::dashboard;
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, StatusCode};
use std::time::Duration;
use tower::ServiceExt;

const DAY: i64 = 86_400;

fn filter(comune: &str, ente: &str) -> DashboardFilter {
    DashboardFilter {
        comune: comune.into(),
        ente: ente.into(),
        periodo: "7".into(),
    }
}

async fn the_figures_follow_enrolments_and_the_filters(state: AppState) {
    let all = filter("", "");
    let before = dashboard(&state, &all, false).await.unwrap();
    // A course of 2 seats in Sarzana by the Scuola Edile; three people enrol.
    let id = course(&state, 2, 5 * DAY, None).await;
    for n in 0..3 {
        let citizen = person(&state, Role::Cittadino, &format!("c{n}@esempio.it")).await;
        app::catalogue::service::enrol(&state, id, &citizen)
            .await
            .unwrap();
    }
    let after = dashboard(&state, &all, false).await.unwrap();
    let (b, a) = (&before.figures, &after.figures);
    assert_eq!(a.course_seats - b.course_seats, 2);
    assert_eq!(a.course_enrolled - b.course_enrolled, 2);
    assert_eq!(a.course_waiting - b.course_waiting, 1, "the third waits");
    assert_eq!(a.citizens - b.citizens, 3);
    assert_eq!(a.new_citizens - b.new_citizens, 3, "registered this week");
    let row = after.activities.iter().find(|r| r.id == id).unwrap();
    assert_eq!((row.enrolled, row.seats, row.waiting), (2, 2, 1));
    assert_eq!(row.comune, "Sarzana");
    let series_enrolments: i64 = after.series.iter().map(|b| b.enrolments).sum();
    assert_eq!(series_enrolments, 3, "today's bucket counts the three");
    assert_eq!(after.series.len(), 7, "a bucket a day");

    // The course's comune and body keep it; another comune or body does not.
    for (comune, ente, kept) in [
        ("sarzana", "", true),
        ("", "scuola-edile", true),
        ("levanto", "", false),
        ("", "cescot-la-spezia", false),
    ] {
        let d = dashboard(&state, &filter(comune, ente), false)
            .await
            .unwrap();
        assert_eq!(
            d.activities.iter().any(|r| r.id == id),
            kept,
            "{comune}{ente}"
        );
        assert_eq!(d.figures.course_waiting >= 1, kept, "{comune}{ente}");
    }

    // An unknown comune or body is named on its field.
    match dashboard(&state, &filter("atlantide", ""), false).await {
        Err(AppError::Validation { field, .. }) => assert_eq!(field, "comune"),
        other => panic!("{other:?}"),
    }
    match dashboard(&state, &filter("", "nessuno"), false).await {
        Err(AppError::Validation { field, .. }) => assert_eq!(field, "ente"),
        other => panic!("{other:?}"),
    }
}

async fn the_tables_download_as_csv_for_staff_only(state: AppState) {
    let id = course(&state, 4, 3 * DAY, None).await;
    let operator = account_with_session(
        &state,
        Role::Operatore,
        AccountStatus::Attivo,
        "op@esempio.it",
    )
    .await;
    let business = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::Attivo,
        "impresa@esempio.it",
    )
    .await;
    let (status, csv) = get(
        &state,
        "/api/staff/cruscotto.csv?tabella=attivita&comune=sarzana",
        Some(&operator),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    assert!(
        csv.contains("\"Corso\",\"Saldatura a filo\",\"Sarzana\",\"0\",\"4\",\"0\",\"0\""),
        "{csv} (course {id})"
    );
    let (status, csv) = get(
        &state,
        "/api/staff/cruscotto.csv?tabella=cifre",
        Some(&operator),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        csv.contains("Riempimento dei corsi") && csv.contains("Che cosa conta"),
        "{csv}"
    );
    for (session, expected) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(business.as_str()), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            get(&state, "/api/staff/cruscotto.csv?tabella=cifre", session)
                .await
                .0,
            expected
        );
        assert_eq!(get(&state, "/api/staff/diretta", session).await.0, expected);
    }
    assert_eq!(
        get(
            &state,
            "/api/staff/cruscotto.csv?tabella=nessuna",
            Some(&operator)
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
}

async fn a_change_through_the_router_is_announced(state: AppState) {
    let id = course(&state, 4, 3 * DAY, None).await;
    let citizen = account_with_session(
        &state,
        Role::Cittadino,
        AccountStatus::Attivo,
        "anna@esempio.it",
    )
    .await;
    let mut dashboards = state.live.subscribe();
    let post = |path: &str, body: String| {
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("sessione={citizen}"))
            .body(Body::from(body))
            .unwrap()
    };
    // A read (a POST here, but its verb says it reads) is not announced; the enrolment is.
    let response = server::build_router(state.clone())
        .oneshot(post("/api/get_my_account", String::new()))
        .await
        .unwrap();
    assert!(response.status().is_success());
    let response = server::build_router(state.clone())
        .oneshot(post("/api/enrol_activity", format!("id={id}")))
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let what = tokio::time::timeout(Duration::from_secs(1), dashboards.recv())
        .await
        .expect("announced within a second")
        .unwrap();
    assert_eq!(&*what, "enrol_activity");
    // A refused call changes nothing and is not announced.
    let response = server::build_router(state.clone())
        .oneshot(post("/api/enrol_activity", "id=999999".into()))
        .await
        .unwrap();
    assert!(!response.status().is_success());
    assert!(dashboards.try_recv().is_err());
}

/// What coordinators report: a hire, a business, an offer's moderation
/// time; and, with a comune chosen, which figures cannot follow it.
async fn what_came_of_the_period_is_counted(state: AppState) {
    let all = filter("", "");
    let before = dashboard(&state, &all, false)
        .await
        .unwrap()
        .figures
        .outcomes;
    let business = person(&state, Role::Impresa, "hotel@esempio.it").await;
    let offer = crate::applications::published_offer(&state, &business, "Cameriere di sala").await;
    // Sent for review three hours before the decision.
    sqlx::query("UPDATE offers SET submitted_at = decided_at - 10800 WHERE id = $1")
        .bind(offer)
        .execute(state.db.pool())
        .await
        .unwrap();
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let cv = app::cv::service::create(&state, &anna, "CV", app::cv::domain::CvLanguage::It)
        .await
        .unwrap();
    app::cv::service::save(&state, &anna, cv, 1, app::cv::sample::complete())
        .await
        .unwrap();
    app::applications::service::apply(&state, &anna, offer, cv, "", None)
        .await
        .unwrap();
    let received = app::applications::service::received(&state, &business, offer)
        .await
        .unwrap();
    app::applications::service::set_stage(
        &state,
        &business,
        received.applications[0].id,
        "assunta",
    )
    .await
    .unwrap();

    let d = dashboard(&state, &all, false).await.unwrap();
    let o = &d.figures.outcomes;
    assert_eq!(o.hires - before.hires, 1);
    let hired = |o: &app::staff::domain::Outcomes| {
        o.applications_by_stage
            .iter()
            .find(|s| s.0 == "assunta")
            .unwrap()
            .1
    };
    assert_eq!(hired(o) - hired(&before), 1);
    assert_eq!(o.businesses_new - before.businesses_new, 1);
    assert_eq!(o.businesses_active - before.businesses_active, 1);
    assert_eq!(o.offers_published - before.offers_published, 1);
    assert_eq!(o.decisions - before.decisions, 1);
    if before.decisions == 0 {
        assert_eq!(o.median_decision_hours, Some(3));
    }
    let card = |d: &app::staff::domain::Dashboard, key: &str| {
        d.cards.iter().find(|c| c.key == key).unwrap().clone()
    };
    assert!(
        card(&d, "imprese").scope_note.is_empty(),
        "no comune chosen"
    );

    // The offer is in Lerici: its hire follows Lerici, not Levanto; the
    // businesses' figure says it cannot follow a comune.
    let lerici = dashboard(&state, &filter("lerici", ""), false)
        .await
        .unwrap();
    assert!(lerici.figures.outcomes.hires >= 1);
    assert_eq!(
        dashboard(&state, &filter("levanto", ""), false)
            .await
            .unwrap()
            .figures
            .outcomes
            .hires,
        0
    );
    assert!(
        card(&lerici, "imprese").scope_note.contains("comune"),
        "{:?}",
        card(&lerici, "imprese")
    );
    assert!(card(&lerici, "assunzioni").scope_note.is_empty());
}

on_both_engines!(with_state =>
    what_came_of_the_period_is_counted,
    the_figures_follow_enrolments_and_the_filters,
    the_tables_download_as_csv_for_staff_only,
    a_change_through_the_router_is_announced,
);

/// Two real server processes (the `server` binary) on one PostgreSQL
/// database: a citizen enrols through the first; a dashboard connected to
/// the second hears of it and counts the seat.
#[tokio::test]
async fn two_server_processes_share_their_announcements() {
    crate::processes::two_servers_share_announcements().await;
}
