//! Italian-aware full-text scoring in memory, shared by the offers' search
//! and the businesses' search of candidates: stems (singular and plural
//! meet), words still being typed, a typo or two in longer words, BM25.
//!
//! Documents live in slots that the owner hands out; this keeps, per slot,
//! the stems it holds and its length.

use crate::kernel::terms::{stem, typos_allowed, within_typos, words};
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// BM25's usual constants.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The words of a query that count (the rest are ignored): the search
/// refuses longer queries; this keeps any other caller's cost bounded too.
use crate::kernel::text::MAX_QUERY_WORDS;

/// How many stems one query word may stand for (prefixes or typos).
const MAX_EXPANSIONS: usize = 30;

/// Words longer than this get no typo forgiveness: no Italian job title is,
/// and the automaton grows with the word.
const MAX_TYPO_WORD: usize = 30;

/// New words are looked through one by one until there are this many; then
/// the vocabulary's FST is built again with them.
const FRESH_WORDS: usize = 1024;

/// The Levenshtein automata's factories (one and two typos, a swap counting
/// as one), built once: making one costs a few milliseconds.
static TYPO_AUTOMATA: LazyLock<[LevenshteinAutomatonBuilder; 2]> = LazyLock::new(|| {
    [
        LevenshteinAutomatonBuilder::new(1, true),
        LevenshteinAutomatonBuilder::new(2, true),
    ]
});

#[derive(Default)]
pub struct TextIndex {
    /// Stem → (slot, weighted frequency).
    postings: BTreeMap<String, Vec<(u32, f32)>>,
    /// Every word seen → its stem: typos are forgiven against whole words
    /// ("elettricsita" is one swap from "elettricista", far from its stem).
    surface: HashMap<String, String>,
    /// The same words as a sorted FST, which a Levenshtein automaton walks
    /// in time that grows with the word, not with the vocabulary…
    vocabulary: fst::Set<Vec<u8>>,
    /// …but for the words seen since it was built, looked at one by one.
    fresh: Vec<String>,
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
                let stem = match self.surface.get(&word) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = stem(&word);
                        self.fresh.push(word.clone());
                        self.surface.insert(word, stem.clone());
                        stem
                    }
                };
                *weights.entry(stem).or_default() += weight;
            }
        }
        if self.fresh.len() >= FRESH_WORDS {
            self.rebuild_vocabulary();
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

    fn rebuild_vocabulary(&mut self) {
        let mut all: Vec<&str> = self.surface.keys().map(String::as_str).collect();
        all.sort_unstable();
        // Sorted, unique keys: building cannot fail.
        self.vocabulary = fst::Set::from_iter(all).unwrap_or_default();
        self.fresh.clear();
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
                .take(MAX_EXPANSIONS)
                .map(|(t, _)| (t.as_str(), 0.7))
                .collect();
            if !begun.is_empty() {
                return begun;
            }
        }
        self.near(word)
    }

    /// The stems of the words within a typo or two of `word`.
    fn near(&self, word: &str) -> Vec<(&str, f32)> {
        let typos = typos_allowed(word);
        if typos == 0 || word.chars().count() > MAX_TYPO_WORD {
            return Vec::new();
        }
        let automaton = TYPO_AUTOMATA[typos - 1].build_dfa(word);
        let mut found: Vec<&str> = Vec::new();
        let mut stream = self.vocabulary.search(&automaton).into_stream();
        while let Some(key) = stream.next() {
            if let Some(stem) = std::str::from_utf8(key)
                .ok()
                .and_then(|w| self.surface.get(w))
            {
                found.push(stem);
            }
        }
        found.extend(
            self.fresh
                .iter()
                .filter(|w| within_typos(word, w, typos))
                .filter_map(|w| self.surface.get(w).map(String::as_str)),
        );
        let mut near: Vec<(&str, f32)> = found
            .into_iter()
            .filter_map(|s| self.postings.get_key_value(s))
            .map(|(t, _)| (t.as_str(), 0.6))
            .collect();
        near.sort_by(|a, b| a.0.cmp(b.0));
        near.dedup_by(|a, b| a.0 == b.0);
        near.truncate(MAX_EXPANSIONS);
        near
    }

    /// The words of a query that count: the first `MAX_QUERY_WORDS`, each once.
    fn query_words(q: &str) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        let mut words = words(q);
        words.retain(|w| seen.insert(w.clone()));
        words.truncate(MAX_QUERY_WORDS);
        words
    }

    /// What scoring `q` would cost, in posting entries read: the search
    /// sends costly queries to their own lane (see `kernel::cpu`).
    pub fn cost(&self, q: &str) -> usize {
        Self::query_words(q)
            .iter()
            .flat_map(|word| self.expand(word))
            .map(|(term, _)| self.postings[term].len())
            .sum()
    }

    /// A score per slot (`slots` long): above zero when every word of `q`
    /// matches the slot, below otherwise; `None` when `q` has no words
    /// (every document matches, with no score).
    ///
    /// Since every word must match, the words go rarest first and a slot
    /// that missed one is not looked at again; once no slot is left the
    /// rest is skipped. So a long query of unrelated words (the costliest
    /// a client can send) stops after two or three of them.
    pub fn scores(&self, q: &str, slots: usize) -> Option<Vec<f32>> {
        let words = Self::query_words(q);
        if words.is_empty() {
            return None;
        }
        let mut expansions: Vec<Vec<(&str, f32)>> = words.iter().map(|w| self.expand(w)).collect();
        expansions.sort_by_cached_key(|terms| {
            terms
                .iter()
                .map(|(term, _)| self.postings[*term].len())
                .sum::<usize>()
        });
        let n = self.count.max(1) as f32;
        let average = (self.total_length / n).max(1.0);
        let mut scores = vec![0f32; slots];
        let mut matched = vec![0u16; slots];
        let mut best = vec![0f32; slots];
        for (done, terms) in (0u16..).zip(&expansions) {
            best.iter_mut().for_each(|b| *b = 0.0);
            for (term, weight) in terms {
                let list = &self.postings[*term];
                let idf = (1.0 + (n - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
                for &(slot, tf) in list {
                    let slot = slot as usize;
                    if matched.get(slot) != Some(&done) {
                        continue; // out of range, or it missed an earlier word
                    }
                    let Some((_, length)) = self.docs.get(slot) else {
                        continue;
                    };
                    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average));
                    best[slot] = best[slot].max(weight * idf * norm);
                }
            }
            let mut left = 0usize;
            for ((score, count), s) in scores.iter_mut().zip(&mut matched).zip(&best) {
                if *s > 0.0 {
                    *score += s;
                    *count += 1;
                    left += 1;
                }
            }
            if left == 0 {
                break;
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

    /// Typos are forgiven alike for words in the vocabulary's FST and for
    /// words that came after it was built.
    #[test]
    fn typos_are_found_before_and_after_the_vocabulary_is_rebuilt() {
        let mut index = TextIndex::default();
        index.insert(0, &[("Elettricista manutentore", 1.0)]);
        let filler: Vec<String> = (0..FRESH_WORDS).map(|i| format!("parola{i}x")).collect();
        index.insert(1, &[(filler.join(" ").as_str(), 1.0)]);
        assert!(index.fresh.is_empty(), "the FST holds every word now");
        index.insert(2, &[("Saldatore", 1.0)]);
        assert_eq!(index.fresh, ["saldatore"]);
        let matches = |q: &str| {
            let scores = index.scores(q, 3).unwrap();
            (0..3).filter(|&i| scores[i] > 0.0).collect::<Vec<_>>()
        };
        assert_eq!(matches("elettricsita"), [0], "a swap, from the FST");
        assert_eq!(matches("manutentre"), [0], "a letter missing, from the FST");
        assert_eq!(matches("saldatroe"), [2], "a swap, among the fresh words");
        assert_eq!(matches("zzzzzzzzzz"), Vec::<usize>::new());
    }

    #[test]
    fn only_the_first_distinct_words_of_a_long_query_count() {
        let mut index = TextIndex::default();
        let twelve: Vec<String> = (0..MAX_QUERY_WORDS)
            .map(|i| format!("parola{}", char::from(b'a' + i as u8)))
            .collect();
        index.insert(0, &[(twelve.join(" ").as_str(), 1.0)]);
        // A repeated word counts once, so it leaves room for the others…
        let repeated = format!("{} {}", "parolaa ".repeat(50), twelve.join(" "));
        assert!(index.scores(&repeated, 1).unwrap()[0] > 0.0);
        // …and a word past the first twelve is ignored: it would have
        // excluded the document.
        let past = format!("{} magazziniere", twelve.join(" "));
        assert!(index.scores(&past, 1).unwrap()[0] > 0.0);
        assert!(index.scores("parolaa magazziniere", 1).unwrap()[0] < 0.0);
        assert_eq!(index.cost(&repeated), MAX_QUERY_WORDS);
    }
}
