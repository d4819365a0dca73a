//! The search engine of `/offerte`: an inverted index in memory, rebuilt from
//! the database at start and kept in step with it (see `sync`).
//!
//! Chosen by measurement (BENCHMARKS.md): the database engines differ (SQLite
//! FTS5 has no Italian stemmer, PostgreSQL's GIN is slow on common terms),
//! while the published offers of a province fit in memory many times over and
//! a scan of 100k small records takes well under the 10 ms target. Both
//! engines therefore search the same way, with the same Italian stemming.

use super::domain::{
    OfferQuery, OfferSummary, SearchResults, CONTRACTS, KINDS, PAGE_SIZE, REMOTE_MODES, SECTORS,
    WORKING_TIMES,
};
use crate::kernel::geo::{distance_km, Place};
use crate::kernel::hits::{distances_from, page_of, per_place, Hit, Order, Page};
use crate::kernel::labels::Label;
use crate::kernel::text_index::TextIndex;
use std::collections::HashMap;

/// A word of the title counts as much as this many words of the description.
const TITLE_WEIGHT: f32 = 3.0;

/// A published offer as the index keeps it.
#[derive(Clone, Debug)]
pub struct IndexedOffer {
    pub summary: OfferSummary,
    /// Title, organisation, description, sector and profession labels.
    pub title: String,
    pub body: String,
    pub sector: String,
    pub education: i64,
}

struct Doc {
    offer: IndexedOffer,
}

/// What the filters read of one offer, kept apart from the offer in a
/// compact array: a search scans every offer, and reads 48 bytes of each
/// rather than the whole record and its strings. Codes are positions in
/// their lists (past the end for a code the list does not know).
#[derive(Clone, Copy, Default)]
struct Filter {
    live: bool,
    expires_at: i64,
    published_at: i64,
    education: i64,
    /// Index into `places`; `None` for a fully remote offer.
    place: Option<u16>,
    kind: u8,
    contract: u8,
    sector: u8,
    working_time: u8,
    remote: u8,
}

/// Where `code` stands in `codes`; past the end when it is not there.
fn position(codes: &[(&str, Label)], code: &str) -> u8 {
    codes
        .iter()
        .position(|(c, _)| *c == code)
        .unwrap_or(codes.len()) as u8
}

/// A filter's wanted position: `None` when unset, one no offer has when the
/// code is unknown (an unknown code matches nothing, as a string would).
fn wanted(codes: &[(&str, Label)], code: &str) -> Option<u8> {
    (!code.is_empty()).then(|| {
        codes
            .iter()
            .position(|(c, _)| *c == code)
            .map_or(u8::MAX, |i| i as u8)
    })
}

#[derive(Default)]
pub struct OfferIndex {
    places: Vec<Place>,
    docs: Vec<Option<Doc>>,
    filters: Vec<Filter>,
    free: Vec<u32>,
    by_id: HashMap<i64, u32>,
    text: TextIndex,
}

impl OfferIndex {
    pub fn new(places: Vec<Place>) -> OfferIndex {
        OfferIndex {
            places,
            ..OfferIndex::default()
        }
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Adds an offer, or replaces the one with its id.
    pub fn upsert(&mut self, offer: IndexedOffer) {
        self.remove(offer.summary.id);
        let place = self
            .places
            .iter()
            .position(|p| p.slug == offer.summary.comune_slug);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.docs.push(None);
                self.filters.push(Filter::default());
                (self.docs.len() - 1) as u32
            }
        };
        self.text
            .insert(slot, &[(&offer.title, TITLE_WEIGHT), (&offer.body, 1.0)]);
        self.by_id.insert(offer.summary.id, slot);
        let s = &offer.summary;
        self.filters[slot as usize] = Filter {
            live: true,
            expires_at: s.expires_at,
            published_at: s.published_at,
            education: offer.education,
            place: place.map(|p| p as u16),
            kind: position(&KINDS, s.kind.code()),
            contract: position(&CONTRACTS, s.contract.code()),
            sector: position(&SECTORS, &offer.sector),
            working_time: position(&WORKING_TIMES, s.working_time.code()),
            remote: position(&REMOTE_MODES, s.remote.code()),
        };
        self.docs[slot as usize] = Some(Doc { offer });
    }

    pub fn remove(&mut self, id: i64) {
        let Some(slot) = self.by_id.remove(&id) else {
            return;
        };
        self.docs[slot as usize] = None;
        self.filters[slot as usize] = Filter::default();
        self.text.remove(slot);
        self.free.push(slot);
    }

    /// The places within `km` of any of the chosen ones (just those without a radius).
    fn near(&self, chosen: &[String], km: f64) -> Option<Vec<bool>> {
        let centres: Vec<&Place> = self
            .places
            .iter()
            .filter(|p| chosen.contains(&p.slug))
            .collect();
        if centres.is_empty() {
            return None;
        }
        Some(
            self.places
                .iter()
                .map(|p| {
                    centres.iter().any(|c| {
                        c.slug == p.slug
                            || distance_km((c.latitude, c.longitude), (p.latitude, p.longitude))
                                <= km
                    })
                })
                .collect(),
        )
    }

    /// What scoring this query's text would cost (posting entries read).
    pub fn text_cost(&self, query: &OfferQuery) -> usize {
        self.text.cost(&query.q)
    }

    /// Runs a search at time `now`: one page of results and the facet counts.
    pub fn search(&self, query: &OfferQuery, now: i64) -> SearchResults {
        let scores = self.text.scores(&query.q, self.docs.len());
        let km = query.km.parse::<f64>().unwrap_or(0.0).clamp(0.0, 100.0);
        let near = self.near(&query.comune, km);
        let centre = query
            .comune
            .first()
            .and_then(|slug| self.places.iter().find(|p| &p.slug == slug));
        let wanted = Wanted::of(query, now);
        let mut facets = Facets::new(self.places.len());
        // Distances from the chosen comune, once per place rather than per offer.
        let from_centre = distances_from(&self.places, centre);
        let mut hits: Vec<Hit> = Vec::new();
        for (slot, f) in self.filters.iter().enumerate() {
            let score = match &scores {
                Some(scores) if scores[slot] <= 0.0 => continue,
                Some(scores) => scores[slot],
                None => 0.0,
            };
            if !(f.live && f.expires_at > now && wanted.keeps(f)) {
                continue;
            }
            let place = f.place.map(usize::from);
            let matched = Matched {
                place: match (&near, place) {
                    (None, _) => true,
                    (Some(near), Some(p)) => near[p],
                    (Some(_), None) => false,
                },
                kind: wanted.kind.is_none_or(|k| f.kind == k),
                contract: wanted.contract.is_none_or(|c| f.contract == c),
            };
            facets.count(f, matched);
            if matched.place && matched.kind && matched.contract {
                let distance = match (centre, place) {
                    (Some(_), Some(p)) => from_centre[p],
                    _ => f64::MAX,
                };
                hits.push(Hit {
                    slot: slot as u32,
                    score,
                    stamp: f.published_at,
                    distance,
                });
            }
        }
        let order = match query.ordina.as_str() {
            "recenti" => Order::Newest,
            "vicine" => Order::Nearest,
            _ if scores.is_some() => Order::BestScore,
            _ => Order::Newest,
        };
        let Page {
            hits,
            total,
            page,
            pages,
        } = page_of(hits, order, query.page(), PAGE_SIZE);
        let items = hits
            .iter()
            .filter_map(|hit| {
                let doc = self.docs[hit.slot as usize].as_ref()?;
                let mut summary = doc.offer.summary.clone();
                summary.distance_km = hit.distance_km();
                Some(summary)
            })
            .collect();
        SearchResults {
            total,
            items,
            page,
            pages,
            per_comune: per_place(&self.places, facets.per_comune),
            per_kind: count(&facets.per_kind, &KINDS),
            per_contract: count(&facets.per_contract, &CONTRACTS),
            remote_only: facets.remote_only,
            viewer: Default::default(),
        }
    }
}

/// The search's filters, read once from its address.
struct Wanted {
    kind: Option<u8>,
    contract: Option<u8>,
    sector: Option<u8>,
    working_time: Option<u8>,
    remote: Option<u8>,
    posted_after: Option<i64>,
    education: Option<i64>,
}

impl Wanted {
    fn of(query: &OfferQuery, now: i64) -> Wanted {
        Wanted {
            kind: wanted(&KINDS, &query.tipo),
            contract: wanted(&CONTRACTS, &query.contratto),
            sector: wanted(&SECTORS, &query.settore),
            working_time: wanted(&WORKING_TIMES, &query.orario),
            remote: wanted(&REMOTE_MODES, &query.remoto),
            posted_after: query
                .entro
                .parse::<i64>()
                .ok()
                .map(|days| now - days.clamp(1, 365) * 86_400),
            education: query.istruzione.parse().ok(),
        }
    }

    /// The filters that no facet counts without: an offer they refuse is in
    /// no count.
    fn keeps(&self, f: &Filter) -> bool {
        self.sector.is_none_or(|x| f.sector == x)
            && self.working_time.is_none_or(|x| f.working_time == x)
            && self.remote.is_none_or(|x| f.remote == x)
            && self
                .posted_after
                .is_none_or(|after| f.published_at >= after)
            && self.education.is_none_or(|level| f.education <= level)
    }
}

/// Which of the faceted filters (place, kind, contract) an offer passes.
#[derive(Clone, Copy)]
struct Matched {
    place: bool,
    kind: bool,
    contract: bool,
}

/// Counts for the map and the facets, each with every filter but its own.
struct Facets {
    per_comune: Vec<i64>,
    remote_only: i64,
    // One slot past the end counts codes the lists do not know.
    per_kind: [i64; KINDS.len() + 1],
    per_contract: [i64; CONTRACTS.len() + 1],
}

impl Facets {
    fn new(places: usize) -> Facets {
        Facets {
            per_comune: vec![0; places],
            remote_only: 0,
            per_kind: [0; KINDS.len() + 1],
            per_contract: [0; CONTRACTS.len() + 1],
        }
    }

    fn count(&mut self, f: &Filter, m: Matched) {
        if m.kind && m.contract {
            match f.place {
                Some(p) => self.per_comune[usize::from(p)] += 1,
                None => self.remote_only += 1,
            }
        }
        if m.place && m.contract {
            self.per_kind[usize::from(f.kind)] += 1;
        }
        if m.place && m.kind {
            self.per_contract[usize::from(f.contract)] += 1;
        }
    }
}

fn count(counts: &[i64], codes: &[(&str, Label)]) -> Vec<(String, i64)> {
    codes
        .iter()
        .zip(counts)
        .map(|((code, _), n)| (code.to_string(), *n))
        .collect()
}
