//! Every interface text lives in `app/locales/{it,en}.json`, and every
//! email's in `app/locales/mail/{it,en}.json`: both languages name the same
//! keys with the same placeholders, every key is used by the code, and no
//! text is written inline in two languages any more (`tr(`).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app")
}

/// Every key of a locale file, dotted (`errors.not_found`), with its text.
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, inner, out);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_string(), text.clone());
        }
        other => panic!("{prefix}: a locale value must be a text, not {other}"),
    }
}

fn locale(name: &str) -> BTreeMap<String, String> {
    locale_file(&format!("locales/{name}.json"))
}

fn locale_file(relative: &str) -> BTreeMap<String, String> {
    let path = app_dir().join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut keys = BTreeMap::new();
    flatten("", &serde_json::from_str(&text).unwrap(), &mut keys);
    keys
}

/// The `{{ name }}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

fn rust_sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
}

/// The source with its whitespace removed, so that `a.b` split over lines
/// by rustfmt is found too.
fn code() -> String {
    let mut sources = Vec::new();
    rust_sources(&app_dir().join("src"), &mut sources);
    rust_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    sources
        .iter()
        .map(|(_, text)| text.split_whitespace().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn italian_and_english_name_the_same_keys_with_the_same_placeholders() {
    let (it, en) = (locale("it"), locale("en"));
    let only_it: Vec<_> = it.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !it.contains_key(*k)).collect();
    assert!(only_it.is_empty(), "missing in English: {only_it:?}");
    assert!(only_en.is_empty(), "missing in Italian: {only_en:?}");
    for (key, text) in &it {
        assert!(
            !text.trim().is_empty() && !en[key].trim().is_empty(),
            "{key} is empty"
        );
        assert_eq!(
            placeholders(text),
            placeholders(&en[key]),
            "{key}: the two languages fill different placeholders"
        );
    }
    assert!(
        it.len() > 1000,
        "the interface's texts are in the locale files"
    );
}

/// The `{name}` placeholders of an email text.
fn mail_placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| name.to_string())
        .collect()
}

#[test]
fn every_email_is_written_in_both_languages_and_sent_by_the_code() {
    let (it, en) = (
        locale_file("locales/mail/it.json"),
        locale_file("locales/mail/en.json"),
    );
    assert_eq!(
        it.keys().collect::<Vec<_>>(),
        en.keys().collect::<Vec<_>>(),
        "the two languages name different emails"
    );
    let code = code();
    for (key, text) in &it {
        assert!(
            !text.trim().is_empty() && !en[key].trim().is_empty(),
            "{key} is empty"
        );
        assert_eq!(
            mail_placeholders(text),
            mail_placeholders(&en[key]),
            "{key}: the two languages fill different placeholders"
        );
        let words: String = mail_placeholders(text)
            .iter()
            .fold(text.clone(), |rest, name| {
                rest.replace(&format!("{{{name}}}"), "")
            });
        if words.chars().filter(|c| c.is_alphabetic()).count() > 8 {
            assert_ne!(text, &en[key], "{key} is not translated");
        }
        // `mail!(language, "a.b", ...)` names the message; `text(language, "a.c")` a part.
        let message = key
            .strip_suffix(".subject")
            .or_else(|| key.strip_suffix(".body"))
            .unwrap_or(key);
        assert!(
            code.contains(&format!("\"{message}\"")),
            "{key}: no code sends it"
        );
    }
    assert!(
        it.len() > 40,
        "the emails' texts are in the mail locale files"
    );
}

#[test]
fn every_key_is_used_by_the_code() {
    let code = code();
    let unused: Vec<String> = locale("it")
        .into_keys()
        .filter(|key| {
            let used = match key.strip_prefix("messages.") {
                // `invalid!(field, key)` and `conflict!(key)` name the key alone.
                Some(message) => {
                    code.contains(&format!("messages.{message}"))
                        || code.contains(&format!(",{message})"))
                        || code.contains(&format!(",{message},"))
                        || code.contains(&format!("conflict!({message}"))
                }
                None => code.contains(key.as_str()),
            };
            !used
        })
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn no_text_is_written_inline_in_two_languages() {
    let mut sources = Vec::new();
    rust_sources(&app_dir().join("src"), &mut sources);
    let inline: Vec<_> = sources
        .iter()
        .filter(|(_, text)| text.contains(" tr(l") || text.contains("fn tr("))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(inline.is_empty(), "inline translations left in {inline:?}");
}
