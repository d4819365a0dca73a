//! The network's data layer: seeding the reference data and reading it back.
//! The SQL is the same on SQLite and PostgreSQL.

use super::domain::{Category, Comune, Desk, MemberBody, OpeningHours, DESK_EMAIL};
use super::reference::{self, ComuneRecord, LA_SPEZIA_ISTAT};
use crate::db::{Db, Tx};

/// Writes `comuni`, or brings them up to date.
async fn upsert_comuni(tx: &mut Tx, comuni: &[ComuneRecord]) -> Result<(), sqlx::Error> {
    for c in comuni {
        sqlx::query(
            "INSERT INTO comuni (istat_code, slug, name, cadastral_code, postal_codes, population, area_km2, latitude, longitude)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (istat_code) DO UPDATE SET slug = excluded.slug, name = excluded.name,
               cadastral_code = excluded.cadastral_code, postal_codes = excluded.postal_codes,
               population = excluded.population, area_km2 = excluded.area_km2,
               latitude = excluded.latitude, longitude = excluded.longitude",
        )
        .bind(&c.istat_code)
        .bind(&c.slug)
        .bind(&c.name)
        .bind(&c.cadastral_code)
        .bind(&c.postal_codes)
        .bind(c.population)
        .bind(c.area_km2)
        .bind(c.latitude)
        .bind(c.longitude)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Adds Liguria's comuni to the province's, for a benchmark's database
/// only (`server gen-demo --region`): the portal serves one province.
/// Returns how many comuni there are now.
pub async fn add_region_comuni(db: &Db) -> Result<usize, sqlx::Error> {
    let comuni = reference::region_comuni().map_err(|e| sqlx::Error::Configuration(e.into()))?;
    let mut tx = db.begin_write().await?;
    upsert_comuni(&mut tx, &comuni).await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM comuni")
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(usize::try_from(count).unwrap_or_default())
}

/// Writes the reference data; safe to run at every start. Comuni and member
/// bodies follow the shipped files, while the desk and its hours are only
/// created once, since staff may change them afterwards.
pub async fn seed_reference(db: &Db) -> Result<(), sqlx::Error> {
    // Broken shipped data is a build defect; report it as a configuration error.
    let data = reference::load().map_err(|e| sqlx::Error::Configuration(e.into()))?;
    let mut tx = db.begin_write().await?;
    upsert_comuni(&mut tx, &data.comuni).await?;
    for n in &data.network {
        sqlx::query(
            "INSERT INTO network_comuni (istat_code, mayor) VALUES ($1, $2)
             ON CONFLICT (istat_code) DO UPDATE SET mayor = excluded.mayor",
        )
        .bind(&n.istat_code)
        .bind(&n.mayor)
        .execute(&mut *tx)
        .await?;
    }
    for b in &data.bodies {
        sqlx::query(
            "INSERT INTO member_bodies (name, slug, category) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET slug = excluded.slug, category = excluded.category",
        )
        .bind(&b.name)
        .bind(&b.slug)
        .bind(b.category.code())
        .execute(&mut *tx)
        .await?;
    }
    let created = sqlx::query(
        "INSERT INTO desks (istat_code, name, email, by_appointment, patron_day) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (istat_code) DO NOTHING",
    )
    .bind(LA_SPEZIA_ISTAT)
    .bind("Sportello InfoLavoro della Spezia")
    .bind(DESK_EMAIL)
    .bind(reference::LA_SPEZIA_PATRON_DAY)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if created == 1 {
        let desk_id: i64 = sqlx::query_scalar("SELECT id FROM desks WHERE istat_code = $1")
            .bind(LA_SPEZIA_ISTAT)
            .fetch_one(&mut *tx)
            .await?;
        for h in reference::initial_desk_hours() {
            sqlx::query(
                "INSERT INTO desk_hours (desk_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
            )
            .bind(desk_id)
            .bind(i64::from(h.weekday))
            .bind(&h.opens)
            .bind(&h.closes)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}

const COMUNE_COLUMNS: &str =
    "c.istat_code, c.slug, c.name, c.postal_codes, c.population, c.area_km2,
     c.latitude, c.longitude, n.mayor
     FROM comuni c LEFT JOIN network_comuni n ON n.istat_code = c.istat_code";

#[derive(sqlx::FromRow)]
struct ComuneRow {
    istat_code: String,
    slug: String,
    name: String,
    /// Space-separated.
    postal_codes: String,
    population: i64,
    area_km2: f64,
    latitude: f64,
    longitude: f64,
    mayor: Option<String>,
}

impl From<ComuneRow> for Comune {
    fn from(row: ComuneRow) -> Comune {
        Comune {
            istat_code: row.istat_code,
            slug: row.slug,
            name: row.name,
            postal_codes: row
                .postal_codes
                .split_whitespace()
                .map(String::from)
                .collect(),
            population: row.population,
            area_km2: row.area_km2,
            latitude: row.latitude,
            longitude: row.longitude,
            mayor: row.mayor,
            outline: String::new(),
        }
    }
}

/// All 32 comuni, in alphabetical order.
pub async fn list_comuni(db: &Db) -> Result<Vec<Comune>, sqlx::Error> {
    let rows: Vec<ComuneRow> = sqlx::query_as(&format!("SELECT {COMUNE_COLUMNS} ORDER BY c.name"))
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(Comune::from).collect())
}

/// All 32 comuni with their boundaries, for the pages that draw the map.
pub async fn list_comuni_for_map(db: &Db) -> Result<Vec<Comune>, sqlx::Error> {
    let mut comuni = list_comuni(db).await?;
    for comune in &mut comuni {
        comune.outline = crate::kernel::boundaries::outline_of(&comune.istat_code);
    }
    Ok(comuni)
}

pub async fn comune_by_slug(db: &Db, slug: &str) -> Result<Option<Comune>, sqlx::Error> {
    let row: Option<ComuneRow> =
        sqlx::query_as(&format!("SELECT {COMUNE_COLUMNS} WHERE c.slug = $1"))
            .bind(slug)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(Comune::from))
}

/// The member bodies, in alphabetical order.
pub async fn list_member_bodies(db: &Db) -> Result<Vec<MemberBody>, sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT name, category FROM member_bodies ORDER BY name")
            .fetch_all(db.pool())
            .await?;
    rows.into_iter()
        .map(|(name, code)| {
            let category = crate::kernel::codes::decode(&code, Category::from_code)?;
            Ok(MemberBody { name, category })
        })
        .collect()
}

/// The desks with their opening hours, ordered by weekday and time.
pub async fn list_desks(db: &Db) -> Result<Vec<Desk>, sqlx::Error> {
    let desks: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT d.id, d.name, c.name, c.slug, d.email, d.by_appointment
         FROM desks d JOIN comuni c ON c.istat_code = d.istat_code ORDER BY c.name",
    )
    .fetch_all(db.pool())
    .await?;
    let hours: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT desk_id, weekday, opens, closes FROM desk_hours ORDER BY weekday, opens",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(desks
        .into_iter()
        .map(
            |(id, name, comune_name, comune_slug, email, by_appointment)| Desk {
                name,
                comune_name,
                comune_slug,
                email,
                by_appointment: by_appointment == 1,
                hours: hours
                    .iter()
                    .filter(|h| h.0 == id)
                    .map(|(_, weekday, opens, closes)| OpeningHours {
                        weekday: u8::try_from(*weekday).unwrap_or(0),
                        opens: opens.clone(),
                        closes: closes.clone(),
                    })
                    .collect(),
            },
        )
        .collect())
}
