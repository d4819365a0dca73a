//! Geography: the comuni as places, and distances between them.

use crate::db::Db;

/// A comune as every feature needs it: its codes, name, centre and
/// population (the `comuni` reference table; the network feature seeds it
/// and says which comuni are in the network).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Place {
    pub istat_code: String,
    pub slug: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: i64,
}

const PLACE_COLUMNS: &str =
    "SELECT istat_code, slug, name, latitude, longitude, population FROM comuni";

/// The province's comuni, by name.
pub async fn places(db: &Db) -> Result<Vec<Place>, sqlx::Error> {
    sqlx::query_as(&format!("{PLACE_COLUMNS} ORDER BY name"))
        .fetch_all(db.pool())
        .await
}

/// The comune whose slug is `slug`, if any.
pub async fn place_by_slug(db: &Db, slug: &str) -> Result<Option<Place>, sqlx::Error> {
    sqlx::query_as(&format!("{PLACE_COLUMNS} WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(db.pool())
        .await
}

/// Great-circle distance in km between two points given in degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn la_spezia_to_sarzana_is_about_fifteen_km() {
        let d = distance_km((44.1025, 9.8241), (44.1114, 9.9594));
        assert!((10.0..=16.0).contains(&d), "{d}");
    }
}
