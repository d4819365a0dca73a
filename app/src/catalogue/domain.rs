//! Courses and thematic meetings as both sides see them: the codes stored in
//! the database and used in URLs, with their Italian and English labels.

use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A free training or retraining course.
    Corso,
    /// A thematic meeting with an agency, association or union.
    Incontro,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Corso => "corso",
            Kind::Incontro => "incontro",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        [Kind::Corso, Kind::Incontro]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// The list page: `/corsi` or `/incontri`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Corso => "/corsi",
            Kind::Incontro => "/incontri",
        }
    }
}

pub const MODES: [(&str, Label); 3] = [
    ("presenza", ("In presenza", "In person")),
    ("online", ("Online", "Online")),
    ("misto", ("Misto (presenza e online)", "Blended")),
];

pub const TARGET_GROUPS: [(&str, Label); 8] = [
    ("tutti", ("Tutti", "Everyone")),
    ("giovani", ("Giovani", "Young people")),
    ("donne", ("Donne", "Women")),
    ("over50", ("Over 50", "Over 50")),
    ("disoccupati", ("Disoccupati", "Unemployed")),
    ("occupati", ("Occupati", "Employed")),
    ("stranieri", ("Stranieri", "Foreign nationals")),
    (
        "disabilita",
        ("Persone con disabilità", "People with disabilities"),
    ),
];

pub const TOPICS: [(&str, Label); 9] = [
    (
        "competenze_digitali",
        ("Competenze digitali", "Digital skills"),
    ),
    (
        "lingue",
        ("Lingue e italiano per stranieri", "Languages and Italian"),
    ),
    (
        "mestieri",
        ("Mestieri e qualifiche", "Trades and qualifications"),
    ),
    (
        "ricerca_lavoro",
        (
            "Cercare lavoro: CV e colloquio",
            "Job search: CV and interview",
        ),
    ),
    (
        "diritti",
        (
            "Diritti e contratti di lavoro",
            "Rights and contracts at work",
        ),
    ),
    ("impresa", ("Creare un'impresa", "Starting a business")),
    ("sicurezza", ("Sicurezza sul lavoro", "Safety at work")),
    (
        "turismo",
        ("Turismo e accoglienza", "Tourism and hospitality"),
    ),
    ("orientamento", ("Orientamento", "Guidance")),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Bozza,
    Pubblicato,
    /// Enrolment closed by the organiser; the activity still takes place.
    Chiuso,
    Annullato,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Bozza => "bozza",
            Status::Pubblicato => "pubblicato",
            Status::Chiuso => "chiuso",
            Status::Annullato => "annullato",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        [
            Status::Bozza,
            Status::Pubblicato,
            Status::Chiuso,
            Status::Annullato,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label(self) -> Label {
        match self {
            Status::Bozza => ("Bozza", "Draft"),
            Status::Pubblicato => ("Iscrizioni aperte", "Open for enrolment"),
            Status::Chiuso => ("Iscrizioni chiuse", "Enrolment closed"),
            Status::Annullato => ("Annullato", "Cancelled"),
        }
    }
}

/// Where an activity stands with the staff's review, when the admin has
/// turned pre-moderation on (`None`: published without review).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    None,
    Waiting,
    Approved,
    Rejected,
}

impl Review {
    pub fn code(self) -> &'static str {
        match self {
            Review::None => "nessuna",
            Review::Waiting => "in_revisione",
            Review::Approved => "approvata",
            Review::Rejected => "respinta",
        }
    }

    pub fn from_code(code: &str) -> Option<Review> {
        [
            Review::None,
            Review::Waiting,
            Review::Approved,
            Review::Rejected,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }

    pub fn label(self) -> Label {
        match self {
            Review::None => ("", ""),
            Review::Waiting => (
                "In revisione dagli operatori",
                "Waiting for the staff's review",
            ),
            Review::Approved => ("Approvata dagli operatori", "Approved by the staff"),
            Review::Rejected => ("Non approvata dagli operatori", "Not approved by the staff"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrolmentStatus {
    Iscritto,
    InAttesa,
    Annullato,
}

impl EnrolmentStatus {
    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Iscritto => "iscritto",
            EnrolmentStatus::InAttesa => "in_attesa",
            EnrolmentStatus::Annullato => "annullato",
        }
    }

    pub fn from_code(code: &str) -> Option<EnrolmentStatus> {
        [
            EnrolmentStatus::Iscritto,
            EnrolmentStatus::InAttesa,
            EnrolmentStatus::Annullato,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label(self) -> Label {
        match self {
            EnrolmentStatus::Iscritto => ("Iscritto", "Enrolled"),
            EnrolmentStatus::InAttesa => ("In lista d'attesa", "On the waiting list"),
            EnrolmentStatus::Annullato => ("Iscrizione annullata", "Cancelled"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub starts_at: i64,
    pub ends_at: i64,
}

/// One line of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivitySummary {
    pub id: i64,
    pub kind: Kind,
    pub title: String,
    pub organiser_name: String,
    pub comune_slug: String,
    pub comune_name: String,
    pub mode: String,
    pub topic: String,
    pub target_groups: Vec<String>,
    pub total_hours: i64,
    pub seats: i64,
    pub enrolled: i64,
    pub status: Status,
    pub review: Review,
    /// The staff's reason, when they rejected it.
    pub review_reason: Option<String>,
    pub first_starts_at: i64,
    pub enrol_closes: i64,
    pub demo: bool,
}

impl ActivitySummary {
    pub fn seats_left(&self) -> i64 {
        (self.seats - self.enrolled).max(0)
    }

    pub fn href(&self) -> String {
        format!("{}/{}", self.kind.path(), self.id)
    }
}

/// The staff's queue of courses and meetings waiting for review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    /// Whether the admin has turned pre-moderation on.
    pub pre_moderation: bool,
    pub waiting: Vec<ActivitySummary>,
}

/// What the signed-in person has to do with an activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyPlace {
    pub status: EnrolmentStatus,
    /// 1 for the first person waiting; `None` unless waiting.
    pub position: Option<i64>,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityDetail {
    pub summary: ActivitySummary,
    pub description: String,
    pub organiser_category: String,
    pub venue: String,
    pub sessions: Vec<Session>,
    pub requirements: String,
    pub certificate: String,
    pub cost_cents: i64,
    pub skills: String,
    pub enrol_opens: i64,
    pub waiting: i64,
    /// `None` for visitors who are not signed in.
    pub viewer: Option<Viewer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    /// Citizens enrol; other roles only read.
    pub can_enrol: bool,
    /// The publisher, operators and the admin manage the roster.
    pub can_manage: bool,
    pub place: Option<MyPlace>,
}

/// The filters of `/corsi` and `/incontri`, as in the URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueFilter {
    pub q: String,
    pub comune: String,
    pub km: String,
    pub topic: String,
    pub target: String,
    pub mode: String,
    pub from: String,
    pub to: String,
}

/// The organisers' form, as typed (checked on the server by `service::parse_activity`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    /// A member body's name (staff only; a body publishes as itself).
    pub organiser: String,
    pub comune: String,
    pub venue: String,
    pub mode: String,
    pub topic: String,
    pub target: String,
    pub sessions: String,
    pub total_hours: String,
    pub seats: String,
    pub enrol_closes: String,
    pub requirements: String,
    pub certificate: String,
    pub cost: String,
    pub skills: String,
    pub publish: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub items: Vec<ActivitySummary>,
    /// Activities per comune slug, for the map and the comune filter.
    pub per_comune: Vec<(String, i64)>,
    /// The server's clock: the month view opens on the current month.
    pub today: i64,
}

/// One person's enrolment, for "I miei corsi e incontri".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyEnrolment {
    pub activity: ActivitySummary,
    pub place: MyPlace,
}

/// One line of an organiser's roster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub status: EnrolmentStatus,
    pub position: Option<i64>,
    pub code: String,
    pub attended: bool,
    pub enrolled_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub activity: ActivitySummary,
    pub entries: Vec<RosterEntry>,
}
