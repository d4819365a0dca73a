//! What the benchmarks share: fresh databases on both engines, percentiles.

use axum::body::Body;
use axum::Router;
use http::Request;
use std::future::Future;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// How many calls warm the caches before the timed ones.
const WARM_UP: usize = 20;

/// Times `runs` GETs of a server function's `url` through the whole router
/// (after the warm-up), asserting each answers a search result, and prints
/// `name` with p50 and p99. Returns the body of the first answer.
pub async fn time_search(
    router: &Router,
    name: &str,
    url: &str,
    cookie: Option<&str>,
    runs: usize,
) -> Vec<u8> {
    let mut times = Vec::with_capacity(runs);
    let mut first = Vec::new();
    for run in 0..runs + WARM_UP {
        let mut request = Request::get(url);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let request = request.body(Body::empty()).unwrap();
        let started = Instant::now();
        let response = router.clone().oneshot(request).await.unwrap();
        let body = axum::body::to_bytes(response.into_body(), 16 << 20)
            .await
            .unwrap();
        let took = started.elapsed();
        assert!(
            body.starts_with(b"{\"total\""),
            "{}",
            String::from_utf8_lossy(&body)
        );
        if run == 0 {
            first = body.to_vec();
        }
        if run >= WARM_UP {
            times.push(took);
        }
    }
    times.sort();
    println!(
        "    {name:<16} p50 {:>6.2} ms   p99 {:>6.2} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    first
}

/// The value at `p` (0–1) of sorted times, in milliseconds.
pub fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Runs `measure` on a fresh SQLite file and then on a fresh PostgreSQL
/// database named `name` (dropped afterwards), printing the engine first.
pub async fn on_both_engines<F, Fut>(name: &str, measure: F)
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = ()>,
{
    sqlx::any::install_default_drivers();
    let dir = std::env::temp_dir().join(format!("infolavoro-bench-{name}-{}", std::process::id()));
    println!("SQLite");
    measure(format!("sqlite://{}/{name}.db", dir.display())).await;
    let _ = std::fs::remove_dir_all(&dir);
    let postgres = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let server = postgres
        .rsplit_once('/')
        .map_or(postgres.as_str(), |(s, _)| s)
        .to_string();
    let database = format!("infolavoro_bench_{name}");
    let admin = sqlx::AnyPool::connect(&postgres).await.expect("PostgreSQL");
    for statement in [
        format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"),
        format!("CREATE DATABASE {database}"),
    ] {
        sqlx::query(&statement).execute(&admin).await.unwrap();
    }
    println!("PostgreSQL");
    measure(format!("{server}/{database}")).await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
}
