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
use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How many rows one hold of the write lock puts in the index.
const BATCH: usize = 64;
/// Seconds read again at each sync.
const OVERLAP: i64 = 5;
/// How many rows the first sync reads from the database at a time.
pub const PAGE: i64 = 2_000;

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
    /// Gives back what growing cost, once the first sync has put every row
    /// in (the lists grew by doubling: a quarter of them is room).
    fn settle(&mut self) {}
}

pub struct SyncedIndex<I> {
    index: Arc<RwLock<I>>,
    /// Rows changed at or after this second are read again at the next sync.
    synced_to: Arc<AtomicI64>,
    /// Each row's `updated_at` as put in the index, for the rows the next
    /// sync may read again (stamped within its overlap) and stamped at least
    /// two seconds before they were read. (A row stamped later may be changed
    /// again within the same second: it is always applied. An older row is
    /// read again only once changed: remembering the million rows of a first
    /// sync would cost tens of megabytes for nothing.)
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

/// One sync: read the rows changed since `since`, `apply` each read
/// (`Cursor`) and `end` the pass.
pub struct Pass {
    pub since: i64,
    started: i64,
}

/// What a sync reads next. The first sync reads every row, a page at a time
/// by id (a region's million offers read at once would hold all their texts
/// in memory together); the later ones read the rows changed since a second,
/// few enough for one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// Every row, the next `PAGE` of them after this id.
    Whole { after: i64 },
    /// The rows whose `updated_at` is at or after this second, all at once.
    Changed { since: i64 },
}

impl Pass {
    /// The first read of this pass.
    pub fn cursor(&self) -> Cursor {
        if self.since <= 0 {
            Cursor::Whole { after: i64::MIN }
        } else {
            Cursor::Changed { since: self.since }
        }
    }
}

impl Cursor {
    /// The read after the one that gave `rows`, or `None` when that was the
    /// last one (a page shorter than `PAGE`, or the changed rows).
    pub fn next<R>(self, rows: &[R], key: impl Fn(&R) -> (i64, i64)) -> Option<Cursor> {
        match self {
            Cursor::Whole { .. } if rows.len() as i64 == PAGE => {
                rows.last().map(|row| Cursor::Whole { after: key(row).0 })
            }
            _ => None,
        }
    }
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

    /// Puts one read of a sync's rows in: those not already in the index as
    /// they are go in (`entry` says what each becomes at the pass's start,
    /// `None` to take it out). Returns how many were applied.
    pub fn apply(
        &self,
        pass: &Pass,
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
            self.record(batch, pass);
        }
        if !rows.is_empty() {
            crate::kernel::freshness::changed();
        }
        rows.len()
    }

    /// One whole sync: reads the rows with `page` (what a `Cursor` names)
    /// and applies each read. Returns how many rows were applied.
    ///
    /// (`page` is a closure returning a future rather than an async closure:
    /// the future of an `AsyncFn` is not known to be `Send` for every
    /// lifetime, and the sync worker runs on tokio's threads.)
    pub async fn sync<E, Read: Future<Output = Result<Vec<I::Row>, E>>>(
        &self,
        page: impl Fn(Cursor) -> Read,
        entry: impl Fn(&I::Row, i64) -> Option<I::Entry>,
    ) -> Result<usize, E> {
        let pass = self.begin();
        let mut next = Some(pass.cursor());
        let mut applied = 0;
        while let Some(from) = next {
            let rows = page(from).await?;
            next = from.next(&rows, I::key);
            applied += self.apply(&pass, rows, &entry);
        }
        if pass.since <= 0 {
            self.write().settle();
        }
        self.end(pass);
        Ok(applied)
    }

    /// Ends a sync whose pages are all applied, forgetting the rows that no
    /// later sync reads again unless they change.
    pub fn end(&self, pass: Pass) {
        self.synced_to.fetch_max(pass.started, Ordering::AcqRel);
        let mut applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
        applied.retain(|_, updated_at| *updated_at >= pass.started - OVERLAP);
    }

    /// Puts one row's current state in at once (after a change made here):
    /// its entry, or nothing when the row is gone or should not be found.
    pub fn refresh(&self, id: i64, entry: Option<I::Entry>) {
        let mut index = self.write();
        match entry {
            Some(entry) => index.upsert(entry),
            None => index.remove(id),
        }
        crate::kernel::freshness::changed();
    }

    fn record(&self, batch: &[I::Row], pass: &Pass) {
        // What the next sync reads again, less the last second (see `applied`).
        let again = pass.started - OVERLAP..pass.started - 1;
        let mut applied = self.applied.lock().unwrap_or_else(|e| e.into_inner());
        for row in batch {
            let (id, updated_at) = I::key(row);
            if again.contains(&updated_at) {
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

    /// A sync that reads `rows` whatever it asks for.
    async fn sync_rows(index: &SyncedIndex<Words>, rows: &[(i64, i64, String)]) -> usize {
        let page = |_| std::future::ready(Ok::<_, ()>(rows.to_vec()));
        index.sync(page, entry).await.unwrap_or_default()
    }

    #[tokio::test]
    async fn changes_go_in_once_and_removals_take_rows_out() {
        let index = SyncedIndex::new(Words::default());
        let recent = crate::kernel::clock::now() - 3;
        assert!(index.begin().since <= 0, "the first pass reads everything");
        let rows = vec![(1, recent, "uno".into()), (2, recent, "due".into())];
        assert_eq!(sync_rows(&index, &rows).await, 2);
        // Read again in the overlap, unchanged: not applied twice.
        assert!(index.begin().since <= recent);
        assert_eq!(sync_rows(&index, &rows).await, 0);
        // Changed, or now not to be found.
        let rows = vec![
            (1, recent + 1, "uno!".into()),
            (2, recent + 1, String::new()),
        ];
        assert_eq!(sync_rows(&index, &rows).await, 2);
        assert_eq!(index.read().0.get(&1).map(String::as_str), Some("uno!"));
        assert!(!index.read().0.contains_key(&2));
        index.refresh(3, Some((3, "tre".into())));
        index.refresh(1, None);
        assert_eq!(index.read().0.keys().copied().collect::<Vec<_>>(), [3]);
    }

    /// The first sync reads every row a page at a time, in the order of the
    /// ids, and stops at a short page; the next one reads the changed rows
    /// in one go.
    #[tokio::test]
    async fn the_first_sync_reads_by_pages_and_the_next_by_change() {
        use super::{Cursor, PAGE};
        use std::sync::Mutex;
        let old = crate::kernel::clock::now() - 100;
        let table: Vec<(i64, i64, String)> = (1..=2 * PAGE + 5)
            .map(|id| (id, old, format!("riga {id}")))
            .collect();
        let reads = Mutex::new(Vec::new());
        let page = |from: Cursor| {
            reads.lock().unwrap().push(from);
            let rows: Vec<(i64, i64, String)> = match from {
                Cursor::Whole { after } => table
                    .iter()
                    .filter(|r| r.0 > after)
                    .take(PAGE as usize)
                    .cloned()
                    .collect(),
                Cursor::Changed { since } => {
                    table.iter().filter(|r| r.1 >= since).cloned().collect()
                }
            };
            std::future::ready(Ok::<_, ()>(rows))
        };
        let index = SyncedIndex::new(Words::default());
        assert_eq!(index.sync(&page, entry).await, Ok(table.len()));
        assert_eq!(index.read().0.len(), table.len());
        assert_eq!(
            *reads.lock().unwrap(),
            [
                Cursor::Whole { after: i64::MIN },
                Cursor::Whole { after: PAGE },
                Cursor::Whole { after: 2 * PAGE },
            ]
        );
        assert!(
            index.applied.lock().unwrap().is_empty(),
            "rows older than the overlap are not remembered"
        );
        reads.lock().unwrap().clear();
        assert_eq!(index.sync(&page, entry).await, Ok(0), "nothing changed");
        assert!(matches!(
            reads.lock().unwrap()[..],
            [Cursor::Changed { since }] if since > old
        ));
    }
}
