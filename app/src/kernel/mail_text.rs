//! Email in the recipient's language. The texts are in
//! `locales/mail/{it,en}.json`, read by the server alone: leptos_i18n
//! compiles every key of `locales/{it,en}.json` into the browser's wasm, and
//! no page shows an email. Each message is a `subject` and a `body` whose
//! `{name}` placeholders are filled in one pass, so a value that contains
//! braces (a title, a reason) is never read as a placeholder.

use crate::db::Tx;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::LazyLock;

/// The language a person reads the portal and their email in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Language {
    #[default]
    It,
    En,
}
crate::stored_as_code!(Language);

impl From<crate::i18n::Locale> for Language {
    fn from(locale: crate::i18n::Locale) -> Self {
        match locale {
            crate::i18n::Locale::it => Language::It,
            crate::i18n::Locale::en => Language::En,
        }
    }
}

/// A message ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

type Texts = HashMap<String, String>;

fn flatten(prefix: &str, value: &Value, out: &mut Texts) {
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
        _ => {}
    }
}

fn load(json: &str) -> Texts {
    let mut texts = Texts::new();
    // The files are part of the build and checked by the translations test.
    if let Ok(value) = serde_json::from_str::<Value>(json) {
        flatten("", &value, &mut texts);
    }
    texts
}

static ITALIAN: LazyLock<Texts> =
    LazyLock::new(|| load(include_str!("../../locales/mail/it.json")));
static ENGLISH: LazyLock<Texts> =
    LazyLock::new(|| load(include_str!("../../locales/mail/en.json")));

/// The text of `key` in `language`; the Italian one when English lacks it.
pub fn text(language: Language, key: &str) -> &'static str {
    let found = match language {
        Language::En => ENGLISH.get(key).or_else(|| ITALIAN.get(key)),
        Language::It => ITALIAN.get(key),
    };
    debug_assert!(found.is_some(), "no mail text {key}");
    found.map(String::as_str).unwrap_or_default()
}

/// `template` with each `{name}` replaced by its value; an unknown name stays
/// as written (and fails the tests, which render every message).
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (close, *value))
        });
        match named {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                debug_assert!(false, "unfilled placeholder in {template:?}");
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The message `key` (its `.subject` and `.body`) in `language`.
pub fn message(language: Language, key: &str, values: &[(&str, &dyn Display)]) -> Mail {
    Mail {
        subject: fill(text(language, &format!("{key}.subject")), values),
        body: fill(text(language, &format!("{key}.body")), values),
    }
}

/// `mail!(language, "feature.message", name = value, ...)`: the message
/// with its placeholders filled by the named values.
#[macro_export]
macro_rules! mail {
    ($language:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::kernel::mail_text::message(
            $language,
            $key,
            &[$((stringify!($name), &$value as &dyn std::fmt::Display)),*],
        )
    };
}

/// A day written out, "5 dicembre 2026" or "5 December 2026": in an email
/// nobody should wonder whether 04/05 is April or May.
pub fn long_date(language: Language, unix: i64) -> String {
    use crate::kernel::dates::{local, MONTHS_EN, MONTHS_IT};
    let l = local(unix);
    let months = match language {
        Language::It => MONTHS_IT,
        Language::En => MONTHS_EN,
    };
    format!("{} {} {}", l.day, months[(l.month - 1) as usize], l.year)
}

/// The language of the account `user_id` chose; Italian without an account.
pub async fn language_of(tx: &mut Tx, user_id: Option<i64>) -> Result<Language, sqlx::Error> {
    let Some(id) = user_id else {
        return Ok(Language::It);
    };
    let language: Option<Language> = sqlx::query_scalar("SELECT language FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(language.unwrap_or_default())
}

/// Remembers the language the account `user_id` reads the portal in.
pub async fn set_language(
    tx: &mut Tx,
    user_id: i64,
    language: Language,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The language of the account with this address; Italian without one.
pub async fn language_at(tx: &mut Tx, email: &str) -> Result<Language, sqlx::Error> {
    let language: Option<Language> =
        sqlx::query_scalar("SELECT language FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(language.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_with_braces_is_not_read_as_a_placeholder() {
        let filled = fill(
            "Ciao {name}, {link}",
            &[("name", &"{link}"), ("link", &"https://x/y")],
        );
        assert_eq!(filled, "Ciao {link}, https://x/y");
    }

    #[test]
    fn dates_are_written_out_in_the_language() {
        let day = crate::kernel::dates::from_local(2026, 12, 5, 10, 0);
        assert_eq!(long_date(Language::It, day), "5 dicembre 2026");
        assert_eq!(long_date(Language::En, day), "5 December 2026");
    }
}
