//! The emails about courses and meetings, in the recipient's language
//! (texts in `locales/mail`), and the calendar file that goes with them.

use super::domain::{EnrolmentStatus, MyPlace};
use super::repo::Stored;
use crate::kernel::calendar::{ics, CalendarItem};
use crate::kernel::dates::italian_time;
use crate::kernel::mail_text::{fill, long_date, text, Language, Mail};

/// One calendar event per session of the activity.
pub fn calendar_items(a: &Stored, public_url: &str) -> Vec<CalendarItem> {
    let s = &a.summary;
    let location = if s.mode == super::domain::Mode::Online {
        "Online".to_string()
    } else {
        crate::kernel::calendar::place_line(&a.venue, &s.comune_name)
    };
    let total = a.sessions.len();
    a.sessions
        .iter()
        .enumerate()
        .map(|(i, session)| CalendarItem {
            uid: format!("attivita-{}-{}@infolavoro", s.id, session.starts_at),
            title: if total > 1 {
                format!("{} ({}/{total})", s.title, i + 1)
            } else {
                s.title.clone()
            },
            description: format!("{} — organizza {}", s.title, s.organiser_name),
            location: location.clone(),
            starts_at: session.starts_at,
            ends_at: session.ends_at,
            url: format!("{public_url}{}", s.href()),
            cancelled: s.status == super::domain::Status::Annullato,
        })
        .collect()
}

pub fn calendar_file(a: &Stored, public_url: &str) -> String {
    ics(&a.summary.title, &calendar_items(a, public_url))
}

/// The sessions, one line each.
fn when(language: Language, a: &Stored) -> String {
    let line = text(language, "catalogue.session");
    a.sessions
        .iter()
        .map(|s| {
            let (date, from, to) = (
                long_date(language, s.starts_at),
                italian_time(s.starts_at),
                italian_time(s.ends_at),
            );
            fill(line, &[("date", &date), ("from", &from), ("to", &to)])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "al corso", "all'incontro": what the person has a place at.
fn what(language: Language, a: &Stored) -> &'static str {
    match a.summary.kind {
        super::domain::Kind::Corso => text(language, "catalogue.to_course"),
        super::domain::Kind::Incontro => text(language, "catalogue.to_meeting"),
    }
}

fn place(language: Language, a: &Stored) -> String {
    if a.summary.mode == super::domain::Mode::Online {
        text(language, "catalogue.online").to_string()
    } else {
        format!("{}, {}", a.venue, a.summary.comune_name)
    }
}

pub fn confirmation(
    language: Language,
    name: &str,
    a: &Stored,
    place_held: &MyPlace,
    public_url: &str,
) -> Mail {
    let link = format!("{public_url}{}", a.summary.href());
    let (what, title, sessions) = (what(language, a), &a.summary.title, when(language, a));
    match place_held.status {
        EnrolmentStatus::InAttesa => crate::mail!(
            language,
            "catalogue.waitlist",
            name = name,
            what = what,
            title = title,
            position = place_held.position.unwrap_or(1),
            sessions = sessions,
            link = link
        ),
        _ => crate::mail!(
            language,
            "catalogue.confirmed",
            name = name,
            what = what,
            title = title,
            sessions = sessions,
            place = place(language, a),
            organiser = a.summary.organiser_name,
            code = place_held.code,
            link = link
        ),
    }
}

pub fn promoted(language: Language, name: &str, a: &Stored, code: &str, public_url: &str) -> Mail {
    crate::mail!(
        language,
        "catalogue.promoted",
        name = name,
        what = what(language, a),
        title = a.summary.title,
        sessions = when(language, a),
        place = place(language, a),
        code = code,
        link = format!("{public_url}{}", a.summary.href())
    )
}

pub fn cancelled(language: Language, name: &str, a: &Stored, reason: &str) -> Mail {
    crate::mail!(
        language,
        "catalogue.cancelled",
        name = name,
        title = a.summary.title,
        organiser = a.summary.organiser_name,
        reason = reason
    )
}

/// The confirmation that the person's own cancellation went through.
pub fn you_cancelled(language: Language, name: &str, a: &Stored) -> Mail {
    crate::mail!(
        language,
        "catalogue.you_cancelled",
        name = name,
        what = what(language, a),
        title = a.summary.title,
        sessions = when(language, a)
    )
}

pub fn reminder(language: Language, name: &str, a: &Stored) -> Mail {
    crate::mail!(
        language,
        "catalogue.reminder",
        name = name,
        title = a.summary.title,
        sessions = when(language, a),
        place = place(language, a)
    )
}

/// The organiser's answer from the review: published, or why not.
pub fn reviewed(
    language: Language,
    name: &str,
    title: &str,
    approved: bool,
    reason: &str,
    link: &str,
) -> Mail {
    if approved {
        crate::mail!(
            language,
            "catalogue.review_approved",
            name = name,
            title = title,
            reason = reason,
            link = link
        )
    } else {
        crate::mail!(
            language,
            "catalogue.review_rejected",
            name = name,
            title = title,
            reason = reason,
            link = link
        )
    }
}
