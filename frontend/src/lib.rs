//! The hydrate entry: the browser takes over the server-rendered page.

// Built without `erase_components` (plain cargo: clippy, tests), the whole
// app's view is one nested type, deeper than the default limit of 128.
#![recursion_limit = "256"]

use any_spawner::Executor;
use leptos::tachys::dom::body;
use leptos::task::spawn_local;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    _ = Executor::init_wasm_bindgen();
    // Asynchronous hydration: a lazy route (split out of this wasm) is fetched
    // before its page hydrates.
    spawn_local(async move {
        leptos::mount::hydrate_from_async(body(), app::App)
            .await
            .forget();
        // Lets tests (and the curious) tell a hydrated page from a static one.
        let _ = body().set_attribute("data-hydrated", "true");
    });
}
