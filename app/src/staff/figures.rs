//! Server only: the dashboard's figures in words: each one's name, value,
//! line of detail and definition, in Italian or English. Written here rather
//! than in the page, so that these texts never travel in the wasm.

use super::domain::{FigureCard, Figures};

/// One figure's name and definition: (key, Italian name, English name,
/// Italian definition, English definition). The key is stable: the page
/// marks each card with it and the tests read it.
type Definition = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

pub const DEFINITIONS: [Definition; 10] = [
    ("cittadini", "Cittadini registrati", "Registered citizens",
     "Account di cittadini attivi oggi (esclusi quelli cancellati). Tra parentesi quelli registrati nel periodo scelto. Non dipende dal comune né dall'ente.",
     "Citizen accounts active today (erased ones excluded). In brackets, those registered in the chosen period. Not filtered by comune or body."),
    ("cv", "CV avviati e completati", "CVs started and completed",
     "CV creati con il costruttore. Completato: il misuratore di completezza è almeno all'80%. Non dipende dal comune né dall'ente.",
     "CVs created with the builder. Completed: the completeness meter is at least 80%. Not filtered by comune or body."),
    ("profili", "Profili visibili alle imprese", "Profiles visible to businesses",
     "CV che il titolare ha reso visibili alle imprese, con il consenso registrato, oggi. Non dipende dal comune né dall'ente.",
     "CVs their owner made visible to businesses, with recorded consent, today. Not filtered by comune or body."),
    ("offerte", "Offerte attive", "Active offers",
     "Offerte pubblicate e non scadute oggi, di lavoro e di tirocinio. Con l'ente: quelle che l'ente ha pubblicato.",
     "Offers published and not expired today, jobs and internships. With a body: those it published."),
    ("candidature", "Candidature", "Applications",
     "Candidature inviate nel periodo scelto alle offerte del comune (o dell'ente).",
     "Applications sent in the chosen period to the offers of the comune (or of the body)."),
    ("riempimento", "Riempimento dei corsi", "Course fill rate",
     "Posti occupati sui posti offerti nei corsi pubblicati o chiusi che finiscono da oggi in poi. Tra parentesi le persone in lista d'attesa.",
     "Seats taken over seats offered in published or closed courses ending today or later. In brackets, the people on waiting lists."),
    ("incontri", "Iscrizioni agli incontri", "Meeting registrations",
     "Iscrizioni confermate agli incontri tematici fatte nel periodo scelto (senza le annullate).",
     "Confirmed registrations to thematic meetings made in the chosen period (cancelled ones excluded)."),
    ("sportello", "Appuntamenti allo sportello", "Desk appointments",
     "Appuntamenti non annullati di oggi e di questa settimana, da lunedì a domenica, allo sportello del comune scelto (o a tutti).",
     "Appointments not cancelled today and this week, Monday to Sunday, at the chosen comune's desk (or at all of them)."),
    ("assenze", "Tasso di assenza", "No-show rate",
     "Assenti sul totale degli appuntamenti del periodo già segnati come svolti o assenti.",
     "No-shows over the period's appointments already marked as done or no-show."),
    ("attesa", "In attesa di moderazione o verifica", "Waiting for moderation or verification",
     "Offerte inviate in revisione, corsi e incontri in revisione (se la revisione è attiva), account di imprese ed enti in attesa di verifica e richieste di adesione alla Rete ancora da decidere, oggi. Il filtro per comune ed ente vale per offerte, corsi e incontri.",
     "Offers sent for review, courses and meetings under review (when review is on), business and body accounts waiting for verification and requests to join the Network not yet decided, today. The comune and body filter applies to offers, courses and meetings."),
];

fn pick(english: bool, it: &'static str, en: &'static str) -> &'static str {
    if english {
        en
    } else {
        it
    }
}

/// A figure's value and its line of detail, by key.
fn value_and_detail(key: &str, f: &Figures, english: bool) -> (String, String) {
    let t = |it, en| pick(english, it, en);
    let rate = |r: Option<i64>| r.map_or("—".to_string(), |p| format!("{p}%"));
    match key {
        "cittadini" => (
            f.citizens.to_string(),
            format!("+{} {}", f.new_citizens, t("nel periodo", "in the period")),
        ),
        "cv" => (
            format!("{} / {}", f.cvs_started, f.cvs_completed),
            t("avviati / completati", "started / completed").into(),
        ),
        "profili" => (f.visible_profiles.to_string(), t("oggi", "today").into()),
        "offerte" => (
            f.offers_active.to_string(),
            format!(
                "{} {} · {} {}",
                f.offers_jobs,
                t("lavoro", "jobs"),
                f.offers_internships,
                t("tirocinio", "internships")
            ),
        ),
        "candidature" => (
            f.applications.to_string(),
            t("nel periodo", "in the period").into(),
        ),
        "riempimento" => (
            rate(f.fill_rate()),
            format!(
                "{} {} {} {} · {} {}",
                f.course_enrolled,
                t("su", "of"),
                f.course_seats,
                t("posti", "seats"),
                f.course_waiting,
                t("in lista d'attesa", "waiting")
            ),
        ),
        "incontri" => (
            f.meeting_registrations.to_string(),
            t("nel periodo", "in the period").into(),
        ),
        "sportello" => (
            format!("{} {}", f.appointments_today, t("oggi", "today")),
            format!(
                "{} {}",
                f.appointments_week,
                t("questa settimana", "this week")
            ),
        ),
        "assenze" => (
            rate(f.no_show_rate()),
            format!(
                "{} {} {}",
                f.appointments_missed,
                t("assenti su", "no-shows of"),
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
                t("offerte", "offers"),
                f.activities_to_review,
                t("corsi e incontri", "courses and meetings"),
                f.accounts_to_verify,
                t("account", "accounts"),
                f.adhesions_waiting,
                t("adesioni", "requests to join")
            ),
        ),
    }
}

/// Every figure, in the order of `DEFINITIONS`.
pub fn cards(f: &Figures, english: bool) -> Vec<FigureCard> {
    DEFINITIONS
        .iter()
        .map(|(key, it, en, def_it, def_en)| {
            let (value, detail) = value_and_detail(key, f, english);
            FigureCard {
                key: key.to_string(),
                name: pick(english, it, en).to_string(),
                value,
                detail,
                definition: pick(english, def_it, def_en).to_string(),
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
        for (key, it, en, def_it, def_en) in DEFINITIONS {
            assert!(
                !it.is_empty() && !en.is_empty() && def_it.len() > 40 && def_en.len() > 40,
                "{key}"
            );
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
