//! Orientation: the questionnaire's answers, the rules staff edit, and the
//! personal path the rules make of the answers. Shared by browser and server.

use crate::catalogue::domain::ActivitySummary;
use crate::i18n::td_string;
use crate::offers::domain::{query_string, OfferSummary};
use serde::{Deserialize, Serialize};

/// (code, (Italian, English)).
use crate::kernel::labels::Label;

pub const SITUATIONS: [(&str, Label); 4] = [
    ("primo_lavoro", |l| {
        td_string!(l, orientation_domain.i_am_looking_for)
    }),
    ("perso_lavoro", |l| {
        td_string!(l, orientation_domain.i_have_lost_my)
    }),
    ("cambio", |l| td_string!(l, orientation_domain.i_work_but_i)),
    ("rientro", |l| {
        td_string!(l, orientation_domain.i_am_going_back)
    }),
];

/// Age bands: asked only to point to programmes with age limits.
pub const AGE_BANDS: [(&str, Label); 3] = [
    ("15_29", |l| td_string!(l, orientation_domain.n15_to_29)),
    ("30_49", |l| td_string!(l, orientation_domain.n30_to_49)),
    ("50_piu", |l| td_string!(l, orientation_domain.n50_or_over)),
];

pub const TRAVEL: [(&str, Label); 3] = [
    ("auto", |l| {
        td_string!(l, orientation_domain.by_car_or_motorbike)
    }),
    ("mezzi", |l| {
        td_string!(l, orientation_domain.by_public_transport)
    }),
    ("piedi", |l| td_string!(l, orientation_domain.on_foot_or_by)),
];

pub const DISTANCES: [&str; 5] = ["5", "10", "15", "25", "50"];

pub const ITALIAN: [(&str, Label); 3] = [
    ("madrelingua", |l| {
        td_string!(l, orientation_domain.it_is_my_language)
    }),
    ("buono", |l| {
        td_string!(l, orientation_domain.i_speak_it_well)
    }),
    ("da_migliorare", |l| {
        td_string!(l, orientation_domain.i_would_like_a)
    }),
];

pub const BUSINESS: [(&str, Label); 3] = [
    ("no", |l| td_string!(l, orientation_domain.no)),
    ("forse", |l| {
        td_string!(l, orientation_domain.i_am_thinking_about)
    }),
    ("si", |l| td_string!(l, orientation_domain.yes)),
];

/// Education levels asked (EQF), a subset of the offers' list people recognise.
pub const EDUCATION: [(&str, Label); 7] = [
    ("1", |l| {
        td_string!(l, orientation_domain.lower_secondary_school)
    }),
    ("3", |l| {
        td_string!(l, orientation_domain.vocational_qualification)
    }),
    ("4", |l| {
        td_string!(l, orientation_domain.upper_secondary_diploma)
    }),
    ("5", |l| {
        td_string!(l, orientation_domain.higher_technical_diploma_its)
    }),
    ("6", |l| td_string!(l, orientation_domain.bachelors_degree)),
    ("7", |l| td_string!(l, orientation_domain.masters_degree)),
    ("8", |l| td_string!(l, orientation_domain.doctorate)),
];

/// The most sectors one person picks.
pub const MAX_SECTORS: usize = 3;

/// The questionnaire as typed (query parameters of `/orientamento/percorso`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub situazione: String,
    pub eta: String,
    pub istruzione: String,
    pub comune: String,
    pub mezzo: String,
    pub km: String,
    /// ATECO sections (`settore` may repeat).
    pub settore: Vec<String>,
    pub italiano: String,
    pub impresa: String,
}

impl Answers {
    /// The address of the path for these answers; empty answers are left out.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![
            ("situazione", &self.situazione),
            ("eta", &self.eta),
            ("istruzione", &self.istruzione),
            ("comune", &self.comune),
            ("mezzo", &self.mezzo),
            ("km", &self.km),
        ];
        pairs.extend(self.settore.iter().map(|s| ("settore", s.as_str())));
        pairs.extend([
            ("italiano", self.italiano.as_str()),
            ("impresa", &self.impresa),
        ]);
        query_string(pairs)
    }

    /// The answers in an address's query (`settore` may repeat; unknown keys are ignored).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Answers {
        let mut a = Answers::default();
        for (key, value) in pairs {
            let field = match key {
                "settore" => {
                    if !value.is_empty() && !a.settore.contains(&value) {
                        a.settore.push(value);
                    }
                    continue;
                }
                "situazione" => &mut a.situazione,
                "eta" => &mut a.eta,
                "istruzione" => &mut a.istruzione,
                "comune" => &mut a.comune,
                "mezzo" => &mut a.mezzo,
                "km" => &mut a.km,
                "italiano" => &mut a.italiano,
                "impresa" => &mut a.impresa,
                _ => continue,
            };
            *field = value;
        }
        a
    }

    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }
}

/// When a rule applies: each list names the answers it accepts, an empty list
/// accepts any answer (including none). Education bounds are inclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Condition {
    pub situazione: Vec<String>,
    pub eta: Vec<String>,
    pub mezzo: Vec<String>,
    pub italiano: Vec<String>,
    pub impresa: Vec<String>,
    pub istruzione_min: Option<u8>,
    pub istruzione_max: Option<u8>,
}

/// What a rule adds to the path.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AdviceKind {
    /// The member bodies of a category (`target` = category code).
    Ente,
    /// Courses nearby (`target` = filter, e.g. `topic=lingue`).
    Corsi,
    /// Thematic meetings nearby (`target` = filter).
    Incontri,
    /// Offers nearby in the chosen sectors (`target` = filter, e.g. `tipo=tirocinio`).
    Offerte,
    /// A programme (`target` = its address).
    Programma,
    /// A next step on the portal (`target` = an address on the portal).
    Passo,
}

crate::stored_as_code!(AdviceKind);

impl AdviceKind {
    pub const ALL: [AdviceKind; 6] = [
        AdviceKind::Ente,
        AdviceKind::Corsi,
        AdviceKind::Incontri,
        AdviceKind::Offerte,
        AdviceKind::Programma,
        AdviceKind::Passo,
    ];

    pub fn label(self) -> Label {
        match self {
            AdviceKind::Ente => |l| td_string!(l, orientation_domain.member_bodies_of_a),
            AdviceKind::Corsi => |l| td_string!(l, orientation_domain.courses_nearby),
            AdviceKind::Incontri => |l| td_string!(l, orientation_domain.meetings_nearby),
            AdviceKind::Offerte => |l| td_string!(l, orientation_domain.offers_nearby),
            AdviceKind::Programma => |l| td_string!(l, orientation_domain.a_programme),
            AdviceKind::Passo => |l| td_string!(l, orientation_domain.a_step_on_the),
        }
    }
}

/// What a rule says: when it applies, what it adds, and where in the path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleContent {
    pub position: i64,
    pub when: Condition,
    pub kind: AdviceKind,
    pub target: String,
    pub title: String,
    pub reason: String,
}

/// One rule as stored. Staff edit these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub id: i64,
    /// Stable name of a shipped rule (`staff-…` for rules staff added).
    pub code: String,
    pub active: bool,
    #[serde(flatten)]
    pub content: RuleContent,
}

/// A member body, as the path shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyLink {
    pub name: String,
    pub href: String,
}

/// One piece of advice of the path, with what it found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub kind: AdviceKind,
    pub title: String,
    pub reason: String,
    /// Where "see all" or the step leads.
    pub href: String,
    pub bodies: Vec<BodyLink>,
    pub activities: Vec<ActivitySummary>,
    pub offers: Vec<OfferSummary>,
    /// How many offers or activities match in all (more than are listed).
    pub total: usize,
}

/// Who is looking at a path, and whether it is theirs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PathViewer {
    #[default]
    Visitor,
    /// A citizen; `saved` when these answers are the ones they keep.
    Citizen {
        saved: bool,
    },
    Other,
}

/// The personal path: the answers it was made of, and the advice in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrientationPath {
    pub answers: Answers,
    pub comune_name: String,
    pub km: u32,
    pub advice: Vec<Advice>,
    pub viewer: PathViewer,
}

/// `None` when a citizen has nothing saved yet (or a visitor asks).
pub type SavedAnswers = Option<Answers>;

/// The label of `code` in `list`, in the page's language.
pub fn label_of(list: &[(&str, Label)], code: &str, english: bool) -> Option<&'static str> {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, label)| crate::kernel::labels::pick(*label, english))
}
