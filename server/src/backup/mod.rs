//! Copies of the database that restore: `server backup`, the running
//! portal's schedule (`BACKUP_DIR`, `BACKUP_EVERY`, `BACKUP_KEEP`) and
//! `server restore FILE`.
//!
//! Everything a person saved lives in the database (photos and uploaded
//! files included), so one consistent copy of it is the whole portal. On
//! SQLite the copy is `VACUUM INTO`, which reads one snapshot while writers
//! go on; on PostgreSQL it is `pg_dump`'s custom archive, also one snapshot.
//! A copy is written beside its final name and renamed when complete, so a
//! half-written file never looks like a backup.

mod postgres;
mod sqlite;

use app::db::{Db, DbError, Engine};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The names of scheduled copies: `infolavoro-20261206T212500.123Z.db`.
/// Pruning touches only these; `before-restore-…` copies are never deleted.
const PREFIX: &str = "infolavoro-";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("no folder for the copies: set BACKUP_DIR, or give --to FILE")]
    NoFolder,
    #[error("the database is in use ({0}): stop the portal and any other command first")]
    InUse(String),
    #[error("{0} is not a backup of this portal: {1}")]
    NotABackup(String, String),
    #[error(
        "{0} was made by a newer version of the portal (migrations {1:?} are unknown to this one)"
    )]
    FromANewerVersion(String, Vec<i64>),
    #[error("{tool} failed ({status}): {stderr}")]
    Tool {
        tool: &'static str,
        status: String,
        stderr: String,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}

fn extension(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "db",
        Engine::Postgres => "pgdump",
    }
}

/// `{prefix}20261206T212500.123Z.{db|pgdump}`: names sort as times do.
fn file_name(prefix: &str, engine: Engine, at: jiff::Timestamp) -> String {
    format!(
        "{prefix}{}{:03}Z.{}",
        at.strftime("%Y%m%dT%H%M%S."),
        at.subsec_millisecond(),
        extension(engine)
    )
}

/// `copy.db` → `copy.db.partial`, in the same folder so the rename is atomic.
fn partial(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Writes a consistent copy of the database to `target` (which must not
/// exist yet): a snapshot, taken while the portal goes on serving.
pub async fn write_copy(db: &Db, database_url: &str, target: &Path) -> Result<(), BackupError> {
    if target.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} exists already", target.display()),
        )
        .into());
    }
    if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let aside = partial(target);
    let _ = std::fs::remove_file(&aside);
    let written = match db.engine() {
        Engine::Sqlite => sqlite::vacuum_into(db.pool(), &aside).await,
        Engine::Postgres => postgres::dump(database_url, &aside).await,
    };
    if let Err(error) = written {
        let _ = std::fs::remove_file(&aside);
        return Err(error);
    }
    std::fs::File::open(&aside)?.sync_all()?;
    std::fs::rename(&aside, target)?;
    Ok(())
}

/// A copy into `dir` under a timestamped name, then the oldest copies
/// beyond `keep` deleted.
pub async fn back_up_into(
    db: &Db,
    database_url: &str,
    dir: &Path,
    keep: usize,
) -> Result<PathBuf, BackupError> {
    let target = dir.join(file_name(PREFIX, db.engine(), jiff::Timestamp::now()));
    write_copy(db, database_url, &target).await?;
    for removed in prune(dir, keep)? {
        tracing::info!(file = %removed.display(), "old backup deleted");
    }
    Ok(target)
}

/// The scheduled copies in `dir`, oldest first.
pub fn copies(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| is_a_copy(path))
            .collect(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(error) => return Err(error),
    };
    found.sort();
    Ok(found)
}

fn is_a_copy(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with(PREFIX)
        && [Engine::Sqlite, Engine::Postgres]
            .iter()
            .any(|engine| name.ends_with(&format!(".{}", extension(*engine))))
}

/// Deletes the oldest scheduled copies beyond the newest `keep`.
fn prune(dir: &Path, keep: usize) -> std::io::Result<Vec<PathBuf>> {
    let found = copies(dir)?;
    let surplus = found.len().saturating_sub(keep);
    let old: Vec<PathBuf> = found.into_iter().take(surplus).collect();
    for path in &old {
        std::fs::remove_file(path)?;
    }
    Ok(old)
}

/// How long ago the newest copy in `dir` was written, if there is one.
fn since_newest(dir: &Path) -> Option<Duration> {
    let newest = copies(dir).ok()?.pop()?;
    let written = std::fs::metadata(newest).ok()?.modified().ok()?;
    Some(
        SystemTime::now()
            .duration_since(written)
            .unwrap_or_default(),
    )
}

/// A failed copy is tried again this soon (or at the next interval, if sooner).
const RETRY_AFTER: Duration = Duration::from_secs(15 * 60);

/// When the running portal copies its database (from `BackupSettings`).
#[derive(Clone, Debug)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
    /// The first look waits this long, keeping start-up quick.
    pub first_after: Duration,
}

/// The running portal's schedule: a copy whenever the newest in the folder
/// is `every` old, so that a restart neither skips nor repeats one.
pub async fn run_schedule(db: Db, database_url: String, schedule: Schedule) {
    let Schedule {
        dir,
        every,
        keep,
        first_after,
    } = schedule;
    tokio::time::sleep(first_after).await;
    loop {
        let wait = match since_newest(&dir) {
            Some(age) if age < every => every - age,
            _ => match back_up_into(&db, &database_url, &dir, keep).await {
                Ok(path) => {
                    tracing::info!(file = %path.display(), "database backed up");
                    metrics::gauge!("backup_last_success_timestamp_seconds")
                        .set(jiff::Timestamp::now().as_second() as f64);
                    app::kernel::heartbeat::round_succeeded("backups");
                    every
                }
                Err(error) => {
                    tracing::error!(%error, dir = %dir.display(), "the scheduled backup failed");
                    metrics::counter!("backup_failures_total").increment(1);
                    every.min(RETRY_AFTER)
                }
            },
        };
        tokio::time::sleep(wait).await;
    }
}

/// What a restore did with the database it replaced.
#[derive(Debug)]
pub struct Restored {
    /// The copy of what was there before, if there was anything.
    pub previous: Option<PathBuf>,
}

/// Replaces the database at `database_url` with the copy in `file`, after
/// checking that it is a copy this build can run and that nothing uses the
/// database; what was there is first copied into `safety_dir` as
/// `before-restore-….{db|pgdump}`, so a restore never loses data either.
pub async fn restore(
    database_url: &str,
    file: &Path,
    safety_dir: &Path,
) -> Result<Restored, BackupError> {
    sqlx::any::install_default_drivers();
    let engine = Engine::from_url(database_url)?;
    let safety = safety_dir.join(file_name("before-restore-", engine, jiff::Timestamp::now()));
    std::fs::create_dir_all(safety_dir)?;
    match engine {
        Engine::Sqlite => sqlite::restore(database_url, file, &safety).await,
        Engine::Postgres => postgres::restore(database_url, file, &safety).await,
    }
}

/// The migrations a copy holds that this build does not know.
fn unknown_migrations(engine: Engine, held: &[i64]) -> Vec<i64> {
    let known = Db::known_migrations(engine);
    held.iter()
        .copied()
        .filter(|v| !known.contains(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_named_by_time_and_only_the_newest_are_kept() {
        let dir = std::env::temp_dir().join(format!("infolavoro-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let start: jiff::Timestamp = "2026-12-06T21:25:00Z".parse().unwrap();
        let mut names = Vec::new();
        for hours in [0, 24, 48, 72] {
            let at = start + jiff::SignedDuration::from_hours(hours);
            let name = file_name(PREFIX, Engine::Sqlite, at);
            std::fs::write(dir.join(&name), b"copy").unwrap();
            names.push(name);
        }
        assert_eq!(names[0], "infolavoro-20261206T212500.000Z.db");
        for other in [
            "before-restore-20261201T000000.000Z.db",
            "infolavoro-x.db.partial",
            "note.txt",
        ] {
            std::fs::write(dir.join(other), b"keep").unwrap();
        }
        let removed = prune(&dir, 2).unwrap();
        assert_eq!(removed, vec![dir.join(&names[0]), dir.join(&names[1])]);
        assert_eq!(
            copies(&dir).unwrap(),
            vec![dir.join(&names[2]), dir.join(&names[3])]
        );
        assert!(dir.join("before-restore-20261201T000000.000Z.db").exists());
        assert!(dir.join("infolavoro-x.db.partial").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
