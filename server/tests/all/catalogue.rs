//! Courses, meetings and desk appointments on SQLite and PostgreSQL: the
//! invariants of enrolment (seats, waitlist order) under concurrency and
//! random sequences, bookings that never collide, reminders, feeds, rosters.

use crate::common::{count, person, text, with_state, Engine};
use app::catalogue::domain::{EnrolmentStatus, Kind, Session, Status};
use app::catalogue::repo::{insert_activity, ActivityRow};
use app::catalogue::service;
use app::error::AppError;
use app::kernel::access::domain::{AccountStatus, Role, SessionUser};
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, StatusCode};
use proptest::prelude::*;
use tower::ServiceExt;

const HOUR: i64 = 3600;

fn now() -> i64 {
    app::kernel::clock::now()
}

async fn citizens(state: &AppState, n: usize, tag: &str) -> Vec<SessionUser> {
    let mut people = Vec::with_capacity(n);
    for i in 0..n {
        people.push(person(state, Role::Cittadino, &format!("{tag}{i}@esempio.it")).await);
    }
    people
}

/// A published course in Sarzana with `seats` seats, starting in `starts_in` seconds.
pub(crate) async fn course(
    state: &AppState,
    seats: i64,
    starts_in: i64,
    publisher: Option<i64>,
) -> i64 {
    let start = now() + starts_in;
    let row = ActivityRow {
        kind: Kind::Corso,
        title: "Saldatura a filo".into(),
        description: "Corso pratico di saldatura con patentino finale.".into(),
        organiser_name: "Scuola Edile".into(),
        organiser_category: "ente_formazione".into(),
        comune_istat: "011027".into(),
        venue: "Via Variante Aurelia 5".into(),
        mode: app::catalogue::domain::Mode::Presenza,
        topic: app::catalogue::domain::Topic::Mestieri,
        target_groups: vec!["disoccupati".into()],
        total_hours: 8,
        seats,
        enrol_opens: now() - HOUR,
        enrol_closes: start,
        requirements: String::new(),
        certificate: String::new(),
        cost_cents: 0,
        skills: "saldatura".into(),
        status: Status::Pubblicato,
        sessions: vec![Session {
            starts_at: start,
            ends_at: start + 4 * HOUR,
        }],
        demo: false,
    };
    let mut tx = state.db.begin_write().await.unwrap();
    let id = insert_activity(&mut tx, &row, publisher).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// (user id, status) in arrival order.
async fn places(state: &AppState, activity: i64) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT user_id, status FROM enrolments WHERE activity_id = $1 AND status <> 'annullato' ORDER BY queue_no")
        .bind(activity)
        .fetch_all(state.db.pool())
        .await
        .unwrap()
}

async fn five_hundred_enrol_at_once_into_twenty_seats(state: AppState) {
    let id = course(&state, 20, 30 * 24 * HOUR, None).await;
    let people = citizens(&state, 500, "folla").await;
    let tasks: Vec<_> = people
        .into_iter()
        .map(|p| {
            let state = state.clone();
            tokio::spawn(async move {
                service::enrol(&state, id, &p)
                    .await
                    .map(|place| (p.id, place))
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.unwrap().expect("every enrolment is answered"));
    }
    let enrolled = outcomes
        .iter()
        .filter(|(_, p)| p.status == EnrolmentStatus::Iscritto)
        .count();
    let mut positions: Vec<i64> = outcomes.iter().filter_map(|(_, p)| p.position).collect();
    positions.sort_unstable();
    assert_eq!(enrolled, 20);
    assert_eq!(
        positions,
        (1..=480).collect::<Vec<_>>(),
        "each waiting person told a distinct position"
    );
    let rows = places(&state, id).await;
    assert_eq!(rows.len(), 500, "none lost, none duplicated");
    // First come, first served: the twenty seats went to the first twenty arrivals.
    assert!(rows[..20].iter().all(|(_, s)| s == "iscritto"));
    assert!(rows[20..].iter().all(|(_, s)| s == "in_attesa"));
    assert_eq!(
        count(
            &state,
            &format!("SELECT enrolled FROM activities WHERE id = {id}")
        )
        .await,
        20
    );
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM outbox").await,
        500,
        "one email each"
    );
}

async fn a_cancellation_promotes_the_first_waiting_person(state: AppState) {
    let id = course(&state, 1, 10 * 24 * HOUR, None).await;
    let people = citizens(&state, 3, "attesa").await;
    for p in &people {
        service::enrol(&state, id, p).await.unwrap();
    }
    let second = app::catalogue::repo::place(&state.db, id, people[2].id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (second.status, second.position),
        (EnrolmentStatus::InAttesa, Some(2))
    );
    service::cancel(&state, id, &people[0]).await.unwrap();
    let confirmed: i64 = count(&state, &format!("SELECT COUNT(*) FROM outbox WHERE recipient = '{}' AND subject LIKE 'Iscrizione annullata%'", people[0].email)).await;
    assert_eq!(confirmed, 1, "the person who cancels gets a confirmation");
    let rows = places(&state, id).await;
    assert_eq!(
        rows,
        vec![
            (people[1].id, "iscritto".into()),
            (people[2].id, "in_attesa".into())
        ]
    );
    let promoted: i64 = count(&state, &format!("SELECT COUNT(*) FROM outbox WHERE recipient = '{}' AND subject LIKE 'Si è liberato%' AND attachment LIKE 'BEGIN:VCALENDAR%'", people[1].email)).await;
    assert_eq!(
        promoted, 1,
        "the promoted person is emailed, with the calendar"
    );
    // Enrolling twice changes nothing; a closed course takes nobody new.
    service::enrol(&state, id, &people[1]).await.unwrap();
    assert_eq!(places(&state, id).await.len(), 2);
    let organiser = person(&state, Role::Admin, "admin@esempio.it").await;
    service::change_status(&state, id, &organiser, service::Change::Close, "")
        .await
        .unwrap();
    let late = person(&state, Role::Cittadino, "tardi@esempio.it").await;
    assert!(matches!(
        service::enrol(&state, id, &late).await,
        Err(AppError::Conflict { .. })
    ));
}

async fn reminders_go_once_a_day_before(state: AppState) {
    let soon = course(&state, 5, 20 * HOUR, None).await;
    let later = course(&state, 5, 3 * 24 * HOUR, None).await;
    let p = person(&state, Role::Cittadino, "promemoria@esempio.it").await;
    service::enrol(&state, soon, &p).await.unwrap();
    service::enrol(&state, later, &p).await.unwrap();
    assert_eq!(service::send_reminders(&state.db, now()).await.unwrap(), 1);
    assert_eq!(service::send_reminders(&state.db, now()).await.unwrap(), 0);
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Promemoria%'"
        )
        .await,
        1
    );
}

async fn one_hundred_bookings_of_one_slot_one_wins(state: AppState) {
    let booking = app::desk::service::booking(&state, "la-spezia", None)
        .await
        .unwrap();
    let slot = booking.days[0].slots[0].starts_at.to_string();
    let people = citizens(&state, 100, "sportello").await;
    let tasks: Vec<_> = people
        .into_iter()
        .map(|p| {
            let (state, slot) = (state.clone(), slot.clone());
            tokio::spawn(async move {
                let form = app::desk::service::BookingForm {
                    comune: "la-spezia".into(),
                    slot,
                    topic: "cv".into(),
                    mode: "presenza".into(),
                    notes: String::new(),
                    person_name: String::new(),
                    person_contact: String::new(),
                };
                app::desk::service::book(&state, &p, &form).await
            })
        })
        .collect();
    let mut won = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => won += 1,
            Err(AppError::Conflict { message, .. }) => {
                assert!(message.contains("appena stato prenotato"), "{message}")
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(won, 1);
    assert_eq!(count(&state, "SELECT COUNT(*) FROM appointments").await, 1);
    let after = app::desk::service::booking(&state, "la-spezia", None)
        .await
        .unwrap();
    assert!(!after.days[0].slots[0].free, "the slot shows as taken");
}

/// Three appointments ahead at most: a fourth is refused until one is cancelled.
async fn a_person_holds_at_most_three_appointments_ahead(state: AppState) {
    use app::desk::service::{book, cancel, BookingForm, MAX_FUTURE_APPOINTMENTS};
    let booking = app::desk::service::booking(&state, "la-spezia", None)
        .await
        .unwrap();
    let slots: Vec<String> = booking
        .days
        .iter()
        .flat_map(|d| d.slots.iter())
        .take(5)
        .map(|s| s.starts_at.to_string())
        .collect();
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let form = |slot: &String| BookingForm {
        comune: "la-spezia".into(),
        slot: slot.clone(),
        topic: "cv".into(),
        mode: "presenza".into(),
        notes: String::new(),
        person_name: String::new(),
        person_contact: String::new(),
    };
    let mut booked = Vec::new();
    for slot in &slots[..3] {
        booked.push(book(&state, &anna, &form(slot)).await.unwrap());
    }
    assert_eq!(MAX_FUTURE_APPOINTMENTS, 3);
    let refused = book(&state, &anna, &form(&slots[3])).await.unwrap_err();
    assert!(
        matches!(&refused, AppError::Conflict { message: m, .. } if m.contains("Hai già 3 appuntamenti")),
        "{refused:?}"
    );
    cancel(&state, &anna, booked[0]).await.unwrap();
    book(&state, &anna, &form(&slots[3])).await.unwrap();
}

/// A GET through the whole router, with a session when given: status and body.
pub(crate) async fn get(
    state: &AppState,
    path: &str,
    session: Option<&str>,
) -> (StatusCode, String) {
    let mut request = Request::get(path);
    if let Some(secret) = session {
        request = request.header(header::COOKIE, format!("sessione={secret}"));
    }
    let response = server::build_router(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    (response.status(), text(response).await)
}

async fn feeds_and_roster_downloads(state: AppState) {
    let publisher = crate::common::account_with_session(
        &state,
        Role::Ente,
        AccountStatus::Attivo,
        "ente@esempio.it",
    )
    .await;
    let publisher_id: i64 = count(
        &state,
        "SELECT id FROM users WHERE email = 'ente@esempio.it'",
    )
    .await;
    let other = crate::common::account_with_session(
        &state,
        Role::Ente,
        AccountStatus::Attivo,
        "altro@esempio.it",
    )
    .await;
    let id = course(&state, 2, 5 * 24 * HOUR, Some(publisher_id)).await;
    let p = person(&state, Role::Cittadino, "=HYPERLINK@esempio.it").await;
    service::enrol(&state, id, &p).await.unwrap();

    let (status, csv) = get(
        &state,
        &format!("/api/attivita/{id}/iscritti.csv"),
        Some(&publisher),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        csv.contains("\"'=HYPERLINK@esempio.it\""),
        "no formula reaches the spreadsheet: {csv}"
    );
    assert!(csv.contains("Iscritto"));
    assert_eq!(
        get(
            &state,
            &format!("/api/attivita/{id}/iscritti.csv"),
            Some(&other)
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&state, &format!("/api/attivita/{id}/iscritti.csv"), None)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );

    let token = app::catalogue::repo::renew_feed(&state.db, p.id)
        .await
        .unwrap();
    let (status, ics) = get(&state, &format!("/calendario/personale/{token}.ics"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains("SUMMARY:Saldatura a filo"),
        "{ics}"
    );
    assert_eq!(
        get(&state, "/calendario/personale/sbagliato.ics", None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // Only its hash is stored; a new address ends the old one; revoking ends it.
    let stored: String =
        sqlx::query_scalar("SELECT token_hash FROM calendar_feeds WHERE user_id = $1")
            .bind(p.id)
            .fetch_one(state.db.pool())
            .await
            .unwrap();
    assert!(!stored.contains(&token) && stored.len() == 64, "{stored}");
    let renewed = app::catalogue::repo::renew_feed(&state.db, p.id)
        .await
        .unwrap();
    let feed = |t: &str| format!("/calendario/personale/{t}.ics");
    assert_eq!(
        get(&state, &feed(&token), None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&state, &feed(&renewed), None).await.0, StatusCode::OK);
    app::catalogue::repo::revoke_feed(&state.db, p.id)
        .await
        .unwrap();
    assert_eq!(
        get(&state, &feed(&renewed), None).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, ics) = get(&state, "/calendario/comune/sarzana.ics", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ics.contains("Saldatura a filo"));
    assert!(!get(&state, "/calendario/comune/lerici.ics", None)
        .await
        .1
        .contains("Saldatura"));
}

async fn the_form_answers_on_the_right_field(state: AppState) {
    let ente = person(&state, Role::Ente, "modulo@esempio.it").await;
    let mut form = app::catalogue::domain::ActivityInput {
        kind: "corso".into(),
        title: "Inglese per il turismo".into(),
        description: "Un corso di inglese per chi lavora nell'accoglienza.".into(),
        comune: "lerici".into(),
        venue: "Piazza Garibaldi 1".into(),
        mode: "presenza".into(),
        topic: "turismo".into(),
        target: "giovani".into(),
        sessions: "01/12/2020 9:00-13:00".into(),
        total_hours: "4".into(),
        seats: "10".into(),
        publish: "si".into(),
        ..Default::default()
    };
    let field = |e: AppError| match e {
        AppError::Validation { field, message, .. } => (field, message),
        other => panic!("{other:?}"),
    };
    let (f, m) = field(service::create(&state, &ente, &form).await.unwrap_err());
    assert_eq!(f, "sessions");
    assert!(m.contains("Riga 1") && m.contains("passata"), "{m}");
    form.sessions = "01/12/2099 13:00-9:00".into();
    assert_eq!(
        field(service::create(&state, &ente, &form).await.unwrap_err()).0,
        "sessions"
    );
    form.sessions = "01/12/2099 9:00-13:00\n08/12/2099 9:00-13:00".into();
    form.seats = "zero".into();
    assert_eq!(
        field(service::create(&state, &ente, &form).await.unwrap_err()).0,
        "seats"
    );
    form.seats = "10".into();
    let (kind, id) = service::create(&state, &ente, &form).await.unwrap();
    assert_eq!(kind, Kind::Corso);
    let stored = app::catalogue::repo::activity(&state.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.sessions.len(), 2);
    assert_eq!(stored.summary.organiser_name, "Cescot La Spezia");
    assert_eq!(stored.organiser_category, "ente_formazione");
    // Another body cannot manage it.
    let intruder = person(&state, Role::Ente, "intruso@esempio.it").await;
    assert_eq!(
        service::roster(&state.db, id, &intruder).await.unwrap_err(),
        AppError::Forbidden
    );
}

async fn search_by_comune_radius_and_words(state: AppState) {
    course(&state, 5, 5 * 24 * HOUR, None).await; // Sarzana
    let f = |comune: &str, km: &str, q: &str| app::catalogue::domain::CatalogueFilter {
        comune: comune.into(),
        km: km.into(),
        q: q.into(),
        ..Default::default()
    };
    let n = |c: app::catalogue::domain::Catalogue| c.items.len();
    assert_eq!(
        n(service::list(&state.db, Kind::Corso, &f("sarzana", "", ""))
            .await
            .unwrap()),
        1
    );
    assert_eq!(
        n(
            service::list(&state.db, Kind::Corso, &f("la-spezia", "", ""))
                .await
                .unwrap()
        ),
        0
    );
    assert_eq!(
        n(
            service::list(&state.db, Kind::Corso, &f("la-spezia", "25", ""))
                .await
                .unwrap()
        ),
        1
    );
    assert_eq!(
        n(
            service::list(&state.db, Kind::Corso, &f("", "", "saldature"))
                .await
                .unwrap()
        ),
        1
    );
    assert_eq!(
        n(service::list(&state.db, Kind::Corso, &f("", "", "cucina"))
            .await
            .unwrap()),
        0
    );
    assert_eq!(
        n(service::list(&state.db, Kind::Incontro, &f("", "", ""))
            .await
            .unwrap()),
        0
    );
    let map = service::list(&state.db, Kind::Corso, &f("la-spezia", "", ""))
        .await
        .unwrap();
    assert_eq!(
        map.per_comune,
        vec![("sarzana".to_string(), 1)],
        "the map counts what each comune would show"
    );
}

async fn run(
    engine: Engine,
    test: fn(AppState) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>,
) {
    with_state(engine, test).await;
}

macro_rules! both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::run(super::Engine::Sqlite, |s| Box::pin(super::$name(s))).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::run(super::Engine::Postgres, |s| Box::pin(super::$name(s))).await;
                }
            }
        )*
    };
}

/// A code no variant has (a row from a newer version, a hand edit) is an
/// error when read, never shown as some other state: an unknown review used
/// to read as "no review".
async fn an_unknown_code_in_the_database_is_an_error_not_a_default(state: AppState) {
    let id = course(&state, 3, 3 * 86_400, None).await;
    let stored = app::catalogue::repo::activity(&state.db, id).await.unwrap();
    assert_eq!(stored.unwrap().summary.status, Status::Pubblicato);
    // The schema's CHECK refuses such a row: step around it as a hand edit would.
    let mut conn = state.db.pool().acquire().await.unwrap();
    let (around, back) = match state.db.engine() {
        app::db::Engine::Sqlite => (
            "PRAGMA ignore_check_constraints = ON",
            "PRAGMA ignore_check_constraints = OFF",
        ),
        app::db::Engine::Postgres => (
            "ALTER TABLE activities DROP CONSTRAINT activities_review_check",
            "SELECT 1",
        ),
    };
    sqlx::query(around).execute(&mut *conn).await.unwrap();
    sqlx::query("UPDATE activities SET review = 'sospesa' WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .unwrap();
    sqlx::query(back).execute(&mut *conn).await.unwrap();
    drop(conn);
    let read = app::catalogue::repo::activity(&state.db, id).await;
    let error = read.err().expect("an unknown review is not read as none");
    assert!(error.to_string().contains("sospesa"), "{error}");
}

both!(
    an_unknown_code_in_the_database_is_an_error_not_a_default,
    five_hundred_enrol_at_once_into_twenty_seats,
    a_cancellation_promotes_the_first_waiting_person,
    reminders_go_once_a_day_before,
    one_hundred_bookings_of_one_slot_one_wins,
    a_person_holds_at_most_three_appointments_ahead,
    feeds_and_roster_downloads,
    the_form_answers_on_the_right_field,
    search_by_comune_radius_and_words,
);

/// One step of a random sequence on one course.
#[derive(Clone, Debug)]
enum Op {
    Enrol(usize),
    Cancel(usize),
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..6_usize).prop_map(Op::Enrol),
        4 => (0..6_usize).prop_map(Op::Cancel),
        1 => Just(Op::Close),
    ]
}

/// The reference model: seats, the enrolled, the queue, closed or not.
#[derive(Default)]
struct Model {
    enrolled: Vec<usize>,
    waiting: std::collections::VecDeque<usize>,
    closed: bool,
}

impl Model {
    fn apply(&mut self, op: &Op, seats: usize) {
        match *op {
            Op::Enrol(p)
                if !self.closed && !self.enrolled.contains(&p) && !self.waiting.contains(&p) =>
            {
                if self.enrolled.len() < seats {
                    self.enrolled.push(p);
                } else {
                    self.waiting.push_back(p);
                }
            }
            Op::Cancel(p) => {
                if let Some(i) = self.enrolled.iter().position(|&e| e == p) {
                    self.enrolled.remove(i);
                    if let Some(next) = self.waiting.pop_front() {
                        self.enrolled.push(next);
                    }
                } else if let Some(i) = self.waiting.iter().position(|&w| w == p) {
                    self.waiting.remove(i);
                }
            }
            Op::Close => self.closed = true,
            Op::Enrol(_) => {}
        }
    }
}

fn random_sequences_keep_the_invariants(engine: Engine) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(with_state(engine, |state| async move {
        let people = citizens(&state, 6, "caso").await;
        let admin = person(&state, Role::Admin, "coordinamento@esempio.it").await;
        let handle = tokio::runtime::Handle::current();
        tokio::task::block_in_place(|| {
            let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
                cases: 40,
                ..ProptestConfig::default()
            });
            runner
                .run(
                    &(1..4_i64, proptest::collection::vec(op(), 1..30)),
                    |(seats, ops)| {
                        handle.block_on(async {
                            let id = course(&state, seats, 10 * 24 * HOUR, None).await;
                            let mut model = Model::default();
                            for op in &ops {
                                match *op {
                                    Op::Enrol(p) => {
                                        let _ = service::enrol(&state, id, &people[p]).await;
                                    }
                                    Op::Cancel(p) => {
                                        service::cancel(&state, id, &people[p]).await.unwrap()
                                    }
                                    Op::Close => {
                                        let _ = service::change_status(
                                            &state,
                                            id,
                                            &admin,
                                            service::Change::Close,
                                            "",
                                        )
                                        .await;
                                    }
                                }
                                model.apply(op, seats as usize);
                                let rows = places(&state, id).await;
                                let enrolled: Vec<i64> = rows
                                    .iter()
                                    .filter(|(_, s)| s == "iscritto")
                                    .map(|(u, _)| *u)
                                    .collect();
                                let waiting: Vec<i64> = rows
                                    .iter()
                                    .filter(|(_, s)| s == "in_attesa")
                                    .map(|(u, _)| *u)
                                    .collect();
                                let mut expected: Vec<i64> =
                                    model.enrolled.iter().map(|&p| people[p].id).collect();
                                let mut actual = enrolled.clone();
                                expected.sort_unstable();
                                actual.sort_unstable();
                                prop_assert!(enrolled.len() as i64 <= seats);
                                prop_assert_eq!(actual, expected, "enrolled after {:?}", op);
                                let queue: Vec<i64> =
                                    model.waiting.iter().map(|&p| people[p].id).collect();
                                prop_assert_eq!(waiting, queue, "waitlist order after {:?}", op);
                                let counter = count(
                                    &state,
                                    &format!("SELECT enrolled FROM activities WHERE id = {id}"),
                                )
                                .await;
                                prop_assert_eq!(counter, enrolled.len() as i64);
                            }
                            Ok(())
                        })
                    },
                )
                .unwrap();
        });
    }));
}

#[test]
fn random_sequences_keep_the_invariants_sqlite() {
    random_sequences_keep_the_invariants(Engine::Sqlite);
}

#[test]
fn random_sequences_keep_the_invariants_postgres() {
    random_sequences_keep_the_invariants(Engine::Postgres);
}
