//! SQLite's copies: `VACUUM INTO` from the running pool, and a restore that
//! takes the database's lock file exclusively, so that no process using
//! the file (each holds it shared, see `app::db`) can be running.

use super::{unknown_migrations, BackupError, Restored};
use app::db::{hold_lock, Engine, Hold};
use sqlx::{Any, AnyConnection, Connection, Executor};
use std::fs::File;
use std::path::{Path, PathBuf};

/// A snapshot of the whole database into `target`, while writers go on
/// (WAL), through the running pool or a connection of its own.
pub(super) async fn vacuum_into<'e>(
    executor: impl Executor<'e, Database = Any>,
    target: &Path,
) -> Result<(), BackupError> {
    let quoted = target.display().to_string().replace('\'', "''");
    sqlx::query(&format!("VACUUM INTO '{quoted}'"))
        .execute(executor)
        .await?;
    Ok(())
}

pub(super) async fn restore(
    database_url: &str,
    file: &Path,
    safety: &Path,
) -> Result<Restored, BackupError> {
    let target = app::db::sqlite_file(database_url)
        .ok_or_else(|| BackupError::NotABackup(database_url.into(), "not a SQLite file".into()))?;
    check(file).await?;
    if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let _alone = hold_lock(&target, Hold::Alone)?.ok_or_else(|| {
        BackupError::InUse(format!(
            "{} is held by a running process",
            app::db::lock_file(&target).display()
        ))
    })?;
    let previous = if target.exists() {
        // Its own connection, not `Db`: `Db` would ask for the shared lock
        // this process now holds exclusively.
        let mut current = AnyConnection::connect(&format!("sqlite://{}", target.display())).await?;
        vacuum_into(&mut current, safety).await?;
        current.close().await?;
        Some(safety.to_path_buf())
    } else {
        None
    };
    let incoming = super::partial(&target);
    std::fs::copy(file, &incoming)?;
    File::open(&incoming)?.sync_all()?;
    for leftover in ["-wal", "-shm", "-journal"] {
        let mut name = target.as_os_str().to_owned();
        name.push(leftover);
        match std::fs::remove_file(PathBuf::from(name)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error.into()),
            _ => {}
        }
    }
    std::fs::rename(&incoming, &target)?;
    Ok(Restored { previous })
}

/// A whole SQLite file holding this portal's tables, from this build or an
/// older one (the portal migrates it forward when it starts).
async fn check(file: &Path) -> Result<(), BackupError> {
    let shown = file.display().to_string();
    let not_one = |why: String| BackupError::NotABackup(shown.clone(), why);
    if !file.is_file() {
        return Err(not_one("no such file".into()));
    }
    let url = format!("sqlite://{}?mode=ro&immutable=true", file.display());
    let mut copy = AnyConnection::connect(&url)
        .await
        .map_err(|e| not_one(e.to_string()))?;
    let integrity: (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut copy)
        .await
        .map_err(|e| not_one(e.to_string()))?;
    if integrity.0 != "ok" {
        return Err(not_one(format!("integrity check: {}", integrity.0)));
    }
    let held: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success")
        .fetch_all(&mut copy)
        .await
        .map_err(|_| not_one("it has no portal tables".into()))?;
    copy.close().await?;
    let held: Vec<i64> = held.into_iter().map(|(v,)| v).collect();
    if held.is_empty() {
        return Err(not_one("it has no portal tables".into()));
    }
    let unknown = unknown_migrations(Engine::Sqlite, &held);
    if !unknown.is_empty() {
        return Err(BackupError::FromANewerVersion(shown, unknown));
    }
    Ok(())
}
