//! The search engine of `/offerte`: an inverted index in memory, rebuilt from
//! the database at start and kept in step with it (see `sync`).
//!
//! Chosen by measurement (BENCHMARKS.md): the database engines differ (SQLite
//! FTS5 has no Italian stemmer, PostgreSQL's GIN is slow on common terms),
//! while the published offers of a province fit in memory many times over and
//! a scan of 100k small records takes well under the 10 ms target. Both
//! engines therefore search the same way, with the same Italian stemming.

use super::domain::{
    Contract, OfferKind, OfferQuery, OfferSummary, RemoteMode, SearchResults, WorkingTime,
    CONTRACTS, KINDS, PAGE_SIZE, REMOTE_MODES, SECTORS, WORKING_TIMES,
};
use crate::kernel::geo::{distance_km, Place};
use crate::kernel::hits::{distances_from, per_place, Hit, Order, Page, TopHits};
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

/// What a result shows of an offer, less what its filter and the places
/// already hold (dates, comune). The offer's texts are indexed, not kept: a
/// region's million offers would hold gigabytes of them.
struct Doc {
    id: i64,
    kind: OfferKind,
    remote: RemoteMode,
    contract: Contract,
    working_time: WorkingTime,
    demo: bool,
    title: Box<str>,
    organisation: Box<str>,
    snippet: Box<str>,
}

/// What the filters read of one offer, kept apart from the offer in a
/// compact array: a search scans every offer, and reads 20 bytes of each
/// rather than the whole record and its strings. Codes are positions in
/// their lists (past the end for a code the list does not know); times are
/// Unix seconds, which fit 32 bits until 2106.
#[derive(Clone, Copy, Default)]
struct Filter {
    live: bool,
    expires_at: u32,
    published_at: u32,
    education: i8,
    /// Index into `places`; `None` for a fully remote offer.
    place: Option<u16>,
    kind: u8,
    contract: u8,
    sector: u8,
    working_time: u8,
    remote: u8,
}

/// A time as the filters keep it (before 1970 is 1970, after 2106 is 2106).
fn seconds(unix: i64) -> u32 {
    unix.clamp(0, i64::from(u32::MAX)) as u32
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
            expires_at: seconds(s.expires_at),
            published_at: seconds(s.published_at),
            education: offer
                .education
                .clamp(i64::from(i8::MIN), i64::from(i8::MAX)) as i8,
            place: place.map(|p| p as u16),
            kind: position(&KINDS, s.kind.code()),
            contract: position(&CONTRACTS, s.contract.code()),
            sector: position(&SECTORS, &offer.sector),
            working_time: position(&WORKING_TIMES, s.working_time.code()),
            remote: position(&REMOTE_MODES, s.remote.code()),
        };
        let s = offer.summary;
        self.docs[slot as usize] = Some(Doc {
            id: s.id,
            kind: s.kind,
            remote: s.remote,
            contract: s.contract,
            working_time: s.working_time,
            demo: s.demo,
            title: s.title.into(),
            organisation: s.organisation.into(),
            snippet: s.snippet.into(),
        });
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

    /// Looks at the offers in `slots` (with their text scores): the facet
    /// counts and the best hits up to the page asked for.
    fn scan(&self, slots: impl Iterator<Item = (usize, f32)>, scan: &Scan) -> (Facets, TopHits) {
        let mut facets = Facets::new(self.places.len());
        let mut hits = TopHits::new(scan.order, scan.page, PAGE_SIZE);
        for (slot, score) in slots {
            let f = &self.filters[slot];
            if !(f.live && i64::from(f.expires_at) > scan.now && scan.wanted.keeps(f)) {
                continue;
            }
            let place = f.place.map(usize::from);
            let matched = Matched {
                place: match (scan.near, place) {
                    (None, _) => true,
                    (Some(near), Some(p)) => near[p],
                    (Some(_), None) => false,
                },
                kind: scan.wanted.kind.is_none_or(|k| f.kind == k),
                contract: scan.wanted.contract.is_none_or(|c| f.contract == c),
            };
            facets.count(f, matched);
            if matched.place && matched.kind && matched.contract {
                let distance = match (scan.from_centre, place) {
                    (Some(from_centre), Some(p)) => from_centre[p],
                    _ => f64::MAX,
                };
                hits.push(Hit {
                    slot: slot as u32,
                    score,
                    stamp: i64::from(f.published_at),
                    distance,
                });
            }
        }
        (facets, hits)
    }

    /// The offer in `slot` as a result shows it.
    fn summary(&self, slot: usize, distance_km: Option<f64>) -> Option<OfferSummary> {
        let doc = self.docs[slot].as_ref()?;
        let filter = &self.filters[slot];
        let place = filter.place.map(|p| &self.places[usize::from(p)]);
        Some(OfferSummary {
            id: doc.id,
            kind: doc.kind,
            title: doc.title.to_string(),
            organisation: doc.organisation.to_string(),
            comune_slug: place.map(|p| p.slug.clone()).unwrap_or_default(),
            comune_name: place.map(|p| p.name.clone()).unwrap_or_default(),
            remote: doc.remote,
            contract: doc.contract,
            working_time: doc.working_time,
            published_at: i64::from(filter.published_at),
            expires_at: i64::from(filter.expires_at),
            snippet: doc.snippet.to_string(),
            distance_km,
            demo: doc.demo,
        })
    }

    /// What scoring this query's text would cost (posting entries read).
    pub fn text_cost(&self, query: &OfferQuery) -> usize {
        self.text.cost(&query.q)
    }

    /// Runs a search at time `now`: one page of results and the facet counts.
    pub fn search(&self, query: &OfferQuery, now: i64) -> SearchResults {
        let matches = self.text.matches(&query.q);
        let km = query.km.parse::<f64>().unwrap_or(0.0).clamp(0.0, 100.0);
        let near = self.near(&query.comune, km);
        let centre = query
            .comune
            .first()
            .and_then(|slug| self.places.iter().find(|p| &p.slug == slug));
        let wanted = Wanted::of(query, now);
        // Distances from the chosen comune, once per place rather than per offer.
        let from_centre = distances_from(&self.places, centre);
        let order = match query.ordina.as_str() {
            "recenti" => Order::Newest,
            "vicine" => Order::Nearest,
            _ if matches.is_some() => Order::BestScore,
            _ => Order::Newest,
        };
        let scan = Scan {
            now,
            wanted: &wanted,
            near: near.as_deref(),
            from_centre: centre.map(|_| from_centre.as_slice()),
            order,
            page: query.page(),
        };
        // With words, only the offers they matched; without, every offer.
        let (facets, hits) = match &matches {
            Some(matches) => in_two(matches.len(), |part| {
                let slots = matches[part]
                    .iter()
                    .map(|&(slot, score)| (slot as usize, score));
                self.scan(slots, &scan)
            }),
            None => in_two(self.filters.len(), |part| {
                self.scan(part.map(|slot| (slot, 0.0)), &scan)
            }),
        };
        let Page {
            hits,
            total,
            page,
            pages,
        } = hits.into_page();
        let items = hits
            .iter()
            .filter_map(|hit| self.summary(hit.slot as usize, hit.distance_km()))
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

/// What every part of a search's scan reads.
struct Scan<'a> {
    now: i64,
    wanted: &'a Wanted,
    /// Per place, whether it is within the radius (none: every place is).
    near: Option<&'a [bool]>,
    /// Per place, its distance from the chosen comune (none: no comune).
    from_centre: Option<&'a [f64]>,
    order: Order,
    page: usize,
}

/// A search that looks at this many offers or more is split in two halves,
/// one per core: at a region's million offers one thread took 12–14 ms
/// (p50) for a search without words.
const SPLIT_AT: usize = 100_000;

/// `part` of `0..n`, in two threads when `n` is worth it, the halves' facets
/// and hits put together.
fn in_two(
    n: usize,
    part: impl Fn(std::ops::Range<usize>) -> (Facets, TopHits) + Sync,
) -> (Facets, TopHits) {
    if n < SPLIT_AT {
        return part(0..n);
    }
    let half = n / 2;
    let ((mut facets, mut hits), second) = std::thread::scope(|s| {
        let second = s.spawn(|| part(half..n));
        (part(0..half), second.join())
    });
    match second {
        Ok((more_facets, more_hits)) => {
            facets.add(&more_facets);
            hits.absorb(more_hits);
            (facets, hits)
        }
        Err(panic) => std::panic::resume_unwind(panic),
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
                .is_none_or(|after| i64::from(f.published_at) >= after)
            && self
                .education
                .is_none_or(|level| i64::from(f.education) <= level)
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

    fn add(&mut self, other: &Facets) {
        for (a, b) in self.per_comune.iter_mut().zip(&other.per_comune) {
            *a += b;
        }
        self.remote_only += other.remote_only;
        for (a, b) in self.per_kind.iter_mut().zip(&other.per_kind) {
            *a += b;
        }
        for (a, b) in self.per_contract.iter_mut().zip(&other.per_contract) {
            *a += b;
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
