//! 500 staff dashboards connected to one server process (the release
//! binary, on a SQLite file): the time from a change to its arrival at the
//! dashboards, and the server's memory per connection. Target: the p99 time
//! for an event to reach every dashboard at most 250 ms. Run with
//! `scripts/bench-live.sh` (figures in BENCHMARKS.md).

#[path = "../tests/loopback/mod.rs"]
mod loopback;

use app::accounts::repo::{insert_user, NewUser};
use app::config::Config;
use app::kernel::access::domain::{AccountStatus, Role};
use app::kernel::access::sessions::create_session;
use leptos::prelude::LeptosOptions;
use loopback::{request, start, EventStream};
use std::time::{Duration, Instant};

const DASHBOARDS: usize = 500;
const EVENTS: usize = 40;
const NEEDLE: &str = "data: create_shortlist";

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

async fn session(db: &app::db::Db, role: Role, email: &str) -> String {
    let mut tx = db.begin_write().await.unwrap();
    let id = insert_user(
        &mut tx,
        &NewUser {
            email,
            desk_istat: None,
            password_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash"),
            display_name: "Prova",
            organisation: Some("Cantieri Riuniti del Golfo"),
            role,
            status: AccountStatus::Attivo,
            email_verified: true,
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    create_session(db, id).await.unwrap()
}

/// When each of the `EVENTS` announcements reached this dashboard.
async fn arrivals(mut events: EventStream) -> Vec<Instant> {
    let mut at = Vec::with_capacity(EVENTS);
    for k in 1..=EVENTS {
        if !events.wait_for(NEEDLE, k, Duration::from_secs(10)).await {
            break;
        }
        at.push(Instant::now());
    }
    at
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

async fn run() {
    let dir = std::env::temp_dir().join(format!("infolavoro-bench-live-{}", std::process::id()));
    let url = format!("sqlite://{}/live.db", dir.display());
    let config = Config::from_lookup(|key| (key == "DATABASE_URL").then(|| url.clone()));
    let state = server::build_state(
        config,
        LeptosOptions::builder().output_name("infolavoro").build(),
    )
    .await
    .expect("state");
    let staff = session(&state.db, Role::Operatore, "operatore@esempio.it").await;
    let business = session(&state.db, Role::Impresa, "impresa@esempio.it").await;
    state.db.close().await;

    let server = start(&url).await;
    // Warm: the first requests allocate what every later one reuses.
    for _ in 0..20 {
        let (status, body) = request(
            server.port,
            "GET",
            "/api/get_dashboard?filter%5Bperiodo%5D=30&lang=it",
            Some(&staff),
            "",
        )
        .await
        .unwrap();
        assert_eq!(status, 200, "{body}");
    }
    let before = rss_kib(server.pid());
    let mut streams = Vec::with_capacity(DASHBOARDS);
    for _ in 0..DASHBOARDS {
        streams.push(EventStream::open(server.port, &staff).await);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_kib(server.pid());
    let readers: Vec<_> = streams
        .into_iter()
        .map(|events| tokio::spawn(arrivals(events)))
        .collect();

    let mut sent = Vec::with_capacity(EVENTS);
    for k in 0..EVENTS {
        let started = Instant::now();
        let (status, body) = request(
            server.port,
            "POST",
            "/api/create_shortlist",
            Some(&business),
            &format!("name=Lista+{k}"),
        )
        .await
        .unwrap();
        assert_eq!(status, 200, "{body}");
        sent.push(started);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let mut every = Vec::new();
    let mut last_per_event = vec![0.0_f64; EVENTS];
    for reader in readers {
        let at = reader.await.unwrap();
        assert_eq!(at.len(), EVENTS, "every dashboard heard every change");
        for (k, arrived) in at.iter().enumerate() {
            let ms = arrived.duration_since(sent[k]).as_secs_f64() * 1000.0;
            every.push(ms);
            last_per_event[k] = last_per_event[k].max(ms);
        }
    }
    every.sort_by(f64::total_cmp);
    last_per_event.sort_by(f64::total_cmp);
    println!("  {DASHBOARDS} dashboards, {EVENTS} changes (a shortlist created each 150 ms)");
    println!(
        "    one dashboard:    p50 {:>7.2} ms   p99 {:>7.2} ms",
        percentile(&every, 0.5),
        percentile(&every, 0.99)
    );
    println!(
        "    all dashboards:   p50 {:>7.2} ms   p99 {:>7.2} ms   (the last of the {DASHBOARDS} to hear of a change)",
        percentile(&last_per_event, 0.5),
        percentile(&last_per_event, 0.99)
    );
    println!(
        "    server memory: {before} KiB before, {after} KiB with {DASHBOARDS} connected: {:.1} KiB per connection",
        (after.saturating_sub(before)) as f64 / DASHBOARDS as f64
    );
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(run());
}
