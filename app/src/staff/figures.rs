//! Server only: the dashboard's figures in words: each one's name, value,
//! line of detail and definition, in Italian or English. Written here rather
//! than in the page, so that these texts never travel in the wasm.

use super::domain::{FigureCard, Figures, Outcomes};
use crate::i18n::{td_string, Locale};
use crate::kernel::labels::{locale_of, pick, Label};

/// One figure's name and definition: (key, name, definition). The key is
/// stable: the page marks each card with it and the tests read it.
type Definition = (&'static str, Label, Label);

pub const DEFINITIONS: [Definition; 16] = [
    (
        "cittadini",
        |l| td_string!(l, staff_figures.registered_citizens),
        |l| td_string!(l, staff_figures.citizen_accounts_active_today),
    ),
    (
        "cv",
        |l| td_string!(l, staff_figures.cvs_started_and_completed),
        |l| td_string!(l, staff_figures.cvs_created_with_the),
    ),
    (
        "profili",
        |l| td_string!(l, staff_figures.profiles_visible_to_businesses),
        |l| td_string!(l, staff_figures.cvs_their_owner_made),
    ),
    (
        "offerte",
        |l| td_string!(l, staff_figures.active_offers),
        |l| td_string!(l, staff_figures.offers_published_and_not),
    ),
    (
        "candidature",
        |l| td_string!(l, staff_figures.applications),
        |l| td_string!(l, staff_figures.applications_sent_in_the),
    ),
    (
        "riempimento",
        |l| td_string!(l, staff_figures.course_fill_rate),
        |l| td_string!(l, staff_figures.seats_taken_over_seats),
    ),
    (
        "incontri",
        |l| td_string!(l, staff_figures.meeting_registrations),
        |l| td_string!(l, staff_figures.confirmed_registrations_to_thematic),
    ),
    (
        "sportello",
        |l| td_string!(l, staff_figures.desk_appointments),
        |l| td_string!(l, staff_figures.appointments_not_cancelled_today),
    ),
    (
        "assenze",
        |l| td_string!(l, staff_figures.no_show_rate),
        |l| td_string!(l, staff_figures.no_shows_over_the),
    ),
    (
        "attesa",
        |l| td_string!(l, staff_figures.waiting_for_moderation_or),
        |l| td_string!(l, staff_figures.offers_sent_for_review),
    ),
    (
        "assunzioni",
        |l| td_string!(l, staff_figures.hires),
        |l| td_string!(l, staff_figures.hires_definition),
    ),
    (
        "imprese",
        |l| td_string!(l, staff_figures.businesses),
        |l| td_string!(l, staff_figures.businesses_definition),
    ),
    (
        "esiti_offerte",
        |l| td_string!(l, staff_figures.offers_in_the_period),
        |l| td_string!(l, staff_figures.offers_in_the_period_definition),
    ),
    (
        "contatti",
        |l| td_string!(l, staff_figures.contact_requests),
        |l| td_string!(l, staff_figures.contact_requests_definition),
    ),
    (
        "moderazione",
        |l| td_string!(l, staff_figures.moderation_time),
        |l| td_string!(l, staff_figures.moderation_time_definition),
    ),
    (
        "temi_sportello",
        |l| td_string!(l, staff_figures.desk_topics),
        |l| td_string!(l, staff_figures.desk_topics_definition),
    ),
];

/// The figures a comune cannot narrow: people, CVs, businesses and contact
/// requests have no comune in the tables; accounts and requests to join in
/// the waiting work neither.
const NOT_BY_COMUNE: [&str; 6] = [
    "cittadini",
    "cv",
    "profili",
    "imprese",
    "contatti",
    "attesa",
];

/// A figure's value and its line of detail, by key.
fn value_and_detail(key: &str, f: &Figures, english: bool) -> (String, String) {
    let l = locale_of(english);
    let rate = |r: Option<i64>| r.map_or("—".to_string(), |p| format!("{p}%"));
    match key {
        "cittadini" => (
            f.citizens.to_string(),
            format!(
                "+{} {}",
                f.new_citizens,
                td_string!(l, staff_figures.in_the_period)
            ),
        ),
        "cv" => (
            format!("{} / {}", f.cvs_started, f.cvs_completed),
            td_string!(l, staff_figures.started_completed).into(),
        ),
        "profili" => (
            f.visible_profiles.to_string(),
            td_string!(l, staff_figures.today).into(),
        ),
        "offerte" => (
            f.offers_active.to_string(),
            format!(
                "{} {} · {} {}",
                f.offers_jobs,
                td_string!(l, staff_figures.jobs),
                f.offers_internships,
                td_string!(l, staff_figures.internships)
            ),
        ),
        "candidature" => (
            f.applications.to_string(),
            td_string!(l, staff_figures.in_the_period).into(),
        ),
        "riempimento" => (
            rate(f.fill_rate()),
            format!(
                "{} {} {} {} · {} {}",
                f.course_enrolled,
                td_string!(l, staff_figures.of),
                f.course_seats,
                td_string!(l, staff_figures.seats),
                f.course_waiting,
                td_string!(l, staff_figures.waiting)
            ),
        ),
        "incontri" => (
            f.meeting_registrations.to_string(),
            td_string!(l, staff_figures.in_the_period).into(),
        ),
        "sportello" => (
            format!(
                "{} {}",
                f.appointments_today,
                td_string!(l, staff_figures.today)
            ),
            format!(
                "{} {}",
                f.appointments_week,
                td_string!(l, staff_figures.this_week)
            ),
        ),
        "assenze" => (
            rate(f.no_show_rate()),
            format!(
                "{} {} {}",
                f.appointments_missed,
                td_string!(l, staff_figures.no_shows_of),
                f.appointments_done + f.appointments_missed
            ),
        ),
        "assunzioni" | "imprese" | "esiti_offerte" | "contatti" | "moderazione"
        | "temi_sportello" => outcome(key, &f.outcomes, english),
        _ => (
            (f.offers_to_review
                + f.accounts_to_verify
                + f.activities_to_review
                + f.adhesions_waiting)
                .to_string(),
            format!(
                "{} {} · {} {} · {} {} · {} {}",
                f.offers_to_review,
                td_string!(l, staff_figures.offers),
                f.activities_to_review,
                td_string!(l, staff_figures.courses_and_meetings),
                f.accounts_to_verify,
                td_string!(l, staff_figures.accounts),
                f.adhesions_waiting,
                td_string!(l, staff_figures.requests_to_join)
            ),
        ),
    }
}

/// The outcome figures' value and detail.
fn outcome(key: &str, o: &Outcomes, english: bool) -> (String, String) {
    let l = locale_of(english);
    let listed = |groups: &[(String, i64)], label: fn(&str, Locale) -> &'static str| {
        groups
            .iter()
            .map(|(code, n)| format!("{} {n}", label(code, l)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    match key {
        "assunzioni" => (
            o.hires.to_string(),
            listed(&o.applications_by_stage, stage_label),
        ),
        "imprese" => (
            format!("+{}", o.businesses_new),
            format!(
                "{} {} · {} {}",
                o.businesses_verified,
                td_string!(l, staff_figures.verified),
                o.businesses_active,
                td_string!(l, staff_figures.with_an_offer_in_the_period)
            ),
        ),
        "esiti_offerte" => (
            o.offers_published.to_string(),
            format!(
                "{} {} · {} {}",
                o.offers_filled,
                td_string!(l, staff_figures.filled),
                o.offers_expired,
                td_string!(l, staff_figures.expired)
            ),
        ),
        "contatti" => (
            o.contacts_sent.to_string(),
            format!(
                "{} {} · {} {}",
                o.contacts_answered,
                td_string!(l, staff_figures.answered),
                o.contacts_accepted,
                td_string!(l, staff_figures.accepted)
            ),
        ),
        "moderazione" => (
            o.median_decision_hours
                .map_or("—".to_string(), |h| format!("{h} h")),
            format!("{} {}", o.decisions, td_string!(l, staff_figures.decisions)),
        ),
        _ => (
            o.appointments_by_topic
                .iter()
                .map(|(_, n)| n)
                .sum::<i64>()
                .to_string(),
            listed(&o.appointments_by_topic, topic_label),
        ),
    }
}

fn stage_label(code: &str, l: Locale) -> &'static str {
    match code {
        "ricevuta" => td_string!(l, staff_figures.stage_received),
        "in_esame" => td_string!(l, staff_figures.stage_in_review),
        "colloquio" => td_string!(l, staff_figures.stage_interview),
        "non_selezionata" => td_string!(l, staff_figures.stage_not_selected),
        _ => td_string!(l, staff_figures.stage_hired),
    }
}

fn topic_label(code: &str, l: Locale) -> &'static str {
    match code {
        "cv" => td_string!(l, staff_figures.topic_cv),
        "colloquio" => td_string!(l, staff_figures.topic_interview),
        "orientamento" => td_string!(l, staff_figures.topic_guidance),
        "impresa" => td_string!(l, staff_figures.topic_business),
        _ => td_string!(l, staff_figures.topic_information),
    }
}

/// Every figure, in the order of `DEFINITIONS`; with a comune chosen, the
/// ones it cannot narrow say so.
pub fn cards(f: &Figures, english: bool, comune_chosen: bool) -> Vec<FigureCard> {
    let note = pick(|l| td_string!(l, staff_figures.not_by_comune), english);
    DEFINITIONS
        .iter()
        .map(|(key, name, definition)| {
            let (value, detail) = value_and_detail(key, f, english);
            let unscoped = comune_chosen && NOT_BY_COMUNE.contains(key);
            FigureCard {
                key: key.to_string(),
                name: pick(*name, english).to_string(),
                value,
                detail,
                definition: pick(*definition, english).to_string(),
                scope_note: if unscoped {
                    note.to_string()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_has_a_definition_in_both_languages() {
        let mut keys: Vec<&str> = DEFINITIONS.iter().map(|d| d.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), DEFINITIONS.len(), "keys are unique");
        for (key, name, definition) in DEFINITIONS {
            for l in [Locale::it, Locale::en] {
                assert!(!name(l).is_empty() && definition(l).len() > 40, "{key}");
            }
        }
    }

    #[test]
    fn the_cards_say_the_numbers_in_words() {
        let f = Figures {
            course_enrolled: 3,
            course_seats: 4,
            course_waiting: 2,
            appointments_done: 0,
            appointments_missed: 0,
            ..Figures::default()
        };
        let it = cards(&f, false, false);
        let fill = it.iter().find(|c| c.key == "riempimento").unwrap();
        assert_eq!(fill.value, "75%");
        assert_eq!(fill.detail, "3 su 4 posti · 2 in lista d'attesa");
        assert!(fill
            .definition
            .starts_with("Posti occupati sui posti offerti"));
        let missed = it.iter().find(|c| c.key == "assenze").unwrap();
        assert_eq!(missed.value, "—", "no rate without appointments");
        let en = cards(&f, true, false);
        assert_eq!(
            en.iter().find(|c| c.key == "riempimento").unwrap().name,
            "Course fill rate"
        );
        assert_eq!(it.len(), DEFINITIONS.len());
        assert!(it.iter().all(|c| c.scope_note.is_empty()));
        let sarzana = cards(&f, false, true);
        let note = |key: &str| {
            sarzana
                .iter()
                .find(|c| c.key == key)
                .unwrap()
                .scope_note
                .clone()
        };
        assert!(note("imprese").contains("comune"), "{}", note("imprese"));
        assert!(note("offerte").is_empty(), "offers follow the comune");
    }

    #[test]
    fn outcomes_read_as_words() {
        let f = Figures {
            outcomes: Outcomes {
                hires: 2,
                applications_by_stage: vec![("ricevuta".into(), 5), ("assunta".into(), 2)],
                median_decision_hours: Some(26),
                decisions: 3,
                appointments_by_topic: vec![("cv".into(), 4), ("colloquio".into(), 1)],
                ..Outcomes::default()
            },
            ..Figures::default()
        };
        let it = cards(&f, false, false);
        let card = |key: &str| it.iter().find(|c| c.key == key).unwrap().clone();
        assert_eq!(card("assunzioni").value, "2");
        assert_eq!(card("assunzioni").detail, "ricevute 5 · assunte 2");
        assert_eq!(card("moderazione").value, "26 h");
        assert_eq!(card("temi_sportello").value, "5");
        assert!(card("temi_sportello").detail.starts_with("curriculum 4"));
    }
}
