//! Job offers and internships as both sides see them: the codes stored in the
//! database and used in addresses, with Italian and English labels, and the
//! shapes the search and the pages exchange (the search's address in `query`).

use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

mod query;

pub use query::*;

crate::code_list! {
    /// A job offer or an internship.
    pub enum OfferKind in KINDS {
        Lavoro = "lavoro" => offers_domain.job,
        Tirocinio = "tirocinio" => offers_domain.internship,
    }
}

crate::code_list! {
    pub enum Contract in CONTRACTS {
        Indeterminato = "indeterminato" => offers_domain.permanent,
        Determinato = "determinato" => offers_domain.fixed_term,
        Apprendistato = "apprendistato" => offers_domain.apprenticeship,
        Somministrazione = "somministrazione" => offers_domain.agency_work,
        Tirocinio = "tirocinio" => offers_domain.extracurricular_internship,
        Stagionale = "stagionale" => offers_domain.seasonal,
        Collaborazione = "collaborazione" => offers_domain.freelance_collaboration,
    }
}

crate::code_list! {
    pub enum WorkingTime in WORKING_TIMES {
        Pieno = "pieno" => offers_domain.full_time,
        Parziale = "parziale" => offers_domain.part_time,
    }
}

crate::code_list! {
    /// Where the work is done: on site, partly remote, fully remote (then
    /// the offer has no comune).
    pub enum RemoteMode in REMOTE_MODES {
        No = "no" => offers_domain.on_site,
        Ibrido = "ibrido" => offers_domain.hybrid,
        Totale = "totale" => offers_domain.remote,
    }
}

/// ATECO 2007 sections.
pub const SECTORS: [(&str, Label); 21] = [
    ("A", |l| {
        td_string!(l, offers_domain.agriculture_forestry_and_fishing)
    }),
    ("B", |l| td_string!(l, offers_domain.mining_and_quarrying)),
    ("C", |l| td_string!(l, offers_domain.manufacturing)),
    ("D", |l| td_string!(l, offers_domain.electricity_and_gas)),
    ("E", |l| td_string!(l, offers_domain.water_supply_and_waste)),
    ("F", |l| td_string!(l, offers_domain.construction)),
    ("G", |l| {
        td_string!(l, offers_domain.wholesale_and_retail_trade)
    }),
    ("H", |l| td_string!(l, offers_domain.transport_and_storage)),
    ("I", |l| {
        td_string!(l, offers_domain.accommodation_and_food_services)
    }),
    ("J", |l| {
        td_string!(l, offers_domain.information_and_communication)
    }),
    ("K", |l| td_string!(l, offers_domain.finance_and_insurance)),
    ("L", |l| td_string!(l, offers_domain.real_estate)),
    ("M", |l| {
        td_string!(l, offers_domain.professional_scientific_and_technical)
    }),
    ("N", |l| {
        td_string!(l, offers_domain.administrative_and_support_services)
    }),
    ("O", |l| td_string!(l, offers_domain.public_administration)),
    ("P", |l| td_string!(l, offers_domain.education)),
    ("Q", |l| td_string!(l, offers_domain.health_and_social_work)),
    ("R", |l| {
        td_string!(l, offers_domain.arts_sport_and_entertainment)
    }),
    ("S", |l| td_string!(l, offers_domain.other_services)),
    ("T", |l| {
        td_string!(l, offers_domain.households_as_employers)
    }),
    ("U", |l| {
        td_string!(l, offers_domain.extraterritorial_organisations)
    }),
];

/// ISTAT CP2021 major groups.
pub const PROFESSIONS: [(&str, Label); 9] = [
    ("1", |l| {
        td_string!(l, offers_domain.managers_and_entrepreneurs)
    }),
    ("2", |l| td_string!(l, offers_domain.professionals)),
    ("3", |l| td_string!(l, offers_domain.technicians)),
    ("4", |l| td_string!(l, offers_domain.clerical_workers)),
    ("5", |l| {
        td_string!(l, offers_domain.sales_and_service_workers)
    }),
    ("6", |l| {
        td_string!(l, offers_domain.craft_and_skilled_workers)
    }),
    ("7", |l| {
        td_string!(l, offers_domain.plant_and_machine_operators)
    }),
    ("8", |l| td_string!(l, offers_domain.elementary_occupations)),
    ("9", |l| td_string!(l, offers_domain.armed_forces)),
];

/// Required education as an EQF level; 0 means none required.
pub const EDUCATION: [(&str, Label); 9] = [
    ("0", |l| {
        td_string!(l, offers_domain.no_qualification_required)
    }),
    ("1", |l| td_string!(l, offers_domain.lower_secondary_eqf_1)),
    ("2", |l| {
        td_string!(l, offers_domain.compulsory_schooling_eqf_2)
    }),
    ("3", |l| {
        td_string!(l, offers_domain.vocational_qualification_eqf_3)
    }),
    ("4", |l| {
        td_string!(l, offers_domain.upper_secondary_diploma_eqf)
    }),
    ("5", |l| {
        td_string!(l, offers_domain.higher_technical_diploma_eqf)
    }),
    ("6", |l| td_string!(l, offers_domain.bachelors_degree_eqf_6)),
    ("7", |l| td_string!(l, offers_domain.masters_degree_eqf_7)),
    ("8", |l| td_string!(l, offers_domain.doctorate_eqf_8)),
];

/// "Pubblicate da": posted within this many days.
pub const POSTED_WITHIN: [(&str, Label); 3] = [
    ("1", |l| td_string!(l, offers_domain.in_the_last_24)),
    ("7", |l| td_string!(l, offers_domain.in_the_last_week)),
    ("30", |l| td_string!(l, offers_domain.in_the_last_month)),
];

pub const SORTS: [(&str, Label); 3] = [
    ("rilevanza", |l| td_string!(l, offers_domain.most_relevant)),
    ("recenti", |l| td_string!(l, offers_domain.newest)),
    ("vicine", |l| td_string!(l, offers_domain.nearest)),
];

/// How many results a page of the search shows.
pub const PAGE_SIZE: usize = 20;
/// An offer stays published at most this long.
pub const MAX_DAYS: i64 = 90;

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
pub enum Status {
    Bozza,
    /// Submitted: waits for an operator.
    Revisione,
    Pubblicata,
    Scaduta,
    /// The publisher found the people they needed.
    Coperta,
    Ritirata,
}

crate::stored_as_code!(Status);

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Bozza,
        Status::Revisione,
        Status::Pubblicata,
        Status::Scaduta,
        Status::Coperta,
        Status::Ritirata,
    ];

    pub fn label(self) -> Label {
        match self {
            Status::Bozza => |l| td_string!(l, offers_domain.draft),
            Status::Revisione => |l| td_string!(l, offers_domain.under_review),
            Status::Pubblicata => |l| td_string!(l, offers_domain.published),
            Status::Scaduta => |l| td_string!(l, offers_domain.expired),
            Status::Coperta => |l| td_string!(l, offers_domain.filled),
            Status::Ritirata => |l| td_string!(l, offers_domain.withdrawn),
        }
    }

    /// The publisher may still change the text.
    pub fn editable(self) -> bool {
        matches!(self, Status::Bozza)
    }
}

/// One result of the search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    pub id: i64,
    pub kind: OfferKind,
    pub title: String,
    pub organisation: String,
    /// Empty for a fully remote offer.
    pub comune_slug: String,
    pub comune_name: String,
    pub remote: RemoteMode,
    pub contract: Contract,
    pub working_time: WorkingTime,
    pub published_at: i64,
    pub expires_at: i64,
    pub snippet: String,
    /// From the chosen comune, when there is one.
    pub distance_km: Option<f64>,
    pub demo: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: usize,
    pub items: Vec<OfferSummary>,
    pub page: usize,
    pub pages: usize,
    /// Counts for the current search with every filter but the facet's own.
    pub per_comune: Vec<(String, i64)>,
    pub per_kind: Vec<(String, i64)>,
    pub per_contract: Vec<(String, i64)>,
    /// Remote offers (no comune) that match: shown beside the map.
    pub remote_only: i64,
    /// Who is searching: saved searches are for signed-in citizens.
    pub viewer: Viewer,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    #[default]
    Visitor,
    Citizen,
    /// Any other signed-in role.
    Other,
}

/// Everything about one offer, for its page and its JSON-LD.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferDetail {
    pub summary: OfferSummary,
    pub status: Status,
    pub description: String,
    pub address: String,
    pub postal_code: String,
    pub sector: String,
    pub profession: String,
    pub education: i64,
    pub languages: String,
    pub licence: String,
    pub pay_min: Option<i64>,
    pub pay_max: Option<i64>,
    pub positions: i64,
    pub review_reason: String,
    /// The publisher or staff: may edit, submit, withdraw.
    pub can_manage: bool,
    /// schema.org `JobPosting` for search engines (built on the server).
    pub json_ld: String,
}

/// The publishers' form, as typed (checked on the server).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferInput {
    /// Empty for a new offer.
    pub id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    /// Staff only: the business or body the offer is for.
    pub organisation: String,
    pub comune: String,
    pub address: String,
    pub remote: String,
    pub sector: String,
    pub profession: String,
    pub contract: String,
    pub working_time: String,
    pub education: String,
    pub languages: String,
    pub licence: String,
    pub pay_min: String,
    pub pay_max: String,
    pub positions: String,
    pub expires_on: String,
    /// `bozza` saves a draft; `revisione` submits it.
    pub action: String,
}

/// One offer in a publisher's list or the moderation queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ManagedOffer {
    pub id: i64,
    pub title: String,
    pub kind: OfferKind,
    pub organisation: String,
    pub comune_name: String,
    pub status: Status,
    pub review_reason: String,
    pub updated_at: i64,
    pub expires_at: i64,
}

/// A saved search, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedSearch {
    pub id: i64,
    pub label: String,
    pub href: String,
    /// Offers published since the last digest.
    pub new_offers: i64,
}
