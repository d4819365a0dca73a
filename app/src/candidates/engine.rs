//! The candidates' index of this server process, kept consistent with the
//! database like the offers' one: loaded at start, updated at once after a
//! change made here (so hiding a profile takes it out of the results before
//! the answer comes back), and every second from the CVs any process
//! changed; every minute, profiles whose CV is gone are dropped.

use super::extract::{card, searchable_text};
use super::index::{language_key, CandidateIndex, IndexedProfile};
use super::repo::{self, VisibleCv};
use crate::cv::domain::CEFR_LEVELS;
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::geo::Place;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

#[derive(Clone, Default)]
pub struct Candidates {
    index: Arc<RwLock<CandidateIndex>>,
    names: Arc<HashMap<String, String>>,
    synced_to: Arc<AtomicI64>,
}

impl std::fmt::Debug for Candidates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Candidates")
            .field("synced_to", &self.synced_to.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// The current (year, month) in Italy.
pub fn this_month() -> (i32, u8) {
    let today = crate::kernel::dates::local(now());
    (
        i32::try_from(today.year).unwrap_or(2026),
        u8::try_from(today.month).unwrap_or(1),
    )
}

impl Candidates {
    pub async fn load(db: &Db) -> Result<Candidates, sqlx::Error> {
        let places: Vec<Place> = crate::kernel::geo::places(db).await?;
        let names = places
            .iter()
            .map(|c| (c.slug.clone(), c.name.clone()))
            .collect();
        let candidates = Candidates {
            index: Arc::new(RwLock::new(CandidateIndex::new(places))),
            names: Arc::new(names),
            synced_to: Arc::new(AtomicI64::new(0)),
        };
        candidates.sync(db).await?;
        Ok(candidates)
    }

    /// The comune's name from its slug.
    pub fn comune_name(&self, slug: &str) -> String {
        self.names.get(slug).cloned().unwrap_or_default()
    }

    /// What the index keeps of a visible CV.
    pub fn indexed(&self, cv: &VisibleCv) -> IndexedProfile {
        let doc = &cv.document;
        let (strong_text, text) = searchable_text(doc);
        let mut languages: Vec<(String, u8)> = doc
            .languages
            .iter()
            .map(|l| {
                (
                    language_key(&l.language),
                    crate::cv::domain::cefr_rank(l.overall()),
                )
            })
            .collect();
        // A mother tongue is above every level of the grid.
        languages.extend(
            doc.mother_tongues
                .iter()
                .map(|t| (language_key(t), CEFR_LEVELS.len() as u8 + 1)),
        );
        IndexedProfile {
            card: card(
                cv.id,
                doc,
                &self.comune_name(&doc.personal.comune),
                cv.updated_at,
                this_month(),
            ),
            comune_slug: doc.personal.comune.clone(),
            strong_text,
            text,
            languages,
        }
    }

    fn apply(&self, index: &mut CandidateIndex, cv: &VisibleCv) {
        if cv.visible {
            index.upsert(self.indexed(cv));
        } else {
            index.remove(cv.id);
        }
    }

    pub async fn sync(&self, db: &Db) -> Result<usize, sqlx::Error> {
        let since = self.synced_to.load(Ordering::Acquire).saturating_sub(5);
        let started = now();
        let changed = repo::changed_since(db, since).await?;
        {
            let mut index = self.write();
            for cv in &changed {
                self.apply(&mut index, cv);
            }
        }
        self.synced_to.fetch_max(started, Ordering::AcqRel);
        Ok(changed.len())
    }

    /// Drops the profiles whose CV was deleted or hidden without a trace in
    /// `updated_at` (an account erased).
    pub async fn prune(&self, db: &Db) -> Result<(), sqlx::Error> {
        let alive: HashSet<i64> = repo::existing_ids(db).await?.into_iter().collect();
        let mut index = self.write();
        let gone: Vec<i64> = index.ids().filter(|id| !alive.contains(id)).collect();
        for id in gone {
            index.remove(id);
        }
        Ok(())
    }

    /// Puts one CV's current state in the index at once (after a change here).
    pub async fn refresh(&self, db: &Db, id: i64) -> Result<(), sqlx::Error> {
        let cv = repo::visible(db, id).await?;
        let mut index = self.write();
        match cv {
            Some(cv) => self.apply(&mut index, &cv),
            None => index.remove(id),
        }
        Ok(())
    }

    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, CandidateIndex> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, CandidateIndex> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }
}

pub async fn run_sync_worker(db: Db, candidates: Candidates) {
    let mut ticks: u64 = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        ticks += 1;
        if let Err(error) = candidates.sync(&db).await {
            tracing::error!(%error, "candidates: could not sync the search index");
        }
        if ticks.is_multiple_of(60) {
            if let Err(error) = candidates.prune(&db).await {
                tracing::error!(%error, "candidates: could not prune the search index");
            }
        }
    }
}
