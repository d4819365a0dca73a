//! A search's filters, folded behind one button on a small screen so that
//! the first results are on the first screen; on a wide screen they are
//! always shown (`.filters-fold` in the style). A `<details>`: it opens and
//! closes without JavaScript too.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn FiltersFold(
    /// How many filters are set, shown on the button ("Filtri (2 attivi)").
    #[prop(into)]
    active: Signal<usize>,
    /// The grid of the body on a wide screen, e.g. `lg:grid-cols-4`.
    #[prop(optional)]
    wide_columns: &'static str,
    children: Children,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let label = move || match active.get() {
        0 => td_string!(l, filters_fold.filters).to_string(),
        1 => format!(
            "{} (1 {})",
            td_string!(l, filters_fold.filters),
            td_string!(l, filters_fold.one_active)
        ),
        n => format!(
            "{} ({n} {})",
            td_string!(l, filters_fold.filters),
            td_string!(l, filters_fold.many_active)
        ),
    };
    view! {
        <details class="filters-fold" data-testid="filtri">
            <summary class="filters-fold-button">{label}</summary>
            <div class=format!("filters-fold-body grid gap-4 sm:grid-cols-2 {wide_columns}")>
                {children()}
            </div>
        </details>
    }
}

/// How many of these filter values are set.
pub fn count_set<'a>(values: impl IntoIterator<Item = &'a str>) -> usize {
    values.into_iter().filter(|v| !v.trim().is_empty()).count()
}
