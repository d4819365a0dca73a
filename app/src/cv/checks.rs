//! What the builder says about a CV while it is written, in the browser and
//! on the server alike:
//! - `limits`: what no saved CV may break (sizes, codes, date formats). The
//!   server refuses such a save, with the message on the field, and keeps the
//!   previous version.
//! - `checks`: advice on a field (an end before its start, a date in the
//!   future, an email that cannot be one). Shown beside the field; the draft
//!   is saved anyway, since people fill forms in any order.
//! - `completeness`: the meter, and what is still missing.

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

pub const SHORT_TEXT: usize = 200;
pub const LONG_TEXT: usize = 4_000;
pub const MAX_ENTRIES: usize = 30;

/// The first rule the document breaks, as a refusal of its field.
pub fn limits(doc: &CvDocument) -> Result<(), AppError> {
    let p = &doc.personal;
    let short = [
        ("personal.first_name", &p.first_name),
        ("personal.last_name", &p.last_name),
        ("personal.email", &p.email),
        ("personal.phone", &p.phone),
        ("personal.address", &p.address),
        ("personal.comune", &p.comune),
        ("personal.nationality", &p.nationality),
        ("personal.website", &p.website),
        ("headline", &doc.headline),
        ("wishes.roles", &doc.wishes.roles),
        ("digital.tools", &doc.digital.tools),
    ];
    for (field, value) in short {
        too_long(field, value, SHORT_TEXT)?;
    }
    for (field, value) in [
        ("profile", &doc.profile),
        ("other_skills", &doc.other_skills),
        ("interests", &doc.interests),
    ] {
        too_long(field, value, LONG_TEXT)?;
    }
    if !p.birth_date.is_empty() && !is_day(&p.birth_date) {
        return Err(crate::invalid!("personal.birth_date", invalid_date));
    }
    if !doc.wishes.available_from.is_empty() && !is_day(&doc.wishes.available_from) {
        return Err(crate::invalid!("wishes.available_from", invalid_date));
    }
    if doc.wishes.travel_km > 500 {
        return Err(crate::invalid!("wishes.travel_km", at_most_500_km));
    }
    for (list, name) in [
        (&doc.experience, "experience"),
        (&doc.volunteering, "volunteering"),
    ] {
        too_many(name, list.len())?;
        for (i, e) in list.iter().enumerate() {
            experience_limits(&format!("{name}.{i}"), e)?;
        }
    }
    too_many("education", doc.education.len())?;
    for (i, e) in doc.education.iter().enumerate() {
        let f = |name: &str| format!("education.{i}.{name}");
        for (name, value) in [
            ("title", &e.title),
            ("institution", &e.institution),
            ("place", &e.place),
        ] {
            too_long(&f(name), value, SHORT_TEXT)?;
        }
        too_long(&f("details"), &e.details, LONG_TEXT)?;
        if e.eqf > 8 {
            return Err(crate::invalid!(f("eqf"), eqf_range));
        }
        month_format(&f("from"), &e.from)?;
        month_format(&f("to"), &e.to)?;
    }
    too_many("mother_tongues", doc.mother_tongues.len())?;
    for (i, t) in doc.mother_tongues.iter().enumerate() {
        too_long(&format!("mother_tongues.{i}"), t, 60)?;
    }
    too_many("languages", doc.languages.len())?;
    for (i, l) in doc.languages.iter().enumerate() {
        too_long(&format!("languages.{i}.language"), &l.language, 60)?;
        too_long(
            &format!("languages.{i}.certificates"),
            &l.certificates,
            SHORT_TEXT,
        )?;
        if l.levels()
            .iter()
            .any(|v| !v.is_empty() && !CEFR_LEVELS.contains(v))
        {
            return Err(crate::invalid!(
                format!("languages.{i}.language"),
                cefr_range
            ));
        }
    }
    if doc
        .digital
        .levels()
        .iter()
        .any(|v| !v.is_empty() && !DIGCOMP_LEVELS.iter().any(|(c, _)| c == v))
    {
        return Err(crate::invalid!("digital", invalid_level));
    }
    if let Some(bad) = doc
        .licences
        .iter()
        .find(|l| !LICENCES.contains(&l.as_str()))
    {
        return Err(crate::invalid!("licences", unknown_licence, licence = bad));
    }
    if let Some(bad) = doc.wishes.contracts.iter().find(|c| {
        !crate::offers::domain::CONTRACTS
            .iter()
            .any(|(code, _)| code == c)
    }) {
        return Err(crate::invalid!(
            "wishes.contracts",
            unknown_contract,
            contract = bad
        ));
    }
    too_many("certifications", doc.certifications.len())?;
    for (i, c) in doc.certifications.iter().enumerate() {
        too_long(&format!("certifications.{i}.name"), &c.name, SHORT_TEXT)?;
        too_long(&format!("certifications.{i}.issuer"), &c.issuer, SHORT_TEXT)?;
        month_format(&format!("certifications.{i}.date"), &c.date)?;
    }
    Ok(())
}

fn experience_limits(prefix: &str, e: &Experience) -> Result<(), AppError> {
    for (name, value) in [
        ("role", &e.role),
        ("employer", &e.employer),
        ("place", &e.place),
    ] {
        too_long(&format!("{prefix}.{name}"), value, SHORT_TEXT)?;
    }
    too_long(&format!("{prefix}.activities"), &e.activities, LONG_TEXT)?;
    month_format(&format!("{prefix}.from"), &e.from)?;
    month_format(&format!("{prefix}.to"), &e.to)
}

fn too_long(field: &str, value: &str, max: usize) -> Result<(), AppError> {
    if value.chars().count() > max {
        return Err(crate::invalid!(field, at_most_chars, max = max));
    }
    Ok(())
}

fn too_many(field: &str, count: usize) -> Result<(), AppError> {
    if count > MAX_ENTRIES {
        return Err(crate::invalid!(field, at_most_entries, max = MAX_ENTRIES));
    }
    Ok(())
}

fn month_format(field: &str, value: &str) -> Result<(), AppError> {
    if !value.is_empty() && parse_month(value).is_none() {
        return Err(crate::invalid!(field, write_month_and_year));
    }
    Ok(())
}

fn is_day(text: &str) -> bool {
    crate::kernel::dates::parse_calendar_day(text).is_some()
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

/// One thing the meter counts, with the wizard step where it is written.
pub struct Part {
    pub weight: u8,
    pub step: usize,
    pub label: Label,
    pub done: bool,
}

/// What makes a CV complete, in the order of the wizard.
pub fn parts(doc: &CvDocument) -> Vec<Part> {
    let p = &doc.personal;
    let has = |s: &str| !s.trim().is_empty();
    let part = |weight, step, label, done| Part {
        weight,
        step,
        label,
        done,
    };
    vec![
        part(
            10,
            1,
            |l| td_string!(l, cv_checks.first_and_last_name),
            has(&p.first_name) && has(&p.last_name),
        ),
        part(
            10,
            1,
            |l| td_string!(l, cv_checks.a_contact_email_or),
            has(&p.email) || has(&p.phone),
        ),
        part(
            5,
            1,
            |l| td_string!(l, cv_checks.the_municipality),
            has(&p.comune) || has(&p.address),
        ),
        part(
            5,
            2,
            |l| td_string!(l, cv_checks.the_headline),
            has(&doc.headline),
        ),
        part(
            10,
            2,
            |l| td_string!(l, cv_checks.the_profile),
            doc.profile.trim().chars().count() >= 40,
        ),
        part(
            20,
            3,
            |l| td_string!(l, cv_checks.one_experience_with_role),
            doc.experience
                .iter()
                .any(|e| has(&e.role) && has(&e.employer) && has(&e.from)),
        ),
        part(
            15,
            4,
            |l| td_string!(l, cv_checks.one_qualification_or_course),
            doc.education
                .iter()
                .any(|e| has(&e.title) && has(&e.institution)),
        ),
        part(
            5,
            5,
            |l| td_string!(l, cv_checks.the_mother_tongue),
            doc.mother_tongues.iter().any(|t| has(t)),
        ),
        part(
            5,
            5,
            |l| td_string!(l, cv_checks.another_language),
            doc.languages
                .iter()
                .any(|l| has(&l.language) && has(l.overall())),
        ),
        part(
            10,
            6,
            |l| td_string!(l, cv_checks.digital_skills),
            doc.digital.levels().iter().any(|l| !l.is_empty()),
        ),
        part(
            5,
            7,
            |l| td_string!(l, cv_checks.other_skills_or_interests),
            has(&doc.other_skills) || has(&doc.interests),
        ),
    ]
}

/// 0–100.
pub fn completeness(doc: &CvDocument) -> u8 {
    parts(doc)
        .iter()
        .filter(|p| p.done)
        .map(|p| p.weight)
        .sum::<u8>()
        .min(100)
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
