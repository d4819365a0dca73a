//! Server only: the dashboard's figures in words: each one's name, value,
//! line of detail and definition, in Italian or English. Written here rather
//! than in the page, so that these texts never travel in the wasm.

use super::domain::{FigureCard, Figures};
use crate::i18n::td_string;
use crate::kernel::labels::{locale_of, pick, Label};

/// One figure's name and definition: (key, name, definition). The key is
/// stable: the page marks each card with it and the tests read it.
type Definition = (&'static str, Label, Label);

pub const DEFINITIONS: [Definition; 10] = [
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

/// Every figure, in the order of `DEFINITIONS`.
pub fn cards(f: &Figures, english: bool) -> Vec<FigureCard> {
    DEFINITIONS
        .iter()
        .map(|(key, name, definition)| {
            let (value, detail) = value_and_detail(key, f, english);
            FigureCard {
                key: key.to_string(),
                name: pick(*name, english).to_string(),
                value,
                detail,
                definition: pick(*definition, english).to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

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
        let it = cards(&f, false);
        let fill = it.iter().find(|c| c.key == "riempimento").unwrap();
        assert_eq!(fill.value, "75%");
        assert_eq!(fill.detail, "3 su 4 posti · 2 in lista d'attesa");
        assert!(fill
            .definition
            .starts_with("Posti occupati sui posti offerti"));
        let missed = it.iter().find(|c| c.key == "assenze").unwrap();
        assert_eq!(missed.value, "—", "no rate without appointments");
        let en = cards(&f, true);
        assert_eq!(
            en.iter().find(|c| c.key == "riempimento").unwrap().name,
            "Course fill rate"
        );
        assert_eq!(it.len(), DEFINITIONS.len());
    }
}
