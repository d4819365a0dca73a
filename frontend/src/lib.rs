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

/// Room for the wasm splitter to lay out the read-only data again. It sorts
/// each split module's pieces of `.rodata` by alignment, and when that
/// layout comes out even a few bytes longer than the linker's it gives up
/// and puts the whole segment (about 200 KB) in the main wasm (seen as
/// "Overlong segment 0 by 15 after relocation"; any new page could tip it).
/// Nothing refers to these bytes, so the splitter keeps them in no module:
/// they lengthen only its input, by what its layout may need.
#[used]
static SPLIT_LAYOUT_SLACK: [u8; 1024] = [0x5a; 1024];
