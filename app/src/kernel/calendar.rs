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

pub fn ics(name: &str, items: &[CalendarItem]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
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
    }
}
