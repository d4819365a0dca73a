//! PostgreSQL's copies, with its own tools (Debian's `postgresql-client`):
//! `pg_dump --format=custom` writes one snapshot while the portal runs, and
//! a restore replays it in one transaction with `psql`, so a copy that
//! fails half-way leaves the database as it was.

use super::{BackupError, Restored};
use sqlx::{AnyConnection, Connection};
use std::path::Path;
use std::process::Command;

/// `postgres://user:secret@host/db` → the address without the password, and
/// the password (decoded) for `PGPASSWORD`: a command line is visible to
/// every user of the machine, a process's environment is not.
fn address_and_password(database_url: &str) -> Result<(String, Option<String>), BackupError> {
    let mut url = url::Url::parse(database_url)
        .map_err(|e| BackupError::NotABackup("DATABASE_URL".into(), e.to_string()))?;
    let password = url.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    let _ = url.set_password(None);
    Ok((url.to_string(), password))
}

/// Runs one of PostgreSQL's tools on a blocking thread, on the database if
/// one is given; its error output becomes the error.
async fn run(
    tool: &'static str,
    args: Vec<String>,
    database_url: Option<&str>,
) -> Result<(), BackupError> {
    let connection = database_url.map(address_and_password).transpose()?;
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new(tool);
        command.args(&args);
        if let Some((address, password)) = connection {
            command.arg(format!("--dbname={address}"));
            if let Some(password) = password {
                command.env("PGPASSWORD", password);
            }
        }
        command.output()
    })
    .await
    .map_err(std::io::Error::other)?
    .map_err(|e| std::io::Error::new(e.kind(), format!("cannot run {tool}: {e}")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool {
            tool,
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

pub(super) async fn dump(database_url: &str, target: &Path) -> Result<(), BackupError> {
    let args = vec![
        "--format=custom".into(),
        "--no-owner".into(),
        "--no-privileges".into(),
        format!("--file={}", target.display()),
    ];
    run("pg_dump", args, Some(database_url)).await
}

pub(super) async fn restore(
    database_url: &str,
    file: &Path,
    safety: &Path,
) -> Result<Restored, BackupError> {
    let others = sessions_of_others(database_url).await?;
    if others > 0 {
        return Err(BackupError::InUse(format!(
            "{others} other connections to the database"
        )));
    }
    // The archive as SQL first: a damaged archive stops here, before
    // anything is touched (and psql is never fed half a file).
    let script = super::partial(safety).with_extension("sql");
    let decoded = run(
        "pg_restore",
        vec![
            "--no-owner".into(),
            "--no-privileges".into(),
            format!("--file={}", script.display()),
            file.display().to_string(),
        ],
        None,
    )
    .await;
    if let Err(error) = decoded {
        let _ = std::fs::remove_file(&script);
        let why = match error {
            BackupError::Tool { stderr, .. } => stderr,
            other => other.to_string(),
        };
        return Err(BackupError::NotABackup(file.display().to_string(), why));
    }
    dump(database_url, safety).await?;
    let replayed = run(
        "psql",
        vec![
            "--no-psqlrc".into(),
            "--quiet".into(),
            "--single-transaction".into(),
            "--set=ON_ERROR_STOP=1".into(),
            "--command=DROP SCHEMA public CASCADE; CREATE SCHEMA public;".into(),
            format!("--file={}", script.display()),
        ],
        Some(database_url),
    )
    .await;
    let _ = std::fs::remove_file(&script);
    replayed?;
    Ok(Restored {
        previous: Some(safety.to_path_buf()),
    })
}

/// Connections to this database other than the one asking: a running
/// portal always holds some (its pool, its announcements listener).
async fn sessions_of_others(database_url: &str) -> Result<i64, BackupError> {
    let mut connection = AnyConnection::connect(database_url).await?;
    let (count,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_one(&mut connection)
    .await?;
    connection.close().await?;
    Ok(count)
}
