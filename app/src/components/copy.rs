//! A "Copia" button beside a text people need to paste elsewhere (the
//! personal calendar address). It exists only once the page runs: without
//! JavaScript the text stays selectable in its read-only box.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CopyButton(text: String, label: &'static str) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let copied = RwSignal::new(false);
    let on_copy = move |_| {
        if let Some(window) = web_sys::window() {
            // The promise settles at once in practice; the status says it was asked.
            let _ = window.navigator().clipboard().write_text(&text);
            copied.set(true);
        }
    };
    view! {
        <Show when=move || running.get()>
            <button type="button" class="btn-secondary" on:click=on_copy.clone()>{label}</button>
        </Show>
        <span role="status" class="ml-2">{move || copied.get().then(|| td_string!(l, copy.copied))}</span>
    }
}
