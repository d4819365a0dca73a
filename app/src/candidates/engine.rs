//! The candidates' index of this server process, kept in step with the
//! database by the kernel's `SyncedIndex` like the offers' one: updated at
//! once after a change made here (so hiding a profile takes it out of the
//! results before the answer comes back), and every second from the CVs any
//! process changed; every minute, profiles whose CV is gone are dropped.

use super::extract::{card, searchable_text};
use super::index::{language_key, CandidateIndex, IndexedProfile};
use super::repo::{self, VisibleCv};
use crate::cv::domain::CEFR_LEVELS;
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::geo::Place;
use crate::kernel::synced_index::{Indexed, SyncedIndex};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLockReadGuard};

impl Indexed for CandidateIndex {
    type Row = VisibleCv;
    type Entry = IndexedProfile;
    fn key(cv: &VisibleCv) -> (i64, i64) {
        (cv.id, cv.updated_at)
    }
    fn upsert(&mut self, profile: IndexedProfile) {
        CandidateIndex::upsert(self, profile);
    }
    fn remove(&mut self, id: i64) {
        CandidateIndex::remove(self, id);
    }
    fn settle(&mut self) {
        CandidateIndex::settle(self);
    }
}

#[derive(Clone, Debug, Default)]
pub struct Candidates {
    index: SyncedIndex<CandidateIndex>,
    names: Arc<HashMap<String, String>>,
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
            index: SyncedIndex::new(CandidateIndex::new(places)),
            names: Arc::new(names),
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

    /// A visible CV's profile; none for a hidden one.
    fn entry(&self, cv: &VisibleCv) -> Option<IndexedProfile> {
        cv.visible.then(|| self.indexed(cv))
    }

    pub async fn sync(&self, db: &Db) -> Result<usize, sqlx::Error> {
        self.index
            .sync(|from| repo::changed(db, from), |cv, _| self.entry(cv))
            .await
    }

    /// Drops the profiles whose CV was deleted or hidden without a trace in
    /// `updated_at` (an account erased).
    pub async fn prune(&self, db: &Db) -> Result<(), sqlx::Error> {
        let alive: HashSet<i64> = repo::existing_ids(db).await?.into_iter().collect();
        let mut index = self.index.write();
        let gone: Vec<i64> = index.ids().filter(|id| !alive.contains(id)).collect();
        for id in gone {
            index.remove(id);
        }
        Ok(())
    }

    /// Puts one CV's current state in the index at once (after a change here).
    pub async fn refresh(&self, db: &Db, id: i64) -> Result<(), sqlx::Error> {
        let cv = repo::visible(db, id).await?;
        self.index.refresh(id, cv.and_then(|cv| self.entry(&cv)));
        Ok(())
    }

    pub fn read(&self) -> RwLockReadGuard<'_, CandidateIndex> {
        self.index.read()
    }
}

pub async fn run_sync_worker(db: Db, candidates: Candidates) {
    let mut ticks: u64 = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        ticks += 1;
        match candidates.sync(&db).await {
            Ok(_) => crate::kernel::heartbeat::round_succeeded("candidates' index"),
            Err(error) => tracing::error!(%error, "candidates: could not sync the search index"),
        }
        if ticks.is_multiple_of(60) {
            if let Err(error) = candidates.prune(&db).await {
                tracing::error!(%error, "candidates: could not prune the search index");
            }
        }
    }
}
