//! iCalendar files (RFC 5545) with the `icalendar` crate: attached to the
//! confirmation emails and served as feeds that calendar apps subscribe to.

use icalendar::{Calendar, Component, Event, EventLike};

/// One event of a calendar file. Times are Unix seconds, written in UTC.
#[derive(Clone, Debug)]
pub struct CalendarItem {
    /// Stable across downloads, so a subscribed calendar updates the event.
    pub uid: String,
    pub title: String,
    pub description: String,
    pub location: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub url: String,
    pub cancelled: bool,
}

fn utc(unix: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(unix, 0).unwrap_or_default()
}

/// The portal's own product identifier (RFC 5545 3.7.3), instead of the
/// `icalendar` crate's.
pub const PRODID: &str = "-//Comune della Spezia//InfoLavoro//IT";

/// Where an event happens, as one line: the venue, then its comune unless
/// the venue already names it ("Via Roma 1, Sarzana" stays as it is).
pub fn place_line(venue: &str, comune: &str) -> String {
    use crate::kernel::text::slugify;
    let venue = venue.trim();
    // Whole words only: the comune of Né is not in "Via Venezia".
    let names_it = format!("-{}-", slugify(venue)).contains(&format!("-{}-", slugify(comune)));
    if comune.is_empty() || names_it {
        venue.to_string()
    } else if venue.is_empty() {
        comune.to_string()
    } else {
        format!("{venue}, {comune}")
    }
}

pub fn ics(name: &str, items: &[CalendarItem]) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(name);
    for item in items {
        let mut event = Event::new();
        event
            .uid(&item.uid)
            .summary(&item.title)
            .description(&item.description)
            .location(&item.location)
            .starts(utc(item.starts_at))
            .ends(utc(item.ends_at))
            .url(&item.url);
        if item.cancelled {
            event.status(icalendar::EventStatus::Cancelled);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_one_event_in_utc() {
        let text = ics(
            "InfoLavoro",
            &[CalendarItem {
                uid: "sessione-1@infolavoro".into(),
                title: "Corso di saldatura".into(),
                description: "Prima lezione".into(),
                location: "Via Roma 1, Sarzana".into(),
                starts_at: 1_796_112_000,
                ends_at: 1_796_122_800,
                url: "http://127.0.0.1:3000/corsi/1".into(),
                cancelled: false,
            }],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("SUMMARY:Corso di saldatura"));
        assert!(text.contains("DTSTART:20261201T080000Z"));
        assert!(text.contains("UID:sessione-1@infolavoro"));
        let prodids: Vec<&str> = text.lines().filter(|l| l.starts_with("PRODID:")).collect();
        assert_eq!(prodids, [format!("PRODID:{PRODID}")]);
    }

    #[test]
    fn a_venue_that_names_its_comune_does_not_repeat_it() {
        assert_eq!(
            place_line("Via Roma 1, Sarzana", "Sarzana"),
            "Via Roma 1, Sarzana"
        );
        assert_eq!(
            place_line("Piazza Verdi 2", "La Spezia"),
            "Piazza Verdi 2, La Spezia"
        );
        assert_eq!(
            place_line(
                "Sala consiliare, Riccò del Golfo",
                "Riccò del Golfo di Spezia"
            ),
            "Sala consiliare, Riccò del Golfo, Riccò del Golfo di Spezia"
        );
        assert_eq!(
            place_line(
                "Municipio di Riccò del Golfo di Spezia",
                "Ricco del Golfo di Spezia"
            ),
            "Municipio di Riccò del Golfo di Spezia"
        );
        assert_eq!(place_line("", "Lerici"), "Lerici");
        assert_eq!(place_line("Via Venezia 3", "Né"), "Via Venezia 3, Né");
        assert_eq!(place_line("Biblioteca di Né", "Né"), "Biblioteca di Né");
    }
}
