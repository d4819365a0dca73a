//! The cover letter (lettera di presentazione): a few guided paragraphs in
//! the CV's language, written from one of the person's CVs and, when it
//! answers an offer, from the offer. Stored as one JSON document, like the CV.

use super::super::domain::CvLanguage;
use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// What the person writes; every part is plain text, lines kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LetterDocument {
    /// Name, address, phone and email, one per line.
    pub sender: String,
    /// The business, and the office or person, one per line.
    pub recipient: String,
    /// Where the letter is written from ("La Spezia"), before its date.
    pub place: String,
    pub subject: String,
    pub who_i_am: String,
    pub why_this_job: String,
    pub what_i_bring: String,
    pub availability: String,
    /// The greeting and the signature.
    pub closing: String,
}

#[cfg(feature = "ssr")]
impl TryFrom<String> for LetterDocument {
    type Error = serde_json::Error;
    fn try_from(json: String) -> Result<Self, Self::Error> {
        serde_json::from_str(&json)
    }
}

/// One part of the letter as the editor shows it: the form field, its
/// label, a line of advice and an example in plain words.
pub struct Part {
    pub field: &'static str,
    pub label: Label,
    pub hint: Label,
    /// An example to read (none for the addresses).
    pub example: Option<Label>,
    pub rows: u8,
    /// The most characters it may hold.
    pub max: usize,
}

/// The parts in the letter's order.
pub static PARTS: [Part; 9] = [
    Part {
        field: "sender",
        label: |l| td_string!(l, cv_letter_domain.sender),
        hint: |l| td_string!(l, cv_letter_domain.sender_hint),
        example: None,
        rows: 4,
        max: 300,
    },
    Part {
        field: "recipient",
        label: |l| td_string!(l, cv_letter_domain.recipient),
        hint: |l| td_string!(l, cv_letter_domain.recipient_hint),
        example: None,
        rows: 3,
        max: 300,
    },
    Part {
        field: "place",
        label: |l| td_string!(l, cv_letter_domain.place),
        hint: |l| td_string!(l, cv_letter_domain.place_hint),
        example: None,
        rows: 1,
        max: 60,
    },
    Part {
        field: "subject",
        label: |l| td_string!(l, cv_letter_domain.subject),
        hint: |l| td_string!(l, cv_letter_domain.subject_hint),
        example: None,
        rows: 2,
        max: 200,
    },
    Part {
        field: "who_i_am",
        label: |l| td_string!(l, cv_letter_domain.who_i_am),
        hint: |l| td_string!(l, cv_letter_domain.who_i_am_hint),
        example: Some(|l| td_string!(l, cv_letter_domain.who_i_am_example)),
        rows: 5,
        max: 1200,
    },
    Part {
        field: "why_this_job",
        label: |l| td_string!(l, cv_letter_domain.why_this_job),
        hint: |l| td_string!(l, cv_letter_domain.why_this_job_hint),
        example: Some(|l| td_string!(l, cv_letter_domain.why_this_job_example)),
        rows: 5,
        max: 1200,
    },
    Part {
        field: "what_i_bring",
        label: |l| td_string!(l, cv_letter_domain.what_i_bring),
        hint: |l| td_string!(l, cv_letter_domain.what_i_bring_hint),
        example: Some(|l| td_string!(l, cv_letter_domain.what_i_bring_example)),
        rows: 5,
        max: 1200,
    },
    Part {
        field: "availability",
        label: |l| td_string!(l, cv_letter_domain.availability),
        hint: |l| td_string!(l, cv_letter_domain.availability_hint),
        example: Some(|l| td_string!(l, cv_letter_domain.availability_example)),
        rows: 3,
        max: 600,
    },
    Part {
        field: "closing",
        label: |l| td_string!(l, cv_letter_domain.closing),
        hint: |l| td_string!(l, cv_letter_domain.closing_hint),
        example: None,
        rows: 3,
        max: 200,
    },
];

impl LetterDocument {
    /// The text of the part named `field` (one of `PARTS`).
    pub fn part(&self, field: &str) -> &str {
        let all = [
            ("sender", &self.sender),
            ("recipient", &self.recipient),
            ("place", &self.place),
            ("subject", &self.subject),
            ("who_i_am", &self.who_i_am),
            ("why_this_job", &self.why_this_job),
            ("what_i_bring", &self.what_i_bring),
            ("availability", &self.availability),
            ("closing", &self.closing),
        ];
        all.into_iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The letter with the part named `field` set to `value`.
    pub fn with_part(mut self, field: &str, value: String) -> Self {
        let slot = match field {
            "sender" => &mut self.sender,
            "recipient" => &mut self.recipient,
            "place" => &mut self.place,
            "subject" => &mut self.subject,
            "who_i_am" => &mut self.who_i_am,
            "why_this_job" => &mut self.why_this_job,
            "what_i_bring" => &mut self.what_i_bring,
            "availability" => &mut self.availability,
            "closing" => &mut self.closing,
            _ => return self,
        };
        *slot = value;
        self
    }

    /// The four paragraphs of the body, in order.
    pub fn body(&self) -> [&str; 4] {
        [
            &self.who_i_am,
            &self.why_this_job,
            &self.what_i_bring,
            &self.availability,
        ]
    }
}

/// A letter as listed under the person's CVs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterSummary {
    pub id: i64,
    pub subject: String,
    /// The offer it answers, while it is there.
    pub offer_id: Option<i64>,
    pub offer_title: Option<String>,
    pub updated_at: i64,
}

/// A letter with what its editor needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterRecord {
    pub id: i64,
    pub language: CvLanguage,
    pub offer_id: Option<i64>,
    pub offer_title: Option<String>,
    pub document: LetterDocument,
    pub updated_at: i64,
}
