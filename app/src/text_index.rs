//! Italian-aware full-text scoring in memory, shared by the offers' search
//! and the businesses' search of candidates: stems (singular and plural
//! meet), words still being typed, a typo or two in longer words, BM25.
//!
//! Documents live in slots that the owner hands out; this keeps, per slot,
//! the stems it holds and its length.

use crate::offers::terms::{stem, typos_allowed, within_typos, words};
use std::collections::{BTreeMap, HashMap};

/// BM25's usual constants.
const K1: f32 = 1.2;
const B: f32 = 0.75;

#[derive(Default)]
pub struct TextIndex {
    /// Stem → (slot, weighted frequency).
    postings: BTreeMap<String, Vec<(u32, f32)>>,
    /// Every word seen → its stem: typos are forgiven against whole words
    /// ("elettricsita" is one swap from "elettricista", far from its stem).
    surface: HashMap<String, String>,
    /// Per slot: its stems and its weighted length (empty when free).
    docs: Vec<(Vec<String>, f32)>,
    total_length: f32,
    count: usize,
}

impl TextIndex {
    /// Indexes `slot` from its texts, each with the weight of its words
    /// (a title counts more than a description), replacing what it held.
    pub fn insert(&mut self, slot: u32, texts: &[(&str, f32)]) {
        self.remove(slot);
        let mut weights: HashMap<String, f32> = HashMap::new();
        for (text, weight) in texts {
            for word in words(text) {
                let stem = self
                    .surface
                    .entry(word)
                    .or_insert_with_key(|w| stem(w))
                    .clone();
                *weights.entry(stem).or_default() += weight;
            }
        }
        let length: f32 = weights.values().sum();
        for (term, weight) in &weights {
            self.postings
                .entry(term.clone())
                .or_default()
                .push((slot, *weight));
        }
        let slot = slot as usize;
        if self.docs.len() <= slot {
            self.docs.resize_with(slot + 1, Default::default);
        }
        self.docs[slot] = (weights.into_keys().collect(), length);
        self.total_length += length;
        self.count += 1;
    }

    pub fn remove(&mut self, slot: u32) {
        let Some((terms, length)) = self.docs.get_mut(slot as usize).map(std::mem::take) else {
            return;
        };
        if terms.is_empty() && length == 0.0 {
            return;
        }
        for term in &terms {
            if let Some(list) = self.postings.get_mut(term) {
                list.retain(|(s, _)| *s != slot);
                if list.is_empty() {
                    self.postings.remove(term);
                }
            }
        }
        self.total_length -= length;
        self.count -= 1;
    }

    /// The stems a query word stands for, with how much each counts: its own
    /// stem; else, while it is being typed, the stems it begins; else the
    /// stems within a typo or two.
    fn expand(&self, word: &str) -> Vec<(&str, f32)> {
        let own = stem(word);
        if let Some((term, _)) = self.postings.get_key_value(&own) {
            return vec![(term.as_str(), 1.0)];
        }
        if word.chars().count() >= 3 {
            let begun: Vec<(&str, f32)> = self
                .postings
                .range(word.to_string()..)
                .take_while(|(t, _)| t.starts_with(word))
                .take(30)
                .map(|(t, _)| (t.as_str(), 0.7))
                .collect();
            if !begun.is_empty() {
                return begun;
            }
        }
        let typos = typos_allowed(word);
        if typos == 0 {
            return Vec::new();
        }
        let mut near: Vec<(&str, f32)> = self
            .surface
            .iter()
            .filter(|(w, _)| within_typos(word, w, typos))
            .filter_map(|(_, s)| self.postings.get_key_value(s))
            .map(|(t, _)| (t.as_str(), 0.6))
            .collect();
        near.sort_by(|a, b| a.0.cmp(b.0));
        near.dedup_by(|a, b| a.0 == b.0);
        near
    }

    /// A score per slot (`slots` long): above zero when every word of `q`
    /// matches the slot, below otherwise; `None` when `q` has no words
    /// (every document matches, with no score).
    pub fn scores(&self, q: &str, slots: usize) -> Option<Vec<f32>> {
        let words = words(q);
        if words.is_empty() {
            return None;
        }
        let n = self.count.max(1) as f32;
        let average = (self.total_length / n).max(1.0);
        let mut scores = vec![0f32; slots];
        let mut matched = vec![0u16; slots];
        let mut best = vec![0f32; slots];
        for word in &words {
            best.iter_mut().for_each(|b| *b = 0.0);
            for (term, weight) in self.expand(word) {
                let list = &self.postings[term];
                let idf = (1.0 + (n - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
                for &(slot, tf) in list {
                    let (Some(b), Some((_, length))) =
                        (best.get_mut(slot as usize), self.docs.get(slot as usize))
                    else {
                        continue;
                    };
                    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average));
                    *b = b.max(weight * idf * norm);
                }
            }
            for (slot, s) in best.iter().enumerate() {
                if *s > 0.0 {
                    scores[slot] += s;
                    matched[slot] += 1;
                }
            }
        }
        // Every word must match.
        let needed = words.len() as u16;
        for (score, count) in scores.iter_mut().zip(&matched) {
            if *count < needed {
                *score = -1.0;
            }
        }
        Some(scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_typing_and_typos_find_the_word() {
        let mut index = TextIndex::default();
        index.insert(
            0,
            &[("Magazziniere notturno", 3.0), ("carrello elevatore", 1.0)],
        );
        index.insert(1, &[("Cuoco", 3.0), ("cucina di pesce", 1.0)]);
        fn found(index: &TextIndex, q: &str) -> Vec<usize> {
            index
                .scores(q, 2)
                .unwrap()
                .iter()
                .enumerate()
                .filter(|(_, s)| **s > 0.0)
                .map(|(i, _)| i)
                .collect()
        }
        assert_eq!(found(&index, "magazzinieri"), [0]);
        assert_eq!(found(&index, "cuochi"), [1]);
        assert_eq!(found(&index, "eleva"), [0]);
        assert_eq!(found(&index, "magazzinere"), [0]);
        assert_eq!(found(&index, "cuoco notturno"), Vec::<usize>::new());
        assert!(index.scores("  ", 2).is_none());
        index.remove(0);
        assert_eq!(found(&index, "magazziniere"), Vec::<usize>::new());
        index.insert(0, &[("Cameriere", 3.0)]);
        assert_eq!(found(&index, "camerieri"), [0]);
    }
}
