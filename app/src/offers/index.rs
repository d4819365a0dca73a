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
use crate::kernel::hits::{
    distances_from, per_place, positions_by_slug, Hit, Order, Page, TopHits,
};
use crate::kernel::labels::Label;
use crate::kernel::text_index::TextIndex;
use std::collections::HashMap;

/// A word of the title counts as much as this many words of the description.
const TITLE_WEIGHT: u8 = 3;

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
/// compact array: a search scans every offer, and reads 16 bytes of each
/// rather than the whole record and its strings. Codes are positions in
/// their lists (past the end for a code the list does not know); times are
/// Unix seconds, which fit 32 bits until 2106. An empty slot expired in
/// 1970, so no search keeps it.
#[derive(Clone, Copy, Default)]
struct Filter {
    expires_at: u32,
    published_at: u32,
    /// Index into `places`; `NO_PLACE` for a fully remote offer.
    place: u16,
    education: i8,
    kind: u8,
    contract: u8,
    sector: u8,
    working_time: u8,
    remote: u8,
}

/// The place of an offer that has none (fully remote).
const NO_PLACE: u16 = u16::MAX;

impl Filter {
    /// The offer's place as an index into a per-place table with one more
    /// entry at the end, for the offers without a place.
    fn place_or_last(&self, places: usize) -> usize {
        if self.place == NO_PLACE {
            places
        } else {
            usize::from(self.place)
        }
    }
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

pub struct OfferIndex {
    places: Vec<Place>,
    place_by_slug: HashMap<String, usize>,
    /// `SPLIT_AT`, lower in a test that checks the split scan.
    split_at: usize,
    docs: Vec<Option<Doc>>,
    filters: Vec<Filter>,
    free: Vec<u32>,
    by_id: HashMap<i64, u32>,
    text: TextIndex,
}

impl Default for OfferIndex {
    fn default() -> OfferIndex {
        OfferIndex::new(Vec::new())
    }
}

impl OfferIndex {
    pub fn new(places: Vec<Place>) -> OfferIndex {
        OfferIndex {
            place_by_slug: positions_by_slug(&places),
            split_at: SPLIT_AT,
            places,
            docs: Vec::new(),
            filters: Vec::new(),
            free: Vec::new(),
            by_id: HashMap::new(),
            text: TextIndex::default(),
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
        let place = self.place_by_slug.get(&offer.summary.comune_slug);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.docs.push(None);
                self.filters.push(Filter::default());
                (self.docs.len() - 1) as u32
            }
        };
        self.text
            .insert(slot, &[(&offer.title, TITLE_WEIGHT), (&offer.body, 1)]);
        self.by_id.insert(offer.summary.id, slot);
        let s = &offer.summary;
        self.filters[slot as usize] = Filter {
            expires_at: seconds(s.expires_at),
            published_at: seconds(s.published_at),
            education: offer
                .education
                .clamp(i64::from(i8::MIN), i64::from(i8::MAX)) as i8,
            place: place.map_or(NO_PLACE, |p| *p as u16),
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

    /// The same index, splitting its scans from `n` offers (rather than
    /// `SPLIT_AT`): a test of the split need not index 100,000 offers.
    #[cfg(test)]
    pub fn splitting_from(self, n: usize) -> OfferIndex {
        OfferIndex {
            split_at: n,
            ..self
        }
    }

    /// Gives back the room the arrays grew into while loading.
    pub fn settle(&mut self) {
        self.docs.shrink_to_fit();
        self.filters.shrink_to_fit();
        self.by_id.shrink_to_fit();
        self.text.settle();
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
    /// counts and the best hits up to the page asked for. Nothing here
    /// branches on what an offer holds (see `TopHits::consider`): a search
    /// without words reads every offer of a region, and branches on random
    /// data cost more than the reading.
    fn scan(&self, slots: impl Iterator<Item = (usize, f32)>, scan: &Scan) -> (Facets, TopHits) {
        let places = self.places.len();
        let mut facets = Facets::new(places);
        let mut hits = TopHits::new(scan.order, scan.page, PAGE_SIZE);
        for (slot, score) in slots {
            let f = &self.filters[slot];
            let place = f.place_or_last(places);
            let kept = scan.wanted.keeps(f, scan.now);
            let matched = Matched {
                place: scan.near[place],
                kind: scan.wanted.kind.accepts(f.kind),
                contract: scan.wanted.contract.accepts(f.contract),
            };
            facets.count(f, place, kept, matched);
            hits.consider(
                kept & matched.place & matched.kind & matched.contract,
                Hit {
                    slot: slot as u32,
                    score,
                    stamp: i64::from(f.published_at),
                    distance: scan.from_centre[place],
                },
            );
        }
        (facets, hits)
    }

    /// The offer in `slot` as a result shows it.
    fn summary(&self, slot: usize, distance_km: Option<f64>) -> Option<OfferSummary> {
        let doc = self.docs[slot].as_ref()?;
        let filter = &self.filters[slot];
        let place = self.places.get(usize::from(filter.place));
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
        // Distances from the chosen comune, once per place rather than per
        // offer; the offers without a place are the farthest.
        let mut from_centre = distances_from(&self.places, centre);
        from_centre.resize(self.places.len() + 1, f64::MAX);
        // Whether each place is searched; the offers without a place are
        // when no comune is chosen.
        let near = match near {
            Some(mut near) => {
                near.push(false);
                near
            }
            None => vec![true; self.places.len() + 1],
        };
        let order = match query.ordina.as_str() {
            "recenti" => Order::Newest,
            "vicine" => Order::Nearest,
            _ if matches.is_some() => Order::BestScore,
            _ => Order::Newest,
        };
        let scan = Scan {
            now: now.max(0),
            wanted: &wanted,
            near: &near,
            from_centre: &from_centre,
            order,
            page: query.page(),
        };
        // With words, only the offers they matched; without, every offer.
        let (facets, hits) = match &matches {
            Some(matches) => in_two(matches.len(), self.split_at, |part| {
                let slots = matches[part]
                    .iter()
                    .map(|&(slot, score)| (slot as usize, score));
                self.scan(slots, &scan)
            }),
            None => in_two(self.filters.len(), self.split_at, |part| {
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
            remote_only: facets.per_place[self.places.len()],
            per_comune: per_place(&self.places, facets.per_place),
            per_kind: count(&facets.per_kind, &KINDS),
            per_contract: count(&facets.per_contract, &CONTRACTS),
            viewer: Default::default(),
        }
    }
}

/// What every part of a search's scan reads. The per-place tables have one
/// more entry at the end, for the offers without a place.
struct Scan<'a> {
    /// Not before 1970: an empty slot expired then.
    now: i64,
    wanted: &'a Wanted,
    /// Per place, whether it is within the radius.
    near: &'a [bool],
    /// Per place, its distance from the chosen comune (`f64::MAX` without one).
    from_centre: &'a [f64],
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
    split_at: usize,
    part: impl Fn(std::ops::Range<usize>) -> (Facets, TopHits) + Sync,
) -> (Facets, TopHits) {
    if n < split_at {
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

/// A code filter as the scan compares it: a position in its list, or any.
#[derive(Clone, Copy)]
struct WantedCode(u16);

impl WantedCode {
    const ANY: WantedCode = WantedCode(u16::MAX);

    fn of(codes: &[(&str, Label)], code: &str) -> WantedCode {
        wanted(codes, code).map_or(WantedCode::ANY, |w| WantedCode(u16::from(w)))
    }

    /// Both sides computed, no branch: see `OfferIndex::scan`.
    #[inline]
    fn accepts(self, code: u8) -> bool {
        (self.0 == WantedCode::ANY.0) | (u16::from(code) == self.0)
    }
}

/// The search's filters, read once from its address.
struct Wanted {
    kind: WantedCode,
    contract: WantedCode,
    sector: WantedCode,
    working_time: WantedCode,
    remote: WantedCode,
    /// `i64::MIN` when any date will do.
    posted_after: i64,
    /// `i64::MAX` when any level will do.
    education: i64,
}

impl Wanted {
    fn of(query: &OfferQuery, now: i64) -> Wanted {
        Wanted {
            kind: WantedCode::of(&KINDS, &query.tipo),
            contract: WantedCode::of(&CONTRACTS, &query.contratto),
            sector: WantedCode::of(&SECTORS, &query.settore),
            working_time: WantedCode::of(&WORKING_TIMES, &query.orario),
            remote: WantedCode::of(&REMOTE_MODES, &query.remoto),
            posted_after: query
                .entro
                .parse::<i64>()
                .map_or(i64::MIN, |days| now - days.clamp(1, 365) * 86_400),
            education: query.istruzione.parse().unwrap_or(i64::MAX),
        }
    }

    /// Whether the offer is open at `now` and passes the filters that no
    /// facet counts without: an offer they refuse is in no count.
    #[inline]
    fn keeps(&self, f: &Filter, now: i64) -> bool {
        (i64::from(f.expires_at) > now)
            & self.sector.accepts(f.sector)
            & self.working_time.accepts(f.working_time)
            & self.remote.accepts(f.remote)
            & (i64::from(f.published_at) >= self.posted_after)
            & (i64::from(f.education) <= self.education)
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
    /// Per place, and at the end the offers without one.
    per_place: Vec<i64>,
    // One slot past the end counts codes the lists do not know.
    per_kind: [i64; KINDS.len() + 1],
    per_contract: [i64; CONTRACTS.len() + 1],
}

impl Facets {
    fn new(places: usize) -> Facets {
        Facets {
            per_place: vec![0; places + 1],
            per_kind: [0; KINDS.len() + 1],
            per_contract: [0; CONTRACTS.len() + 1],
        }
    }

    fn add(&mut self, other: &Facets) {
        for (a, b) in self.per_place.iter_mut().zip(&other.per_place) {
            *a += b;
        }
        for (a, b) in self.per_kind.iter_mut().zip(&other.per_kind) {
            *a += b;
        }
        for (a, b) in self.per_contract.iter_mut().zip(&other.per_contract) {
            *a += b;
        }
    }

    /// Adds the offer at `place` (see `Filter::place_or_last`) to the counts
    /// it belongs in, adding 0 to the others rather than branching.
    #[inline]
    fn count(&mut self, f: &Filter, place: usize, kept: bool, m: Matched) {
        self.per_place[place] += i64::from(kept & m.kind & m.contract);
        self.per_kind[usize::from(f.kind)] += i64::from(kept & m.place & m.contract);
        self.per_contract[usize::from(f.contract)] += i64::from(kept & m.place & m.kind);
    }
}

fn count(counts: &[i64], codes: &[(&str, Label)]) -> Vec<(String, i64)> {
    codes
        .iter()
        .zip(counts)
        .map(|((code, _), n)| (code.to_string(), *n))
        .collect()
}
