//! A CV made visible, as the candidates' search keeps it: the facts a job
//! needs (roles, place and reach, availability, languages, licences,
//! education, experience), and never who the person is.

use super::domain::{BlindEntry, CandidateCard, CandidateProfile};
use crate::cv::domain::{
    parse_month, CvDocument, CvLanguage, Experience, DIGCOMP_AREAS, DIGCOMP_LEVELS,
};
use crate::i18n::td_string;
use crate::kernel::labels::{label_of, locale_of, pick};

/// Months from `from` to `to` (or to `today` while it goes on), both
/// counted; none without dates.
fn months_of(e: &Experience, today: (i32, u8)) -> Option<i32> {
    let from = parse_month(&e.from)?;
    let to = if e.current {
        Some(today)
    } else {
        parse_month(&e.to)
    }?;
    Some(((to.0 - from.0) * 12 + i32::from(to.1) - i32::from(from.1) + 1).max(0))
}

/// Whole years of work in the CV's jobs, up to `today` (year, month) for
/// those still going on. Overlapping jobs count once each.
pub fn years_of_experience(doc: &CvDocument, today: (i32, u8)) -> u8 {
    let months: i32 = doc
        .experience
        .iter()
        .filter_map(|e| months_of(e, today))
        .sum();
    u8::try_from(months / 12).unwrap_or(u8::MAX)
}

/// "14 anni", "1 anno", "8 mesi", with "in corso" before while it goes on;
/// "" without dates.
fn duration(e: &Experience, today: (i32, u8), language: CvLanguage) -> String {
    let l = locale_of(language.english());
    let length = match months_of(e, today) {
        None => String::new(),
        Some(12..=23) => td_string!(l, candidates_blind.one_year).to_string(),
        Some(m) if m >= 24 => td_string!(l, candidates_blind.years, n = m / 12).to_string(),
        Some(1) => td_string!(l, candidates_blind.one_month).to_string(),
        Some(m) => td_string!(l, candidates_blind.months, n = m.max(1)).to_string(),
    };
    match (e.current, length.is_empty()) {
        (true, true) => td_string!(l, candidates_blind.ongoing).to_string(),
        (true, false) => format!("{} · {length}", td_string!(l, candidates_blind.ongoing)),
        (false, _) => length,
    }
}

/// Italian as a mother tongue, as the card shows it: a level (C2) that
/// says the person speaks it fully, without saying it is their first.
fn italian_if_native(doc: &CvDocument) -> Option<(String, String)> {
    let native = doc.mother_tongues.iter().any(|t| {
        let t = t.trim().to_lowercase();
        t == "italiano" || t == "italian"
    });
    let listed = doc
        .languages
        .iter()
        .any(|l| ["italiano", "italian"].contains(&l.language.trim().to_lowercase().as_str()));
    (native && !listed).then(|| ("Italiano".to_string(), "C2".to_string()))
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
        available_in_weeks: 0,
        contracts: doc.wishes.contracts.clone(),
        languages: italian_if_native(doc)
            .into_iter()
            .chain(
                doc.languages
                    .iter()
                    .filter(|l| !l.language.trim().is_empty())
                    .map(|l| (l.language.trim().to_string(), l.overall().to_string())),
            )
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

fn entries(list: &[Experience], today: (i32, u8), language: CvLanguage) -> Vec<BlindEntry> {
    list.iter()
        .map(|e| BlindEntry {
            duration: duration(e, today, language),
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
/// nationality, mother tongue, email, phone, address, website, and every
/// date (durations instead), which would tell the person's age.
pub fn profile(
    card: CandidateCard,
    doc: &CvDocument,
    language: CvLanguage,
    today: (i32, u8),
) -> CandidateProfile {
    let english = language.english();
    let ongoing = td_string!(locale_of(english), candidates_blind.ongoing);
    CandidateProfile {
        card,
        cv_language: language,
        profile: doc.profile.clone(),
        experience: entries(&doc.experience, today, language),
        education: doc
            .education
            .iter()
            .map(|e| BlindEntry {
                duration: if e.current {
                    ongoing.to_string()
                } else {
                    String::new()
                },
                title: if e.eqf > 0 {
                    format!("{} (EQF {})", e.title, e.eqf)
                } else {
                    e.title.clone()
                },
                subtitle: e.institution.clone(),
                lines: Vec::new(),
            })
            .collect(),
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
                duration: String::new(),
                title: c.name.clone(),
                subtitle: c.issuer.clone(),
                lines: Vec::new(),
            })
            .collect(),
        volunteering: entries(&doc.volunteering, today, language),
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
        let profile = profile(card, &doc, CvLanguage::It, (2026, 12));
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

    /// No year and no month name anywhere a business reads: dates of school
    /// and jobs tell a person's age, which a business may not select on.
    #[test]
    fn no_field_a_business_receives_carries_a_year_or_a_month() {
        let doc = complete();
        for language in [CvLanguage::It, CvLanguage::En] {
            let card = card(7, &doc, "La Spezia", 0, (2026, 12));
            let json = serde_json::to_string(&profile(card, &doc, language, (2026, 12))).unwrap();
            let years = standalone_years(&json);
            assert!(years.is_empty(), "years {years:?} in {json}");
            for month in crate::kernel::dates::MONTHS_IT
                .iter()
                .chain(crate::kernel::dates::MONTHS_EN.iter())
            {
                assert!(
                    !json.to_lowercase().contains(&month.to_lowercase()),
                    "{month} in {json}"
                );
            }
            assert!(
                json.contains("EQF 4"),
                "the level of education stays: {json}"
            );
        }
    }

    /// Four-digit numbers from 1900 to 2099 standing alone in the text.
    fn standalone_years(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        for i in 0..chars.len().saturating_sub(3) {
            let window: String = chars[i..i + 4].iter().collect();
            let alone = (i == 0 || !chars[i - 1].is_ascii_digit())
                && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
            if alone
                && (window.starts_with("19") || window.starts_with("20"))
                && window.chars().all(|c| c.is_ascii_digit())
            {
                found.push(window);
            }
        }
        found
    }

    #[test]
    fn durations_say_how_long_not_when() {
        let job = |from: &str, to: &str, current: bool| Experience {
            from: from.into(),
            to: to.into(),
            current,
            ..Experience::default()
        };
        let it = CvLanguage::It;
        assert_eq!(
            duration(&job("2012-01", "2025-12", false), (2026, 12), it),
            "14 anni"
        );
        assert_eq!(
            duration(&job("2025-01", "2025-12", false), (2026, 12), it),
            "1 anno"
        );
        assert_eq!(
            duration(&job("2026-05", "", true), (2026, 12), it),
            "in corso · 8 mesi"
        );
        assert_eq!(
            duration(&job("2026-12", "2026-12", false), (2026, 12), it),
            "1 mese"
        );
        assert_eq!(duration(&job("", "", false), (2026, 12), it), "");
    }
}
