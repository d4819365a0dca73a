//! A JSON Resume file as a new CV.

use super::{Basics, Cefr, Language, Resume, Skill, Study};
use crate::cv::domain::{
    parse_month, Certification, CvDocument, CvLanguage, DigitalSkills, Education, Experience,
    LanguageSkill, Personal, CEFR_LEVELS, DIGCOMP_LEVELS, LICENCES,
};
use crate::i18n::Locale;
use crate::kernel::text::non_empty_lines;

/// `2019-03-01`, `2019-03` or `2019` as our `YYYY-MM` ("" when none of those).
fn month(date: &str) -> String {
    let date = date.trim();
    if let Some(m) = date.get(..7).filter(|m| parse_month(m).is_some()) {
        return m.to_string();
    }
    match date.parse::<u16>() {
        Ok(year) if (1900..=2100).contains(&year) => format!("{year}-01"),
        _ => String::new(),
    }
}

/// A free-text fluency placed on the CEFR scale where the words allow: a
/// level written in it ("B2 – upper intermediate"), LinkedIn's proficiency
/// names, and the usual Italian and English words. `None`: the person
/// chooses. The order matters: "upper intermediate" before "intermediate".
fn fluency_level(fluency: &str) -> Option<String> {
    let words = fluency.to_lowercase();
    let written = words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(str::to_uppercase)
        .find(|w| CEFR_LEVELS.contains(&w.as_str()));
    if written.is_some() {
        return written;
    }
    const SCALE: [(&str, &str); 24] = [
        ("bilingu", "C2"),
        ("full professional", "C1"),
        ("fluent", "C1"),
        ("fluente", "C1"),
        ("advanced", "C1"),
        ("avanzat", "C1"),
        ("ottim", "C1"),
        ("eccellente", "C1"),
        ("professional working", "B2"),
        ("upper intermediate", "B2"),
        ("upper-intermediate", "B2"),
        ("buon", "B2"),
        ("good", "B2"),
        ("pre-intermediate", "A2"),
        ("intermediate", "B1"),
        ("intermedi", "B1"),
        ("limited working", "B1"),
        ("discret", "B1"),
        ("conversation", "B1"),
        ("elementary", "A2"),
        ("elementare", "A2"),
        ("scolastic", "A2"),
        ("basic", "A2"),
        ("beginner", "A1"),
    ];
    SCALE
        .iter()
        .find(|(needle, _)| words.contains(needle))
        .map(|(_, level)| level.to_string())
        .or_else(|| {
            ["base", "principiante"]
                .iter()
                .position(|w| words.split_whitespace().any(|x| x == *w))
                .map(|i| ["A2", "A1"][i].to_string())
        })
}

fn cefr(level: &str) -> String {
    let level = level.trim().to_uppercase();
    if CEFR_LEVELS.contains(&level.as_str()) {
        level
    } else {
        String::new()
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON: the line where reading stopped.
    NotJson { line: usize },
    /// JSON without a `basics` object.
    NotAResume,
    /// A JSON Resume whose field at `path` (`work[0].startDate`) has another shape.
    WrongShape { path: String },
}

impl ImportError {
    /// The refusal of the file, in words for the person importing it.
    pub fn refusal(&self) -> crate::error::AppError {
        match self {
            Self::NotJson { line } => crate::invalid!("file", import_not_json, line = line),
            Self::NotAResume => crate::invalid!("file", import_not_a_resume),
            Self::WrongShape { path } => crate::invalid!("file", import_wrong_shape, path = path),
        }
    }
}

/// What an import made: the CV, the language it says it is in, and the
/// languages whose level the file's words did not place on the CEFR grid
/// (the person is told, and chooses).
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub doc: CvDocument,
    pub language: CvLanguage,
    pub unplaced: Vec<String>,
}

/// A JSON Resume file as a new CV. `comune_of` finds the slug of a comune
/// of the province by its name.
pub fn import(
    text: &str,
    comune_of: impl Fn(&str) -> Option<String>,
) -> Result<Imported, ImportError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson { line: e.line() })?;
    if !value
        .get("basics")
        .is_some_and(serde_json::Value::is_object)
    {
        return Err(ImportError::NotAResume);
    }
    // Through serde_path_to_error, to say which field has the wrong shape.
    let r: Resume =
        serde_path_to_error::deserialize(value).map_err(|e| ImportError::WrongShape {
            path: e.path().to_string(),
        })?;
    let (digital, other) = skills(r.skills);
    let (mother_tongues, languages, unplaced) = languages(r.languages);
    let (website, profiles) = profiles(&r.basics);
    let mut other = other;
    other.extend(profiles);
    let extra = r.meta.and_then(|m| m.infolavoro).unwrap_or_default();
    let doc = CvDocument {
        personal: Personal {
            website,
            ..personal(&r.basics, comune_of)
        },
        headline: r.basics.label,
        profile: r.basics.summary,
        experience: r
            .work
            .into_iter()
            .map(|w| {
                let highlights = w.highlights;
                experience(
                    w.name,
                    w.position,
                    w.location,
                    [&w.start_date, &w.end_date],
                    &w.summary,
                    highlights,
                )
            })
            .collect(),
        education: r.education.into_iter().map(education).collect(),
        mother_tongues,
        languages,
        digital,
        licences: r
            .basics
            .driving_licences
            .into_iter()
            .filter(|l| LICENCES.contains(&l.as_str()))
            .collect(),
        own_vehicle: r.basics.own_vehicle,
        other_skills: other.join("\n"),
        certifications: r
            .certificates
            .into_iter()
            .map(|c| Certification {
                name: c.name,
                issuer: c.issuer,
                date: month(&c.date),
            })
            .collect(),
        volunteering: r
            .volunteer
            .into_iter()
            .map(|v| {
                let highlights = v.highlights;
                experience(
                    v.organization,
                    v.position,
                    v.location,
                    [&v.start_date, &v.end_date],
                    &v.summary,
                    highlights,
                )
            })
            .collect(),
        interests: r
            .interests
            .into_iter()
            .map(|i| {
                if i.keywords.is_empty() {
                    i.name
                } else {
                    format!("{}: {}", i.name, i.keywords.join(", "))
                }
            })
            .filter(|i| !i.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        wishes: extra.wishes,
    };
    let language = CvLanguage::from_code(&extra.language).unwrap_or_default();
    Ok(Imported {
        doc,
        language,
        unplaced,
    })
}

/// The web address (`basics.url`, else the first profile's) and the other
/// profiles as lines of "other skills" ("LinkedIn: https://…"), so that none
/// is lost: the CV has one address field.
fn profiles(b: &Basics) -> (String, Vec<String>) {
    let mut website = b.url.trim().to_string();
    let mut lines = Vec::new();
    for p in &b.profiles {
        let (network, url, user) = (p.network.trim(), p.url.trim(), p.username.trim());
        if website.is_empty() && !url.is_empty() {
            website = url.to_string();
        } else if url != website || url.is_empty() {
            let at = if url.is_empty() { user } else { url };
            if !at.is_empty() {
                lines.push(if network.is_empty() {
                    at.to_string()
                } else {
                    format!("{network}: {at}")
                });
            }
        }
    }
    (website, lines)
}

/// The person: the name split at its first space, the comune when the city
/// is one of the province (else the city stays part of the address).
fn personal(b: &Basics, comune_of: impl Fn(&str) -> Option<String>) -> Personal {
    let (first_name, last_name) = match b.name.trim().split_once(' ') {
        Some((first, last)) => (first.to_string(), last.trim().to_string()),
        None => (b.name.trim().to_string(), String::new()),
    };
    let location = b.location.clone().unwrap_or_default();
    let comune = comune_of(&location.city).unwrap_or_default();
    let mut address = location.address.trim().to_string();
    if comune.is_empty() && !location.city.trim().is_empty() {
        address = [address.as_str(), location.city.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    Personal {
        first_name,
        last_name,
        email: b.email.clone(),
        phone: b.phone.clone(),
        address,
        comune,
        birth_date: b.birth_date.get(..10).unwrap_or_default().to_string(),
        nationality: b.nationality.clone(),
        website: b.url.clone(),
    }
}

/// A job or volunteering: its summary's lines, then its highlights.
fn experience(
    name: String,
    position: String,
    place: String,
    [start, end]: [&str; 2],
    summary: &str,
    highlights: Vec<String>,
) -> Experience {
    let from = month(start);
    let to = month(end);
    let mut activities = non_empty_lines(summary);
    activities.extend(
        highlights
            .into_iter()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty()),
    );
    Experience {
        role: position.trim().to_string(),
        employer: name.trim().to_string(),
        place: place.trim().to_string(),
        current: !from.is_empty() && to.is_empty(),
        from,
        to,
        activities: activities.join("\n"),
    }
}

fn education(s: Study) -> Education {
    let from = month(&s.start_date);
    let to = month(&s.end_date);
    Education {
        title: if s.area.trim().is_empty() {
            s.study_type
        } else {
            s.area
        },
        institution: s.institution,
        place: s.location,
        eqf: s.eqf_level.filter(|l| (1..=8).contains(l)).unwrap_or(0),
        current: !from.is_empty() && to.is_empty(),
        from,
        to,
        details: s.courses.join("\n"),
    }
}

/// The DigComp levels (areas 0–4), the digital tools (area 5), and every
/// other skill as a line "name (level): keywords".
fn skills(skills: Vec<Skill>) -> (DigitalSkills, Vec<String>) {
    let mut digital = DigitalSkills::default();
    let mut other = Vec::new();
    for s in skills {
        let level = DIGCOMP_LEVELS
            .iter()
            .find(|(code, label)| {
                s.level.eq_ignore_ascii_case(code)
                    || s.level.eq_ignore_ascii_case(label(Locale::it))
                    || s.level.eq_ignore_ascii_case(label(Locale::en))
            })
            .map(|(code, _)| code.to_string());
        match (s.digcomp_area, level) {
            (Some(5), _) => digital.tools = s.keywords.join(", "),
            (Some(area @ 0..=4), Some(level)) => {
                let slot = match area {
                    0 => &mut digital.information,
                    1 => &mut digital.communication,
                    2 => &mut digital.content,
                    3 => &mut digital.safety,
                    _ => &mut digital.problem_solving,
                };
                *slot = level;
            }
            _ => {
                let mut line = s.name.trim().to_string();
                if !s.level.trim().is_empty() {
                    line = format!("{line} ({})", s.level.trim());
                }
                if !s.keywords.is_empty() {
                    line = format!("{line}: {}", s.keywords.join(", "));
                }
                if !line.is_empty() {
                    other.push(line);
                }
            }
        }
    }
    (digital, other)
}

/// Mother tongues (by their fluency's words), the others with a CEFR grid,
/// and the names of those whose level could not be read.
fn languages(list: Vec<Language>) -> (Vec<String>, Vec<LanguageSkill>, Vec<String>) {
    let mut mother_tongues = Vec::new();
    let mut languages = Vec::new();
    let mut unplaced = Vec::new();
    for l in list {
        let fluency = l.fluency.to_lowercase();
        if ["madrelingua", "native", "mother"]
            .iter()
            .any(|n| fluency.contains(n))
        {
            mother_tongues.push(l.language.trim().to_string());
            continue;
        }
        let grid = l.cefr.unwrap_or_else(|| {
            let level = fluency_level(&l.fluency).unwrap_or_default();
            if level.is_empty() && !l.language.trim().is_empty() {
                unplaced.push(l.language.trim().to_string());
            }
            Cefr {
                listening: level.clone(),
                reading: level.clone(),
                interaction: level.clone(),
                production: level.clone(),
                writing: level,
            }
        });
        languages.push(LanguageSkill {
            language: l.language.trim().to_string(),
            listening: cefr(&grid.listening),
            reading: cefr(&grid.reading),
            interaction: cefr(&grid.interaction),
            production: cefr(&grid.production),
            writing: cefr(&grid.writing),
            certificates: l.certificates,
        });
    }
    (mother_tongues, languages, unplaced)
}
