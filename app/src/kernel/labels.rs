//! Labels of codes and other texts chosen at run time, in the portal's
//! languages: each is a function from the locale to its words in
//! `locales/{it,en}.json`, so every text lives in the locale files.

use crate::i18n::Locale;

/// A text of the interface, read from the locale files in a given language.
pub type Label = fn(Locale) -> &'static str;

/// The locale of a document or message whose language is a yes/no choice
/// (a CV in English, a mail to someone who reads English).
pub fn locale_of(english: bool) -> Locale {
    if english {
        Locale::en
    } else {
        Locale::it
    }
}

pub fn pick(label: Label, english: bool) -> &'static str {
    label(locale_of(english))
}

pub fn label_of(list: &[(&'static str, Label)], code: &str, english: bool) -> &'static str {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| pick(*l, english))
        .unwrap_or("")
}
