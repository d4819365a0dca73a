//! The page for any address the portal does not know. The server answers it
//! with status 404 (see `file_and_error_handler` in the server).

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <Title text=td_string!(l, not_found.title)/>
        <h1 class="page-title">{td_string!(l, not_found.heading)}</h1>
        <p class="lead">{td_string!(l, not_found.text)}</p>
        <ul class="mt-6 space-y-2 text-lg">
            <li><A href="/">{td_string!(l, nav.home)}</A></li>
            <li><A href="/comuni">{td_string!(l, nav.comuni)}</A></li>
            <li><A href="/sportelli">{td_string!(l, nav.desks)}</A></li>
        </ul>
    }
}
