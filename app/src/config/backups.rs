//! When and where the running portal backs its database up (`BACKUP_DIR`,
//! `BACKUP_EVERY`, `BACKUP_KEEP`), and where `server backup` and `server
//! restore` put their copies.

use std::path::PathBuf;
use std::time::Duration;

/// A day: what a Comune's office expects of a nightly copy.
const DEFAULT_EVERY: Duration = Duration::from_secs(24 * 3600);
/// A week of daily copies.
const DEFAULT_KEEP: usize = 7;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSettings {
    /// The folder of the copies. On SQLite it defaults to `backups` beside the
    /// database file; on PostgreSQL there is no default, and without one the
    /// schedule is off (`server backup --to FILE` still works).
    pub dir: Option<PathBuf>,
    /// Time between two scheduled copies (`24h` by default, `off` for none),
    /// in jiff's friendly form: `12h`, `30m`, `1d`.
    pub every: Option<Duration>,
    /// Scheduled copies kept in the folder; older ones are deleted.
    pub keep: usize,
}

impl BackupSettings {
    pub fn from_lookup(
        get: &impl Fn(&str) -> Option<String>,
        database_url: &str,
        invalid: &mut Vec<String>,
    ) -> BackupSettings {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let dir = non_empty("BACKUP_DIR")
            .map(PathBuf::from)
            .or_else(|| beside_the_database(database_url));
        let every = match non_empty("BACKUP_EVERY").as_deref().map(str::trim) {
            None => Some(DEFAULT_EVERY),
            Some("off") => None,
            Some(text) => parse_every(text).or_else(|| {
                invalid.push(format!(
                    "BACKUP_EVERY: {text:?} is not a duration such as 24h or 30m, nor off"
                ));
                Some(DEFAULT_EVERY)
            }),
        };
        let keep = match non_empty("BACKUP_KEEP") {
            None => DEFAULT_KEEP,
            Some(text) => text
                .trim()
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .unwrap_or_else(|| {
                    invalid.push(format!("BACKUP_KEEP: {text:?} is not a positive number"));
                    DEFAULT_KEEP
                }),
        };
        BackupSettings { dir, every, keep }
    }
}

/// At least a second: a zero or negative interval would copy without pause.
fn parse_every(text: &str) -> Option<Duration> {
    let duration: jiff::SignedDuration = text.parse().ok()?;
    Duration::try_from(duration)
        .ok()
        .filter(|d| *d >= Duration::from_secs(1))
}

/// `sqlite://data/infolavoro.db` → `data/backups`.
fn beside_the_database(database_url: &str) -> Option<PathBuf> {
    let file = crate::db::sqlite_file(database_url)?;
    let folder = file.parent().map(PathBuf::from).unwrap_or_default();
    Some(folder.join("backups"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(database_url: &str, pairs: &[(&str, &str)]) -> (BackupSettings, Vec<String>) {
        let mut invalid = Vec::new();
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        };
        let settings = BackupSettings::from_lookup(&get, database_url, &mut invalid);
        (settings, invalid)
    }

    #[test]
    fn sqlite_backs_up_daily_beside_its_file_and_postgres_only_when_told_where() {
        let (sqlite, invalid) = read("sqlite://data/infolavoro.db", &[]);
        assert!(invalid.is_empty());
        assert_eq!(sqlite.dir, Some(PathBuf::from("data/backups")));
        assert_eq!(sqlite.every, Some(DEFAULT_EVERY));
        assert_eq!(sqlite.keep, 7);
        let (postgres, _) = read("postgres://app@db/portal", &[]);
        assert_eq!(postgres.dir, None);
        let (told, _) = read(
            "postgres://app@db/portal",
            &[
                ("BACKUP_DIR", "/srv/copie"),
                ("BACKUP_EVERY", "12h"),
                ("BACKUP_KEEP", "14"),
            ],
        );
        assert_eq!(told.dir, Some(PathBuf::from("/srv/copie")));
        assert_eq!(told.every, Some(Duration::from_secs(12 * 3600)));
        assert_eq!(told.keep, 14);
        let (off, _) = read("sqlite://x.db", &[("BACKUP_EVERY", "off")]);
        assert_eq!(off.every, None);
    }

    #[test]
    fn a_bad_interval_or_count_stops_the_start() {
        for (key, value) in [
            ("BACKUP_EVERY", "sometimes"),
            ("BACKUP_EVERY", "0s"),
            ("BACKUP_EVERY", "-2h"),
            ("BACKUP_KEEP", "0"),
            ("BACKUP_KEEP", "many"),
        ] {
            let (_, invalid) = read("sqlite://x.db", &[(key, value)]);
            assert_eq!(invalid.len(), 1, "{key}={value}");
            assert!(invalid[0].starts_with(key), "{invalid:?}");
        }
    }
}
