//! How errors look on a page: a short Italian (or English) sentence, never a
//! stack trace.

use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::access::return_to::sign_in_href;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// Shown by an `ErrorBoundary` in place of the content that failed. A page
/// that needs an account, opened by someone not signed in (a link, the
/// menu, a session that ran out), goes to the sign-in page, which comes back
/// here afterwards.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let needs_account = errors
        .get_untracked()
        .into_iter()
        .any(|(_, e)| e.downcast_ref::<AppError>() == Some(&AppError::Unauthorized));
    if needs_account {
        return view! { <SignInFirst/> }.into_any();
    }
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
    .into_any()
}

/// Sends the person to sign in (the server answers the page with a redirect;
/// in the browser, the router goes there), with links in case it cannot.
#[component]
fn SignInFirst() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let location = use_location();
    let here = {
        let (path, search) = (
            location.pathname.get_untracked(),
            location.search.get_untracked(),
        );
        if search.is_empty() {
            path
        } else {
            format!("{path}?{}", search.trim_start_matches('?'))
        }
    };
    let href = sign_in_href(&here);
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&href);
    let navigate = use_navigate();
    let target = href.clone();
    Effect::new(move |_| {
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&target, options);
    });
    view! {
        <div role="alert" class="notice">
            <p class="font-semibold">{td_string!(l, errors.sign_in_to_continue)}</p>
            <p class="mt-2 flex flex-wrap gap-3">
                <a class="btn-primary" href=href>{td_string!(l, nav.sign_in)}</a>
                <a class="btn-secondary" href="/registrazione">{td_string!(l, errors.register)}</a>
            </p>
        </div>
    }
}

/// A short "loading" line for `Suspense` fallbacks.
#[component]
pub fn Loading() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! { <p aria-busy="true" class="text-slate-700">{td_string!(l, loading)}</p> }
}
