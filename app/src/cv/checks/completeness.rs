//! The meter: what makes a CV complete, and how much of it is there.

use super::*;

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
