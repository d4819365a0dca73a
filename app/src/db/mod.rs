//! The database: one pool over either engine, chosen by the scheme of `DATABASE_URL`.
//!
//! Queries go through sqlx's `Any` driver so that SQL shared by both engines is
//! written once (`$1` placeholders work on both); `Engine` lets a data-layer
//! module pick per-engine SQL where the dialects differ.

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A write transaction (`Db::begin_write`), on either engine.
pub type Tx = Transaction<'static, Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn from_url(url: &str) -> Result<Engine, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("DATABASE_URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("cannot create the folder of the SQLite file: {0}")]
    Folder(#[from] std::io::Error),
    #[error("cannot open the database's lock file: {0}")]
    LockFile(std::io::Error),
    #[error("the database is being restored (its lock file {0} is held); start again when the restore ends")]
    BeingRestored(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
    /// On SQLite, the shared lock on the database's lock file that every
    /// process using it holds while it lives, so that `server restore`
    /// (which takes it exclusively) never replaces a file in use.
    _in_use: Option<Arc<File>>,
}

/// How long a SQLite writer waits for the lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

impl Db {
    /// Connects, creating the SQLite file (and its folder) when missing.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        install_default_drivers();
        let engine = Engine::from_url(url)?;
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let mut in_use = None;
        let url = match engine {
            Engine::Sqlite => {
                ensure_sqlite_folder(url)?;
                in_use = match sqlite_file(url) {
                    Some(file) => Some(Arc::new(
                        hold_lock(&file, Hold::Shared)
                            .map_err(DbError::LockFile)?
                            .ok_or_else(|| {
                                DbError::BeingRestored(lock_file(&file).display().to_string())
                            })?,
                    )),
                    None => None,
                };
                options = options.max_connections(8).after_connect(|conn, _meta| {
                    Box::pin(async move {
                        // WAL lets readers run beside the one writer; foreign keys are
                        // off by default in SQLite; the busy timeout makes a second
                        // writer wait instead of failing at once.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute(
                            format!("PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}").as_str(),
                        )
                        .await?;
                        Ok(())
                    })
                });
                with_create_mode(url)
            }
            Engine::Postgres => {
                options = options.max_connections(16);
                url.to_string()
            }
        };
        let pool = options.connect(&url).await?;
        Ok(Db {
            pool,
            engine,
            _in_use: in_use,
        })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Applies the embedded migrations of this engine.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.engine {
            Engine::Sqlite => sqlx::migrate!("migrations/sqlite").run(&self.pool).await?,
            Engine::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// The versions of the migrations this build knows, oldest first: a copy
    /// holding any other was made by another build and is not restored.
    pub fn known_migrations(engine: Engine) -> Vec<i64> {
        let migrator = match engine {
            Engine::Sqlite => sqlx::migrate!("migrations/sqlite"),
            Engine::Postgres => sqlx::migrate!("migrations/postgres"),
        };
        migrator.iter().map(|m| m.version).collect()
    }

    /// Begins a transaction that will write. On SQLite it takes the write lock
    /// up front (`BEGIN IMMEDIATE`): a deferred transaction that reads and then
    /// writes fails with SQLITE_BUSY when another writer got in between.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => self.pool.begin().await,
        }
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn sqlite_path(url: &str) -> &str {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    rest.split('?').next().unwrap_or(rest)
}

/// The file of a `sqlite:` URL, or none for another engine or `:memory:`.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite:").map(|_| sqlite_path(url))?;
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// `data/infolavoro.db` → `data/infolavoro.db.lock`: beside the database, and
/// not one of SQLite's own files (`-wal`, `-shm`, `-journal`), whose locks
/// SQLite manages itself.
pub fn lock_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// How a process holds a SQLite database's lock file: every process using
/// the database shares it, a restore holds it alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    Shared,
    Alone,
}

/// The `flock` on `database`'s lock file, released by the kernel when the
/// file is dropped or the process ends, however it ends; `None` at once
/// when another process holds it in a way that excludes this one.
pub fn hold_lock(database: &Path, hold: Hold) -> std::io::Result<Option<File>> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_file(database))?;
    let taken = match hold {
        Hold::Shared => file.try_lock_shared(),
        Hold::Alone => file.try_lock(),
    };
    match taken {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(error)) => Err(error),
    }
}

fn ensure_sqlite_folder(url: &str) -> Result<(), std::io::Error> {
    match sqlite_file(url).as_deref().and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}

/// SQLite opens read-write without creating the file unless asked.
fn with_create_mode(url: &str) -> String {
    if url.contains("mode=") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// A value as the JSON text a `TEXT`/`JSONB`-as-text column keeps (CV and
/// letter documents, frozen copies, orientation answers); a value serde
/// cannot write is an encoding error of the query, not a panic.
pub fn json_text<T: serde::Serialize>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// `$from, $from+1, …` for `n` parameters.
pub fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_follows_the_url_scheme() {
        assert_eq!(
            Engine::from_url("sqlite://data/x.db").unwrap(),
            Engine::Sqlite
        );
        assert_eq!(
            Engine::from_url("postgres://postgres@127.0.0.1/x").unwrap(),
            Engine::Postgres
        );
        assert!(Engine::from_url("mysql://x").is_err());
    }

    #[test]
    fn sqlite_urls_create_their_file() {
        assert_eq!(
            with_create_mode("sqlite://data/a.db"),
            "sqlite://data/a.db?mode=rwc"
        );
        assert_eq!(
            with_create_mode("sqlite://a.db?mode=ro"),
            "sqlite://a.db?mode=ro"
        );
        assert_eq!(sqlite_path("sqlite://data/a.db?mode=rwc"), "data/a.db");
    }
}
