//! The network's reference facts as the browser and the server both see them.

use serde::{Deserialize, Serialize};

/// One of the 32 municipalities of the province of La Spezia.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comune {
    pub istat_code: String,
    pub slug: String,
    pub name: String,
    pub postal_codes: Vec<String>,
    pub population: i64,
    pub area_km2: f64,
    pub latitude: f64,
    pub longitude: f64,
    /// The mayor who signed the protocol; `None` when the comune is not in the network.
    pub mayor: Option<String>,
}

impl Comune {
    pub fn in_network(&self) -> bool {
        self.mayor.is_some()
    }
}

/// How we group the member bodies (our own classification, see `reference/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    AgenziaLavoro,
    Sindacato,
    AssociazioneCategoria,
    EnteFormazione,
    Istruzione,
    EntePubblico,
    TerzoSettore,
    Altro,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::AgenziaLavoro,
        Category::Sindacato,
        Category::AssociazioneCategoria,
        Category::EnteFormazione,
        Category::Istruzione,
        Category::EntePubblico,
        Category::TerzoSettore,
        Category::Altro,
    ];

    /// The code used in the data files, the database and the URL (`/rete?categoria=…`).
    pub fn code(self) -> &'static str {
        match self {
            Category::AgenziaLavoro => "agenzia_lavoro",
            Category::Sindacato => "sindacato",
            Category::AssociazioneCategoria => "associazione_categoria",
            Category::EnteFormazione => "ente_formazione",
            Category::Istruzione => "istruzione",
            Category::EntePubblico => "ente_pubblico",
            Category::TerzoSettore => "terzo_settore",
            Category::Altro => "altro",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A member body of the Rete per il Lavoro.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberBody {
    pub name: String,
    pub category: Category,
}

/// Opening hours on one weekday (1 = Monday … 7 = Sunday), times as `HH:MM`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub weekday: u8,
    pub opens: String,
    pub closes: String,
}

/// An InfoLavoro desk (sportello).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    pub name: String,
    pub comune_name: String,
    pub comune_slug: String,
    pub email: String,
    pub by_appointment: bool,
    pub hours: Vec<OpeningHours>,
}

/// The date until which the network's protocol is in force (extended in September 2025).
pub const PROTOCOL_VALID_UNTIL: &str = "2028-06-30";
/// The desk's public contact.
pub const DESK_EMAIL: &str = "infolavoro@comune.sp.it";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
        assert_eq!(Category::from_code("banca"), None);
    }
}
