//! Courses and thematic meetings as both sides see them: the codes stored in
//! the database and used in URLs, with their Italian and English labels.

use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// A free training or retraining course.
    Corso,
    /// A thematic meeting with an agency, association or union.
    Incontro,
}

crate::stored_as_code!(Kind);

impl Kind {
    /// The list page: `/corsi` or `/incontri`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Corso => "/corsi",
            Kind::Incontro => "/incontri",
        }
    }
}

crate::code_list! {
    /// How an activity takes place.
    pub enum Mode in MODES {
        Presenza = "presenza" => catalogue_domain.in_person,
        Online = "online" => catalogue_domain.online,
        Misto = "misto" => catalogue_domain.blended,
    }
}

pub const TARGET_GROUPS: [(&str, Label); 8] = [
    ("tutti", |l| td_string!(l, catalogue_domain.everyone)),
    ("giovani", |l| td_string!(l, catalogue_domain.young_people)),
    ("donne", |l| td_string!(l, catalogue_domain.women)),
    ("over50", |l| td_string!(l, catalogue_domain.over_50)),
    ("disoccupati", |l| {
        td_string!(l, catalogue_domain.unemployed)
    }),
    ("occupati", |l| td_string!(l, catalogue_domain.employed)),
    ("stranieri", |l| {
        td_string!(l, catalogue_domain.foreign_nationals)
    }),
    ("disabilita", |l| {
        td_string!(l, catalogue_domain.people_with_disabilities)
    }),
];

crate::code_list! {
    pub enum Topic in TOPICS {
        CompetenzeDigitali = "competenze_digitali" => catalogue_domain.digital_skills,
        Lingue = "lingue" => catalogue_domain.languages_and_italian,
        Mestieri = "mestieri" => catalogue_domain.trades_and_qualifications,
        RicercaLavoro = "ricerca_lavoro" => catalogue_domain.job_search_cv_and,
        Diritti = "diritti" => catalogue_domain.rights_and_contracts_at,
        Impresa = "impresa" => catalogue_domain.starting_a_business,
        Sicurezza = "sicurezza" => catalogue_domain.safety_at_work,
        Turismo = "turismo" => catalogue_domain.tourism_and_hospitality,
        Orientamento = "orientamento" => catalogue_domain.guidance,
    }
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
pub enum Status {
    Bozza,
    Pubblicato,
    /// Enrolment closed by the organiser; the activity still takes place.
    Chiuso,
    Annullato,
}

crate::stored_as_code!(Status);

impl Status {
    pub fn label(self) -> Label {
        match self {
            Status::Bozza => |l| td_string!(l, catalogue_domain.draft),
            Status::Pubblicato => |l| td_string!(l, catalogue_domain.open_for_enrolment),
            Status::Chiuso => |l| td_string!(l, catalogue_domain.enrolment_closed),
            Status::Annullato => |l| td_string!(l, catalogue_domain.cancelled),
        }
    }
}

/// Where an activity stands with the staff's review, when the admin has
/// turned pre-moderation on (`None`: published without review).
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
pub enum Review {
    #[strum(serialize = "nessuna")]
    None,
    #[strum(serialize = "in_revisione")]
    Waiting,
    #[strum(serialize = "approvata")]
    Approved,
    #[strum(serialize = "respinta")]
    Rejected,
}

crate::stored_as_code!(Review);

impl Review {
    pub fn label(self) -> Label {
        match self {
            Review::None => |_| "",
            Review::Waiting => |l| td_string!(l, catalogue_domain.waiting_for_the_staffs),
            Review::Approved => |l| td_string!(l, catalogue_domain.approved_by_the_staff),
            Review::Rejected => |l| td_string!(l, catalogue_domain.not_approved_by_the),
        }
    }
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
pub enum EnrolmentStatus {
    Iscritto,
    InAttesa,
    Annullato,
}

crate::stored_as_code!(EnrolmentStatus);

impl EnrolmentStatus {
    pub fn label(self) -> Label {
        match self {
            EnrolmentStatus::Iscritto => |l| td_string!(l, catalogue_domain.enrolled),
            EnrolmentStatus::InAttesa => |l| td_string!(l, catalogue_domain.on_the_waiting_list),
            EnrolmentStatus::Annullato => |l| td_string!(l, catalogue_domain.cancelled_2),
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
    pub mode: Mode,
    pub topic: Topic,
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
    /// What taking part costs, in cents: 0 is free.
    pub cost_cents: i64,
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
