//! How errors look on a page: a short Italian (or English) sentence, never a
//! stack trace.

use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// Shown by an `ErrorBoundary` in place of the content that failed.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, e)| match e.downcast_ref::<AppError>() {
                Some(AppError::NotFound) => td_string!(l, errors.not_found).to_string(),
                // In the page's language: refusals carry their words already.
                Some(app) => app.user_message(),
                None => td_string!(l, errors.generic).to_string(),
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div role="alert" class="rounded border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
            <h2 class="text-xl font-bold">{td_string!(l, errors.title)}</h2>
            <ul>{move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            <p class="mt-2"><a href="/">{td_string!(l, errors.back_home)}</a></p>
        </div>
    }
}

/// A short "loading" line for `Suspense` fallbacks.
#[component]
pub fn Loading() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! { <p aria-busy="true" class="text-slate-700">{td_string!(l, loading)}</p> }
}
