//! What no saved CV may break: sizes, codes, date formats.

use super::*;

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
