//! Our CV as a Europass XML file.

use super::*;
use crate::cv::domain::{Certification, CvDocument, CvLanguage, Education, Experience};
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use serde::Serialize;

/// The file for `doc`, written in `language`, last changed at `updated_at`
/// (unix time). `comune_name` is the name of the person's comune, if any.
pub fn export(
    doc: &CvDocument,
    language: CvLanguage,
    comune_name: &str,
    updated_at: i64,
) -> Result<String, quick_xml::se::SeError> {
    let english = language.english();
    let when = jiff::Timestamp::from_second(updated_at)
        .unwrap_or_default()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let passport = SkillsPassport {
        xmlns: NAMESPACE.into(),
        locale: if english { "en" } else { "it" }.into(),
        document_info: DocumentInfo {
            document_type: "ECV".into(),
            creation_date: when.clone(),
            last_update_date: when,
            xsd_version: "V3.4".into(),
            generator: "InfoLavoro".into(),
        },
        learner_info: Some(LearnerInfo {
            identification: Some(identification(doc, comune_name, english)),
            headline: some_text(&doc.headline).map(|h| Headline {
                r#type: Some(Coded {
                    code: "preferred_job".into(),
                    ..Default::default()
                }),
                description: Some(Coded::label(h)),
            }),
            work_experience_list: (!doc.experience.is_empty()).then(|| WorkList {
                work_experience: doc.experience.iter().map(work).collect(),
            }),
            education_list: (!doc.education.is_empty()).then(|| EducationList {
                education: doc.education.iter().map(study).collect(),
            }),
            skills: Some(skills(doc)),
            achievement_list: Some(achievements(doc, english))
                .filter(|a| !a.achievement.is_empty()),
        }),
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut serializer = quick_xml::se::Serializer::new(&mut xml);
    serializer.indent(' ', 2);
    passport.serialize(serializer)?;
    xml.push('\n');
    Ok(xml)
}

fn some_text(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

fn identification(doc: &CvDocument, comune_name: &str, english: bool) -> Identification {
    let p = &doc.personal;
    let address = Address {
        address_line: p.address.trim().into(),
        municipality: comune_name.into(),
        // The comuni are the province's: a Comune of Liguria, Italy.
        country: (!comune_name.is_empty()).then(|| Coded {
            code: "IT".into(),
            label: pick(|l| td_string!(l, cv_europass.country_italy), english).into(),
        }),
        ..Default::default()
    };
    let has_address = !address.address_line.is_empty() || address.country.is_some();
    Identification {
        person_name: Some(PersonName {
            first_name: p.first_name.trim().into(),
            surname: p.last_name.trim().into(),
        }),
        contact_info: Some(ContactInfo {
            address: has_address.then_some(AddressHolder { contact: address }),
            // The schema's pattern for an address: something@host.domain.
            email: some_text(&p.email)
                .filter(|e| {
                    e.split_once('@')
                        .is_some_and(|(_, h)| h.contains('.') && !h.starts_with('.'))
                })
                .map(|e| Contact { contact: e.into() }),
            telephone_list: some_text(&p.phone).map(|t| TelephoneList {
                telephone: vec![Contact { contact: t.into() }],
            }),
            website_list: some_text(&p.website).map(|w| WebsiteList {
                website: vec![Contact { contact: w.into() }],
            }),
        }),
        demographics: Some(Demographics {
            birthdate: birthdate(&p.birth_date),
            nationality_list: some_text(&p.nationality).map(|n| NationalityList {
                nationality: vec![Coded::label(n)],
            }),
        }),
    }
}

/// `YYYY-MM-DD` as the schema's year, `--MM` and `---DD`.
fn birthdate(date: &str) -> Option<Date> {
    let mut parts = date.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    (year.len() == 4 && month.len() == 2 && day.len() == 2).then(|| Date {
        year: year.into(),
        month: format!("--{month}"),
        day: format!("---{day}"),
    })
}

/// `YYYY-MM` as the schema's year and `--MM`.
fn month(text: &str) -> Option<Date> {
    let (year, month) = crate::cv::domain::parse_month(text)?;
    Some(Date {
        year: year.to_string(),
        month: format!("--{month:02}"),
        day: String::new(),
    })
}

fn period(from: &str, to: &str, current: bool) -> Option<Period> {
    let period = Period {
        from: month(from),
        to: if current { None } else { month(to) },
        current: current.then_some(true),
    };
    (period.from.is_some() || period.to.is_some() || current).then_some(period)
}

fn place(name: &str, place: &str) -> Option<Organisation> {
    let organisation = Organisation {
        name: name.trim().into(),
        contact_info: some_text(place).map(|m| OrganisationContact {
            address: Some(AddressHolder {
                contact: Address {
                    municipality: m.into(),
                    ..Default::default()
                },
            }),
        }),
    };
    (!organisation.name.is_empty() || organisation.contact_info.is_some()).then_some(organisation)
}

fn work(e: &Experience) -> Work {
    Work {
        period: period(&e.from, &e.to, e.current),
        position: some_text(&e.role).map(Coded::label),
        activities: e.activities.trim().into(),
        employer: place(&e.employer, &e.place),
    }
}

fn study(e: &Education) -> Study {
    Study {
        period: period(&e.from, &e.to, e.current),
        title: e.title.trim().into(),
        activities: e.details.trim().into(),
        organisation: place(&e.institution, &e.place),
        level: (1..=8).contains(&e.eqf).then(|| Coded {
            code: e.eqf.to_string(),
            ..Default::default()
        }),
    }
}

fn skills(doc: &CvDocument) -> Skills {
    let letter = |level: &str| {
        DIGITAL_LEVELS
            .iter()
            .find(|(ours, _)| *ours == level)
            .map(|(_, letter)| letter.to_string())
            .unwrap_or_default()
    };
    let d = &doc.digital;
    let grid = DigitalGrid {
        information: letter(&d.information),
        communication: letter(&d.communication),
        content_creation: letter(&d.content),
        safety: letter(&d.safety),
        problem_solving: letter(&d.problem_solving),
    };
    let graded = d.levels().iter().any(|l| !l.is_empty());
    Skills {
        linguistic: Some(Linguistic {
            mother_tongue_list: Some(MotherTongueList {
                mother_tongue: doc
                    .mother_tongues
                    .iter()
                    .filter_map(|t| some_text(t))
                    .map(|t| MotherTongue {
                        description: Coded::label(t),
                    })
                    .collect(),
            }),
            foreign_language_list: Some(ForeignLanguageList {
                foreign_language: doc.languages.iter().map(foreign_language).collect(),
            }),
        }),
        computer: (graded || !d.tools.trim().is_empty()).then(|| Computer {
            description: d.tools.trim().into(),
            proficiency_level: graded.then_some(grid),
        }),
        driving: (!doc.licences.is_empty()).then(|| Driving {
            description: Licences {
                licence: doc.licences.clone(),
            },
        }),
        other: some_text(&doc.other_skills).map(|o| Described {
            description: o.into(),
        }),
        ..Default::default()
    }
}

fn foreign_language(l: &crate::cv::domain::LanguageSkill) -> ForeignLanguage {
    let certificates: Vec<Certificate> = crate::kernel::text::non_empty_lines(&l.certificates)
        .into_iter()
        .map(|title| Certificate { title })
        .collect();
    ForeignLanguage {
        description: Coded::label(&l.language),
        proficiency_level: Some(Cefr {
            listening: l.listening.clone(),
            reading: l.reading.clone(),
            spoken_interaction: l.interaction.clone(),
            spoken_production: l.production.clone(),
            writing: l.writing.clone(),
        }),
        verified_by: (!certificates.is_empty()).then_some(Certificates {
            certificate: certificates,
        }),
    }
}

/// The profile, certifications, volunteering and interests, which Europass
/// keeps as achievements.
fn achievements(doc: &CvDocument, english: bool) -> AchievementList {
    let ours = |title: crate::kernel::labels::Label, description: String| Achievement {
        title: Some(Coded::label(pick(title, english))),
        description,
    };
    let mut list = Vec::new();
    if let Some(profile) = some_text(&doc.profile) {
        list.push(ours(
            |l| td_string!(l, cv_europass.personal_statement),
            profile.into(),
        ));
    }
    list.extend(doc.certifications.iter().map(|c| Achievement {
        title: Some(Coded {
            code: "certifications".into(),
            label: pick(|l| td_string!(l, cv_europass.certifications), english).into(),
        }),
        description: certification_line(c),
    }));
    list.extend(doc.volunteering.iter().map(|v| {
        ours(
            |l| td_string!(l, cv_europass.volunteering),
            volunteering_text(v),
        )
    }));
    if let Some(interests) = some_text(&doc.interests) {
        list.push(ours(
            |l| td_string!(l, cv_europass.interests),
            interests.into(),
        ));
    }
    AchievementList { achievement: list }
}

/// "Patentino del muletto · Ente Scuola Edile · 2018-05": what is there, in
/// that order (the import reads it back by the same rule).
pub(super) fn certification_line(c: &Certification) -> String {
    [&c.name, &c.issuer, &c.date]
        .into_iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// A volunteering role: its first line "role · organisation · place ·
/// 2019-03 – 2020-01" (or "2019-03 –" while it goes on), then its activities.
pub(super) fn volunteering_text(v: &Experience) -> String {
    let to = if v.current { "" } else { v.to.trim() };
    let when = match (v.from.trim(), to) {
        ("", "") if !v.current => String::new(),
        (from, to) => format!("{from} – {to}").trim().to_string(),
    };
    let head = [
        v.role.trim(),
        v.employer.trim(),
        v.place.trim(),
        when.as_str(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(SEPARATOR);
    match v.activities.trim() {
        "" => head,
        activities => format!("{head}\n{activities}"),
    }
}

pub(super) const SEPARATOR: &str = " · ";
