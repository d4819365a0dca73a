//! 500 people enrol at the same moment into a course of 20 seats, through the
//! real service (seat check, waitlist, confirmation email queued), on SQLite
//! and on PostgreSQL. Target: at most 1 s on 2 cores. Run with
//! `scripts/bench-enrolment.sh` (figures in BENCHMARKS.md).

use app::accounts::repo::{insert_user, NewUser};
use app::catalogue::domain::{Kind, Session, Status};
use app::catalogue::repo::{insert_activity, ActivityRow};
use app::config::Config;
use app::kernel::access::domain::{AccountStatus, Role, SessionUser};
use app::state::AppState;
use criterion::{criterion_group, criterion_main, Criterion};
use leptos::prelude::LeptosOptions;
use std::time::{Duration, Instant};

const PEOPLE: usize = 500;
const SEATS: i64 = 20;

async fn state(url: String) -> AppState {
    let config = Config::from_lookup(|key| (key == "DATABASE_URL").then(|| url.clone()));
    let options = LeptosOptions::builder().output_name("infolavoro").build();
    server::build_state(config, options)
        .await
        .expect("state builds")
}

async fn people(state: &AppState) -> Vec<SessionUser> {
    let mut people = Vec::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        let email = format!("persona{i}@esempio.it");
        let mut tx = state.db.begin_write().await.unwrap();
        let id = insert_user(
            &mut tx,
            &NewUser {
                email: &email,
                desk_istat: None,
                password_hash: Some("x"),
                display_name: "Persona",
                organisation: None,
                role: Role::Cittadino,
                status: AccountStatus::Attivo,
                email_verified: true,
            },
        )
        .await
        .unwrap()
        .unwrap();
        tx.commit().await.unwrap();
        people.push(SessionUser {
            id,
            email,
            display_name: "Persona".into(),
            organisation: None,
            role: Role::Cittadino,
            status: AccountStatus::Attivo,
            email_verified: true,
            review_reason: None,
        });
    }
    people
}

async fn course(state: &AppState) -> i64 {
    let now = app::kernel::clock::now();
    let start = now + 30 * 86_400;
    let row = ActivityRow {
        kind: Kind::Corso,
        title: "Corso di prova".into(),
        description: "Corso per la misura delle iscrizioni simultanee.".into(),
        organiser_name: "Scuola Edile".into(),
        organiser_category: "ente_formazione".into(),
        comune_istat: "011015".into(),
        venue: "Via Roma 1".into(),
        mode: app::catalogue::domain::Mode::Presenza,
        topic: app::catalogue::domain::Topic::Mestieri,
        target_groups: vec!["tutti".into()],
        total_hours: 4,
        seats: SEATS,
        enrol_opens: now - 60,
        enrol_closes: start,
        requirements: String::new(),
        certificate: String::new(),
        cost_cents: 0,
        skills: String::new(),
        status: Status::Pubblicato,
        sessions: vec![Session {
            starts_at: start,
            ends_at: start + 4 * 3600,
        }],
        demo: false,
    };
    let mut tx = state.db.begin_write().await.unwrap();
    let id = insert_activity(&mut tx, &row, None).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// One round: a new course, 500 simultaneous enrolments, the time until the last is answered.
async fn round(state: &AppState, people: &[SessionUser]) -> Duration {
    let id = course(state).await;
    let started = Instant::now();
    let tasks: Vec<_> = people
        .iter()
        .cloned()
        .map(|p| {
            let state = state.clone();
            tokio::spawn(async move { app::catalogue::service::enrol(&state, id, &p).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().expect("enrolment answered");
    }
    let elapsed = started.elapsed();
    let enrolled: i64 = sqlx::query_scalar("SELECT enrolled FROM activities WHERE id = $1")
        .bind(id)
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(enrolled, SEATS);
    elapsed
}

fn enrolment(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("infolavoro-bench-{}", std::process::id()));
    let pg_admin = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let pg_name = format!("infolavoro_bench_{}", std::process::id());
    let pg_server = pg_admin
        .rsplit_once('/')
        .map_or(pg_admin.as_str(), |(s, _)| s)
        .to_string();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let admin = sqlx::AnyPool::connect(&pg_admin)
            .await
            .expect("PostgreSQL reachable");
        sqlx::query(&format!("CREATE DATABASE {pg_name}"))
            .execute(&admin)
            .await
            .unwrap();
    });
    let engines = [
        ("sqlite", format!("sqlite://{}/bench.db", dir.display())),
        ("postgres", format!("{pg_server}/{pg_name}")),
    ];
    let mut group = c.benchmark_group("500 simultaneous enrolments into 20 seats");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (engine, url) in engines {
        let (state, people) = runtime.block_on(async {
            let state = state(url).await;
            let people = people(&state).await;
            (state, people)
        });
        group.bench_function(engine, |b| {
            b.to_async(&runtime).iter_custom(|iterations| {
                let (state, people) = (state.clone(), people.clone());
                async move {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        total += round(&state, &people).await;
                    }
                    total
                }
            });
        });
        runtime.block_on(state.db.close());
    }
    group.finish();
    runtime.block_on(async {
        let admin = sqlx::AnyPool::connect(&pg_admin).await.unwrap();
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"))
            .execute(&admin)
            .await;
    });
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, enrolment);
criterion_main!(benches);
