//! The browser's side of the live dashboard: an `EventSource` on
//! `/api/staff/diretta`. Each announcement bumps a counter the dashboard's
//! resource depends on (a burst of them counts once); the browser reconnects
//! by itself after a restart, and the figures are then counted again.

use leptos::prelude::*;
use leptos::web_sys::{Event, EventSource};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Announcements closer together than this refresh the figures once.
const SETTLE: Duration = Duration::from_millis(200);

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum LiveState {
    #[strum(serialize = "collegamento")]
    Connecting,
    #[strum(serialize = "diretta")]
    Live,
    #[strum(serialize = "ricollegamento")]
    Reconnecting,
}

impl LiveState {
    /// For tests and styles: `data-state` of the badge.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// Follows the server's announcements until the page goes away. Called from
/// an effect, so only in the browser.
pub fn follow_changes(changes: RwSignal<u64>, live: RwSignal<LiveState>) {
    let Ok(source) = EventSource::new("/api/staff/diretta") else {
        live.set(LiveState::Reconnecting);
        return;
    };
    let pending = StoredValue::new(false);
    let refresh = move || {
        if !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || {
                    pending.set_value(false);
                    changes.update(|n| *n += 1);
                },
                SETTLE,
            );
        }
    };
    let on_change = Closure::<dyn FnMut(Event)>::new(move |_: Event| refresh());
    let on_open = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        // Back after a break: what changed meanwhile was not announced here.
        if live.get_untracked() == LiveState::Reconnecting {
            refresh();
        }
        live.set(LiveState::Live);
    });
    let on_error =
        Closure::<dyn FnMut(Event)>::new(move |_: Event| live.set(LiveState::Reconnecting));
    let _ = source
        .add_event_listener_with_callback("aggiornamento", on_change.as_ref().unchecked_ref());
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The closures live as long as the stream; both go with the page.
    let held = send_wrapper::SendWrapper::new((source, on_change, on_open, on_error));
    on_cleanup(move || held.0.close());
}
