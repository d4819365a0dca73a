//! The search's counts and order against their plain definition, on random
//! offers (some expired, some removed), with the scans split in two threads
//! as a region's are: the scan is written without branches for speed, and
//! this is what keeps it saying the same thing.

use super::domain::{
    Contract, OfferKind, OfferQuery, OfferSummary, RemoteMode, WorkingTime, CONTRACTS, KINDS,
    PAGE_SIZE, REMOTE_MODES, SECTORS, WORKING_TIMES,
};
use super::index::{IndexedOffer, OfferIndex};
use super::relevance_tests::places;
use crate::kernel::geo::{distance_km, Place};
use std::collections::HashMap;

const NOW: i64 = 1_800_000_000;
const DAY: i64 = 86_400;
const OFFERS: i64 = 12_000;
/// The scans of this many offers or more are split (100,000 in the portal).
const SPLIT_FROM: usize = 4_000;

/// A small deterministic generator (xorshift): the same offers every run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, codes: &[(&'a str, crate::kernel::labels::Label)]) -> &'a str {
        codes[self.below(codes.len())].0
    }
}

fn offer(id: i64, random: &mut Random, places: &[Place]) -> IndexedOffer {
    let comune = if random.below(10) == 0 {
        String::new()
    } else {
        places[random.below(places.len())].slug.clone()
    };
    IndexedOffer {
        summary: OfferSummary {
            id,
            kind: OfferKind::from_code(random.pick(&KINDS)).expect("a kind"),
            title: format!("Offerta {id}"),
            organisation: String::new(),
            comune_slug: comune,
            comune_name: String::new(),
            remote: RemoteMode::from_code(random.pick(&REMOTE_MODES)).expect("a mode"),
            contract: Contract::from_code(random.pick(&CONTRACTS)).expect("a contract"),
            working_time: WorkingTime::from_code(random.pick(&WORKING_TIMES)).expect("a time"),
            published_at: NOW - random.below(60 * DAY as usize) as i64,
            expires_at: NOW - 5 * DAY + random.below(40 * DAY as usize) as i64,
            snippet: String::new(),
            distance_km: None,
            demo: false,
        },
        title: format!("Offerta {id}"),
        body: String::new(),
        sector: random.pick(&SECTORS).to_string(),
        education: random.below(9) as i64,
    }
}

/// What the plain definition says of a search: (total, ids of its page in
/// order, per kind, per contract, per comune, remote only).
type Expected = (
    usize,
    Vec<i64>,
    Vec<(String, i64)>,
    Vec<(String, i64)>,
    Vec<(String, i64)>,
    i64,
);

fn expected(offers: &[IndexedOffer], places: &[Place], q: &OfferQuery) -> Expected {
    let km: f64 = q.km.parse().unwrap_or(0.0);
    let place = |slug: &str| places.iter().find(|p| p.slug == slug);
    let distance = |o: &IndexedOffer| -> Option<f64> {
        let centre = place(q.comune.first()?)?;
        let p = place(&o.summary.comune_slug)?;
        Some(distance_km(
            (centre.latitude, centre.longitude),
            (p.latitude, p.longitude),
        ))
    };
    let near = |o: &IndexedOffer| {
        q.comune.is_empty()
            || place(&o.summary.comune_slug).is_some_and(|p| {
                q.comune.iter().filter_map(|c| place(c)).any(|c| {
                    c.slug == p.slug
                        || distance_km((c.latitude, c.longitude), (p.latitude, p.longitude)) <= km
                })
            })
    };
    let is = |wanted: &str, code: &str| wanted.is_empty() || wanted == code;
    let kept = |o: &IndexedOffer| {
        let s = &o.summary;
        s.expires_at > NOW
            && is(&q.settore, &o.sector)
            && is(&q.orario, s.working_time.code())
            && is(&q.remoto, s.remote.code())
            && q.entro
                .parse::<i64>()
                .ok()
                .is_none_or(|d| s.published_at >= NOW - d.clamp(1, 365) * DAY)
            && q.istruzione
                .parse::<i64>()
                .ok()
                .is_none_or(|level| o.education <= level)
    };
    let kind = |o: &IndexedOffer| is(&q.tipo, o.summary.kind.code());
    let contract = |o: &IndexedOffer| is(&q.contratto, o.summary.contract.code());
    let mut per_kind: HashMap<&str, i64> = HashMap::new();
    let mut per_contract: HashMap<&str, i64> = HashMap::new();
    let mut per_comune: HashMap<String, i64> = HashMap::new();
    let mut remote_only = 0;
    // (offer, its position: ties in date go to the one indexed first)
    let mut hits = Vec::new();
    for (position, o) in offers.iter().enumerate().filter(|(_, o)| kept(o)) {
        let (n, k, c) = (near(o), kind(o), contract(o));
        if k && c {
            match o.summary.comune_slug.as_str() {
                "" => remote_only += 1,
                slug => *per_comune.entry(slug.to_string()).or_default() += 1,
            }
        }
        if n && c {
            *per_kind.entry(o.summary.kind.code()).or_default() += 1;
        }
        if n && k {
            *per_contract.entry(o.summary.contract.code()).or_default() += 1;
        }
        if n && k && c {
            hits.push((o, position));
        }
    }
    let newest = |a: &(&IndexedOffer, usize), b: &(&IndexedOffer, usize)| {
        (b.0.summary.published_at, a.1).cmp(&(a.0.summary.published_at, b.1))
    };
    if q.ordina == "vicine" {
        hits.sort_by(|a, b| {
            let far = |o| distance(o).unwrap_or(f64::MAX);
            far(a.0).total_cmp(&far(b.0)).then(newest(a, b))
        });
    } else {
        hits.sort_by(newest);
    }
    let pages = hits.len().div_ceil(PAGE_SIZE).max(1);
    let page = q.page().min(pages);
    let ids = hits
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(o, _)| o.summary.id)
        .collect();
    let counts = |codes: &[(&str, crate::kernel::labels::Label)], n: &HashMap<&str, i64>| {
        codes
            .iter()
            .map(|(code, _)| (code.to_string(), n.get(code).copied().unwrap_or(0)))
            .collect()
    };
    let per_comune = places
        .iter()
        .filter_map(|p| per_comune.get(&p.slug).map(|n| (p.slug.clone(), *n)))
        .collect();
    (
        hits.len(),
        ids,
        counts(&KINDS, &per_kind),
        counts(&CONTRACTS, &per_contract),
        per_comune,
        remote_only,
    )
}

fn query(pairs: &[(&str, &str)]) -> OfferQuery {
    let mut q = OfferQuery::default();
    for &(key, value) in pairs {
        match key {
            "q" => q.q = value.into(),
            "comune" => q.comune.push(value.into()),
            "km" => q.km = value.into(),
            "tipo" => q.tipo = value.into(),
            "contratto" => q.contratto = value.into(),
            "settore" => q.settore = value.into(),
            "orario" => q.orario = value.into(),
            "remoto" => q.remoto = value.into(),
            "entro" => q.entro = value.into(),
            "istruzione" => q.istruzione = value.into(),
            "ordina" => q.ordina = value.into(),
            "pagina" => q.pagina = value.into(),
            _ => unreachable!("no such filter: {key}"),
        }
    }
    q
}

#[test]
fn counts_and_order_are_those_of_the_plain_definition() {
    let places = places();
    let mut random = Random(0x5eed_1234_abcd);
    let mut index = OfferIndex::new(places.clone()).splitting_from(SPLIT_FROM);
    let mut offers: Vec<IndexedOffer> = (1..=OFFERS)
        .map(|id| offer(id, &mut random, &places))
        .collect();
    for o in &offers {
        index.upsert(o.clone());
    }
    // Every seventh offer withdrawn: its slot must count for nothing.
    for o in offers.iter().filter(|o| o.summary.id % 7 == 0) {
        index.remove(o.summary.id);
    }
    offers.retain(|o| o.summary.id % 7 != 0);
    let queries = [
        query(&[]),
        query(&[("comune", "sarzana"), ("km", "15")]),
        query(&[
            ("tipo", "lavoro"),
            ("contratto", "determinato"),
            ("orario", "pieno"),
            ("entro", "30"),
        ]),
        query(&[
            ("settore", "C"),
            ("remoto", "no"),
            ("istruzione", "4"),
            ("comune", "levanto"),
        ]),
        query(&[
            ("comune", "la-spezia"),
            ("comune", "follo"),
            ("km", "5"),
            ("ordina", "vicine"),
            ("pagina", "3"),
        ]),
        query(&[("tipo", "nessuno")]),
        query(&[("entro", "7"), ("pagina", "100000")]),
        // A word every offer holds, equally often: the words' path, scores
        // all equal, so the newest first as without words.
        query(&[
            ("q", "offerta"),
            ("comune", "sarzana"),
            ("km", "10"),
            ("pagina", "2"),
        ]),
    ];
    for q in &queries {
        let found = index.search(q, NOW);
        let (total, ids, per_kind, per_contract, per_comune, remote_only) =
            expected(&offers, &places, q);
        let label = format!("{q:?}");
        assert_eq!(found.total, total, "total of {label}");
        assert_eq!(
            found.items.iter().map(|o| o.id).collect::<Vec<_>>(),
            ids,
            "page of {label}"
        );
        assert_eq!(found.per_kind, per_kind, "per kind of {label}");
        assert_eq!(found.per_contract, per_contract, "per contract of {label}");
        assert_eq!(found.per_comune, per_comune, "per comune of {label}");
        assert_eq!(found.remote_only, remote_only, "remote only of {label}");
    }
    assert!(
        index.search(&queries[0], NOW).total > 6_000,
        "most offers are open"
    );
}
