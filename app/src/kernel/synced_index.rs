//! An in-memory index kept in step with the database, the one mechanism
//! behind the offers' and the candidates' searches: loaded at start, updated
//! at once after this process's own changes, and every second from the rows
//! any process changed (`updated_at`), so several servers on one database
//! agree within a second.
//!
//! Each sync reads again some seconds before the last one (a row whose
//! transaction took its time to commit is read, not lost); a row read again
//! unchanged is not indexed twice. Entries are built outside the lock and
//! put in by slices, so a large import never holds searches back for long.

use crate::kernel::clock::now;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How many rows one hold of the write lock puts in the index.
const BATCH: usize = 64;
/// Seconds read again at each sync.
const OVERLAP: i64 = 5;

/// What a feature's index is to the mechanism: rows keyed by id, each one
/// becoming an entry (or, when it should not be found, none).
pub trait Indexed {
    /// A row as read from the database.
    type Row;
    /// What the index keeps of a row, built outside the lock.
    type Entry;
    /// The row's id and `updated_at`.
    fn key(row: &Self::Row) -> (i64, i64);
    /// Puts the entry in, replacing the id's former one.
    fn upsert(&mut self, entry: Self::Entry);
    /// Takes the id out, if it is there.
    fn remove(&mut self, id: i64);
}

pub struct SyncedIndex<I> {
    index: Arc<RwLock<I>>,
    /// Rows changed at or after this second are read again at the next sync.
    synced_to: Arc<AtomicI64>,
    /// Each row's `updated_at` as put in the index, for rows stamped at
    /// least two seconds before they were read. (A row stamped later may be
    /// changed again within the same second: it is always applied.)
    applied: Arc<Mutex<HashMap<i64, i64>>>,
}

impl<I> Clone for SyncedIndex<I> {
    fn clone(&self) -> Self {
        SyncedIndex {
            index: Arc::clone(&self.index),
            synced_to: Arc::clone(&self.synced_to),
            applied: Arc::clone(&self.applied),
        }
    }
}

impl<I: Indexed + Default> Default for SyncedIndex<I> {
    fn default() -> Self {
        SyncedIndex::new(I::default())
    }
}

impl<I> std::fmt::Debug for SyncedIndex<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncedIndex")
            .field("synced_to", &self.synced_to.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// One sync: read the rows changed since `since`, then `finish` them.
pub struct Pass {
    pub since: i64,
    started: i64,
}

impl<I: Indexed> SyncedIndex<I> {
    pub fn new(index: I) -> Self {
        SyncedIndex {
            index: Arc::new(RwLock::new(index)),
            synced_to: Arc::new(AtomicI64::new(0)),
            applied: Arc::default(),
        }
    }

    /// Starts a sync: the caller reads the rows changed at or after `since`.
    pub fn begin(&self) -> Pass {
        Pass {
            since: self
                .synced_to
                .load(Ordering::Acquire)
                .saturating_sub(OVERLAP),
            started: now(),
        }
    }

    /// Ends a sync with the rows read: those not already in the index as
    /// they are go in (`entry` says what each becomes at the pass's start,
    /// `None` to take it out). Returns how many were applied.
    pub fn finish(
        &self,
        pass: Pass,
        mut rows: Vec<I::Row>,
        entry: impl Fn(&I::Row, i64) -> Option<I::Entry>,
    ) -> usize {
        {
            let applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
            rows.retain(|row| {
                let (id, updated_at) = I::key(row);
                applied.get(&id) != Some(&updated_at)
            });
        }
        for batch in rows.chunks(BATCH) {
            let entries: Vec<_> = batch
                .iter()
                .map(|row| (I::key(row).0, entry(row, pass.started)))
                .collect();
            let mut index = self.write();
            for (id, entry) in entries {
                match entry {
                    Some(entry) => index.upsert(entry),
                    None => index.remove(id),
                }
            }
            drop(index);
            self.record(batch, pass.started - 1);
        }
        self.synced_to.fetch_max(pass.started, Ordering::AcqRel);
        rows.len()
    }

    /// Puts one row's current state in at once (after a change made here):
    /// its entry, or nothing when the row is gone or should not be found.
    pub fn refresh(&self, id: i64, entry: Option<I::Entry>) {
        let mut index = self.write();
        match entry {
            Some(entry) => index.upsert(entry),
            None => index.remove(id),
        }
    }

    fn record(&self, batch: &[I::Row], before: i64) {
        let mut applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
        for row in batch {
            let (id, updated_at) = I::key(row);
            if updated_at < before {
                applied.insert(id, updated_at);
            } else {
                applied.remove(&id);
            }
        }
    }

    pub fn read(&self) -> RwLockReadGuard<'_, I> {
        // A panic while holding the lock leaves a usable index: take it anyway.
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn write(&self) -> RwLockWriteGuard<'_, I> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::{Indexed, SyncedIndex};
    use std::collections::BTreeMap;

    /// Rows (id, updated_at, text); an empty text is not indexed.
    #[derive(Default)]
    struct Words(BTreeMap<i64, String>);

    impl Indexed for Words {
        type Row = (i64, i64, String);
        type Entry = (i64, String);
        fn key(row: &Self::Row) -> (i64, i64) {
            (row.0, row.1)
        }
        fn upsert(&mut self, (id, text): Self::Entry) {
            self.0.insert(id, text);
        }
        fn remove(&mut self, id: i64) {
            self.0.remove(&id);
        }
    }

    fn entry(row: &(i64, i64, String), _at: i64) -> Option<(i64, String)> {
        (!row.2.is_empty()).then(|| (row.0, row.2.clone()))
    }

    #[test]
    fn changes_go_in_once_and_removals_take_rows_out() {
        let index = SyncedIndex::new(Words::default());
        let old = crate::kernel::clock::now() - 100;
        let pass = index.begin();
        assert!(pass.since <= 0, "the first pass reads everything");
        let rows = vec![(1, old, "uno".into()), (2, old, "due".into())];
        assert_eq!(index.finish(pass, rows.clone(), entry), 2);
        // Read again in the overlap, unchanged: not applied twice.
        let pass = index.begin();
        assert!(pass.since > old);
        assert_eq!(index.finish(pass, rows, entry), 0);
        // Changed, or now not to be found.
        let pass = index.begin();
        let rows = vec![(1, old + 1, "uno!".into()), (2, old + 1, String::new())];
        assert_eq!(index.finish(pass, rows, entry), 2);
        assert_eq!(index.read().0.get(&1).map(String::as_str), Some("uno!"));
        assert!(!index.read().0.contains_key(&2));
        index.refresh(3, Some((3, "tre".into())));
        index.refresh(1, None);
        assert_eq!(index.read().0.keys().copied().collect::<Vec<_>>(), [3]);
    }
}
