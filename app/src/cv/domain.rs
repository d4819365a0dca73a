//! A CV as the builder, the preview, the exports and (later) the candidate
//! profiles see it: the Europass structure, with the codes of its grids
//! (CEFR, DigComp, EU driving licences) and their Italian and English labels.
//!
//! The document is one serialisable value, saved whole by the autosave and
//! stored as JSON: a new optional section needs no migration.

use crate::i18n::td_string;
use crate::kernel::dates::{MONTHS_EN, MONTHS_IT};
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// The whole content of one CV.
///
/// Sections missing from a stored document take their defaults (a new
/// optional section needs no migration), but `personal` must be there and
/// no unknown field is taken: a save of another shape is refused (400)
/// instead of blanking the CV.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CvDocument {
    pub personal: Personal,
    /// One line under the name: "Magazziniere con patentino".
    #[serde(default)]
    pub headline: String,
    /// A few lines about oneself.
    #[serde(default)]
    pub profile: String,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub mother_tongues: Vec<String>,
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    #[serde(default)]
    pub digital: DigitalSkills,
    #[serde(default)]
    pub licences: Vec<String>,
    #[serde(default)]
    pub own_vehicle: bool,
    #[serde(default)]
    pub other_skills: String,
    #[serde(default)]
    pub certifications: Vec<Certification>,
    #[serde(default)]
    pub volunteering: Vec<Experience>,
    #[serde(default)]
    pub interests: String,
    /// What the person looks for: read by the candidate profiles that
    /// businesses search, when the CV is visible.
    #[serde(default)]
    pub wishes: JobWishes,
}

/// A cover letter written from a CV (`cv::letter`), which applications carry.
pub use super::letter::domain::LetterDocument;

/// A CV document read back from its stored JSON (`FromRow` fields with
/// `#[sqlx(try_from = "String")]`); JSON it cannot read is a decode error.
#[cfg(feature = "ssr")]
impl TryFrom<String> for CvDocument {
    type Error = serde_json::Error;
    fn try_from(json: String) -> Result<Self, Self::Error> {
        serde_json::from_str(&json)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Personal {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// Street address, free text.
    pub address: String,
    /// Slug of one of the province's 32 comuni, or empty.
    pub comune: String,
    /// `YYYY-MM-DD`, optional.
    pub birth_date: String,
    pub nationality: String,
    pub website: String,
}

/// A job, or a volunteering role (then `employer` is the organisation).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Experience {
    pub role: String,
    pub employer: String,
    pub place: String,
    /// `YYYY-MM`.
    pub from: String,
    /// `YYYY-MM`; ignored when `current`.
    pub to: String,
    pub current: bool,
    pub activities: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Education {
    pub title: String,
    pub institution: String,
    pub place: String,
    /// EQF level 1–8; 0 when not given.
    pub eqf: u8,
    pub from: String,
    pub to: String,
    pub current: bool,
    pub details: String,
}

/// One language other than the mother tongue, self-assessed on the CEFR grid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LanguageSkill {
    pub language: String,
    pub listening: String,
    pub reading: String,
    pub interaction: String,
    pub production: String,
    pub writing: String,
    pub certificates: String,
}

impl LanguageSkill {
    /// The five self-assessed levels, in the grid's order.
    pub fn levels(&self) -> [&str; 5] {
        [
            &self.listening,
            &self.reading,
            &self.interaction,
            &self.production,
            &self.writing,
        ]
    }

    /// The lowest level the person gave on the grid ("" when none):
    /// what a business filtering on "at least B1" may rely on.
    pub fn overall(&self) -> &str {
        self.levels()
            .into_iter()
            .filter(|l| !l.is_empty())
            .min_by_key(|l| cefr_rank(l))
            .unwrap_or("")
    }
}

/// The five DigComp 2.2 areas, each `""`, `base`, `intermedio` or `avanzato`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DigitalSkills {
    pub information: String,
    pub communication: String,
    pub content: String,
    pub safety: String,
    pub problem_solving: String,
    /// Programs and tools, free text ("Excel, gestionali di magazzino").
    pub tools: String,
}

impl DigitalSkills {
    pub fn levels(&self) -> [&str; 5] {
        [
            &self.information,
            &self.communication,
            &self.content,
            &self.safety,
            &self.problem_solving,
        ]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Certification {
    pub name: String,
    pub issuer: String,
    /// `YYYY-MM`.
    pub date: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobWishes {
    /// The jobs wanted, free text ("magazziniere, carrellista").
    pub roles: String,
    /// How far the person will travel from their comune, in km (0: only there).
    pub travel_km: u16,
    /// `YYYY-MM-DD`; empty means available now.
    pub available_from: String,
    /// Codes of `offers::domain::CONTRACTS`.
    pub contracts: Vec<String>,
}

/// A CV as listed in "I miei CV".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvSummary {
    pub id: i64,
    pub name: String,
    pub language: CvLanguage,
    pub updated_at: i64,
    pub visible: bool,
    pub completeness: u8,
}

/// A CV with everything the builder needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvRecord {
    pub id: i64,
    pub name: String,
    pub language: CvLanguage,
    /// Grows by one at every save: a save based on an older revision is refused.
    pub revision: i64,
    pub document: CvDocument,
    pub visible: bool,
    /// Changes when the photo changes (for the preview's address); 0: no photo.
    pub photo_version: i64,
    pub updated_at: i64,
    /// The server's current month (`YYYY-MM`), for the date checks.
    pub today: String,
    /// For a desk operator: whose CV this is, and until when they may edit it.
    pub assisted: Option<super::help::domain::Assisted>,
    /// For the owner: what desk operators changed in it, newest first.
    pub desk_changes: Vec<super::help::domain::DeskChange>,
}

/// The language the CV is written in: its headings and dates follow it.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum CvLanguage {
    #[default]
    It,
    En,
}

crate::stored_as_code!(CvLanguage);

impl CvLanguage {
    pub fn english(self) -> bool {
        self == CvLanguage::En
    }
}

/// The PDF's look: both have the same content in the same order.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Template {
    Europass,
    Moderno,
}

crate::stored_as_code!(Template);

impl Template {
    pub const ALL: [Template; 2] = [Template::Europass, Template::Moderno];

    pub fn label(self) -> Label {
        match self {
            Template::Europass => |l| td_string!(l, cv_domain.europass),
            Template::Moderno => |l| td_string!(l, cv_domain.modern),
        }
    }
}

pub const CEFR_LEVELS: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// 1 for A1 … 6 for C2, 0 for anything else.
pub fn cefr_rank(level: &str) -> u8 {
    CEFR_LEVELS
        .iter()
        .position(|l| *l == level)
        .map_or(0, |i| i as u8 + 1)
}

/// The CEFR self-assessment grid's five columns.
pub const CEFR_SKILLS: [Label; 5] = [
    |l| td_string!(l, cv_domain.listening),
    |l| td_string!(l, cv_domain.reading),
    |l| td_string!(l, cv_domain.spoken_interaction),
    |l| td_string!(l, cv_domain.spoken_production),
    |l| td_string!(l, cv_domain.writing),
];

pub const DIGCOMP_AREAS: [Label; 5] = [
    |l| td_string!(l, cv_domain.information_and_data_literacy),
    |l| td_string!(l, cv_domain.communication_and_collaboration),
    |l| td_string!(l, cv_domain.digital_content_creation),
    |l| td_string!(l, cv_domain.safety),
    |l| td_string!(l, cv_domain.problem_solving),
];

pub const DIGCOMP_LEVELS: [(&str, Label); 3] = [
    ("base", |l| td_string!(l, cv_domain.basic)),
    ("intermedio", |l| td_string!(l, cv_domain.intermediate)),
    ("avanzato", |l| td_string!(l, cv_domain.advanced)),
];

/// EU driving licence categories (Directive 2006/126/EC).
pub const LICENCES: [&str; 14] = [
    "AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE",
];

/// The line Italian employers expect at the end of a CV.
pub const PRIVACY_LINE: Label = |l| td_string!(l, cv_domain.i_authorise_the_processing);

/// The consent a person gives when making a CV visible to businesses.
pub const VISIBILITY_CONSENT: Label = |l| td_string!(l, cv_domain.i_agree_that_verified);

/// The version of the consent text above, recorded with the consent.
pub const VISIBILITY_CONSENT_VERSION: &str = "visibilita-cv-2026-12";

/// `2021-03` (what `<input type="month">` gives) or `03/2021` (what people
/// type where the browser has no month picker) as (2021, 3).
pub fn parse_month(text: &str) -> Option<(i32, u8)> {
    let text = text.trim();
    let (y, m) = match text.split_once('-') {
        Some((y, m)) => (y, m),
        None => {
            let (m, y) = text.split_once('/')?;
            (y, m)
        }
    };
    let (y, m): (i32, u8) = (y.trim().parse().ok()?, m.trim().parse().ok()?);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

/// The month as `YYYY-MM`, or "" when it is not one.
pub fn iso_month(text: &str) -> String {
    parse_month(text).map_or_else(String::new, |(y, m)| format!("{y}-{m:02}"))
}

/// `2021-03` as "marzo 2021" or "March 2021"; other text as it is.
pub fn month_in(text: &str, language: CvLanguage) -> String {
    match parse_month(text) {
        Some((y, m)) => {
            let names = if language.english() {
                MONTHS_EN
            } else {
                MONTHS_IT
            };
            format!("{} {y}", names[usize::from(m) - 1])
        }
        None => text.trim().to_string(),
    }
}

/// "marzo 2021 – in corso", "2019 – 2020", or "" when there is no date.
pub fn period(from: &str, to: &str, current: bool, language: CvLanguage) -> String {
    let from = month_in(from, language);
    let to = if current {
        if language.english() {
            "present".to_string()
        } else {
            "in corso".to_string()
        }
    } else {
        month_in(to, language)
    };
    match (from.is_empty(), to.is_empty()) {
        (true, true) => String::new(),
        (false, true) => from,
        (true, false) => to,
        (false, false) => format!("{from} – {to}"),
    }
}

/// `1990-05-17` as "17/05/1990" (Italian) or "17 May 1990".
pub fn day_in(text: &str, language: CvLanguage) -> String {
    let parts: Vec<&str> = text.trim().splitn(3, '-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (m.parse::<usize>(), d.parse::<u8>()) {
            (Ok(month @ 1..=12), Ok(day)) if language.english() => {
                format!("{day} {} {y}", MONTHS_EN[month - 1])
            }
            (Ok(1..=12), Ok(_)) => format!("{d}/{m}/{y}"),
            _ => text.trim().to_string(),
        },
        _ => text.trim().to_string(),
    }
}

impl CvDocument {
    /// "Mario Rossi", or "" when neither is written.
    pub fn full_name(&self) -> String {
        format!(
            "{} {}",
            self.personal.first_name.trim(),
            self.personal.last_name.trim()
        )
        .trim()
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_the_cv_language() {
        assert_eq!(
            period("2021-03", "", true, CvLanguage::It),
            "marzo 2021 – in corso"
        );
        assert_eq!(
            period("2021-03", "", true, CvLanguage::En),
            "March 2021 – present"
        );
        assert_eq!(
            period("2019-01", "2020-12", false, CvLanguage::It),
            "gennaio 2019 – dicembre 2020"
        );
        assert_eq!(period("", "", false, CvLanguage::It), "");
        assert_eq!(day_in("1990-05-17", CvLanguage::It), "17/05/1990");
        assert_eq!(
            period("3/2021", "", true, CvLanguage::It),
            "marzo 2021 – in corso"
        );
        assert_eq!(iso_month("03/2021"), "2021-03");
        assert_eq!(iso_month("marzo"), "");
        assert_eq!(day_in("1990-05-17", CvLanguage::En), "17 May 1990");
    }

    #[test]
    fn the_overall_language_level_is_the_lowest_given() {
        let skill = LanguageSkill {
            language: "Inglese".into(),
            listening: "B2".into(),
            reading: "C1".into(),
            interaction: "B1".into(),
            production: String::new(),
            writing: "B2".into(),
            certificates: String::new(),
        };
        assert_eq!(skill.overall(), "B1");
        assert_eq!(cefr_rank("C2"), 6);
        assert_eq!(cefr_rank("X"), 0);
    }

    #[test]
    fn an_old_document_without_new_sections_still_reads() {
        let doc: CvDocument =
            serde_json::from_str(r#"{"personal":{"first_name":"Anna"},"headline":"Cuoca"}"#)
                .unwrap();
        assert_eq!(doc.full_name(), "Anna");
        assert!(doc.experience.is_empty());
    }
}
