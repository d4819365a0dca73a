//! A CV made visible, as the candidates' search keeps it: the facts a job
//! needs (roles, place and reach, availability, languages, licences,
//! education, experience), and never who the person is.

use super::domain::{BlindEntry, CandidateCard, CandidateProfile};
use crate::cv::domain::{
    month_in, parse_month, period, CvDocument, CvLanguage, Experience, DIGCOMP_AREAS,
    DIGCOMP_LEVELS,
};
use crate::kernel::labels::{label_of, pick};

/// Whole years of work in the CV's jobs, up to `today` (year, month) for
/// those still going on. Overlapping jobs count once each.
pub fn years_of_experience(doc: &CvDocument, today: (i32, u8)) -> u8 {
    let months: i32 = doc
        .experience
        .iter()
        .filter_map(|e| {
            let from = parse_month(&e.from)?;
            let to = if e.current {
                Some(today)
            } else {
                parse_month(&e.to)
            }?;
            Some(((to.0 - from.0) * 12 + i32::from(to.1) - i32::from(from.1) + 1).max(0))
        })
        .sum();
    u8::try_from(months / 12).unwrap_or(u8::MAX)
}

pub fn education_level(doc: &CvDocument) -> u8 {
    doc.education.iter().map(|e| e.eqf).max().unwrap_or(0)
}

/// The card of a visible CV; `comune_name` is the name of its comune.
pub fn card(
    id: i64,
    doc: &CvDocument,
    comune_name: &str,
    updated_at: i64,
    today: (i32, u8),
) -> CandidateCard {
    CandidateCard {
        id,
        headline: doc.headline.trim().to_string(),
        roles: doc.wishes.roles.trim().to_string(),
        comune_name: comune_name.to_string(),
        travel_km: doc.wishes.travel_km,
        distance_km: None,
        available_from: doc.wishes.available_from.clone(),
        contracts: doc.wishes.contracts.clone(),
        languages: doc
            .languages
            .iter()
            .filter(|l| !l.language.trim().is_empty())
            .map(|l| (l.language.trim().to_string(), l.overall().to_string()))
            .collect(),
        licences: doc.licences.clone(),
        education_level: education_level(doc),
        years: years_of_experience(doc, today),
        updated_at,
    }
}

/// Everything the search matches words against.
pub fn searchable_text(doc: &CvDocument) -> (String, String) {
    let strong = [doc.wishes.roles.as_str(), doc.headline.as_str()]
        .into_iter()
        .chain(doc.experience.iter().map(|e| e.role.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let mut rest = vec![
        doc.profile.clone(),
        doc.other_skills.clone(),
        doc.digital.tools.clone(),
        doc.interests.clone(),
    ];
    rest.extend(doc.experience.iter().map(|e| e.activities.clone()));
    rest.extend(
        doc.volunteering
            .iter()
            .map(|e| format!("{} {}", e.role, e.activities)),
    );
    rest.extend(
        doc.education
            .iter()
            .map(|e| format!("{} {}", e.title, e.details)),
    );
    rest.extend(doc.certifications.iter().map(|c| c.name.clone()));
    (strong, rest.join(" "))
}

fn entries(list: &[Experience], language: CvLanguage) -> Vec<BlindEntry> {
    list.iter()
        .map(|e| BlindEntry {
            period: period(&e.from, &e.to, e.current, language),
            title: e.role.clone(),
            subtitle: [e.employer.trim(), e.place.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            lines: e
                .activities
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        })
        .collect()
}

/// The whole blind profile. Left out on purpose: name, photo, birth date,
/// nationality, email, phone, address, website.
pub fn profile(card: CandidateCard, doc: &CvDocument, language: CvLanguage) -> CandidateProfile {
    let english = language.english();
    CandidateProfile {
        card,
        cv_language: language,
        profile: doc.profile.clone(),
        experience: entries(&doc.experience, language),
        education: doc
            .education
            .iter()
            .map(|e| BlindEntry {
                period: period(&e.from, &e.to, e.current, language),
                title: e.title.clone(),
                subtitle: e.institution.clone(),
                lines: if e.eqf > 0 {
                    vec![format!("EQF {}", e.eqf)]
                } else {
                    Vec::new()
                },
            })
            .collect(),
        mother_tongues: doc.mother_tongues.clone(),
        language_grid: doc.languages.clone(),
        digital: DIGCOMP_AREAS
            .iter()
            .zip(doc.digital.levels())
            .filter(|(_, l)| !l.is_empty())
            .map(|(area, level)| {
                (
                    pick(*area, english).to_string(),
                    label_of(&DIGCOMP_LEVELS, level, english).to_string(),
                )
            })
            .collect(),
        digital_tools: doc.digital.tools.clone(),
        own_vehicle: doc.own_vehicle,
        other_skills: doc.other_skills.clone(),
        certifications: doc
            .certifications
            .iter()
            .map(|c| BlindEntry {
                period: month_in(&c.date, language),
                title: c.name.clone(),
                subtitle: c.issuer.clone(),
                lines: Vec::new(),
            })
            .collect(),
        volunteering: entries(&doc.volunteering, language),
        interests: doc.interests.clone(),
        request: None,
        contacts: None,
        shortlists: Vec::new(),
        offers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::api::shared::sample_cv as complete;

    #[test]
    fn experience_counts_whole_years_to_today() {
        // 2019-03 → 2026-12 ongoing (94 months) and 2014-06 → 2019-02 (57 months).
        assert_eq!(years_of_experience(&complete(), (2026, 12)), 12);
        assert_eq!(education_level(&complete()), 4);
    }

    #[test]
    fn the_card_and_profile_say_nothing_of_who_the_person_is() {
        let doc = complete();
        let card = card(7, &doc, "La Spezia", 0, (2026, 12));
        let profile = profile(card, &doc, CvLanguage::It);
        let json = serde_json::to_string(&profile).unwrap();
        for personal in [
            "Giulia",
            "Ferrari",
            "giulia.ferrari@example.it",
            "555 0123",
            "Prione",
            "1991",
            "Italiana",
            "example.it/giulia",
        ] {
            assert!(!json.contains(personal), "{personal} in {json}");
        }
    }
}
