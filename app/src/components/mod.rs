//! Pieces shared by several pages.

pub mod async_data;
pub mod error_view;
pub mod form;
pub mod layout;
pub mod map;
pub mod place_filter;

use crate::i18n::Locale;

/// A short text in the page's language, for labels that live beside their
/// code (enumerations, small pages) rather than in the locale files.
pub fn tr(l: Locale, it: &'static str, en: &'static str) -> &'static str {
    match l {
        Locale::it => it,
        Locale::en => en,
    }
}
