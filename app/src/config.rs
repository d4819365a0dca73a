//! Settings read from the environment at start-up, with defaults that run the
//! portal on a local SQLite file. Secrets never reach the logs: `Debug` masks
//! the password in `DATABASE_URL`.

use std::fmt;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/infolavoro.db";

#[derive(Clone)]
pub struct Config {
    /// `sqlite://…` (default) or `postgres://…`.
    pub database_url: String,
    /// `text` (default) or `json` log lines.
    pub log_json: bool,
}

impl Config {
    pub fn from_env() -> Config {
        Config::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads from any lookup, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Config {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        Config {
            database_url: non_empty("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            log_json: non_empty("LOG_FORMAT").is_some_and(|v| v.eq_ignore_ascii_case("json")),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("log_json", &self.log_json)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_the_local_sqlite_file() {
        let config = Config::from_lookup(|_| None);
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert!(!config.log_json);
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let config = Config::from_lookup(|key| {
            (key == "DATABASE_URL").then(|| "postgres://app:s3cret@db.example/portal".to_string())
        });
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://app:***@db.example/portal"));
    }
}
