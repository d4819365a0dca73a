//! Applications to offers as both sides see them.

use crate::cv::domain::{CvDocument, CvLanguage, LetterDocument};
use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// Where the publisher has got with an application.
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
pub enum Stage {
    Ricevuta,
    InEsame,
    Colloquio,
    NonSelezionata,
    Assunta,
}

crate::stored_as_code!(Stage);

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Ricevuta,
        Stage::InEsame,
        Stage::Colloquio,
        Stage::NonSelezionata,
        Stage::Assunta,
    ];

    pub fn label(self) -> Label {
        match self {
            Stage::Ricevuta => |l| td_string!(l, applications_domain.received),
            Stage::InEsame => |l| td_string!(l, applications_domain.in_review),
            Stage::Colloquio => |l| td_string!(l, applications_domain.interview),
            Stage::NonSelezionata => |l| td_string!(l, applications_domain.not_selected),
            Stage::Assunta => |l| td_string!(l, applications_domain.hired),
        }
    }

    /// The last word on an application: it moves no further.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::NonSelezionata | Stage::Assunta)
    }
}

/// One of my applications, as the citizen sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct MyApplication {
    pub id: i64,
    pub offer_id: i64,
    pub offer_title: String,
    pub organisation: String,
    pub stage: Stage,
    pub sent_at: i64,
    pub updated_at: i64,
}

/// An application as the offer's publisher sees it: the applicant agreed to
/// be contacted by applying, so name and contacts are there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceivedApplication {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub message: String,
    pub stage: Stage,
    pub sent_at: i64,
    pub cv_language: CvLanguage,
    pub cv: CvDocument,
    pub has_photo: bool,
    /// The cover letter sent with it, if one was.
    pub letter: Option<LetterDocument>,
}

/// The applications to one offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Received {
    pub offer_id: i64,
    pub offer_title: String,
    pub applications: Vec<ReceivedApplication>,
}

/// Whether, and how, the person looking at an offer can apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ApplyState {
    /// Not signed in as a citizen.
    NotACitizen { signed_in: bool },
    /// A citizen without a CV yet.
    NoCv,
    /// A citizen who may apply with one of these CVs (id, name), and one of
    /// these cover letters (id, subject) if they like; the one written for
    /// this offer first.
    Ready {
        cvs: Vec<(i64, String)>,
        letters: Vec<(i64, String)>,
        letter_for_offer: Option<i64>,
    },
    /// Already applied.
    Applied { stage: Stage, sent_at: i64 },
}
