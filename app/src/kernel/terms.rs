//! Italian text into search terms: accents and case go, common words go,
//! and each word is reduced to its Snowball stem ("magazzinieri" and
//! "magazziniere" both become "magazzin"). The same function reads the
//! offers and the queries, so both sides always agree.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static ITALIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Italian));

/// Words that say nothing about an offer (after accents are gone).
const STOPWORDS: &[&str] = &[
    "a", "ad", "al", "alla", "alle", "agli", "ai", "all", "anche", "che", "chi", "ci", "col",
    "con", "da", "dal", "dalla", "dei", "del", "della", "delle", "degli", "di", "e", "ed", "gli",
    "i", "il", "in", "la", "le", "lo", "ma", "mi", "ne", "nei", "nel", "nella", "nelle", "o",
    "per", "piu", "si", "su", "sul", "sulla", "tra", "fra", "un", "una", "uno", "the", "and", "of",
];

/// The words of `text`, lower case, without accents or punctuation.
pub fn words(text: &str) -> Vec<String> {
    crate::kernel::text::normalise(text)
        .split_whitespace()
        .filter(|w| !is_stopword(w))
        .map(str::to_string)
        .collect()
}

/// Whether `word` (normalised) is one of the words that say nothing.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Snowball's Italian stemmer, after the number has gone from the word:
/// Snowball alone leaves "magazzinieri" and "magazziniere" apart.
pub fn stem(word: &str) -> String {
    ITALIAN.stem(&singular_plural_root(word)).into_owned()
}

/// The root singular and plural share: the final vowel goes, and the `h`
/// that keeps a hard sound before `i`/`e` ("cuochi" and "cuoco" → "cuoc").
fn singular_plural_root(word: &str) -> String {
    let mut root = word.to_string();
    if root.chars().count() > 3 && root.ends_with(['a', 'e', 'i', 'o']) {
        root.pop();
        if root.ends_with("ch") || root.ends_with("gh") {
            root.pop();
        }
    }
    root
}

/// The stems of `text`, in order, repeated as often as they occur.
pub fn terms(text: &str) -> Vec<String> {
    words(text).iter().map(|w| stem(w)).collect()
}

/// How many typos a query word of this length may carry and still match:
/// none in short words (they would match too much), one from five letters,
/// two from nine.
pub fn typos_allowed(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Damerau–Levenshtein distance (with adjacent swaps), giving up above `max`.
pub fn within_typos(a: &str, b: &str, max: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, cell) in d.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let mut row_best = usize::MAX;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = v;
            row_best = row_best.min(v);
        }
        if row_best > max {
            return false;
        }
    }
    d[a.len() * width + b.len()] <= max
}

/// True when every term of `query` starts a term of `text`: the small
/// catalogues' (courses, meetings) search, where "corsi" finds "corso",
/// "saldatrici" finds "saldatrice", and a word typed in part finds the whole.
pub fn matches(query: &str, text: &str) -> bool {
    let text = terms(text);
    terms(query)
        .iter()
        .all(|q| text.iter().any(|t| t.starts_with(q.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_and_plural_share_a_stem() {
        assert_eq!(stem("magazzinieri"), stem("magazziniere"));
        assert_eq!(stem("cuochi"), stem("cuoco"));
        assert_eq!(terms("Perché"), terms("perche"));
    }

    #[test]
    fn common_words_are_dropped() {
        assert_eq!(
            words("Addetto alle pulizie a Sarzana"),
            ["addetto", "pulizie", "sarzana"]
        );
    }

    #[test]
    fn typos_are_counted_with_swaps() {
        assert!(within_typos("magazinier", "magazzinier", 1));
        assert!(within_typos("elettricsta", "elettricista", 1));
        assert!(within_typos("infremier", "infermier", 1));
        assert!(!within_typos("cuoc", "cassier", 2));
    }

    #[test]
    fn accents_case_and_number_do_not_matter() {
        assert!(matches("perche", "Perché iscriversi"));
        assert!(matches("corsi saldatura", "Corso di SALDATURA a filo"));
        assert!(matches("saldatrici", "Saldatrice a filo"));
        assert!(matches("sald", "Corso di saldatura"));
        assert!(matches("magazzinieri", "Magazziniere con patentino"));
        assert!(matches("informatica", "Competenze informatiche di base"));
        assert!(!matches("cucina", "Corso di saldatura"));
        assert!(matches("", "anything"));
    }
}
