//! The network's reference facts as the browser and the server both see them.

use crate::i18n::{td_string, Locale};
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
    /// Its boundary as an SVG path on the map's plane (`kernel::map_plane`);
    /// empty except from `list_comuni_for_map`, as only maps need it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outline: String,
}

impl Comune {
    pub fn in_network(&self) -> bool {
        self.mayor.is_some()
    }
}

/// How we group the member bodies (our own classification, see `reference/`).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
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

crate::stored_as_code!(Category);

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

/// A category's name in the page's language.
pub fn category_label(category: Category, locale: Locale) -> &'static str {
    match category {
        Category::AgenziaLavoro => td_string!(locale, categories.agenzia_lavoro),
        Category::Sindacato => td_string!(locale, categories.sindacato),
        Category::AssociazioneCategoria => td_string!(locale, categories.associazione_categoria),
        Category::EnteFormazione => td_string!(locale, categories.ente_formazione),
        Category::Istruzione => td_string!(locale, categories.istruzione),
        Category::EntePubblico => td_string!(locale, categories.ente_pubblico),
        Category::TerzoSettore => td_string!(locale, categories.terzo_settore),
        Category::Altro => td_string!(locale, categories.altro),
    }
}

/// The network's protocol runs until this day (year, month, day).
pub const PROTOCOL_EXPIRES: (i64, i64, i64) = (2028, 6, 30);

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
