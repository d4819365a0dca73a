//! Italian-aware full-text scoring in memory, shared by the offers' search
//! and the businesses' search of candidates: stems (singular and plural
//! meet), words still being typed, a typo or two in longer words, BM25.
//!
//! Documents live in slots that the owner hands out; this keeps, per slot,
//! the stems it holds (as numbers: a region's million offers hold about a
//! hundred stems each, and a `String` per stem cost more than the posting)
//! and its length.

use crate::kernel::terms::{is_stopword, stem, typos_allowed, within_typos, words};
use crate::kernel::text::normalise;
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

/// What `surface` says of a word that is never a term (a stopword).
const IGNORED: u32 = u32::MAX;

/// New words are looked through one by one until there are this many; then
/// the vocabulary's FST is built again with them.
const FRESH_WORDS: usize = 1024;

/// One document holding one stem, in 4 bytes (a region's million offers
/// hold about a hundred million of these): its slot in the high 26 bits,
/// and in the low 6 how often the stem occurs in it, weighted (a title word
/// counts 3), up to 63; BM25 counts frequencies well below that as much.
#[derive(Clone, Copy, Debug)]
struct Posting(u32);

/// Slots are below this (about 67 million documents).
pub const MAX_SLOTS: u32 = 1 << 26;
const FREQUENCY_BITS: u32 = 6;

impl Posting {
    fn new(slot: u32, frequency: u32) -> Posting {
        assert!(
            slot < MAX_SLOTS,
            "a text index holds at most {MAX_SLOTS} documents"
        );
        let most = (1 << FREQUENCY_BITS) - 1;
        Posting(slot << FREQUENCY_BITS | frequency.min(most))
    }

    fn slot(self) -> u32 {
        self.0 >> FREQUENCY_BITS
    }

    fn frequency(self) -> f32 {
        (self.0 & ((1 << FREQUENCY_BITS) - 1)) as f32
    }
}

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
    /// Stem → its number, in order: words being typed are looked up by prefix.
    terms: BTreeMap<String, u32>,
    /// Per stem number, the documents that hold it. A stem no document
    /// holds any more keeps its number and an empty list.
    postings: Vec<Vec<Posting>>,
    /// Every word seen → its stem's number (`IGNORED` for a stopword):
    /// typos are forgiven against whole words ("elettricsita" is one swap
    /// from "elettricista", far from its stem).
    surface: HashMap<String, u32>,
    /// The same words as a sorted FST, which a Levenshtein automaton walks
    /// in time that grows with the word, not with the vocabulary…
    vocabulary: fst::Set<Vec<u8>>,
    /// …but for the words seen since it was built, looked at one by one.
    fresh: Vec<String>,
    /// Per slot: its stems' numbers (empty when free), for taking them out.
    docs: Vec<Box<[u32]>>,
    /// Per slot, its weighted length, apart from its stems: a search reads
    /// the length of every document it scores, and a million of them take
    /// 4 MB here against 24 MB beside the stems.
    lengths: Vec<f32>,
    total_length: f32,
    count: usize,
}

impl TextIndex {
    /// Indexes `slot` from its texts, each with how many times each of its
    /// words counts (a title counts more than a description), replacing what
    /// it held.
    ///
    /// A word met before costs one lookup and no allocation: a region's
    /// million offers are all indexed when the server starts.
    pub fn insert(&mut self, slot: u32, texts: &[(&str, u8)]) {
        self.remove(slot);
        let mut found: Vec<(u32, u8)> = Vec::new();
        for (text, weight) in texts {
            let text = normalise(text);
            for word in text.split_whitespace() {
                let term = match self.surface.get(word) {
                    Some(term) => *term,
                    None => self.learn(word),
                };
                if term != IGNORED {
                    found.push((term, *weight));
                }
            }
        }
        if self.fresh.len() >= FRESH_WORDS {
            self.rebuild_vocabulary();
        }
        // One posting per stem, its weights summed.
        found.sort_unstable_by_key(|(term, _)| *term);
        let mut held: Vec<u32> = Vec::new();
        let mut length = 0.0;
        for run in found.chunk_by(|a, b| a.0 == b.0) {
            let frequency: u32 = run.iter().map(|(_, w)| u32::from(*w)).sum();
            self.postings[run[0].0 as usize].push(Posting::new(slot, frequency));
            held.push(run[0].0);
            length += frequency as f32;
        }
        let slot = slot as usize;
        if self.docs.len() <= slot {
            self.docs.resize_with(slot + 1, Default::default);
            self.lengths.resize(slot + 1, 0.0);
        }
        self.docs[slot] = held.into_boxed_slice();
        self.lengths[slot] = length;
        self.total_length += length;
        self.count += 1;
    }

    /// A word met for the first time: its stem's number, or `IGNORED` for
    /// a word that says nothing; either way remembered.
    fn learn(&mut self, word: &str) -> u32 {
        let term = if is_stopword(word) {
            IGNORED
        } else {
            self.fresh.push(word.to_string());
            self.term_id(stem(word))
        };
        self.surface.insert(word.to_string(), term);
        term
    }

    /// The number of `stem`, given one if it has none yet.
    fn term_id(&mut self, stem: String) -> u32 {
        if let Some(id) = self.terms.get(&stem) {
            return *id;
        }
        let id = self.postings.len() as u32;
        self.postings.push(Vec::new());
        self.terms.insert(stem, id);
        id
    }

    /// The number of `stem` if some document holds it.
    fn held(&self, stem: &str) -> Option<u32> {
        self.terms.get(stem).copied().filter(|id| self.holds(*id))
    }

    /// Whether some document holds the stem numbered `id`.
    fn holds(&self, id: u32) -> bool {
        self.postings
            .get(id as usize)
            .is_some_and(|list| !list.is_empty())
    }

    fn rebuild_vocabulary(&mut self) {
        let mut all: Vec<&str> = self
            .surface
            .iter()
            .filter(|(_, term)| **term != IGNORED)
            .map(|(word, _)| word.as_str())
            .collect();
        all.sort_unstable();
        // Sorted, unique keys: building cannot fail.
        self.vocabulary = fst::Set::from_iter(all).unwrap_or_default();
        self.fresh.clear();
    }

    /// Gives back the room the lists grew into (by doubling) while loading.
    pub fn settle(&mut self) {
        for list in &mut self.postings {
            list.shrink_to_fit();
        }
        self.postings.shrink_to_fit();
        self.docs.shrink_to_fit();
        self.lengths.shrink_to_fit();
        self.surface.shrink_to_fit();
    }

    pub fn remove(&mut self, slot: u32) {
        let Some(terms) = self.docs.get_mut(slot as usize).map(std::mem::take) else {
            return;
        };
        let length = std::mem::take(&mut self.lengths[slot as usize]);
        if terms.is_empty() && length == 0.0 {
            return;
        }
        for term in terms.iter() {
            let list = &mut self.postings[*term as usize];
            list.retain(|posting| posting.slot() != slot);
            if list.is_empty() {
                // Its memory goes; its number stays for the stem.
                list.shrink_to_fit();
            }
        }
        self.total_length -= length;
        self.count -= 1;
    }

    /// The stems a query word stands for, with how much each counts: its own
    /// stem; else, while it is being typed, the stems it begins; else the
    /// stems within a typo or two.
    fn expand(&self, word: &str) -> Vec<(u32, f32)> {
        if let Some(id) = self.held(&stem(word)) {
            return vec![(id, 1.0)];
        }
        if word.chars().count() >= 3 {
            let begun: Vec<(u32, f32)> = self
                .terms
                .range(word.to_string()..)
                .take_while(|(t, _)| t.starts_with(word))
                .filter(|(_, id)| self.holds(**id))
                .take(MAX_EXPANSIONS)
                .map(|(_, id)| (*id, 0.7))
                .collect();
            if !begun.is_empty() {
                return begun;
            }
        }
        self.near(word)
    }

    /// The stems of the words within a typo or two of `word`.
    fn near(&self, word: &str) -> Vec<(u32, f32)> {
        let typos = typos_allowed(word);
        if typos == 0 || word.chars().count() > MAX_TYPO_WORD {
            return Vec::new();
        }
        let automaton = TYPO_AUTOMATA[typos - 1].build_dfa(word);
        let mut found: Vec<u32> = Vec::new();
        let mut stream = self.vocabulary.search(&automaton).into_stream();
        while let Some(key) = stream.next() {
            if let Some(term) = std::str::from_utf8(key)
                .ok()
                .and_then(|w| self.surface.get(w))
            {
                found.push(*term);
            }
        }
        found.extend(
            self.fresh
                .iter()
                .filter(|w| within_typos(word, w, typos))
                .filter_map(|w| self.surface.get(w).copied()),
        );
        let mut near: Vec<(u32, f32)> = found
            .into_iter()
            .filter(|id| self.holds(*id))
            .map(|id| (id, 0.6))
            .collect();
        near.sort_by_key(|n| n.0);
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
            .map(|(term, _)| self.postings[term as usize].len())
            .sum()
    }

    /// The slots that match every word of `q`, each with its score, in no
    /// order; `None` when `q` has no words (every document matches, with no
    /// score).
    ///
    /// Since every word must match, the words go rarest first: the rarest
    /// word's slots are the only candidates, and each next word only keeps
    /// or drops them. So the work grows with the rarest word's postings,
    /// never with the number of documents (a region's million offers), and a
    /// long query of unrelated words (the costliest a client can send)
    /// stops once no candidate is left.
    pub fn matches(&self, q: &str) -> Option<Vec<(u32, f32)>> {
        let words = Self::query_words(q);
        if words.is_empty() {
            return None;
        }
        let mut expansions: Vec<Vec<(u32, f32)>> = words.iter().map(|w| self.expand(w)).collect();
        expansions.sort_by_cached_key(|terms| {
            terms
                .iter()
                .map(|(term, _)| self.postings[*term as usize].len())
                .sum::<usize>()
        });
        let n = self.count.max(1) as f32;
        let average = (self.total_length / n).max(1.0);
        let idf = |list: &[Posting]| {
            (1.0 + (n - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln()
        };
        // One word standing for one stem (most searches): its documents are
        // the answer, and nothing needs putting together.
        if let [terms] = expansions.as_slice() {
            if let [(term, weight)] = terms.as_slice() {
                let list = &self.postings[*term as usize];
                let idf = idf(list);
                return Some(
                    list.iter()
                        .map(|p| (p.slot(), self.bm25(*p, weight * idf, average)))
                        .collect(),
                );
            }
        }
        // Each candidate: its slot, its score so far, how many words it
        // matched, and its best score for the word being read.
        let mut candidates: Vec<Candidate> = Vec::new();
        CANDIDATE_OF_SLOT.with_borrow_mut(|at| {
            if at.len() < self.docs.len() {
                at.resize(self.docs.len(), 0);
            }
            for (word, terms) in (0u16..).zip(&expansions) {
                for (term, weight) in terms {
                    let list = &self.postings[*term as usize];
                    let idf = idf(list);
                    for posting in list {
                        let slot = posting.slot();
                        let score = self.bm25(*posting, weight * idf, average);
                        let known = at[slot as usize] as usize;
                        match candidates.get_mut(known).filter(|c| c.slot == slot) {
                            // A slot that matched every word before this one.
                            Some(c) if c.matched == word => {
                                c.matched += 1;
                                c.best = score;
                            }
                            // Matched by another form of this word.
                            Some(c) if c.matched == word + 1 => c.best = c.best.max(score),
                            Some(_) => {}
                            None if word == 0 => {
                                at[slot as usize] = candidates.len() as u32;
                                candidates.push(Candidate {
                                    slot,
                                    score: 0.0,
                                    matched: 1,
                                    best: score,
                                });
                            }
                            None => {}
                        }
                    }
                }
                let mut left = 0usize;
                for c in candidates.iter_mut().filter(|c| c.matched == word + 1) {
                    c.score += c.best;
                    left += 1;
                }
                if left == 0 {
                    break;
                }
            }
        });
        // Every word must match.
        let needed = words.len() as u16;
        Some(
            candidates
                .into_iter()
                .filter(|c| c.matched == needed)
                .map(|c| (c.slot, c.score))
                .collect(),
        )
    }
}

impl TextIndex {
    /// BM25's score of one posting, for a term of this weight × idf, in an
    /// index whose documents' average length is `average`.
    #[inline]
    fn bm25(&self, posting: Posting, weighted_idf: f32, average: f32) -> f32 {
        let tf = posting.frequency();
        let length = self.lengths[posting.slot() as usize];
        weighted_idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average))
    }
}

/// A slot the rarest word of a query matched, while the other words are read.
struct Candidate {
    slot: u32,
    score: f32,
    matched: u16,
    best: f32,
}

thread_local! {
    /// Per slot, where it may stand among a query's candidates: a slot is a
    /// candidate only if the candidate there is that slot, so the array is
    /// never cleared (a million slots would cost more to clear than most
    /// searches cost). One per thread that searches.
    static CANDIDATE_OF_SLOT: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots `q` matches, in order.
    fn slots(index: &TextIndex, q: &str) -> Vec<u32> {
        let mut slots: Vec<u32> = index.matches(q).unwrap().iter().map(|m| m.0).collect();
        slots.sort_unstable();
        slots
    }

    #[test]
    fn plural_typing_and_typos_find_the_word() {
        let mut index = TextIndex::default();
        index.insert(
            0,
            &[("Magazziniere notturno", 3), ("carrello elevatore", 1)],
        );
        index.insert(1, &[("Cuoco", 3), ("cucina di pesce", 1)]);
        let found = slots;
        assert_eq!(found(&index, "magazzinieri"), [0]);
        assert_eq!(found(&index, "cuochi"), [1]);
        assert_eq!(found(&index, "eleva"), [0]);
        assert_eq!(found(&index, "magazzinere"), [0]);
        assert_eq!(found(&index, "cuoco notturno"), Vec::<u32>::new());
        assert!(index.matches("  ").is_none());
        index.remove(0);
        assert_eq!(found(&index, "magazziniere"), Vec::<u32>::new());
        index.insert(0, &[("Cameriere", 3)]);
        assert_eq!(found(&index, "camerieri"), [0]);
    }

    /// Typos are forgiven alike for words in the vocabulary's FST and for
    /// words that came after it was built.
    #[test]
    fn typos_are_found_before_and_after_the_vocabulary_is_rebuilt() {
        let mut index = TextIndex::default();
        index.insert(0, &[("Elettricista manutentore", 1)]);
        let filler: Vec<String> = (0..FRESH_WORDS).map(|i| format!("parola{i}x")).collect();
        index.insert(1, &[(filler.join(" ").as_str(), 1)]);
        assert!(index.fresh.is_empty(), "the FST holds every word now");
        index.insert(2, &[("Saldatore", 1)]);
        assert_eq!(index.fresh, ["saldatore"]);
        let matches = |q: &str| slots(&index, q);
        assert_eq!(matches("elettricsita"), [0], "a swap, from the FST");
        assert_eq!(matches("manutentre"), [0], "a letter missing, from the FST");
        assert_eq!(matches("saldatroe"), [2], "a swap, among the fresh words");
        assert_eq!(matches("zzzzzzzzzz"), Vec::<u32>::new());
    }

    #[test]
    fn only_the_first_distinct_words_of_a_long_query_count() {
        let mut index = TextIndex::default();
        let twelve: Vec<String> = (0..MAX_QUERY_WORDS)
            .map(|i| format!("parola{}", char::from(b'a' + i as u8)))
            .collect();
        index.insert(0, &[(twelve.join(" ").as_str(), 1)]);
        // A repeated word counts once, so it leaves room for the others…
        let repeated = format!("{} {}", "parolaa ".repeat(50), twelve.join(" "));
        assert_eq!(slots(&index, &repeated), [0]);
        // …and a word past the first twelve is ignored: it would have
        // excluded the document.
        let past = format!("{} magazziniere", twelve.join(" "));
        assert_eq!(slots(&index, &past), [0]);
        assert_eq!(slots(&index, "parolaa magazziniere"), Vec::<u32>::new());
        assert_eq!(index.cost(&repeated), MAX_QUERY_WORDS);
    }

    /// A document matched by two forms of one word (typed and whole) scores
    /// that word once, at its best; every word adds to the score.
    #[test]
    fn each_word_scores_once_at_its_best_and_the_words_add_up() {
        let mut index = TextIndex::default();
        index.insert(0, &[("Cuoco capo partita", 1)]);
        index.insert(1, &[("Cuoco", 1)]);
        index.insert(2, &[("Capo magazziniere", 1)]);
        let score = |q: &str, slot: u32| {
            index
                .matches(q)
                .unwrap()
                .into_iter()
                .find(|m| m.0 == slot)
                .map(|m| m.1)
        };
        let cuoco = score("cuoco", 0).unwrap();
        let both = score("cuoco capo", 0).unwrap();
        assert!(both > cuoco, "{both} > {cuoco}");
        assert_eq!(score("cuoco capo", 1), None, "slot 1 has no capo");
        assert_eq!(slots(&index, "capo cuoco"), [0]);
        assert!(score("cuoc", 0).unwrap() > 0.0, "a word being typed");
    }
}
