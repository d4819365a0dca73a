//! The outbox under a burst, on both engines: a thousand queued messages
//! reach a real SMTP server on loopback over the worker's pooled
//! connections, the ones carrying a link (verification, reset) first, and
//! none is left or sent twice. The time it took is printed (the figure in
//! BENCHMARKS.md); the test asserts what was delivered, not how fast.

use crate::common::smtp::SmtpSink;
use crate::common::{count, with_state};
use app::kernel::clock::now;
use app::kernel::outbox::{enqueue_link_mail, enqueue_mail, run_outbox_worker};
use app::state::AppState;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

const ORDINARY: usize = 990;
const LINKS: usize = 10;

async fn a_thousand_messages_go_out_links_first(state: AppState) {
    let sink = SmtpSink::start().await;
    let mut tx = state.db.begin_write().await.unwrap();
    for i in 0..ORDINARY {
        let to = format!("persona{i}@esempio.it");
        enqueue_mail(
            &mut tx,
            None,
            &to,
            "Nuove offerte",
            "Ci sono nuove offerte per te.",
        )
        .await
        .unwrap();
    }
    for i in 0..LINKS {
        let to = format!("conferma{i}@esempio.it");
        enqueue_link_mail(
            &mut tx,
            None,
            &to,
            "Conferma",
            "Apri il link.",
            now() + 3600,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let mut smtp = state.config.smtp.clone();
    smtp.port = sink.port;

    let started = Instant::now();
    let worker = tokio::spawn(run_outbox_worker(
        state.db.clone(),
        smtp,
        Arc::new(Notify::new()),
    ));
    while sink.all().len() < ORDINARY + LINKS && started.elapsed() < Duration::from_secs(300) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let took = started.elapsed();
    worker.abort();
    let received = sink.all();
    eprintln!(
        "{} messages delivered in {:.1} s ({:.0} a second)",
        received.len(),
        took.as_secs_f64(),
        received.len() as f64 / took.as_secs_f64()
    );
    assert_eq!(
        received.len(),
        ORDINARY + LINKS,
        "every message, none twice"
    );
    let first_batch: Vec<&str> = received
        .iter()
        .take(50)
        .flat_map(|m| m.to.iter().map(String::as_str))
        .collect();
    for i in 0..LINKS {
        let to = format!("conferma{i}@esempio.it");
        assert!(first_batch.contains(&to.as_str()), "{to} went out first");
    }
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").await,
        0
    );
}

on_both_engines!(with_state => a_thousand_messages_go_out_links_first);
