//! The businesses' search of candidates: every visible CV in memory, like
//! the offers' search (same Italian text scoring), kept in step with the
//! database by `engine.rs`.

use super::domain::{CandidateCard, CandidateQuery, CandidateResults, PAGE_SIZE};
use crate::cv::domain::{cefr_rank, LICENCES};
use crate::kernel::geo::Place;
use crate::kernel::hits::{
    distances_from, per_place, positions_by_slug, Hit, Order, Page, TopHits,
};
use crate::kernel::text_index::TextIndex;
use crate::offers::domain::CONTRACTS;
use std::collections::HashMap;

/// What the index keeps of one visible CV.
#[derive(Clone, Debug)]
pub struct IndexedProfile {
    pub card: CandidateCard,
    pub comune_slug: String,
    /// Roles and headline (weighted more), then everything else.
    pub strong_text: String,
    pub text: String,
    /// (normalised language name, CEFR rank 1–6; 7 for a mother tongue)
    pub languages: Vec<(String, u8)>,
}

/// What a search reads of a profile once its text is indexed: the CV's
/// texts are not kept (200,000 profiles would hold gigabytes of them).
struct Doc {
    card: CandidateCard,
    languages: Vec<(String, u8)>,
    place: Option<usize>,
    /// The card's licences and contracts as bits (positions in `LICENCES`
    /// and `CONTRACTS`): filters and facet counts without comparing strings.
    licences: u32,
    contracts: u32,
}

/// The bits of `codes` among `all` (unknown codes set none).
fn bits<'a>(codes: impl IntoIterator<Item = &'a String>, all: &[&str]) -> u32 {
    codes
        .into_iter()
        .filter_map(|c| all.iter().position(|a| a == c))
        .fold(0, |b, i| b | (1 << i))
}

fn contract_codes() -> Vec<&'static str> {
    CONTRACTS.iter().map(|(c, _)| *c).collect()
}

const ROLE_WEIGHT: u8 = 3;

#[derive(Default)]
pub struct CandidateIndex {
    places: Vec<Place>,
    place_by_slug: HashMap<String, usize>,
    docs: Vec<Option<Doc>>,
    free: Vec<u32>,
    by_id: HashMap<i64, u32>,
    text: TextIndex,
}

/// "Inglese", "inglese " and "INGLESE" are one language.
pub fn language_key(name: &str) -> String {
    crate::kernel::text::normalise(name)
}

impl CandidateIndex {
    pub fn new(places: Vec<Place>) -> CandidateIndex {
        CandidateIndex {
            place_by_slug: positions_by_slug(&places),
            places,
            ..CandidateIndex::default()
        }
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.by_id.keys().copied()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.by_id.contains_key(&id)
    }

    pub fn card(&self, id: i64) -> Option<CandidateCard> {
        let slot = *self.by_id.get(&id)?;
        self.docs[slot as usize].as_ref().map(|d| d.card.clone())
    }

    pub fn upsert(&mut self, profile: IndexedProfile) {
        self.remove(profile.card.id);
        let slot = self.free.pop().unwrap_or_else(|| {
            self.docs.push(None);
            (self.docs.len() - 1) as u32
        });
        self.text.insert(
            slot,
            &[(&profile.strong_text, ROLE_WEIGHT), (&profile.text, 1)],
        );
        let place = self.place_by_slug.get(&profile.comune_slug).copied();
        let licences = bits(&profile.card.licences, &LICENCES);
        let contracts = bits(&profile.card.contracts, &contract_codes());
        self.by_id.insert(profile.card.id, slot);
        self.docs[slot as usize] = Some(Doc {
            card: profile.card,
            languages: profile.languages,
            place,
            licences,
            contracts,
        });
    }

    /// Gives back the room the arrays grew into while loading.
    pub fn settle(&mut self) {
        self.docs.shrink_to_fit();
        self.by_id.shrink_to_fit();
        self.text.settle();
    }

    pub fn remove(&mut self, id: i64) {
        if let Some(slot) = self.by_id.remove(&id) {
            self.docs[slot as usize] = None;
            self.text.remove(slot);
            self.free.push(slot);
        }
    }

    pub fn search(&self, query: &CandidateQuery) -> CandidateResults {
        let matches = self.text.matches(&query.q);
        let contract_codes = contract_codes();
        let wanted = Wanted::parse(query, &self.places, &contract_codes);
        // Distances from the chosen comune, once per place rather than per profile.
        let from_centre = distances_from(&self.places, wanted.centre.map(|c| &self.places[c]));
        let mut per_comune = vec![0i64; self.places.len()];
        let mut per_licence = [0i64; 32];
        let mut per_contract = [0i64; 32];
        let order = if query.ordina == "recenti" || matches.is_none() {
            Order::Newest
        } else {
            Order::BestScore
        };
        let mut hits = TopHits::new(order, query.page(), PAGE_SIZE);
        let mut look_at = |slot: usize, score: f32| {
            let Some(doc) = &self.docs[slot] else { return };
            let Some(distance) = wanted.reach(doc, &from_centre) else {
                return;
            };
            if !wanted.fits(doc) {
                return;
            }
            // Each facet counts what the other filters leave, so that its
            // numbers say what choosing a value would give.
            let licence_ok = wanted.licence.is_none_or(|b| doc.licences & b != 0);
            let contract_ok = wanted.contract.is_none_or(|b| doc.contracts & b != 0);
            if licence_ok && contract_ok {
                if let Some(place) = doc.place {
                    per_comune[place] += 1;
                }
                hits.push(Hit {
                    slot: slot as u32,
                    score,
                    stamp: doc.card.updated_at,
                    distance,
                });
            }
            if contract_ok {
                count_bits(doc.licences, &mut per_licence);
            }
            if licence_ok {
                count_bits(doc.contracts, &mut per_contract);
            }
        };
        // With words, only the profiles they matched; without, every one.
        match &matches {
            Some(matches) => {
                for &(slot, score) in matches {
                    look_at(slot as usize, score);
                }
            }
            None => (0..self.docs.len()).for_each(|slot| look_at(slot, 0.0)),
        }
        let Page {
            hits,
            total,
            page,
            pages,
        } = hits.into_page();
        let items = hits
            .iter()
            .filter_map(|hit| {
                let mut card = self.docs[hit.slot as usize].as_ref()?.card.clone();
                card.distance_km = hit.distance_km();
                Some(card)
            })
            .collect();
        CandidateResults {
            total,
            items,
            page,
            pages,
            per_comune: per_place(&self.places, per_comune),
            per_licence: facet(&per_licence, &LICENCES),
            per_contract: facet(&per_contract, &contract_codes),
            views_left: 0,
        }
    }
}

/// The search's filters, parsed once from the query.
struct Wanted {
    /// The chosen comune's place, and the radius around it.
    centre: Option<usize>,
    km: f64,
    language: String,
    level: u8,
    education: u8,
    years: u8,
    available_by: String,
    /// A licence or contract as its bit; an unknown code matches nobody.
    licence: Option<u32>,
    contract: Option<u32>,
}

impl Wanted {
    fn parse(query: &CandidateQuery, places: &[Place], contract_codes: &[&str]) -> Wanted {
        let bit = |code: &str, all: &[&str]| -> Option<u32> {
            (!code.is_empty()).then(|| all.iter().position(|a| *a == code).map_or(0, |i| 1 << i))
        };
        Wanted {
            centre: places.iter().position(|p| p.slug == query.comune),
            km: query.km.parse::<f64>().unwrap_or(0.0).clamp(0.0, 200.0),
            language: language_key(&query.lingua),
            level: cefr_rank(&query.livello).max(1),
            education: query.istruzione.parse().unwrap_or(0),
            years: query.esperienza.parse().unwrap_or(0),
            available_by: query.disponibile.trim().to_string(),
            licence: bit(&query.patente, &LICENCES),
            contract: bit(&query.contratto, contract_codes),
        }
    }

    /// The distance from the chosen comune when the candidate is within the
    /// radius and the job's place within their own reach; `f64::MAX` when no
    /// comune is chosen.
    fn reach(&self, doc: &Doc, from_centre: &[f64]) -> Option<f64> {
        let Some(_) = self.centre else {
            return Some(f64::MAX);
        };
        let distance = from_centre[doc.place?];
        let travel = f64::from(doc.card.travel_km).max(0.5);
        (distance <= self.km.max(0.5) && distance <= travel).then_some(distance)
    }

    /// Education, experience, availability and language.
    fn fits(&self, p: &Doc) -> bool {
        let c = &p.card;
        c.education_level >= self.education
            && c.years >= self.years
            && (self.available_by.is_empty()
                || c.available_from.is_empty()
                || c.available_from.as_str() <= self.available_by.as_str())
            && (self.language.is_empty()
                || p.languages
                    .iter()
                    .any(|(l, r)| *l == self.language && *r >= self.level))
    }
}

/// The codes with a count, in the list's order.
fn facet(counts: &[i64; 32], codes: &[&str]) -> Vec<(String, i64)> {
    codes
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(code, n)| (code.to_string(), *n))
        .collect()
}

/// Adds one to the count of every bit set in `bits`.
fn count_bits(mut bits: u32, counts: &mut [i64; 32]) {
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        counts[i] += 1;
        bits &= bits - 1;
    }
}
