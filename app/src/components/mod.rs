//! Pieces shared by several pages.

pub mod async_data;
pub mod decision;
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

/// The numeric `id` of the page's address (`/corsi/{id}`), 0 when it is not
/// a number (the server then answers "not found").
pub fn use_id_param() -> leptos::prelude::Memo<i64> {
    use leptos::prelude::*;
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    })
}
