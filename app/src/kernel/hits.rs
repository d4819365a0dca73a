//! The part of a search both indexes share once the matching is done:
//! ordering the hits, cutting out one page of them, and the per-comune
//! counts; and the distances from the chosen comune, once per place.

use crate::kernel::geo::{distance_km, Place};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

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

/// The hits a search keeps while it scans, to cut out page `wanted` (the
/// first is 1) of `size` in `order`: only the best `wanted × size` of them,
/// in a heap whose top is the worst kept, and how many matched in all. At a
/// region's million offers a broad search matches hundreds of thousands;
/// keeping every hit to sort the first twenty cost more than the scan itself.
pub struct TopHits {
    order: Order,
    wanted: usize,
    size: usize,
    keep: usize,
    kept: BinaryHeap<Ranked>,
    total: usize,
}

/// A hit ordered so that the worst in `order` is the greatest.
struct Ranked(Hit, Order);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.1.compare(&self.0, &other.0)
    }
}

impl TopHits {
    pub fn new(order: Order, wanted: usize, size: usize) -> TopHits {
        let wanted = wanted.max(1);
        TopHits {
            order,
            wanted,
            size,
            keep: wanted.saturating_mul(size),
            kept: BinaryHeap::new(),
            total: 0,
        }
    }

    pub fn push(&mut self, hit: Hit) {
        self.consider(true, hit);
    }

    /// Counts `hit` if it `matched`, and keeps it if it is also among the
    /// best so far. A scan calls this for every document it reads: whether
    /// the hit could be kept is worked out first, so that the one branch
    /// taken is on "matched and good enough", which after the first page is
    /// nearly always false, rather than on "matched", which a broad search
    /// makes true for a third of the documents in no order a processor can
    /// guess.
    #[inline]
    pub fn consider(&mut self, matched: bool, hit: Hit) {
        self.total += usize::from(matched);
        let room = self.kept.len() < self.keep;
        let better = match self.kept.peek() {
            Some(worst) => self.order.compare(&hit, &worst.0) == Ordering::Less,
            None => true,
        };
        if matched & (room | better) {
            self.keep_hit(hit, room);
        }
    }

    #[cold]
    fn keep_hit(&mut self, hit: Hit, room: bool) {
        if room {
            self.kept.push(Ranked(hit, self.order));
        } else if let Some(mut worst) = self.kept.peek_mut() {
            *worst = Ranked(hit, self.order);
        }
    }

    /// Takes in the hits another part of the same search kept.
    pub fn absorb(&mut self, other: TopHits) {
        let total = self.total + other.total;
        for Ranked(hit, _) in other.kept.into_vec() {
            self.push(hit);
        }
        self.total = total;
    }

    /// The page asked for; past the end, the last one. (When the page asked
    /// for is past the end, every hit was kept.)
    pub fn into_page(self) -> Page {
        let total = self.total;
        let pages = total.div_ceil(self.size).max(1);
        let page = self.wanted.min(pages);
        let mut hits: Vec<Hit> = self
            .kept
            .into_sorted_vec()
            .into_iter()
            .map(|ranked| ranked.0)
            .collect();
        let start = ((page - 1) * self.size).min(hits.len());
        Page {
            hits: hits.split_off(start),
            total,
            page,
            pages,
        }
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

/// Each place's position in `places`, by slug: an index looks up the place
/// of every document it takes in, and a region has hundreds of comuni.
pub fn positions_by_slug(places: &[Place]) -> HashMap<String, usize> {
    places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.clone(), i))
        .collect()
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
    use super::{Hit, Order, Page, TopHits};

    /// Page `wanted` (from 1; past the end, the last) of `hits` in `order`.
    fn page_of(hits: Vec<Hit>, order: Order, wanted: usize, size: usize) -> Page {
        let mut top = TopHits::new(order, wanted, size);
        for hit in hits {
            top.push(hit);
        }
        top.into_page()
    }

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

    /// Keeping only the best hits up to the page gives the page a full sort
    /// would: many hits, ties in score broken by date then slot.
    #[test]
    fn the_kept_hits_make_the_page_a_full_sort_makes() {
        let hits: Vec<Hit> = (0..1000u32)
            .map(|i| {
                hit(
                    i,
                    (i * 7919 % 97) as f32,
                    i64::from(i % 13),
                    f64::from(i % 31),
                )
            })
            .collect();
        for order in [Order::BestScore, Order::Newest, Order::Nearest] {
            let mut sorted = hits.clone();
            sorted.sort_by(|a, b| order.compare(a, b));
            for wanted in [1, 3, 50] {
                let page = page_of(hits.clone(), order, wanted, 20);
                assert_eq!(page.total, 1000);
                assert_eq!(page.hits, sorted[(wanted - 1) * 20..wanted * 20]);
            }
        }
    }

    /// A search split in two parts and put together gives the page and the
    /// count of one pass over everything.
    #[test]
    fn two_parts_absorbed_make_the_whole() {
        let hits: Vec<Hit> = (0..500u32)
            .map(|i| hit(i, (i * 31 % 17) as f32, i64::from(i % 7), 0.0))
            .collect();
        let whole = page_of(hits.clone(), Order::BestScore, 2, 20);
        let mut first = TopHits::new(Order::BestScore, 2, 20);
        let mut second = TopHits::new(Order::BestScore, 2, 20);
        for (i, h) in hits.into_iter().enumerate() {
            if i < 200 {
                first.push(h)
            } else {
                second.push(h)
            }
        }
        first.absorb(second);
        let joined = first.into_page();
        assert_eq!((joined.total, joined.page, joined.pages), (500, 2, 25));
        assert_eq!(joined.hits, whole.hits);
    }
}
