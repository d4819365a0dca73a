//! The reference data shipped inside the project (a copy of `shared/data`),
//! parsed once and written to the database at start-up.

use super::domain::{Category, OpeningHours};
use crate::kernel::text::slugify;

const COMUNI_CSV: &str = include_str!("../../reference/comuni-provincia-spezia.csv");
const NETWORK_CSV: &str = include_str!("../../reference/rete-comuni-aderenti.csv");
const BODIES_CSV: &str = include_str!("../../reference/rete-enti-aderenti.csv");
/// Liguria's 234 comuni, the province's among them: only the benchmarks'
/// generated data spreads over them (`server gen-demo --region`).
const REGION_CSV: &str = include_str!("../../reference/comuni-liguria.csv");

#[derive(Clone, Debug, PartialEq)]
pub struct ComuneRecord {
    pub istat_code: String,
    pub slug: String,
    pub name: String,
    pub cadastral_code: String,
    pub postal_codes: String,
    pub population: i64,
    pub area_km2: f64,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkComune {
    pub istat_code: String,
    pub mayor: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BodyRecord {
    pub name: String,
    pub slug: String,
    pub category: Category,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceData {
    pub comuni: Vec<ComuneRecord>,
    pub network: Vec<NetworkComune>,
    pub bodies: Vec<BodyRecord>,
}

/// The desk of La Spezia (ISTAT 011015) and its initial hours, which staff may change later:
/// by appointment, Tuesday to Friday 8:30–12:00 and Tuesday 14:30–17:30.
pub const LA_SPEZIA_ISTAT: &str = "011015";
/// San Giuseppe, the city's patron: its offices close on 19 March.
pub const LA_SPEZIA_PATRON_DAY: &str = "03-19";
pub fn initial_desk_hours() -> Vec<OpeningHours> {
    let slot = |weekday, opens: &str, closes: &str| OpeningHours {
        weekday,
        opens: opens.into(),
        closes: closes.into(),
    };
    vec![
        slot(2, "08:30", "12:00"),
        slot(2, "14:30", "17:30"),
        slot(3, "08:30", "12:00"),
        slot(4, "08:30", "12:00"),
        slot(5, "08:30", "12:00"),
    ]
}

/// Rows of a simple CSV (no quoted fields in these files), header skipped,
/// each row checked to have the header's number of fields.
fn rows(csv: &'static str, file: &str) -> Result<Vec<Vec<&'static str>>, String> {
    let mut lines = csv.lines().filter(|l| !l.trim().is_empty());
    let width = lines
        .next()
        .ok_or(format!("{file}: empty"))?
        .split(',')
        .count();
    lines
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if fields.len() == width {
                Ok(fields)
            } else {
                Err(format!(
                    "{file}: row {} has {} fields, expected {width}",
                    i + 2,
                    fields.len()
                ))
            }
        })
        .collect()
}

fn number<T: std::str::FromStr>(value: &str, what: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{what}: not a number: {value}"))
}

/// The comuni of a file in the columns of `comuni-provincia-spezia.csv`.
fn comuni(csv: &'static str, file: &str) -> Result<Vec<ComuneRecord>, String> {
    rows(csv, file)?
        .into_iter()
        .map(|f| {
            Ok(ComuneRecord {
                istat_code: f[0].into(),
                slug: slugify(f[1]),
                name: f[1].into(),
                cadastral_code: f[2].into(),
                postal_codes: f[3].into(),
                population: number(f[4], "population")?,
                area_km2: number(f[5], "area")?,
                latitude: number(f[6], "latitude")?,
                longitude: number(f[7], "longitude")?,
            })
        })
        .collect()
}

/// Liguria's comuni, for a benchmark's data over a region.
pub fn region_comuni() -> Result<Vec<ComuneRecord>, String> {
    comuni(REGION_CSV, "region comuni")
}

pub fn load() -> Result<ReferenceData, String> {
    let comuni = comuni(COMUNI_CSV, "comuni")?;
    let network = rows(NETWORK_CSV, "network comuni")?
        .into_iter()
        .map(|f| {
            let istat_code = f[1].to_string();
            if comuni
                .iter()
                .any(|c| c.istat_code == istat_code && c.name == f[0])
            {
                Ok(NetworkComune {
                    istat_code,
                    mayor: f[2].into(),
                })
            } else {
                Err(format!(
                    "network comune {} ({istat_code}) is not in the province",
                    f[0]
                ))
            }
        })
        .collect::<Result<Vec<_>, String>>()?;
    let bodies = rows(BODIES_CSV, "member bodies")?
        .into_iter()
        .map(|f| {
            let category = Category::from_code(f[1]).ok_or(format!("unknown category {}", f[1]))?;
            Ok(BodyRecord {
                name: f[0].into(),
                slug: slugify(f[0]),
                category,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(ReferenceData {
        comuni,
        network,
        bodies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_is_as_announced() {
        let data = load().expect("reference data parses");
        assert_eq!(data.comuni.len(), 32);
        assert_eq!(data.network.len(), 12);
        assert_eq!(data.bodies.len(), 38);
        let sarzana = data.comuni.iter().find(|c| c.slug == "sarzana").unwrap();
        assert_eq!(sarzana.istat_code, "011027");
        assert!((sarzana.latitude - 44.1129).abs() < 0.001);
        let mut slugs: Vec<_> = data.comuni.iter().map(|c| &c.slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 32, "every comune has its own slug");
    }

    /// The region's file holds Liguria's 234 comuni, each with its own
    /// slug, and the province's exactly as the province's file has them.
    #[test]
    fn the_region_holds_the_province_as_it_is() {
        let region = region_comuni().expect("the region's comuni parse");
        assert_eq!(region.len(), 234);
        let mut slugs: Vec<_> = region.iter().map(|c| &c.slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 234, "every comune has its own slug");
        for comune in load().unwrap().comuni {
            assert!(
                region.contains(&comune),
                "{} as in the province",
                comune.name
            );
        }
        assert!(region
            .iter()
            .any(|c| c.name == "Genova" && c.population > 500_000));
    }

    #[test]
    fn the_official_name_of_santo_stefano_is_used() {
        let data = load().unwrap();
        assert!(data
            .comuni
            .iter()
            .any(|c| c.name == "Santo Stefano di Magra"));
        let peracchini = data
            .network
            .iter()
            .find(|n| n.istat_code == LA_SPEZIA_ISTAT)
            .unwrap();
        assert_eq!(peracchini.mayor, "Pierluigi Peracchini");
    }
}
