//! Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL
//! database on the local server (dropped afterwards), migrated and seeded
//! exactly as the server does at start-up.

use app::config::Config;
use app::db::Db;
use app::state::AppState;
use leptos::prelude::LeptosOptions;
use sqlx::any::AnyPoolOptions;
use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};

pub mod smtp;

static NEXT: AtomicU32 = AtomicU32::new(0);

pub fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "infolavoro_test_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The PostgreSQL server tests use: `TEST_POSTGRES_URL`, by default the local one.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The address of the database `name` on the tests' PostgreSQL server.
pub fn postgres_database_url(name: &str) -> String {
    let base = postgres_admin_url();
    let server = base
        .rsplit_once('/')
        .map_or(base.as_str(), |(server, _)| server);
    format!("{server}/{name}")
}

/// Runs one statement (CREATE or DROP DATABASE) on the PostgreSQL server.
pub async fn postgres_admin(statement: &str) {
    sqlx::any::install_default_drivers();
    let admin = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&postgres_admin_url())
        .await
        .expect("PostgreSQL reachable at TEST_POSTGRES_URL");
    sqlx::query(statement)
        .execute(&admin)
        .await
        .expect(statement);
    admin.close().await;
}

#[derive(Clone, Copy, Debug)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Builds the whole server state (connect, migrate, seed) on a new database of
/// `engine`, runs `test`, then throws the database away.
pub async fn with_state<F, Fut>(engine: Engine, test: F)
where
    F: FnOnce(AppState) -> Fut,
    Fut: Future<Output = ()>,
{
    with_settings(engine, &[], test).await;
}

/// Like `with_state`, with these settings (as environment variables would give them).
pub async fn with_settings<F, Fut>(engine: Engine, settings: &[(&str, String)], test: F)
where
    F: FnOnce(AppState) -> Fut,
    Fut: Future<Output = ()>,
{
    let name = unique_name();
    let (url, cleanup): (String, Option<String>) = match engine {
        Engine::Sqlite => {
            let dir = std::env::temp_dir().join(&name);
            (
                format!("sqlite://{}/portal.db", dir.display()),
                Some(dir.display().to_string()),
            )
        }
        Engine::Postgres => {
            postgres_admin(&format!("CREATE DATABASE {name}")).await;
            (postgres_database_url(&name), None)
        }
    };
    let config = Config::from_lookup(|key| {
        if key == "DATABASE_URL" {
            return Some(url.clone());
        }
        settings
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.clone())
    });
    assert!(config.invalid.is_empty(), "{:?}", config.invalid);
    let options = LeptosOptions::builder().output_name("infolavoro").build();
    let state = server::build_state(config, options)
        .await
        .expect("state builds");
    let db = state.db.clone();
    test(state).await;
    // sqlx's close waits for every connection to come back; on PostgreSQL it
    // has been seen to wait forever after a page render dropped a query
    // mid-way. The database is dropped with FORCE just after anyway.
    if tokio::time::timeout(std::time::Duration::from_secs(5), db.close())
        .await
        .is_err()
    {
        eprintln!("the pool did not close within 5 s; dropping the database anyway");
    }
    match engine {
        Engine::Sqlite => {
            if let Some(dir) = cleanup {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
        Engine::Postgres => {
            postgres_admin(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        }
    }
}

/// Like `with_state`, for tests that need only the database.
pub async fn with_db<F, Fut>(engine: Engine, test: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()>,
{
    with_state(engine, |state| test(state.db)).await;
}

/// One test per engine for each listed async function of one argument.
#[macro_export]
macro_rules! on_both_engines {
    ($runner:ident => $($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$runner($crate::common::Engine::Sqlite, super::$name).await;
                }
                #[tokio::test]
                async fn postgres() {
                    super::$runner($crate::common::Engine::Postgres, super::$name).await;
                }
            }
        )*
    };
}

/// An account created directly (as the admin's subcommands do), with a live session.
pub async fn account_with_session(
    state: &AppState,
    role: app::kernel::access::domain::Role,
    status: app::kernel::access::domain::AccountStatus,
    email: &str,
) -> String {
    use app::accounts::repo::{self, NewUser};
    let mut tx = state.db.begin_write().await.unwrap();
    let user = NewUser {
        email,
        desk_istat: None,
        password_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash"),
        display_name: "Personale",
        organisation: Some("Organizzazione di prova"),
        role,
        status,
        email_verified: true,
    };
    let id = repo::insert_user(&mut tx, &user).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    app::kernel::access::sessions::create_session(&state.db, id)
        .await
        .unwrap()
}

/// A citizen signed in (the session's secret) with a CV named "CV", filled
/// with the complete sample when `filled`.
pub async fn citizen_with_cv(
    state: &AppState,
    email: &str,
    filled: bool,
) -> (app::kernel::access::domain::SessionUser, String, i64) {
    use app::kernel::access::domain::{AccountStatus, Role};
    let secret = account_with_session(state, Role::Cittadino, AccountStatus::Attivo, email).await;
    let user = user_of(state, &secret).await;
    let cv = app::cv::service::create(state, &user, "CV", app::cv::domain::CvLanguage::It)
        .await
        .unwrap();
    if filled {
        app::cv::service::save(state, &user, cv, 1, app::cv::sample::complete())
            .await
            .unwrap();
    }
    (user, secret, cv)
}

/// The single number a `SELECT COUNT(*) …` answers.
pub async fn count(state: &AppState, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(state.db.pool())
        .await
        .unwrap()
}

/// A response's body as text.
pub async fn text(response: http::Response<axum::body::Body>) -> String {
    let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
        .await
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The organisation a test account of `role` works for.
fn organisation_of(role: app::kernel::access::domain::Role) -> Option<&'static str> {
    use app::kernel::access::domain::Role;
    match role {
        Role::Ente => Some("Cescot La Spezia"),
        Role::Impresa => Some("Cantieri Riuniti del Golfo"),
        _ => None,
    }
}

/// An active, verified account of `role`, as the service layer sees it.
pub async fn person(
    state: &AppState,
    role: app::kernel::access::domain::Role,
    email: &str,
) -> app::kernel::access::domain::SessionUser {
    use app::accounts::repo::{insert_user, NewUser};
    use app::kernel::access::domain::{AccountStatus, Role, SessionUser};
    let mut tx = state.db.begin_write().await.unwrap();
    let id = insert_user(
        &mut tx,
        &NewUser {
            email,
            desk_istat: (role == Role::Operatore).then_some("011015"),
            password_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash"),
            display_name: email.split('@').next().unwrap(),
            organisation: organisation_of(role),
            role,
            status: AccountStatus::Attivo,
            email_verified: true,
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    SessionUser {
        id,
        email: email.into(),
        display_name: email.split('@').next().unwrap().into(),
        organisation: organisation_of(role).map(str::to_string),
        role,
        status: AccountStatus::Attivo,
        email_verified: true,
        review_reason: None,
    }
}

/// The tables of the schema, as the database lists them.
pub async fn schema_tables(state: &AppState) -> Vec<String> {
    let sql = match state.db.engine() {
        app::db::Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        app::db::Engine::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    sqlx::query_scalar(sql)
        .fetch_all(state.db.pool())
        .await
        .unwrap()
}

/// Every text value stored anywhere in the database, with where it is.
pub async fn every_text(state: &AppState) -> Vec<(String, String)> {
    use sqlx::{Column, Row};
    let mut found = Vec::new();
    // sqlx's own history has a time type the `Any` driver cannot read.
    for table in schema_tables(state).await {
        if table == "_sqlx_migrations" {
            continue;
        }
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(state.db.pool())
            .await
            .unwrap();
        for row in rows {
            for column in row.columns() {
                if let Ok(Some(value)) = row.try_get::<Option<String>, _>(column.ordinal()) {
                    found.push((format!("{table}.{}", column.name()), value));
                }
            }
        }
    }
    found
}

/// The files of a ZIP archive by name.
pub fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        files.insert(file.name().to_string(), content);
    }
    files
}

/// The person a live session secret belongs to.
pub async fn user_of(state: &AppState, secret: &str) -> app::kernel::access::domain::SessionUser {
    let limits = |_| app::kernel::access::sessions::SessionLimits {
        idle: 3600,
        absolute: 3600,
    };
    app::kernel::access::sessions::session_user(&state.db, secret, limits)
        .await
        .unwrap()
        .expect("a live session")
}

/// A form body, every byte but letters and digits percent-encoded.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}
