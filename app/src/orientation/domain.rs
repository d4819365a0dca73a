//! Orientation: the questionnaire's answers, the rules staff edit, and the
//! personal path the rules make of the answers. Shared by browser and server.

use crate::catalogue::domain::ActivitySummary;
use crate::offers::domain::{query_string, OfferSummary};
use serde::{Deserialize, Serialize};

/// (code, (Italian, English)).
use crate::kernel::labels::Label;

pub const SITUATIONS: [(&str, Label); 4] = [
    (
        "primo_lavoro",
        ("Cerco il mio primo lavoro", "I am looking for my first job"),
    ),
    ("perso_lavoro", ("Ho perso il lavoro", "I have lost my job")),
    (
        "cambio",
        (
            "Lavoro, ma cerco qualcosa di diverso",
            "I work, but I am looking for a change",
        ),
    ),
    (
        "rientro",
        (
            "Torno a lavorare dopo una pausa",
            "I am going back to work after a break",
        ),
    ),
];

/// Age bands: asked only to point to programmes with age limits.
pub const AGE_BANDS: [(&str, Label); 3] = [
    ("15_29", ("Da 15 a 29 anni", "15 to 29")),
    ("30_49", ("Da 30 a 49 anni", "30 to 49")),
    ("50_piu", ("50 anni o più", "50 or over")),
];

pub const TRAVEL: [(&str, Label); 3] = [
    ("auto", ("In auto o in moto", "By car or motorbike")),
    ("mezzi", ("Con i mezzi pubblici", "By public transport")),
    ("piedi", ("A piedi o in bicicletta", "On foot or by bike")),
];

pub const DISTANCES: [&str; 5] = ["5", "10", "15", "25", "50"];

pub const ITALIAN: [(&str, Label); 3] = [
    ("madrelingua", ("È la mia lingua", "It is my language")),
    ("buono", ("Lo parlo bene", "I speak it well")),
    (
        "da_migliorare",
        (
            "Vorrei migliorarlo con un corso",
            "I would like a course to improve it",
        ),
    ),
];

pub const BUSINESS: [(&str, Label); 3] = [
    ("no", ("No", "No")),
    ("forse", ("Ci sto pensando", "I am thinking about it")),
    ("si", ("Sì", "Yes")),
];

/// Education levels asked (EQF), a subset of the offers' list people recognise.
pub const EDUCATION: [(&str, Label); 7] = [
    ("1", ("Licenza media", "Lower secondary school")),
    ("3", ("Qualifica professionale", "Vocational qualification")),
    (
        "4",
        ("Diploma di scuola superiore", "Upper secondary diploma"),
    ),
    ("5", ("Diploma ITS", "Higher technical diploma (ITS)")),
    ("6", ("Laurea triennale", "Bachelor's degree")),
    ("7", ("Laurea magistrale", "Master's degree")),
    ("8", ("Dottorato", "Doctorate")),
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

impl AdviceKind {
    pub const ALL: [AdviceKind; 6] = [
        AdviceKind::Ente,
        AdviceKind::Corsi,
        AdviceKind::Incontri,
        AdviceKind::Offerte,
        AdviceKind::Programma,
        AdviceKind::Passo,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AdviceKind::Ente => "ente",
            AdviceKind::Corsi => "corsi",
            AdviceKind::Incontri => "incontri",
            AdviceKind::Offerte => "offerte",
            AdviceKind::Programma => "programma",
            AdviceKind::Passo => "passo",
        }
    }

    pub fn from_code(code: &str) -> Option<AdviceKind> {
        AdviceKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Label {
        match self {
            AdviceKind::Ente => (
                "Enti della Rete di una categoria",
                "Member bodies of a category",
            ),
            AdviceKind::Corsi => ("Corsi vicini", "Courses nearby"),
            AdviceKind::Incontri => ("Incontri vicini", "Meetings nearby"),
            AdviceKind::Offerte => ("Offerte vicine", "Offers nearby"),
            AdviceKind::Programma => ("Un programma", "A programme"),
            AdviceKind::Passo => ("Un passo sul portale", "A step on the portal"),
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
        .map(|(_, (it, en))| if english { *en } else { *it })
}
