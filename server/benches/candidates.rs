//! The businesses' search of candidates at 50,000 visible profiles on SQLite
//! and PostgreSQL: p50 and p99 of the `search_candidates` server function,
//! called by a signed-in business over the real router (session check,
//! argument parsing, the index, the day's view count, JSON out).
//! Target: p99 at most 10 ms for every query. Run with
//! `scripts/bench-candidates.sh` (figures in BENCHMARKS.md).

#[path = "support/mod.rs"]
mod support;

use app::accounts::repo::{insert_user, NewUser};
use app::config::Config;
use app::kernel::access::domain::{AccountStatus, Role};
use app::kernel::access::sessions::create_session;
use leptos::prelude::LeptosOptions;
use std::time::Instant;
use support::{on_both_engines, time_search};

const PROFILES: usize = 50_000;
const RUNS: usize = 300;

/// (name, query string of `/api/search_candidates`)
const QUERIES: [(&str, &str); 5] = [
    ("common term", "query%5Bq%5D=magazziniere"),
    ("rare term", "query%5Bq%5D=vetroresina"),
    ("comune + 25 km", "query%5Bcomune%5D=sarzana&query%5Bkm%5D=25"),
    ("language ≥ B2", "query%5Blingua%5D=inglese&query%5Blivello%5D=B2"),
    (
        "filters only",
        "query%5Bpatente%5D=B&query%5Bcontratto%5D=indeterminato&query%5Besperienza%5D=2&query%5Bistruzione%5D=4",
    ),
];

async fn measure(url: String) {
    let config = Config::from_lookup(|key| (key == "DATABASE_URL").then(|| url.clone()));
    let db = app::db::Db::connect(&url).await.expect("database");
    db.migrate().await.expect("migrations");
    app::network::repo::seed_reference(&db)
        .await
        .expect("reference data");
    let started = Instant::now();
    app::candidates::gen_demo::generate(&db, PROFILES)
        .await
        .expect("profiles");
    let generated = started.elapsed();
    let mut tx = db.begin_write().await.unwrap();
    let business = insert_user(
        &mut tx,
        &NewUser {
            email: "selezione@esempio.it",
            desk_istat: None,
            password_hash: Some("x"),
            display_name: "Ufficio personale",
            organisation: Some("Cantieri Riuniti del Golfo"),
            role: Role::Impresa,
            status: AccountStatus::Attivo,
            email_verified: true,
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let session = create_session(&db, business).await.unwrap();
    db.close().await;
    let options = LeptosOptions::builder().output_name("infolavoro").build();
    let started = Instant::now();
    let state = server::build_state(config, options).await.expect("state");
    println!(
        "  {PROFILES} profiles: generated in {:.1} s, index loaded in {:.2} s",
        generated.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    let router = server::build_router(state.clone());
    let cookie = format!("sessione={session}");
    for (name, args) in QUERIES {
        let url = format!("/api/search_candidates?{args}");
        let first = time_search(&router, name, &url, Some(&cookie), RUNS).await;
        // `{"total":N,…`: how many profiles the query finds.
        let found =
            String::from_utf8_lossy(&first[9..first.iter().position(|b| *b == b',').unwrap_or(9)])
                .into_owned();
        println!("    {:<16} ({found} found)", "");
    }
    state.db.close().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(on_both_engines("candidates", measure));
}
