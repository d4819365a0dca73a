//! The offers' search at 1k, 10k and 100k offers on SQLite and PostgreSQL:
//! p50 and p99 of the `search_offers` server function, called over the real
//! router (argument parsing, the index, JSON out) for four kinds of query.
//! Target: p99 at most 10 ms for every query at 100k. Run with
//! `scripts/bench-search.sh` (figures in BENCHMARKS.md).

#[path = "support/mod.rs"]
mod support;

use app::config::Config;
use leptos::prelude::LeptosOptions;
use std::time::Instant;
use support::{on_both_engines, time_search};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const RUNS: usize = 300;

/// (name, query string of `/api/search_offers`)
const QUERIES: [(&str, &str); 4] = [
    ("common term", "query%5Bq%5D=addetto"),
    ("rare term", "query%5Bq%5D=pasticcere"),
    ("comune + 15 km", "query%5Bcomune%5D%5B0%5D=sarzana&query%5Bkm%5D=15"),
    (
        "filters only",
        "query%5Btipo%5D=lavoro&query%5Bcontratto%5D=determinato&query%5Borario%5D=pieno&query%5Bentro%5D=30",
    ),
];

async fn measure(url: &str, size: usize) {
    let config = Config::from_lookup(|key| (key == "DATABASE_URL").then(|| url.to_string()));
    // The demo rows first, then the state (which loads the index from them).
    let db = app::db::Db::connect(url).await.expect("database");
    db.migrate().await.expect("migrations");
    app::network::repo::seed_reference(&db)
        .await
        .expect("reference data");
    let started = Instant::now();
    app::offers::gen_demo::generate(&db, size)
        .await
        .expect("demo offers");
    let generated = started.elapsed();
    db.close().await;
    let options = LeptosOptions::builder().output_name("infolavoro").build();
    let started = Instant::now();
    let state = server::build_state(config, options).await.expect("state");
    let loaded = started.elapsed();
    println!(
        "  {size} offers: generated in {:.1} s, index loaded in {:.2} s",
        generated.as_secs_f64(),
        loaded.as_secs_f64()
    );
    let router = server::build_router(state.clone());
    for (name, args) in QUERIES {
        time_search(
            &router,
            name,
            &format!("/api/search_offers?{args}"),
            None,
            RUNS,
        )
        .await;
    }
    state.db.close().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for size in SIZES {
            on_both_engines(&format!("search_{size}"), |url| async move {
                measure(&url, size).await
            })
            .await;
        }
    });
}
