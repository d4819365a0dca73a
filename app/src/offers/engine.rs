//! The offers' search index of this server process, kept in step with the
//! database by the kernel's `SyncedIndex` (loaded at start, updated at once
//! after this process's own changes, every second from any process's).

use super::domain::Status;
use super::index::{IndexedOffer, OfferIndex};
use super::repo::{self, Stored};
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::synced_index::{Indexed, SyncedIndex};
use std::sync::RwLockReadGuard;

impl Indexed for OfferIndex {
    type Row = Stored;
    type Entry = IndexedOffer;
    fn key(stored: &Stored) -> (i64, i64) {
        (stored.summary.id, stored.updated_at)
    }
    fn upsert(&mut self, offer: IndexedOffer) {
        OfferIndex::upsert(self, offer);
    }
    fn remove(&mut self, id: i64) {
        OfferIndex::remove(self, id);
    }
    fn settle(&mut self) {
        OfferIndex::settle(self);
    }
}

#[derive(Clone, Debug, Default)]
pub struct Search {
    index: SyncedIndex<OfferIndex>,
}

/// What the index should hold of a stored offer: its entry while it is
/// published and not expired, nothing otherwise.
fn entry(stored: &Stored, at: i64) -> Option<IndexedOffer> {
    let live = stored.status == Status::Pubblicata && stored.row.expires_at > at;
    live.then(|| stored.indexed())
}

impl Search {
    /// Builds the index from every published offer.
    pub async fn load(db: &Db) -> Result<Search, sqlx::Error> {
        let places = crate::kernel::geo::places(db).await?;
        let search = Search {
            index: SyncedIndex::new(OfferIndex::new(places)),
        };
        search.sync(db).await?;
        Ok(search)
    }

    /// Reads the offers changed since the last sync into the index.
    pub async fn sync(&self, db: &Db) -> Result<usize, sqlx::Error> {
        self.index.sync(|from| repo::changed(db, from), entry).await
    }

    /// Puts one offer's current state in the index at once (after a change here).
    pub async fn refresh(&self, db: &Db, id: i64) -> Result<(), sqlx::Error> {
        let stored = repo::offer(db, id).await?;
        let at = now();
        self.index
            .refresh(id, stored.as_ref().and_then(|s| entry(s, at)));
        Ok(())
    }

    pub fn read(&self) -> RwLockReadGuard<'_, OfferIndex> {
        self.index.read()
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
        match search.sync(&db).await {
            Ok(_) => crate::kernel::heartbeat::round_succeeded("offers' index"),
            Err(error) => tracing::error!(%error, "offers: could not sync the search index"),
        }
    }
}
