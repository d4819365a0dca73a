//! Pieces shared by several pages.

pub mod async_data;
pub mod copy;
pub mod decision;
pub mod error_view;
pub mod filters_fold;
pub mod form;
pub mod layout;
pub mod map;
pub mod page_meta;
pub mod place_filter;

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
