//! Backups that restore, on SQLite and PostgreSQL. A copy taken by `server
//! backup` (another process) while this one keeps writing, put back with
//! `server restore` into a new database, serves the same CVs (photo
//! included), enrolments and offers from a portal process started on it;
//! a restore refuses a database in use and a file that is not a copy, and
//! keeps what it replaces; the schedule keeps the newest copies.

use crate::applications::published_offer;
use crate::catalogue::course;
use crate::common::{
    citizen_with_cv, count, person, postgres_admin, postgres_database_url, unique_name, with_state,
};
use crate::loopback::{request, start};
use app::db::Engine;
use app::kernel::access::domain::Role;
use app::state::AppState;
use server::backup::{copies, restore, run_schedule, write_copy, BackupError, Schedule};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The server binary run with `args` on `database_url`: whether it
/// succeeded, and what it printed.
async fn server_command(database_url: &str, args: &[&str], backup_dir: &Path) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("BACKUP_DIR", backup_dir)
        .env("RUST_LOG", "warn");
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .expect("the server binary runs");
    let printed = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), printed)
}

/// A folder for this test's files, and a database that does not exist yet
/// on `engine` (PostgreSQL: created empty, as an administrator would).
async fn new_place(engine: Engine) -> (PathBuf, String) {
    let name = unique_name();
    let folder = std::env::temp_dir().join(format!("{name}-backups"));
    std::fs::create_dir_all(&folder).unwrap();
    let url = match engine {
        Engine::Sqlite => format!("sqlite://{}/restored/portal.db", folder.display()),
        Engine::Postgres => {
            postgres_admin(&format!("CREATE DATABASE {name}")).await;
            postgres_database_url(&name)
        }
    };
    (folder, url)
}

async fn throw_away(engine: Engine, folder: &Path, url: &str) {
    let _ = std::fs::remove_dir_all(folder);
    if engine == Engine::Postgres {
        let name = url.rsplit('/').next().unwrap();
        postgres_admin(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    }
}

/// People signing up and enrolling in `course`, one after another, until stopped.
fn write_load(state: &AppState, course: i64) -> (Arc<AtomicBool>, tokio::task::JoinHandle<usize>) {
    let stop = Arc::new(AtomicBool::new(false));
    let (s, flag) = (state.clone(), stop.clone());
    let task = tokio::spawn(async move {
        let mut done = 0;
        while !flag.load(Ordering::Relaxed) {
            let someone = person(&s, Role::Cittadino, &format!("carico{done}@esempio.it")).await;
            app::catalogue::service::enrol(&s, course, &someone)
                .await
                .unwrap();
            done += 1;
        }
        done
    });
    (stop, task)
}

const ENROLMENTS: &str = "SELECT COUNT(*) FROM enrolments";

async fn a_copy_taken_under_load_restores_into_a_portal_serving_the_same_data(state: AppState) {
    let engine = state.db.engine();
    let url = state.config.database_url.clone();
    let business = person(&state, Role::Impresa, "hotel@esempio.it").await;
    let offer = published_offer(&state, &business, "Receptionist stagionale").await;
    let (anna, secret, cv) = citizen_with_cv(&state, "anna@esempio.it", true).await;
    let photo = crate::cv::jpeg();
    assert!(app::cv::repo::put_photo(&state.db, anna.id, cv, &photo)
        .await
        .unwrap());
    let saldatura = course(&state, 100_000, 3 * 86_400, None).await;
    app::catalogue::service::enrol(&state, saldatura, &anna)
        .await
        .unwrap();

    let (folder, target) = new_place(engine).await;
    let copy = folder.join("copia").join("portale.copia");
    let (stop, load) = write_load(&state, saldatura);
    while count(&state, ENROLMENTS).await < 6 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let before = count(&state, ENROLMENTS).await;
    let copy_arg = copy.display().to_string();
    let (ok, printed) = server_command(&url, &["backup", "--to", &copy_arg], &folder).await;
    assert!(ok, "{printed}");
    assert!(printed.contains("Backup written"), "{printed}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    let written_under_load = load.await.unwrap();
    let after = count(&state, ENROLMENTS).await;
    assert!(after > before, "the load went on writing during the copy");
    eprintln!("{written_under_load} enrolments written during the test; {before} before the copy, {after} after");

    let safety = folder.join("prima");
    let (ok, printed) = server_command(&target, &["restore", &copy_arg], &safety).await;
    assert!(ok, "{printed}");
    let portal = start(&target).await;
    let port = portal.port;
    let get = |path: String, session: Option<String>| async move {
        request(port, "GET", &path, session.as_deref(), "")
            .await
            .unwrap()
    };
    let (status, body) = get(format!("/api/get_offer?id={offer}"), None).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Receptionist stagionale"), "{body}");
    let (status, body) = get("/api/get_my_calendar".into(), Some(secret.clone())).await;
    assert_eq!(
        status, 200,
        "anna's session came back with the copy: {body}"
    );
    assert!(body.contains("Saldatura a filo"), "{body}");
    let (status, restored_cv) = get(format!("/api/cv/{cv}/cv.json"), Some(secret.clone())).await;
    assert_eq!(status, 200, "{restored_cv}");
    let (_, live_cv) = app::cv::service::json(&state, &anna, cv).await.unwrap();
    let as_json = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(
        as_json(&restored_cv),
        as_json(&String::from_utf8(live_cv).unwrap())
    );
    let (status, _) = get(format!("/api/cv/{cv}/foto.jpg"), Some(secret.clone())).await;
    assert_eq!(status, 200, "the photo came back too");

    // What the copy holds is one moment between the copy's start and end:
    // every enrolment saved before it, none half-written.
    let restored = app::db::Db::connect(&target).await.unwrap();
    let held: i64 = sqlx::query_scalar(ENROLMENTS)
        .fetch_one(restored.pool())
        .await
        .unwrap();
    let orphans: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM enrolments e LEFT JOIN users u ON u.id = e.user_id WHERE u.id IS NULL",
    )
    .fetch_one(restored.pool())
    .await
    .unwrap();
    let same_photo = app::cv::repo::photo(&restored, anna.id, cv).await.unwrap();
    restored.close().await;
    drop(restored);
    assert!(
        (before..=after).contains(&held),
        "{before} ≤ {held} ≤ {after}"
    );
    assert_eq!(orphans, 0);
    assert_eq!(same_photo.as_deref(), Some(photo.as_slice()));

    // While that portal runs, a second restore is refused and changes nothing.
    let (ok, printed) = server_command(&target, &["restore", &copy_arg], &safety).await;
    assert!(!ok);
    assert!(printed.contains("in use"), "{printed}");
    let (status, _) = get(format!("/api/get_offer?id={offer}"), None).await;
    assert_eq!(status, 200);
    drop(portal);

    // Stopped, it is replaced, and what it held is kept aside first.
    let (ok, printed) = server_command(&target, &["restore", &copy_arg], &safety).await;
    assert!(ok, "{printed}");
    assert!(printed.contains("before-restore-"), "{printed}");
    let kept = std::fs::read_dir(&safety)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .count();
    assert!(kept >= 1);
    throw_away(engine, &folder, &target).await;
}

async fn a_restore_refuses_a_database_in_use_and_a_file_that_is_no_copy(state: AppState) {
    let engine = state.db.engine();
    let url = state.config.database_url.clone();
    let (folder, target) = new_place(engine).await;
    let copy = folder.join("copia");
    write_copy(&state.db, &url, &copy).await.unwrap();
    let offers_before = count(&state, "SELECT COUNT(*) FROM offers").await;
    // This process's own pool is using the database.
    let refused = restore(&url, &copy, &folder).await;
    assert!(matches!(refused, Err(BackupError::InUse(_))), "{refused:?}");
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM offers").await,
        offers_before
    );

    let notes = folder.join("appunti.txt");
    std::fs::write(&notes, "non è una copia").unwrap();
    let refused = restore(&target, &notes, &folder).await;
    assert!(
        matches!(refused, Err(BackupError::NotABackup(..))),
        "{refused:?}"
    );
    assert!(refused.unwrap_err().to_string().contains("appunti.txt"));
    throw_away(engine, &folder, &target).await;
}

async fn the_schedule_keeps_the_newest_copies(state: AppState) {
    let folder = std::env::temp_dir().join(format!("{}-schedule", unique_name()));
    let schedule = Schedule {
        dir: folder.clone(),
        every: Duration::from_secs(1),
        keep: 2,
        first_after: Duration::ZERO,
    };
    let metrics = server::metrics::handle();
    let running = run_schedule(
        state.db.clone(),
        state.config.database_url.clone(),
        schedule,
    );
    let _ = tokio::time::timeout(Duration::from_millis(3_500), running).await;
    let kept = copies(&folder).unwrap();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().all(|c| std::fs::metadata(c).unwrap().len() > 0));
    // The IT office sees when the last copy was made.
    let scraped = metrics.render();
    assert!(
        scraped.contains("backup_last_success_timestamp_seconds "),
        "{scraped}"
    );
    assert!(scraped.contains("worker_last_success_timestamp_seconds{worker=\"backups\"}"));
    let _ = std::fs::remove_dir_all(&folder);
}

on_both_engines!(with_state =>
    a_copy_taken_under_load_restores_into_a_portal_serving_the_same_data,
    a_restore_refuses_a_database_in_use_and_a_file_that_is_no_copy,
    the_schedule_keeps_the_newest_copies,
);
