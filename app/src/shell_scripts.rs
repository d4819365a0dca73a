//! The links and the script in the document's head that bring a
//! server-rendered page to life.
//!
//! This is Leptos 0.8's `HydrationScripts` for an app without islands, with
//! two changes. Leptos writes the page's CSP nonce into the preload links'
//! `crossorigin`, which only takes `anonymous` or `use-credentials` (browsers
//! read an unknown value as `anonymous`, but it is invalid HTML, and a
//! changing nonce made each response's head different). Here the wasm's
//! preload says `crossorigin="anonymous"`, as the `fetch` that loads it does,
//! and the module's preload says nothing, as a module script's fetch. And the
//! hash file and the split manifest are read once per process rather than at
//! every page. The script is Leptos's `hydration_script.js` (MIT).

use leptos::prelude::*;
use leptos::WasmSplitManifest;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Leptos 0.8.23's `hydration/hydration_script.js`, without `defer`.
const HYDRATION_SCRIPT: &str = "(function (root, pkg_path, output_name, wasm_output_name) {
	import(`${root}/${pkg_path}/${output_name}.js`)
		.then(mod => {
			mod.default({module_or_path: `${root}/${pkg_path}/${wasm_output_name}.wasm`}).then(() => {
				mod.hydrate();
			});
		});
})";

/// The built files' names, with their hashes when the build hashes them.
struct BuiltFiles {
    js: String,
    wasm: String,
    /// The lazy chunks each lazy function needs and the loader's file, as
    /// the server integration reads them (an `Arc`: cloned per page).
    split: Option<WasmSplitManifest>,
}

fn built_files(options: &LeptosOptions) -> &'static BuiltFiles {
    static FILES: OnceLock<BuiltFiles> = OnceLock::new();
    FILES.get_or_init(|| read_built_files(options))
}

fn read_built_files(options: &LeptosOptions) -> BuiltFiles {
    let name = options.output_name.to_string();
    // cargo-leptos writes `js: …`, `wasm: …`, `split: …`, `manifest: …`
    // lines beside the server binary.
    let hashes: HashMap<String, String> = if options.hash_files {
        let path = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .unwrap_or_default();
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| line.trim().split_once(':'))
            .map(|(file, hash)| (file.trim().to_string(), hash.trim().to_string()))
            .collect()
    } else {
        HashMap::new()
    };
    let hashed = |file: &str, base: &str| match hashes.get(file) {
        Some(hash) => format!("{base}.{hash}"),
        None => base.to_string(),
    };
    let js = hashed("js", &name);
    let wasm = if options.hash_files {
        hashed("wasm", &name)
    } else {
        format!("{name}_bg")
    };
    let split_js = format!("{}.js", hashed("split", "__wasm_split"));
    let manifest_file = format!("{}.json", hashed("manifest", "__wasm_split_manifest"));
    let manifest_path = std::path::Path::new(options.site_root.as_ref())
        .join(options.site_pkg_dir.as_ref())
        .join(manifest_file);
    let pkg = options.site_pkg_dir.to_string();
    let split = std::fs::read_to_string(manifest_path)
        .ok()
        .and_then(|text| serde_json::from_str::<HashMap<String, Vec<String>>>(&text).ok())
        .map(|manifest| {
            WasmSplitManifest(ArcStoredValue::new((format!("/{pkg}"), manifest, split_js)))
        });
    BuiltFiles { js, wasm, split }
}

#[component]
pub fn HydrationScripts(options: LeptosOptions) -> impl IntoView {
    let files = built_files(&options);
    let pkg = options.site_pkg_dir.to_string();
    // The lazy routes' chunks: the server integration adds the preloads
    // of the ones the page rendered.
    if let Some(split) = &files.split {
        provide_context(split.clone());
    }
    let nonce = leptos::nonce::use_nonce();
    let call = format!(
        "{HYDRATION_SCRIPT}({:?}, {pkg:?}, {:?}, {:?});",
        "", files.js, files.wasm
    );
    view! {
        <link rel="modulepreload" href=format!("/{pkg}/{}.js", files.js)/>
        <link rel="preload" href=format!("/{pkg}/{}.wasm", files.wasm) r#as="fetch" r#type="application/wasm" crossorigin="anonymous"/>
        <script type="module" nonce=nonce>{call}</script>
    }
}
