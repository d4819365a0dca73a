//! What the builder says about a CV while it is written, in the browser and
//! on the server alike:
//! - `limits`: what no saved CV may break (sizes, codes, date formats). The
//!   server refuses such a save, with the message on the field, and keeps the
//!   previous version.
//! - `checks`: advice on a field (an end before its start, a date in the
//!   future, an email that cannot be one). Shown beside the field; the draft
//!   is saved anyway, since people fill forms in any order.
//! - `completeness`: the meter, and what is still missing.
//! - `texts`: every written text with its field, and the emoji the PDF
//!   leaves out.

mod completeness;
mod limits;
mod texts;

pub use completeness::*;
pub use limits::*;
pub use texts::*;

use super::domain::{parse_month, CvDocument, Experience, CEFR_LEVELS, DIGCOMP_LEVELS, LICENCES};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// A message for one field of the builder (`experience.0.to`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldNote {
    pub field: String,
    pub message: String,
}

fn note(field: impl Into<String>, message: Label, english: bool) -> FieldNote {
    FieldNote {
        field: field.into(),
        message: crate::kernel::labels::pick(message, english).to_string(),
    }
}

/// Advice on fields, in the interface's language. `today` is (year, month).
pub fn checks(doc: &CvDocument, today: (i32, u8), english: bool) -> Vec<FieldNote> {
    let mut notes = Vec::new();
    let p = &doc.personal;
    let email = p.email.trim();
    if !email.is_empty() && !looks_like_email(email) {
        notes.push(note(
            "personal.email",
            |l| td_string!(l, cv_checks.check_the_email_address),
            english,
        ));
    }
    let digits = p.phone.chars().filter(char::is_ascii_digit).count();
    if !p.phone.trim().is_empty()
        && (!(6..=15).contains(&digits)
            || p.phone
                .chars()
                .any(|c| !(c.is_ascii_digit() || " +-/().".contains(c))))
    {
        notes.push(note(
            "personal.phone",
            |l| td_string!(l, cv_checks.check_the_number_digits),
            english,
        ));
    }
    if let Some(y) = p.birth_date.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        if y > today.0 - 14 || y < today.0 - 100 {
            notes.push(note(
                "personal.birth_date",
                |l| td_string!(l, cv_checks.check_the_year_of),
                english,
            ));
        }
    }
    for (list, name) in [
        (&doc.experience, "experience"),
        (&doc.volunteering, "volunteering"),
    ] {
        for (i, e) in list.iter().enumerate() {
            dates(
                &mut notes,
                &format!("{name}.{i}"),
                (&e.from, &e.to, e.current),
                today,
                english,
            );
        }
    }
    for (i, e) in doc.education.iter().enumerate() {
        dates(
            &mut notes,
            &format!("education.{i}"),
            (&e.from, &e.to, e.current),
            today,
            english,
        );
    }
    for (i, c) in doc.certifications.iter().enumerate() {
        if parse_month(&c.date).is_some_and(|d| d > today) {
            notes.push(note(format!("certifications.{i}.date"), FUTURE, english));
        }
    }
    for w in written(doc) {
        if w.text.chars().any(is_pictograph) {
            notes.push(note(
                w.field,
                |l| td_string!(l, cv_checks.emoji_left_out_of_the_pdf),
                english,
            ));
        }
    }
    notes
}

const FUTURE: Label = |l| td_string!(l, cv_checks.this_date_is_in);

fn dates(
    notes: &mut Vec<FieldNote>,
    prefix: &str,
    (from, to, current): (&str, &str, bool),
    today: (i32, u8),
    english: bool,
) {
    let (from, to) = (parse_month(from), parse_month(to));
    if from.is_some_and(|f| f > today) {
        notes.push(note(format!("{prefix}.from"), FUTURE, english));
    }
    if current {
        return;
    }
    if to.is_some_and(|t| t > today) {
        notes.push(note(
            format!("{prefix}.to"),
            |l| td_string!(l, cv_checks.this_date_is_in_the),
            english,
        ));
    } else if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            notes.push(note(
                format!("{prefix}.to"),
                |l| td_string!(l, cv_checks.the_end_comes_before),
                english,
            ));
        }
    }
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::domain::{Education, LanguageSkill};

    fn job(from: &str, to: &str, current: bool) -> Experience {
        Experience {
            role: "Magazziniere".into(),
            employer: "Logistica Spezzina".into(),
            from: from.into(),
            to: to.into(),
            current,
            ..Default::default()
        }
    }

    #[test]
    fn an_end_before_the_start_is_pointed_out_on_the_end() {
        let doc = CvDocument {
            experience: vec![job("2021-05", "2020-01", false)],
            ..Default::default()
        };
        let notes = checks(&doc, (2026, 12), false);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].field, "experience.0.to");
        assert!(notes[0].message.contains("prima dell'inizio"));
    }

    #[test]
    fn future_dates_are_pointed_out_unless_ongoing() {
        let doc = CvDocument {
            experience: vec![
                job("2027-01", "", false),
                job("2025-01", "2027-06", false),
                job("2025-01", "2027-06", true),
            ],
            ..Default::default()
        };
        let fields: Vec<_> = checks(&doc, (2026, 12), true)
            .into_iter()
            .map(|n| n.field)
            .collect();
        assert_eq!(fields, ["experience.0.from", "experience.1.to"]);
    }

    #[test]
    fn emails_and_phones_are_checked_only_when_written() {
        let mut doc = CvDocument::default();
        assert!(checks(&doc, (2026, 12), false).is_empty());
        doc.personal.email = "mario.rossi@".into();
        doc.personal.phone = "+39 0187 12345678".into();
        let notes = checks(&doc, (2026, 12), false);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].field, "personal.email");
        doc.personal.phone = "chiamami".into();
        assert_eq!(checks(&doc, (2026, 12), false).len(), 2);
    }

    #[test]
    fn limits_name_the_field_that_breaks_them() {
        let mut doc = CvDocument::default();
        assert_eq!(limits(&doc), Ok(()));
        doc.education.push(Education {
            eqf: 9,
            ..Default::default()
        });
        assert_eq!(refused_field(limits(&doc)), "education.0.eqf");
        doc.education.clear();
        doc.languages.push(LanguageSkill {
            language: "Inglese".into(),
            reading: "B3".into(),
            ..Default::default()
        });
        assert_eq!(refused_field(limits(&doc)), "languages.0.language");
        doc.languages.clear();
        doc.experience.push(job("marzo", "", false));
        assert_eq!(refused_field(limits(&doc)), "experience.0.from");
        doc.experience[0].from = "2020-03".into();
        doc.headline = "x".repeat(SHORT_TEXT + 1);
        assert_eq!(refused_field(limits(&doc)), "headline");
        doc.headline.clear();
        doc.licences.push("Z".into());
        assert_eq!(refused_field(limits(&doc)), "licences");
    }

    fn refused_field(result: Result<(), AppError>) -> String {
        match result {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("not a refused field: {other:?}"),
        }
    }

    #[test]
    fn the_meter_grows_with_the_cv() {
        let mut doc = CvDocument::default();
        assert_eq!(completeness(&doc), 0);
        doc.personal.first_name = "Anna".into();
        doc.personal.last_name = "Neri".into();
        doc.personal.email = "anna@example.it".into();
        assert_eq!(completeness(&doc), 20);
        doc.experience.push(job("2020-01", "", true));
        assert_eq!(completeness(&doc), 40);
        assert_eq!(
            parts(&doc).iter().map(|p| u32::from(p.weight)).sum::<u32>(),
            100
        );
    }
}
