//! The search index of this server process, kept consistent with the
//! database: loaded at start, updated at once after this process's own
//! changes, and every second from the rows any process changed (`updated_at`),
//! so several servers on one database agree within a second.

use super::domain::Status;
use super::index::{IndexedOffer, OfferIndex};
use super::repo::{self, Stored};
use crate::db::Db;
use crate::kernel::clock::now;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// How many offers one hold of the write lock puts in the index: a large
/// import goes in by slices, and searches run between them.
const BATCH: usize = 64;

#[derive(Clone, Default)]
pub struct Search {
    index: Arc<RwLock<OfferIndex>>,
    /// Rows changed at or after this second are read again at the next sync.
    synced_to: Arc<AtomicI64>,
    /// Each offer's `updated_at` as put in the index, for rows stamped at
    /// least two seconds before they were read: the sync's overlap reads
    /// recent rows again, and such a row, unchanged, is not indexed twice.
    /// (A row stamped later may be changed again within the same second.)
    applied: Arc<Mutex<HashMap<i64, i64>>>,
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search")
            .field("synced_to", &self.synced_to.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// What the index should hold of a stored offer: its entry while it is
/// published and not expired, nothing otherwise.
fn entry(stored: &Stored, at: i64) -> (i64, Option<IndexedOffer>) {
    let live = stored.status == Status::Pubblicata && stored.row.expires_at > at;
    (stored.summary.id, live.then(|| stored.indexed()))
}

fn apply(index: &mut OfferIndex, (id, offer): (i64, Option<IndexedOffer>)) {
    match offer {
        Some(offer) => index.upsert(offer),
        None => index.remove(id),
    }
}

impl Search {
    /// Builds the index from every published offer.
    pub async fn load(db: &Db) -> Result<Search, sqlx::Error> {
        let places = crate::kernel::geo::places(db).await?;
        let search = Search {
            index: Arc::new(RwLock::new(OfferIndex::new(places))),
            synced_to: Arc::new(AtomicI64::new(0)),
            applied: Arc::default(),
        };
        search.sync(db).await?;
        Ok(search)
    }

    /// Reads the offers changed since the last sync into the index.
    pub async fn sync(&self, db: &Db) -> Result<usize, sqlx::Error> {
        // Some seconds of overlap: a row whose transaction took its time to
        // commit after the last read is read now, not lost.
        let since = self.synced_to.load(Ordering::Acquire).saturating_sub(5);
        let started = now();
        let mut changed = repo::changed_since(db, since).await?;
        {
            let applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
            changed.retain(|s| applied.get(&s.summary.id) != Some(&s.updated_at));
        }
        for batch in changed.chunks(BATCH) {
            // The entries are made outside the lock; only the insertion holds it.
            let entries: Vec<_> = batch.iter().map(|s| entry(s, started)).collect();
            let mut index = self.write();
            for entry in entries {
                apply(&mut index, entry);
            }
            drop(index);
            self.record(batch, started - 1);
        }
        self.synced_to.fetch_max(started, Ordering::AcqRel);
        Ok(changed.len())
    }

    /// Puts one offer's current state in the index at once (after a change here).
    pub async fn refresh(&self, db: &Db, id: i64) -> Result<(), sqlx::Error> {
        let stored = repo::offer(db, id).await?;
        let entry = match &stored {
            Some(stored) => entry(stored, now()),
            None => (id, None),
        };
        apply(&mut self.write(), entry);
        Ok(())
    }

    fn record(&self, batch: &[Stored], before: i64) {
        let mut applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
        for stored in batch {
            if stored.updated_at < before {
                applied.insert(stored.summary.id, stored.updated_at);
            } else {
                applied.remove(&stored.summary.id);
            }
        }
    }

    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, OfferIndex> {
        // A panic while holding the lock leaves a usable index: take it anyway.
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, OfferIndex> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Keeps the index in step with the database and retires expired offers,
/// for the life of the server.
pub async fn run_sync_worker(db: Db, search: Search) {
    let mut ticks: u64 = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        if ticks.is_multiple_of(60) {
            if let Err(error) = repo::expire_due(&db, now()).await {
                tracing::error!(%error, "offers: could not retire expired offers");
            }
        }
        ticks += 1;
        if let Err(error) = search.sync(&db).await {
            tracing::error!(%error, "offers: could not sync the search index");
        }
    }
}
