//! Text shared by the server and the browser: slugs, the words of a text
//! without accents or case, the bounds of a search's text. (Matching and
//! stems are the server's: `terms.rs`, the one Italian stemmer.)

/// The first `chars` characters of a text on one line, cut at a word and
/// ended with "…" when something was left out: a result's snippet, a page's
/// description.
pub fn first_words(text: &str, chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(chars) {
        Some((cut, _)) => {
            let cut = flat[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", &flat[..cut])
        }
        None => flat,
    }
}

/// The non-empty lines of a text, trimmed: the paragraphs of a letter, the
/// courses or highlights of a CV entry written one per line.
pub fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The URL slug of a name: lower-case ASCII, accents dropped, words joined by `-`
/// ("Riccò del Golfo di Spezia" → "ricco-del-golfo-di-spezia").
pub fn slugify(name: &str) -> String {
    folded(name, '-')
}

/// Lower case, without accents, ASCII letters and digits only: the slug of
/// the text with its words apart.
pub fn normalise(text: &str) -> String {
    folded(text, ' ')
}

/// The lower-case ASCII letters and digits of `text`, accents dropped, each
/// run of anything else one `separator`, none at either end. An ASCII
/// character takes no Unicode lookup: the search reads a region's million
/// offers through this when the server starts.
fn folded(text: &str, separator: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut apart = false;
    let mut add = |c: char, out: &mut String| match letter(c) {
        Some(letter) => {
            if apart && !out.is_empty() {
                out.push(separator);
            }
            apart = false;
            out.push(letter);
        }
        None => apart = true,
    };
    for c in text.chars() {
        if c.is_ascii() {
            add(c.to_ascii_lowercase(), &mut out);
        } else {
            for lower in c.to_lowercase() {
                add(lower, &mut out);
            }
        }
    }
    out
}

/// A lower-case character as a slug's letter: accents dropped; `None` for
/// what is not a letter or digit.
fn letter(c: char) -> Option<char> {
    match c {
        'à' | 'á' | 'â' | 'ä' => Some('a'),
        'è' | 'é' | 'ê' | 'ë' => Some('e'),
        'ì' | 'í' | 'î' | 'ï' => Some('i'),
        'ò' | 'ó' | 'ô' | 'ö' => Some('o'),
        'ù' | 'ú' | 'û' | 'ü' => Some('u'),
        c if c.is_ascii_alphanumeric() => Some(c),
        _ => None,
    }
}

/// Characters no form field takes: control characters other than line
/// breaks and tabs (a NUL, an escape sequence), which come from broken
/// copies or scripts and break exports and logs.
pub fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The most characters and words a search's text may have: more than any
/// real search, few enough that scoring stays cheap (the index ignores
/// words past the limit in any case).
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_WORDS: usize = 12;

/// Refuses a search text past its bounds (422 on `q`), saying how to fit.
pub fn check_search_text(q: &str) -> Result<(), crate::error::AppError> {
    if q.chars().count() > MAX_QUERY_CHARS || q.split_whitespace().count() > MAX_QUERY_WORDS {
        return Err(crate::invalid!(
            "q",
            search_too_long,
            words = MAX_QUERY_WORDS,
            chars = MAX_QUERY_CHARS
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(
            slugify("Riccò del Golfo di Spezia"),
            "ricco-del-golfo-di-spezia"
        );
        assert_eq!(slugify("La Spezia"), "la-spezia");
        assert_eq!(
            slugify("CPIA La Spezia – Centro Provinciale"),
            "cpia-la-spezia-centro-provinciale"
        );
        assert_eq!(slugify("  Sarzana "), "sarzana");
    }

    /// The ASCII shortcut changes nothing: the same as lower-casing every
    /// character by Unicode's rules and mapping it.
    #[test]
    fn the_ascii_shortcut_folds_as_unicode_does() {
        fn by_unicode(text: &str) -> String {
            let mapped: String = text
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| super::letter(c).unwrap_or(' '))
                .collect();
            mapped.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        for text in [
            "Perché L'ÀNCORA è QUI? -- 24/7",
            "ÉCOLE – naïve\tCAFÉ\u{212A}m İstanbul",
            "  già   fatto  ",
            "",
            "—",
        ] {
            assert_eq!(super::normalise(text), by_unicode(text), "{text}");
        }
        assert_eq!(super::normalise("Perché L'ÀNCORA"), "perche l ancora");
    }
}
