//! The layers of `app` (ARCHITECTURE.md): the kernel imports no feature;
//! a feature uses the kernel and only the `api` and `domain` of another
//! feature; modules above the features (staff dashboard, privacy, personal
//! calendar) may use any feature. Read from the source, so a new import
//! across the line fails here.
//!
//! What a feature offers the others beyond its server functions and types is
//! re-exported in its `api::shared` module: that list is its contract.
//!
//! `KNOWN` lists the crossings that remain from before the kernel, each with
//! what it is waiting for; an entry that is no longer true fails too, so the
//! list only shrinks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FEATURES: &[&str] = &[
    "accounts",
    "applications",
    "candidates",
    "catalogue",
    "cv",
    "desk",
    "membership",
    "network",
    "offers",
    "orientation",
];
const ABOVE_FEATURES: &[&str] = &["staff", "privacy", "personal_calendar", "access_table"];
/// What a feature shows other features.
const PUBLIC: &[&str] = &["api", "domain"];

/// (importing feature, imported feature, module): what it waits for.
const KNOWN: &[(&str, &str, &str)] = &[
    // The personal area (accounts) offers the deletion of the account, whose
    // server function is erasure's, above the features: waits for the area
    // page to move above the features with the other pages that span them.
    ("accounts", "privacy", "api"),
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The top-level items of a `{…}` group (nested groups kept whole).
fn group_items(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&text[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// Every `crate::a::b` a file names, as (a, b), including `crate::a::{b, c}`.
fn crate_paths(source: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        let first = identifier(rest);
        let Some(after) = rest[first.len()..].strip_prefix("::") else {
            continue;
        };
        if let Some(group) = after.strip_prefix('{') {
            for item in group_items(group) {
                let second = identifier(item.trim());
                if !second.is_empty() {
                    paths.push((first.to_string(), second.to_string()));
                }
            }
        } else {
            paths.push((first.to_string(), identifier(after).to_string()));
        }
    }
    paths
}

/// (importer, imported, module) of every import across the layers' rule.
fn crossings(src: &Path) -> BTreeSet<(String, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut found = BTreeSet::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let top = relative.iter().next().unwrap().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        let source = std::fs::read_to_string(&file).unwrap();
        for (first, second) in crate_paths(&source) {
            let (first, second) = (first.as_str(), second.as_str());
            let is_feature = |name: &str| FEATURES.contains(&name);
            let is_above = |name: &str| ABOVE_FEATURES.contains(&name);
            let crosses = if top == "kernel" {
                is_feature(first) || is_above(first)
            } else if is_feature(top) {
                (is_feature(first) && first != top && !PUBLIC.contains(&second)) || is_above(first)
            } else {
                false
            };
            if crosses {
                found.insert((top.to_string(), first.to_string(), second.to_string()));
            }
        }
    }
    found
}

#[test]
fn features_use_the_kernel_and_only_each_others_api_and_domain() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let found = crossings(&src);
    let known: BTreeSet<(String, String, String)> = KNOWN
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    assert!(
        new.is_empty(),
        "imports across the layers (importer, imported, module): {new:?}"
    );
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "no longer true, remove from KNOWN: {gone:?}"
    );
}

#[test]
fn the_check_sees_grouped_and_nested_imports() {
    let source =
        "use crate::cv::{domain::Cv, repo, layout::{a, b}};\nlet x = crate::offers::service::f();";
    let paths = crate_paths(source);
    let pairs: Vec<(&str, &str)> = paths
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("cv", "domain"),
            ("cv", "repo"),
            ("cv", "layout"),
            ("offers", "service")
        ]
    );
}
