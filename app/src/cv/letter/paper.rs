//! The letter as it is laid out on paper, the one value the PDF (typst,
//! `templates/lettera.typ`) and the DOCX both draw: the sender, the
//! recipient, place and date, the subject, the paragraphs, the signature.

use super::domain::LetterDocument;
use crate::cv::domain::CvLanguage;
use crate::i18n::td_string;
use crate::kernel::labels::locale_of;
use crate::kernel::mail_text::{long_date, Language};
use crate::kernel::text::{non_empty_lines, slugify};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LetterLayout {
    pub lang: String,
    /// The document title, for the PDF's metadata and screen readers.
    pub title: String,
    /// The first line of the sender: the PDF's author.
    pub author: String,
    pub sender: Vec<String>,
    pub recipient: Vec<String>,
    /// "La Spezia, 7 dicembre 2026"
    pub dateline: String,
    pub subject_label: String,
    pub subject: String,
    pub paragraphs: Vec<String>,
    pub closing: Vec<String>,
}

/// The layout of `doc` written in `language` on the day `at` (unix time).
pub fn layout(doc: &LetterDocument, language: CvLanguage, at: i64) -> LetterLayout {
    let l = locale_of(language.english());
    let day = long_date(
        if language.english() {
            Language::En
        } else {
            Language::It
        },
        at,
    );
    let place = doc.place.trim();
    let sender = non_empty_lines(&doc.sender);
    let author = sender.first().cloned().unwrap_or_default();
    LetterLayout {
        lang: language.code().to_string(),
        title: if author.is_empty() {
            td_string!(l, cv_letter_paper.cover_letter).to_string()
        } else {
            format!("{} – {author}", td_string!(l, cv_letter_paper.cover_letter))
        },
        author,
        sender,
        recipient: non_empty_lines(&doc.recipient),
        dateline: if place.is_empty() {
            day
        } else {
            format!("{place}, {day}")
        },
        subject_label: td_string!(l, cv_letter_paper.subject_label).to_string(),
        subject: doc.subject.trim().to_string(),
        paragraphs: doc.body().iter().flat_map(|p| non_empty_lines(p)).collect(),
        closing: non_empty_lines(&doc.closing),
    }
}

impl LetterLayout {
    /// Every text in the order a reader meets it (the tests read the PDF back).
    pub fn reading_order(&self) -> Vec<String> {
        let mut all = self.sender.clone();
        all.extend(self.recipient.iter().cloned());
        all.push(self.dateline.clone());
        if !self.subject.is_empty() {
            all.push(format!("{}: {}", self.subject_label, self.subject));
        }
        all.extend(self.paragraphs.iter().cloned());
        all.extend(self.closing.iter().cloned());
        all
    }

    /// `Lettera-Giulia-Ferrari` (ASCII, safe in a header).
    pub fn file_stem(&self) -> String {
        match slugify(&self.author) {
            name if name.is_empty() => "Lettera".into(),
            name => format!("Lettera-{name}"),
        }
    }
}
