//! The network's data layer, the same suite on SQLite and on PostgreSQL.

use crate::common::{with_db, Engine};
use app::db::{Db, Engine as DbEngine};
use app::network::domain::Category;
use app::network::repo;

async fn seeds_the_network_as_announced(db: Db) {
    let comuni = repo::list_comuni(&db).await.unwrap();
    assert_eq!(comuni.len(), 32);
    assert_eq!(comuni.iter().filter(|c| c.in_network()).count(), 12);
    assert_eq!(
        comuni.first().map(|c| c.name.as_str()),
        Some("Ameglia"),
        "alphabetical"
    );
    let spezia = comuni.iter().find(|c| c.slug == "la-spezia").unwrap();
    assert_eq!(spezia.population, 92169);
    assert_eq!(spezia.postal_codes.len(), 13);
    assert_eq!(spezia.mayor.as_deref(), Some("Pierluigi Peracchini"));

    let bodies = repo::list_member_bodies(&db).await.unwrap();
    assert_eq!(bodies.len(), 38);
    let unions: Vec<_> = bodies
        .iter()
        .filter(|b| b.category == Category::Sindacato)
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(unions, ["CGIL", "CISAL", "CISL", "UIL"]);
}

async fn finds_a_comune_by_its_slug(db: Db) {
    let sarzana = repo::comune_by_slug(&db, "sarzana").await.unwrap().unwrap();
    assert_eq!(sarzana.mayor.as_deref(), Some("Cristina Ponzanelli"));
    assert!((sarzana.longitude - 9.9597).abs() < 0.001);
    let ricco = repo::comune_by_slug(&db, "ricco-del-golfo-di-spezia")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ricco.name, "Riccò del Golfo di Spezia");
    let levanto = repo::comune_by_slug(&db, "levanto").await.unwrap().unwrap();
    assert!(!levanto.in_network());
    assert!(repo::comune_by_slug(&db, "atlantide")
        .await
        .unwrap()
        .is_none());
}

async fn the_desk_opens_as_announced(db: Db) {
    let desks = repo::list_desks(&db).await.unwrap();
    assert_eq!(desks.len(), 1);
    let desk = &desks[0];
    assert_eq!(desk.comune_slug, "la-spezia");
    assert!(desk.by_appointment);
    let hours: Vec<_> = desk
        .hours
        .iter()
        .map(|h| (h.weekday, h.opens.as_str(), h.closes.as_str()))
        .collect();
    assert_eq!(
        hours,
        [
            (2, "08:30", "12:00"),
            (2, "14:30", "17:30"),
            (3, "08:30", "12:00"),
            (4, "08:30", "12:00"),
            (5, "08:30", "12:00")
        ]
    );
}

async fn seeding_again_keeps_what_staff_changed(db: Db) {
    // Staff close the Friday desk; a restart must not bring it back.
    sqlx::query("DELETE FROM desk_hours WHERE weekday = 5")
        .execute(db.pool())
        .await
        .unwrap();
    repo::seed_reference(&db).await.unwrap();
    repo::seed_reference(&db).await.unwrap();
    assert_eq!(repo::list_comuni(&db).await.unwrap().len(), 32);
    assert_eq!(repo::list_member_bodies(&db).await.unwrap().len(), 38);
    let desks = repo::list_desks(&db).await.unwrap();
    assert_eq!(desks.len(), 1);
    assert_eq!(desks[0].hours.len(), 4);
    assert!(desks[0].hours.iter().all(|h| h.weekday != 5));
}

async fn refuses_what_the_schema_forbids(db: Db) {
    let bad_category =
        sqlx::query("INSERT INTO member_bodies (name, slug, category) VALUES ('X', 'x', 'banca')")
            .execute(db.pool())
            .await;
    assert!(bad_category.is_err(), "unknown category accepted");
    let orphan =
        sqlx::query("INSERT INTO network_comuni (istat_code, mayor) VALUES ('999999', 'Nessuno')")
            .execute(db.pool())
            .await;
    assert!(orphan.is_err(), "foreign keys are enforced");
    assert!(db.ping().await);
}

on_both_engines!(with_db =>
    seeds_the_network_as_announced,
    finds_a_comune_by_its_slug,
    the_desk_opens_as_announced,
    seeding_again_keeps_what_staff_changed,
    refuses_what_the_schema_forbids,
);

/// SQLite's write transactions take the lock up front (`BEGIN IMMEDIATE`), so
/// concurrent read-then-write transactions wait for each other instead of
/// failing with SQLITE_BUSY, and no update is lost.
#[tokio::test]
async fn sqlite_write_transactions_serialise_read_then_write() {
    with_db(Engine::Sqlite, |db| async move {
        assert_eq!(db.engine(), DbEngine::Sqlite);
        sqlx::query("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
            .execute(db.pool())
            .await
            .unwrap();
        sqlx::query("INSERT INTO counter (id, value) VALUES (1, 0)")
            .execute(db.pool())
            .await
            .unwrap();
        let tasks: Vec<_> = (0..24)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await?;
                    let value: i64 = sqlx::query_scalar("SELECT value FROM counter WHERE id = 1")
                        .fetch_one(&mut *tx)
                        .await?;
                    tokio::task::yield_now().await;
                    sqlx::query("UPDATE counter SET value = $1 WHERE id = 1")
                        .bind(value + 1)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().expect("no SQLITE_BUSY");
        }
        let value: i64 = sqlx::query_scalar("SELECT value FROM counter WHERE id = 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(value, 24);
    })
    .await;
}
