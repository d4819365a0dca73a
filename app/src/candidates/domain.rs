//! Candidate profiles as businesses see them: blind by design. D.Lgs.
//! 276/2003 art. 10 forbids selecting on age, sex, nationality, beliefs,
//! union membership, health or family, so none of these types carries a
//! name, photo, birth date, nationality or contact: only `Contacts`, given
//! after the candidate accepts a business's request.

use crate::cv::domain::{CvLanguage, LanguageSkill};
use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// Profiles a business may open in a day (against scraping).
pub const DAILY_VIEWS: i64 = 200;
pub const PAGE_SIZE: usize = 20;

/// The search of `/imprese/candidati`, every field a URL parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CandidateQuery {
    /// Skills, roles, anything in the profile.
    pub q: String,
    /// Where the job is (a comune's slug).
    pub comune: String,
    /// Radius around it; a candidate must also be willing to travel that far.
    pub km: String,
    /// A language and the least CEFR level wanted in it.
    pub lingua: String,
    pub livello: String,
    pub patente: String,
    /// The least EQF level.
    pub istruzione: String,
    /// Available by this date (`YYYY-MM-DD`).
    pub disponibile: String,
    /// The least years of work experience.
    pub esperienza: String,
    pub contratto: String,
    /// `rilevanza` (default) or `recenti`.
    pub ordina: String,
    pub pagina: String,
}

impl CandidateQuery {
    pub fn page(&self) -> usize {
        self.pagina.parse::<usize>().unwrap_or(1).max(1)
    }

    /// The query string of this search, empty fields left out.
    pub fn to_query_string(&self) -> String {
        [
            ("q", &self.q),
            ("comune", &self.comune),
            ("km", &self.km),
            ("lingua", &self.lingua),
            ("livello", &self.livello),
            ("patente", &self.patente),
            ("istruzione", &self.istruzione),
            ("disponibile", &self.disponibile),
            ("esperienza", &self.esperienza),
            ("contratto", &self.contratto),
            ("ordina", &self.ordina),
            ("pagina", &self.pagina),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", crate::offers::domain::encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// A profile in the results: what the job needs, nothing of who the person is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateCard {
    pub id: i64,
    pub headline: String,
    pub roles: String,
    pub comune_name: String,
    pub travel_km: u16,
    /// From the searched comune, when there is one.
    pub distance_km: Option<f64>,
    /// `YYYY-MM-DD`; empty: now. Kept for the search's filter and never
    /// sent: a business reads `available_in_weeks`, no date.
    #[serde(skip)]
    pub available_from: String,
    /// Weeks until the person can start, 0 = now: counted when answered.
    pub available_in_weeks: u16,
    pub contracts: Vec<String>,
    /// (language, lowest level on the grid)
    pub languages: Vec<(String, String)>,
    pub licences: Vec<String>,
    pub education_level: u8,
    pub years: u8,
    pub updated_at: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CandidateResults {
    pub total: usize,
    pub items: Vec<CandidateCard>,
    pub page: usize,
    pub pages: usize,
    /// Facets for the current search: (code, count).
    pub per_comune: Vec<(String, i64)>,
    pub per_licence: Vec<(String, i64)>,
    pub per_contract: Vec<(String, i64)>,
    /// Profiles this business may still open today.
    pub views_left: i64,
}

/// A job, a course of study, a certificate or a voluntary role on a blind
/// profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlindEntry {
    /// How long ("14 anni", "in corso · 8 mesi"), never when: dates tell
    /// a person's age (D.Lgs. 276/2003 art. 10).
    pub duration: String,
    pub title: String,
    pub subtitle: String,
    pub lines: Vec<String>,
}

/// What a business finds at a profile's address: the profile once it has
/// opened it today (a POST, `open_candidate`), else how many it may still
/// open, so that a link from elsewhere cannot spend its day's openings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CandidateView {
    Closed { views_left: i64 },
    Open(Box<CandidateProfile>),
}

/// A whole profile, as a business opens it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateProfile {
    pub card: CandidateCard,
    pub cv_language: CvLanguage,
    pub profile: String,
    pub experience: Vec<BlindEntry>,
    pub education: Vec<BlindEntry>,
    /// The languages learnt, on the CEFR grid. A mother tongue is not named
    /// (it points to origin); Italian as one shows in the card as C2.
    pub language_grid: Vec<LanguageSkill>,
    /// (DigComp area, level)
    pub digital: Vec<(String, String)>,
    pub digital_tools: String,
    pub own_vehicle: bool,
    pub other_skills: String,
    pub certifications: Vec<BlindEntry>,
    pub volunteering: Vec<BlindEntry>,
    pub interests: String,
    /// This business's request to the candidate, if any.
    pub request: Option<RequestState>,
    /// Given only once the candidate accepted this business's request.
    pub contacts: Option<Contacts>,
    /// This business's shortlists, and whether the profile is on each.
    pub shortlists: Vec<(i64, String, bool)>,
    /// The business's published offers, to attach to a request (id, title).
    pub offers: Vec<(i64, String)>,
}

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
pub enum RequestState {
    #[strum(serialize = "in_attesa")]
    Pending,
    #[strum(serialize = "accettata")]
    Accepted,
    #[strum(serialize = "rifiutata")]
    Declined,
}

crate::stored_as_code!(RequestState);

impl RequestState {
    pub fn label(self) -> Label {
        match self {
            RequestState::Pending => |l| td_string!(l, candidates_domain.waiting_for_an_answer),
            RequestState::Accepted => |l| td_string!(l, candidates_domain.accepted),
            RequestState::Declined => |l| td_string!(l, candidates_domain.declined),
        }
    }
}

/// Who the candidate is: only after they accepted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contacts {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    /// The CV as a PDF, for the business.
    pub cv_href: String,
}

/// A business's named list of profiles, with its private notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shortlist {
    pub id: i64,
    pub name: String,
    pub entries: Vec<ShortlistEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShortlistEntry {
    pub cv_id: i64,
    /// `None` once the candidate hid the profile.
    pub card: Option<CandidateCard>,
    pub note: String,
    pub added_at: i64,
}

/// What the candidate sees of businesses' interest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyVisibility {
    /// The visible CV, if any (id, name).
    pub visible_cv: Option<(i64, String)>,
    /// (organisation, when)
    pub views: Vec<(String, i64)>,
    pub requests: Vec<IncomingRequest>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncomingRequest {
    pub id: i64,
    pub organisation: String,
    pub message: String,
    /// The offer attached to the request (id, title).
    pub offer: Option<(i64, String)>,
    pub state: RequestState,
    pub sent_at: i64,
}
