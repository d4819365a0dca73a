//! JSON Resume (schema v1.0.0, the `@jsonresume/schema` package) both ways.
//!
//! What the schema has no place for (CEFR grid, DigComp levels, driving
//! licences, birth date, nationality, EQF level) travels in extra properties,
//! which the schema allows, so our own export comes back whole; a file from
//! another tool brings what it has.

use super::domain::{
    iso_month, parse_month, Certification, CvDocument, CvLanguage, DigitalSkills, Education,
    Experience, JobWishes, LanguageSkill, Personal, CEFR_LEVELS, DIGCOMP_AREAS, DIGCOMP_LEVELS,
    LICENCES,
};
use crate::i18n::{td_string, Locale};
use crate::kernel::labels::{label_of, pick};
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Resume {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub basics: Basics,
    pub work: Vec<Work>,
    pub volunteer: Vec<Volunteer>,
    pub education: Vec<Study>,
    pub certificates: Vec<Certificate>,
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
    pub interests: Vec<Interest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Basics {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    // Extensions.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub birth_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub nationality: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub driving_licences: Vec<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub own_vehicle: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country_code: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Work {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Volunteer {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organization: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Study {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub institution: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub study_type: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
    // Extensions.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eqf_level: Option<u8>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Certificate {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issuer: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Skill {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub level: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Extension: the DigComp area (0–4) this skill is, or 5 for the tools.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digcomp_area: Option<u8>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Language {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub fluency: String,
    // Extensions: the CEFR self-assessment grid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cefr: Option<Cefr>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub certificates: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cefr {
    pub listening: String,
    pub reading: String,
    pub interaction: String,
    pub production: String,
    pub writing: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Interest {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Meta {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infolavoro: Option<Extra>,
}

/// What only InfoLavoro keeps: the CV's language and the job wishes.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Extra {
    pub language: String,
    pub wishes: JobWishes,
}

const NATIVE: &str = "Madrelingua";

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Our CV as JSON Resume. `comune_name` is the name of the CV's comune.
pub fn export(doc: &CvDocument, language: CvLanguage, comune_name: &str) -> Resume {
    let p = &doc.personal;
    let english = language.english();
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
    let work = |e: &Experience| Work {
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
        highlights: lines(&e.activities),
    };
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
    skills.extend(lines(&doc.other_skills).into_iter().map(|name| Skill {
        name,
        ..Default::default()
    }));
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
    Resume {
        schema: Some(
            "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json".into(),
        ),
        basics: Basics {
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
            location: (!location.address.is_empty() || !location.city.is_empty())
                .then_some(location),
            birth_date: p.birth_date.clone(),
            nationality: p.nationality.trim().to_string(),
            driving_licences: doc.licences.clone(),
            own_vehicle: doc.own_vehicle,
        },
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
                courses: lines(&e.details),
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
        skills,
        languages,
        interests: lines(&doc.interests)
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

fn split_list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

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
    NotJson(String),
    NotAResume,
}

impl ImportError {
    /// The refusal of the file, in words for the person importing it.
    pub fn refusal(&self) -> crate::error::AppError {
        match self {
            Self::NotJson(cause) => crate::invalid!("file", import_not_json, cause = cause),
            Self::NotAResume => crate::invalid!("file", import_not_a_resume),
        }
    }
}

/// A JSON Resume file as a new CV, with the language it says it is in.
/// `comune_of` finds the slug of a comune of the province by its name.
pub fn import(
    text: &str,
    comune_of: impl Fn(&str) -> Option<String>,
) -> Result<(CvDocument, CvLanguage), ImportError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ImportError::NotJson(format!("riga {}", e.line())))?;
    if !value
        .get("basics")
        .is_some_and(serde_json::Value::is_object)
    {
        return Err(ImportError::NotAResume);
    }
    let r: Resume =
        serde_json::from_value(value).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let b = r.basics;
    let (first_name, last_name) = match b.name.trim().split_once(' ') {
        Some((first, last)) => (first.to_string(), last.trim().to_string()),
        None => (b.name.trim().to_string(), String::new()),
    };
    let location = b.location.unwrap_or_default();
    let comune = comune_of(&location.city).unwrap_or_default();
    let mut address = location.address.trim().to_string();
    if comune.is_empty() && !location.city.trim().is_empty() {
        // A city outside the province stays part of the address.
        address = [address.as_str(), location.city.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    let experience = |name: String,
                      position: String,
                      place: String,
                      start: &str,
                      end: &str,
                      summary: &str,
                      highlights: Vec<String>| {
        let from = month(start);
        let to = month(end);
        let mut activities = lines(summary);
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
    };
    let mut digital = DigitalSkills::default();
    let mut other = Vec::new();
    for s in r.skills {
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
    let mut mother_tongues = Vec::new();
    let mut languages = Vec::new();
    for l in r.languages {
        let fluency = l.fluency.to_lowercase();
        if ["madrelingua", "native", "mother"]
            .iter()
            .any(|n| fluency.contains(n))
        {
            mother_tongues.push(l.language.trim().to_string());
            continue;
        }
        let grid = l.cefr.unwrap_or_else(|| {
            let level = cefr(&l.fluency);
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
    let extra = r.meta.and_then(|m| m.infolavoro).unwrap_or_default();
    let doc = CvDocument {
        personal: Personal {
            first_name,
            last_name,
            email: b.email,
            phone: b.phone,
            address,
            comune,
            birth_date: b.birth_date.get(..10).unwrap_or_default().to_string(),
            nationality: b.nationality,
            website: b.url,
        },
        headline: b.label,
        profile: b.summary,
        experience: r
            .work
            .into_iter()
            .map(|w| {
                experience(
                    w.name,
                    w.position,
                    w.location,
                    &w.start_date,
                    &w.end_date,
                    &w.summary,
                    w.highlights,
                )
            })
            .collect(),
        education: r
            .education
            .into_iter()
            .map(|s| {
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
            })
            .collect(),
        mother_tongues,
        languages,
        digital,
        licences: b
            .driving_licences
            .into_iter()
            .filter(|l| LICENCES.contains(&l.as_str()))
            .collect(),
        own_vehicle: b.own_vehicle,
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
                experience(
                    v.organization,
                    v.position,
                    v.location,
                    &v.start_date,
                    &v.end_date,
                    &v.summary,
                    v.highlights,
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
    Ok((doc, language))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::sample::complete;

    fn comune_of(name: &str) -> Option<String> {
        (name == "La Spezia").then(|| "la-spezia".to_string())
    }

    #[test]
    fn our_cv_comes_back_whole() {
        let mut doc = complete();
        // One line per interest and per other skill: how JSON Resume lists them.
        doc.interests = "Vela\nTrekking alle Cinque Terre".into();
        let resume = export(&doc, CvLanguage::En, "La Spezia");
        let text = serde_json::to_string_pretty(&resume).unwrap();
        let (back, language) = import(&text, comune_of).unwrap();
        assert_eq!(language, CvLanguage::En);
        assert_eq!(back, doc);
    }

    #[test]
    fn a_json_resume_file_survives_the_round_trip_through_a_cv() {
        let original = serde_json::json!({
            "basics": {
                "name": "Amina Diallo",
                "label": "Aiuto cuoca",
                "email": "amina@example.org",
                "phone": "+39 333 1234567",
                "url": "https://example.org/amina",
                "summary": "Cucina e pasticceria.",
                "location": { "address": "Via Roma 3", "city": "La Spezia", "region": "SP", "countryCode": "IT" }
            },
            "work": [{
                "name": "Trattoria del Porto", "position": "Aiuto cuoca", "location": "Lerici",
                "startDate": "2022-05", "endDate": "2024-09",
                "highlights": ["Preparazione dei primi", "Ordini ai fornitori"]
            }],
            "volunteer": [{ "organization": "Caritas", "position": "Volontaria", "startDate": "2021-01", "highlights": ["Mensa"] }],
            "education": [{ "institution": "CPIA La Spezia", "area": "Licenza media", "startDate": "2020-09", "endDate": "2021-06", "courses": ["Italiano L2"] }],
            "certificates": [{ "name": "HACCP", "issuer": "ASL 5", "date": "2022-03" }],
            "skills": [{ "name": "Pasticceria" }],
            "languages": [{ "language": "Francese", "fluency": "Madrelingua" }, { "language": "Italiano", "fluency": "B1" }],
            "interests": [{ "name": "Cucito" }]
        });
        let (doc, _) = import(&original.to_string(), comune_of).unwrap();
        assert_eq!(doc.personal.comune, "la-spezia");
        assert_eq!(
            doc.experience[0].activities,
            "Preparazione dei primi\nOrdini ai fornitori"
        );
        assert_eq!(doc.mother_tongues, ["Francese"]);
        assert_eq!(doc.languages[0].overall(), "B1");
        let again = serde_json::to_value(export(&doc, CvLanguage::It, "La Spezia")).unwrap();
        for pointer in [
            "/basics/name",
            "/basics/label",
            "/basics/email",
            "/basics/phone",
            "/basics/url",
            "/basics/summary",
            "/basics/location/address",
            "/basics/location/city",
            "/work/0/name",
            "/work/0/position",
            "/work/0/location",
            "/work/0/startDate",
            "/work/0/endDate",
            "/work/0/highlights",
            "/volunteer/0/organization",
            "/volunteer/0/position",
            "/volunteer/0/startDate",
            "/volunteer/0/highlights",
            "/education/0/institution",
            "/education/0/area",
            "/education/0/startDate",
            "/education/0/endDate",
            "/education/0/courses",
            "/certificates/0",
            "/skills/0/name",
            "/languages/0",
            "/languages/1/language",
            "/languages/1/fluency",
            "/interests/0",
        ] {
            assert_eq!(
                again.pointer(pointer),
                original.pointer(pointer),
                "{pointer}"
            );
        }
    }

    #[test]
    fn a_bad_file_says_what_is_wrong() {
        assert!(matches!(
            import("{ non è json", comune_of),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(import("[1, 2]", comune_of), Err(ImportError::NotAResume));
        assert_eq!(
            import(r#"{"name": "x"}"#, comune_of),
            Err(ImportError::NotAResume)
        );
    }
}
