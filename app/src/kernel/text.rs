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
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let ascii = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if ascii != '-' || !(slug.is_empty() || slug.ends_with('-')) {
            slug.push(ascii);
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Lower case, without accents, ASCII letters and digits only: the slug of
/// the text with its words apart.
pub fn normalise(text: &str) -> String {
    slugify(text).replace('-', " ")
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
}
