//! Our CV as a JSON Resume file.

use super::{
    Basics, Cefr, Certificate, Extra, Interest, Language, Location, Meta, Resume, Skill, Study,
    Volunteer, Work, NATIVE,
};
use crate::cv::domain::{
    iso_month, CvDocument, CvLanguage, Experience, DIGCOMP_AREAS, DIGCOMP_LEVELS,
};
use crate::i18n::td_string;
use crate::kernel::labels::{label_of, pick};
use crate::kernel::text::non_empty_lines;

/// Our CV as JSON Resume. `comune_name` is the name of the CV's comune.
pub fn export(doc: &CvDocument, language: CvLanguage, comune_name: &str) -> Resume {
    let english = language.english();
    Resume {
        schema: Some(
            "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json".into(),
        ),
        basics: basics(doc, comune_name),
        work: doc.experience.iter().map(work).collect(),
        volunteer: doc
            .volunteering
            .iter()
            .map(|e| {
                let w = work(e);
                Volunteer {
                    organization: w.name,
                    position: w.position,
                    location: w.location,
                    start_date: w.start_date,
                    end_date: w.end_date,
                    summary: w.summary,
                    highlights: w.highlights,
                }
            })
            .collect(),
        education: doc
            .education
            .iter()
            .map(|e| Study {
                institution: e.institution.trim().to_string(),
                area: e.title.trim().to_string(),
                study_type: String::new(),
                start_date: iso_month(&e.from),
                end_date: if e.current {
                    String::new()
                } else {
                    iso_month(&e.to)
                },
                courses: non_empty_lines(&e.details),
                location: e.place.trim().to_string(),
                eqf_level: (e.eqf > 0).then_some(e.eqf),
            })
            .collect(),
        certificates: doc
            .certifications
            .iter()
            .map(|c| Certificate {
                name: c.name.trim().to_string(),
                date: iso_month(&c.date),
                issuer: c.issuer.trim().to_string(),
            })
            .collect(),
        skills: skills(doc, english),
        languages: languages(doc),
        interests: non_empty_lines(&doc.interests)
            .into_iter()
            .map(|name| Interest {
                name,
                keywords: Vec::new(),
            })
            .collect(),
        meta: Some(Meta {
            version: "v1.0.0".into(),
            infolavoro: Some(Extra {
                language: language.code().into(),
                wishes: doc.wishes.clone(),
            }),
        }),
    }
}

fn basics(doc: &CvDocument, comune_name: &str) -> Basics {
    let p = &doc.personal;
    let email = p.email.trim();
    let location = Location {
        address: p.address.trim().to_string(),
        city: comune_name.to_string(),
        region: if comune_name.is_empty() {
            String::new()
        } else {
            "SP".into()
        },
        country_code: if comune_name.is_empty() {
            String::new()
        } else {
            "IT".into()
        },
    };
    Basics {
        name: doc.full_name(),
        label: doc.headline.trim().to_string(),
        // The schema wants a real address and URI there: leave out what is not one.
        email: if email.contains('@') && !email.contains(' ') {
            email.to_string()
        } else {
            String::new()
        },
        phone: p.phone.trim().to_string(),
        url: if p.website.trim().starts_with("http") {
            p.website.trim().to_string()
        } else {
            String::new()
        },
        summary: doc.profile.trim().to_string(),
        location: (!location.address.is_empty() || !location.city.is_empty()).then_some(location),
        profiles: Vec::new(),
        birth_date: p.birth_date.clone(),
        nationality: p.nationality.trim().to_string(),
        driving_licences: doc.licences.clone(),
        own_vehicle: doc.own_vehicle,
    }
}

fn work(e: &Experience) -> Work {
    Work {
        name: e.employer.trim().to_string(),
        position: e.role.trim().to_string(),
        location: e.place.trim().to_string(),
        start_date: iso_month(&e.from),
        end_date: if e.current {
            String::new()
        } else {
            iso_month(&e.to)
        },
        summary: String::new(),
        highlights: non_empty_lines(&e.activities),
    }
}

/// The DigComp areas with a level, the digital tools, then the other skills.
fn skills(doc: &CvDocument, english: bool) -> Vec<Skill> {
    let mut skills: Vec<Skill> = DIGCOMP_AREAS
        .iter()
        .zip(doc.digital.levels())
        .enumerate()
        .filter(|(_, (_, level))| !level.is_empty())
        .map(|(i, (area, level))| Skill {
            name: pick(*area, english).to_string(),
            level: label_of(&DIGCOMP_LEVELS, level, english).to_string(),
            keywords: Vec::new(),
            digcomp_area: Some(i as u8),
        })
        .collect();
    if !doc.digital.tools.trim().is_empty() {
        skills.push(Skill {
            name: pick(|l| td_string!(l, cv_json_resume.digital_tools), english).to_string(),
            level: String::new(),
            keywords: split_list(&doc.digital.tools),
            digcomp_area: Some(5),
        });
    }
    skills.extend(
        non_empty_lines(&doc.other_skills)
            .into_iter()
            .map(|name| Skill {
                name,
                ..Default::default()
            }),
    );
    skills
}

/// Mother tongues first, then the other languages with their CEFR grid.
fn languages(doc: &CvDocument) -> Vec<Language> {
    let mut languages: Vec<Language> = doc
        .mother_tongues
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| Language {
            language: t.trim().to_string(),
            fluency: NATIVE.into(),
            ..Default::default()
        })
        .collect();
    languages.extend(doc.languages.iter().map(|l| Language {
        language: l.language.trim().to_string(),
        fluency: l.overall().to_string(),
        cefr: Some(Cefr {
            listening: l.listening.clone(),
            reading: l.reading.clone(),
            interaction: l.interaction.clone(),
            production: l.production.clone(),
            writing: l.writing.clone(),
        }),
        certificates: l.certificates.trim().to_string(),
    }));
    languages
}

fn split_list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
