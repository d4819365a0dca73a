//! A Europass XML file (v3, from the Europass site or our export) as a new CV.

use super::export::SEPARATOR;
use super::*;
use crate::cv::domain::{
    parse_month, Certification, CvDocument, CvLanguage, DigitalSkills, Education, Experience,
    LanguageSkill, Personal, CEFR_LEVELS, LICENCES,
};
use crate::i18n::{td_string, Locale};
use crate::kernel::text::non_empty_lines;

#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not XML the reader understands: where it stopped, in words.
    NotXml { reason: String },
    /// XML, but not a Europass CV (no `SkillsPassport` with a `LearnerInfo`).
    NotEuropass,
}

impl ImportError {
    /// The refusal of the file, in words for the person importing it.
    pub fn refusal(&self) -> crate::error::AppError {
        match self {
            Self::NotXml { reason } => crate::invalid!("file", import_not_xml, reason = reason),
            Self::NotEuropass => crate::invalid!("file", import_not_europass),
        }
    }
}

/// What an import made: the CV and the language the file says it is in.
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub doc: CvDocument,
    pub language: CvLanguage,
}

/// Whether `text` looks like a Europass file rather than JSON: the import
/// form takes both.
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// A Europass file as a new CV. `comune_of` finds the slug of a comune of
/// the province by its name.
pub fn import(
    text: &str,
    comune_of: impl Fn(&str) -> Option<String>,
) -> Result<Imported, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    // The root's name first: any other XML is told apart from a broken file.
    let root = first_element(text)?;
    if root != "SkillsPassport" {
        return Err(ImportError::NotEuropass);
    }
    let passport: SkillsPassport =
        quick_xml::de::from_str(text).map_err(|e| ImportError::NotXml {
            reason: e.to_string().chars().take(200).collect(),
        })?;
    let info = passport.learner_info.ok_or(ImportError::NotEuropass)?;
    let language = match passport.locale.get(..2) {
        Some("en") => CvLanguage::En,
        _ => CvLanguage::It,
    };
    let mut doc = CvDocument {
        personal: personal(info.identification.unwrap_or_default(), &comune_of),
        experience: info
            .work_experience_list
            .map(|l| l.work_experience.into_iter().map(experience).collect())
            .unwrap_or_default(),
        education: info
            .education_list
            .map(|l| l.education.into_iter().map(education).collect())
            .unwrap_or_default(),
        ..Default::default()
    };
    match info.headline {
        Some(Headline {
            r#type: Some(t),
            description: Some(d),
        }) if t.code == "personal_statement" => doc.profile = plain_text(&d.words()),
        Some(h) => doc.headline = h.description.map(|d| d.words()).unwrap_or_default(),
        None => {}
    }
    skills(&mut doc, info.skills.unwrap_or_default());
    for a in info.achievement_list.unwrap_or_default().achievement {
        achievement(&mut doc, a);
    }
    Ok(Imported { doc, language })
}

/// The name of the document's first element, or why it is not XML.
fn first_element(text: &str) -> Result<String, ImportError> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                return Ok(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
            }
            Ok(quick_xml::events::Event::Eof) => {
                return Err(ImportError::NotXml {
                    reason: "no element".into(),
                })
            }
            Ok(_) => {}
            Err(e) => {
                return Err(ImportError::NotXml {
                    reason: e.to_string().chars().take(200).collect(),
                })
            }
        }
    }
}

fn personal(id: Identification, comune_of: &impl Fn(&str) -> Option<String>) -> Personal {
    let name = id.person_name.unwrap_or_default();
    let contact = id.contact_info.unwrap_or_default();
    let demographics = id.demographics.unwrap_or_default();
    let address = contact.address.map(|a| a.contact).unwrap_or_default();
    let comune = comune_of(address.municipality.trim());
    // A place outside the province stays in the address, not lost.
    let street = [address.address_line.trim(), address.address_line2.trim()]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let elsewhere = match comune {
        Some(_) => String::new(),
        None => [address.postal_code.trim(), address.municipality.trim()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    };
    Personal {
        first_name: name.first_name.trim().into(),
        last_name: name.surname.trim().into(),
        email: contact
            .email
            .map(|e| e.contact.trim().into())
            .unwrap_or_default(),
        phone: first_contact(contact.telephone_list.map(|l| l.telephone)),
        address: [street, elsewhere]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        comune: comune.unwrap_or_default(),
        birth_date: demographics
            .birthdate
            .and_then(|d| day(&d))
            .unwrap_or_default(),
        nationality: demographics
            .nationality_list
            .map(|l| {
                l.nationality
                    .iter()
                    .map(Coded::words)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        website: first_contact(contact.website_list.map(|l| l.website)),
    }
}

fn first_contact(list: Option<Vec<Contact>>) -> String {
    list.unwrap_or_default()
        .into_iter()
        .map(|c| c.contact.trim().to_string())
        .find(|c| !c.is_empty())
        .unwrap_or_default()
}

fn two_digits(text: &str, dashes: usize) -> Option<u8> {
    text.strip_prefix(&"-".repeat(dashes))?.parse().ok()
}

/// The schema's date as our `YYYY-MM` (January when only the year is given).
fn month(date: &Date) -> String {
    let month = two_digits(&date.month, 2).unwrap_or(1);
    let text = format!("{}-{month:02}", date.year.trim());
    if parse_month(&text).is_some() {
        text
    } else {
        String::new()
    }
}

/// The schema's date as `YYYY-MM-DD`, when it has all three.
fn day(date: &Date) -> Option<String> {
    let month = two_digits(&date.month, 2)?;
    let day = two_digits(&date.day, 3)?;
    let year: u16 = date.year.trim().parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// From, to and whether it goes on.
fn period(p: Option<Period>) -> (String, String, bool) {
    let p = p.unwrap_or_default();
    let current = p.current.unwrap_or(false);
    let to = match current {
        true => String::new(),
        false => p.to.as_ref().map(month).unwrap_or_default(),
    };
    (p.from.as_ref().map(month).unwrap_or_default(), to, current)
}

/// An organisation's name and its municipality.
fn organisation(o: Option<Organisation>) -> (String, String) {
    let o = o.unwrap_or_default();
    let place = o
        .contact_info
        .and_then(|c| c.address)
        .map(|a| a.contact.municipality.trim().to_string())
        .unwrap_or_default();
    (o.name.trim().into(), place)
}

fn experience(w: Work) -> Experience {
    let (from, to, current) = period(w.period);
    let (employer, place) = organisation(w.employer);
    Experience {
        role: w.position.map(|p| p.words()).unwrap_or_default(),
        employer,
        place,
        from,
        to,
        current,
        activities: plain_text(&w.activities),
    }
}

fn education(s: Study) -> Education {
    let (from, to, current) = period(s.period);
    let (institution, place) = organisation(s.organisation);
    Education {
        title: s.title.trim().into(),
        institution,
        place,
        eqf: s
            .level
            .and_then(|l| l.code.trim().parse().ok())
            .filter(|n| (1..=8).contains(n))
            .unwrap_or(0),
        from,
        to,
        current,
        details: plain_text(&s.activities),
    }
}

fn cefr(level: &str) -> String {
    let level = level.trim().to_uppercase();
    match CEFR_LEVELS.contains(&level.as_str()) {
        true => level,
        false => String::new(),
    }
}

fn skills(doc: &mut CvDocument, skills: Skills) {
    let linguistic = skills.linguistic.unwrap_or_default();
    doc.mother_tongues = linguistic
        .mother_tongue_list
        .unwrap_or_default()
        .mother_tongue
        .into_iter()
        .map(|t| t.description.words())
        .filter(|t| !t.is_empty())
        .collect();
    doc.languages = linguistic
        .foreign_language_list
        .unwrap_or_default()
        .foreign_language
        .into_iter()
        .map(|l| {
            let grid = l.proficiency_level.unwrap_or_default();
            LanguageSkill {
                language: l.description.words(),
                listening: cefr(&grid.listening),
                reading: cefr(&grid.reading),
                interaction: cefr(&grid.spoken_interaction),
                production: cefr(&grid.spoken_production),
                writing: cefr(&grid.writing),
                certificates: l
                    .verified_by
                    .unwrap_or_default()
                    .certificate
                    .into_iter()
                    .map(|c| c.title.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        })
        .collect();
    let computer = skills.computer.unwrap_or_default();
    let grid = computer.proficiency_level.unwrap_or_default();
    let ours = |letter: &str| {
        DIGITAL_LEVELS
            .iter()
            .find(|(_, l)| *l == letter.trim())
            .map(|(ours, _)| ours.to_string())
            .unwrap_or_default()
    };
    doc.digital = DigitalSkills {
        information: ours(&grid.information),
        communication: ours(&grid.communication),
        content: ours(&grid.content_creation),
        safety: ours(&grid.safety),
        problem_solving: ours(&grid.problem_solving),
        tools: plain_text(&computer.description),
    };
    doc.licences = LICENCES
        .iter()
        .filter(|l| {
            skills
                .driving
                .as_ref()
                .is_some_and(|d| d.description.licence.iter().any(|x| x.trim() == **l))
        })
        .map(|l| l.to_string())
        .collect();
    // Europass's communication, organisational and job-related skills are
    // our other skills, as the person wrote them.
    let other: Vec<String> = [
        skills.communication,
        skills.organisational,
        skills.job_related,
        skills.other,
    ]
    .into_iter()
    .flatten()
    .map(|d| plain_text(&d.description))
    .filter(|d| !d.is_empty())
    .collect();
    doc.other_skills = other.join("\n");
}

/// Whether `title` is our own title `label` in Italian or in English.
fn is_ours(title: &str, label: crate::kernel::labels::Label) -> bool {
    let title = title.trim().to_lowercase();
    [Locale::it, Locale::en]
        .into_iter()
        .any(|l| label(l).to_lowercase() == title)
}

fn achievement(doc: &mut CvDocument, a: Achievement) {
    let title = a.title.unwrap_or_default();
    let text = plain_text(&a.description);
    let label = title.label.as_str();
    if title.code == "certifications" || title.code == "courses" {
        doc.certifications.extend(
            non_empty_lines(&text)
                .iter()
                .map(String::as_str)
                .map(certification),
        );
    } else if is_ours(label, |l| td_string!(l, cv_europass.personal_statement)) {
        doc.profile = text;
    } else if is_ours(label, |l| td_string!(l, cv_europass.volunteering)) {
        doc.volunteering.push(volunteering(&text));
    } else if is_ours(label, |l| td_string!(l, cv_europass.interests)) {
        doc.interests = text;
    } else if !text.is_empty() {
        // Projects, publications, awards…: kept, under their title.
        let line = match title.words() {
            t if t.is_empty() => text,
            t => format!("{t}: {text}"),
        };
        doc.other_skills = [doc.other_skills.as_str(), line.as_str()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
    }
}

/// A line "name · issuer · YYYY-MM" (issuer and date optional).
fn certification(line: &str) -> Certification {
    let mut parts: Vec<&str> = line.split(SEPARATOR.trim()).map(str::trim).collect();
    let date = match parts.last() {
        Some(last) if parts.len() > 1 && parse_month(last).is_some() => {
            parts.pop().unwrap_or_default().to_string()
        }
        _ => String::new(),
    };
    Certification {
        name: parts.first().copied().unwrap_or_default().to_string(),
        issuer: parts
            .get(1..)
            .map(|p| p.join(SEPARATOR))
            .unwrap_or_default(),
        date,
    }
}

/// Our volunteering text: "role · organisation · place · from – to", then
/// the activities.
fn volunteering(text: &str) -> Experience {
    let (head, activities) = text.split_once('\n').unwrap_or((text, ""));
    let mut parts: Vec<&str> = head.split(SEPARATOR.trim()).map(str::trim).collect();
    let mut v = Experience {
        activities: activities.trim().to_string(),
        ..Default::default()
    };
    if let Some(when) = parts.last().filter(|p| p.contains('–')).copied() {
        parts.pop();
        let (from, to) = when.split_once('–').unwrap_or((when, ""));
        v.from = from.trim().into();
        v.to = to.trim().into();
        v.current = v.to.is_empty();
    }
    let mut parts = parts.into_iter();
    v.role = parts.next().unwrap_or_default().into();
    v.employer = parts.next().unwrap_or_default().into();
    v.place = parts.collect::<Vec<_>>().join(SEPARATOR);
    v
}

/// The text of a field the Europass editor wrote as HTML (`<p>`, `<ul>`,
/// `<li>`, `<br>`, `<strong>`…), one paragraph or item per line; plain
/// text passes unchanged. Written here rather than with an HTML parser:
/// the editor's handful of tags is all these fields hold, and a full parser
/// would serve only this.
pub fn plain_text(html: &str) -> String {
    const BREAKS: [&str; 6] = ["<br", "</p", "</li", "<li", "</div", "<p"];
    let lower = html.to_lowercase();
    let looks_like_html = BREAKS.iter().any(|tag| lower.contains(tag));
    if !looks_like_html {
        return html.trim().to_string();
    }
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open..open + close].to_lowercase();
        if BREAKS.iter().any(|b| tag.starts_with(b)) {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    non_empty_lines(&text).join("\n")
}
