//! The background work of a running server, started as one supervised set:
//! a worker that stops (a panic, an unexpected return) is logged and started
//! again after a pause, and on graceful shutdown every worker is stopped and
//! awaited before the database closes.

use app::state::AppState;
use std::future::Future;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// The schedule's first look waits this long after start-up: a portal that
/// is only started to be tried, or restarted in a loop, does not copy its
/// database each time.
const FIRST_BACKUP_AFTER: Duration = Duration::from_secs(5 * 60);

pub struct Workers {
    tracker: TaskTracker,
    stop: CancellationToken,
    restart_after: Duration,
}

impl Workers {
    pub fn new(restart_after: Duration) -> Workers {
        Workers {
            tracker: TaskTracker::new(),
            stop: CancellationToken::new(),
            restart_after,
        }
    }

    /// The portal's workers: the email outbox, the reminders of courses and
    /// meetings starting within a day, the offers' and candidates' index
    /// sync, the alerts' digest, retention, the protocol's expiry reminder,
    /// the metrics' upkeep, the database's scheduled backups, and on
    /// PostgreSQL the announcements of other server processes.
    pub fn start(state: &AppState) -> Workers {
        let workers = Workers::new(Duration::from_secs(5));
        let s = state.clone();
        workers.supervise("outbox", move || {
            let (db, smtp, wake) = (s.db.clone(), s.config.smtp.clone(), s.mail_wakeup.clone());
            app::kernel::outbox::run_outbox_worker(db, smtp, wake)
        });
        let s = state.clone();
        workers.supervise("activity reminders", move || {
            app::catalogue::service::run_reminder_worker(s.db.clone(), s.mail_wakeup.clone())
        });
        let s = state.clone();
        workers.supervise("offers' index", move || {
            app::offers::engine::run_sync_worker(s.db.clone(), s.offers.clone())
        });
        let s = state.clone();
        workers.supervise("candidates' index", move || {
            app::candidates::engine::run_sync_worker(s.db.clone(), s.candidates.clone())
        });
        let s = state.clone();
        workers.supervise("alerts' digest", move || {
            app::offers::alerts::run_digest_worker(s.clone())
        });
        let s = state.clone();
        workers.supervise("retention", move || {
            app::privacy::retention::run_worker(s.clone())
        });
        let s = state.clone();
        workers.supervise("protocol reminder", move || {
            let url = s.config.public_url.clone();
            app::membership::reminder::run_protocol_reminder(
                s.db.clone(),
                url,
                s.mail_wakeup.clone(),
            )
        });
        workers.supervise("metrics upkeep", crate::metrics::run_upkeep);
        let backups = &state.config.backups;
        if let (Some(dir), Some(every)) = (backups.dir.clone(), backups.every) {
            let (s, keep) = (state.clone(), backups.keep);
            workers.supervise("backups", move || {
                let schedule = crate::backup::Schedule {
                    dir: dir.clone(),
                    every,
                    keep,
                    first_after: FIRST_BACKUP_AFTER,
                };
                crate::backup::run_schedule(s.db.clone(), s.config.database_url.clone(), schedule)
            });
        }
        if state.db.engine() == app::db::Engine::Postgres {
            let s = state.clone();
            workers.supervise("live announcements", move || {
                s.live.clone().run_listener(s.config.database_url.clone())
            });
        }
        workers
    }

    /// Runs `make()` until shutdown, starting it again whenever it stops.
    pub fn supervise<F, W>(&self, name: &'static str, make: F)
    where
        F: Fn() -> W + Send + 'static,
        W: Future<Output = ()> + Send + 'static,
    {
        let (stop, pause) = (self.stop.clone(), self.restart_after);
        self.tracker.spawn(async move {
            loop {
                // Its own task, so that a panic ends this run, not the supervisor.
                let mut run = tokio::spawn(make());
                tokio::select! {
                    () = stop.cancelled() => {
                        run.abort();
                        let _ = run.await;
                        return;
                    }
                    outcome = &mut run => {
                        let panicked = outcome.is_err();
                        tracing::error!(worker = name, panicked, "a background worker stopped; starting it again");
                    }
                }
                tokio::select! {
                    () = stop.cancelled() => return,
                    () = tokio::time::sleep(pause) => {}
                }
            }
        });
    }

    /// Stops every worker and waits until they have all ended.
    pub async fn stop(self) {
        self.stop.cancel();
        self.tracker.close();
        self.tracker.wait().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// Counts its drops: a worker's future is dropped when it is stopped.
    struct Dropped(Arc<AtomicUsize>);
    impl Drop for Dropped {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[tokio::test]
    async fn a_failed_worker_starts_again_and_shutdown_stops_them_all() {
        let workers = Workers::new(Duration::from_millis(10));
        let (runs, dropped) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let (r, d) = (runs.clone(), dropped.clone());
        workers.supervise("test", move || {
            let (r, d) = (r.clone(), d.clone());
            async move {
                let _guard = Dropped(d);
                if r.fetch_add(1, Ordering::SeqCst) == 0 {
                    panic!("the first run fails");
                }
                std::future::pending::<()>().await;
            }
        });
        for _ in 0..100 {
            if runs.load(Ordering::SeqCst) == 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(
            runs.load(Ordering::SeqCst),
            2,
            "started again after its panic"
        );
        assert_eq!(dropped.load(Ordering::SeqCst), 1);
        tokio::time::timeout(Duration::from_secs(2), workers.stop())
            .await
            .expect("shutdown waits for no worker forever");
        assert_eq!(
            dropped.load(Ordering::SeqCst),
            2,
            "the running worker was stopped"
        );
    }
}
