//! The part of a search both indexes share once the matching is done:
//! ordering the hits, cutting out one page of them, and the per-comune
//! counts; and the distances from the chosen comune, once per place.

use crate::kernel::geo::{distance_km, Place};
use std::cmp::Ordering;

/// A document that matched: its slot in the index, its text score, its date
/// (published or updated) and its distance from the chosen comune.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub slot: u32,
    pub score: f32,
    pub stamp: i64,
    /// `f64::MAX` when no comune was chosen or the document has no place.
    pub distance: f64,
}

impl Hit {
    /// The distance to show, if there is one.
    pub fn distance_km(&self) -> Option<f64> {
        (self.distance < f64::MAX).then_some(self.distance)
    }
}

/// How results are ordered; ties always go to the newest, then the slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Newest,
    BestScore,
    Nearest,
}

impl Order {
    fn compare(self, a: &Hit, b: &Hit) -> Ordering {
        let newest = b.stamp.cmp(&a.stamp).then(a.slot.cmp(&b.slot));
        match self {
            Order::Newest => newest,
            Order::BestScore => b.score.total_cmp(&a.score).then(newest),
            Order::Nearest => a
                .distance
                .total_cmp(&b.distance)
                .then(b.score.total_cmp(&a.score))
                .then(newest),
        }
    }
}

/// One page of hits, and where it sits among them.
pub struct Page {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

/// Page `wanted` (from 1; past the end, the last) of `hits` in `order`. Only
/// the hits up to the page's end are sorted.
pub fn page_of(mut hits: Vec<Hit>, order: Order, wanted: usize, size: usize) -> Page {
    let compare = |a: &Hit, b: &Hit| order.compare(a, b);
    let total = hits.len();
    let pages = total.div_ceil(size).max(1);
    let page = wanted.clamp(1, pages);
    let end = (page * size).min(total);
    if end > 0 && end < total {
        hits.select_nth_unstable_by(end - 1, compare);
        hits.truncate(end);
    }
    hits.sort_by(compare);
    let start = ((page - 1) * size).min(hits.len());
    Page {
        hits: hits.split_off(start),
        total,
        page,
        pages,
    }
}

/// The distance from `centre` to every place, in the places' order (empty
/// without a centre).
pub fn distances_from(places: &[Place], centre: Option<&Place>) -> Vec<f64> {
    centre
        .map(|c| {
            places
                .iter()
                .map(|p| distance_km((c.latitude, c.longitude), (p.latitude, p.longitude)))
                .collect()
        })
        .unwrap_or_default()
}

/// The places that have results, with how many, by slug.
pub fn per_place(places: &[Place], counts: Vec<i64>) -> Vec<(String, i64)> {
    places
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(p, n)| (p.slug.clone(), n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{page_of, Hit, Order};

    fn hit(slot: u32, score: f32, stamp: i64, distance: f64) -> Hit {
        Hit {
            slot,
            score,
            stamp,
            distance,
        }
    }

    #[test]
    fn pages_follow_the_order_and_the_last_page_is_short() {
        let hits: Vec<Hit> = (0..25)
            .map(|i| hit(i, i as f32, 100 - i64::from(i), 0.0))
            .collect();
        let first = page_of(hits.clone(), Order::BestScore, 1, 10);
        assert_eq!((first.total, first.pages, first.page), (25, 3, 1));
        assert_eq!(
            first.hits.iter().map(|h| h.slot).collect::<Vec<_>>(),
            (15..25).rev().collect::<Vec<_>>()
        );
        let last = page_of(hits.clone(), Order::Newest, 9, 10);
        assert_eq!(last.page, 3);
        assert_eq!(
            last.hits.iter().map(|h| h.slot).collect::<Vec<_>>(),
            (20..25).collect::<Vec<_>>()
        );
        let none = page_of(Vec::new(), Order::Newest, 1, 10);
        assert_eq!((none.total, none.pages, none.hits.len()), (0, 1, 0));
    }

    #[test]
    fn nearest_first_then_best_then_newest() {
        let hits = vec![
            hit(0, 1.0, 5, 3.0),
            hit(1, 2.0, 5, 3.0),
            hit(2, 0.0, 9, 1.0),
        ];
        let page = page_of(hits, Order::Nearest, 1, 10);
        assert_eq!(
            page.hits.iter().map(|h| h.slot).collect::<Vec<_>>(),
            [2, 1, 0]
        );
    }
}
