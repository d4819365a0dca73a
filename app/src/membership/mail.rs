//! The membership's messages, in the recipient's language (texts in
//! `locales/mail`).

use crate::kernel::mail_text::{text, Language, Mail};

pub fn received(language: Language, contact: &str, name: &str) -> Mail {
    crate::mail!(
        language,
        "membership.received",
        contact = contact,
        name = name
    )
}

pub fn new_request_for_admin(language: Language, name: &str, link: &str) -> Mail {
    crate::mail!(language, "membership.new_request", name = name, link = link)
}

/// Approved: for a body, with the link that makes its `ente` account.
pub fn approved(
    language: Language,
    contact: &str,
    name: &str,
    reason: &str,
    invitation: Option<&str>,
) -> Mail {
    let note = if reason.is_empty() {
        String::new()
    } else {
        format!("{reason}\n\n")
    };
    let fill = crate::kernel::mail_text::fill;
    let next = match invitation {
        Some(link) => fill(
            text(language, "membership.next_body"),
            &[("name", &name), ("link", &link)],
        ),
        None => fill(text(language, "membership.next_comune"), &[("name", &name)]),
    };
    crate::mail!(
        language,
        "membership.approved",
        contact = contact,
        name = name,
        note = note,
        next = next
    )
}

pub fn rejected(language: Language, contact: &str, name: &str, reason: &str) -> Mail {
    crate::mail!(
        language,
        "membership.rejected",
        contact = contact,
        name = name,
        reason = reason
    )
}

pub fn protocol_expiry(language: Language, days_left: i64, expires_at: i64, link: &str) -> Mail {
    let date = crate::kernel::mail_text::long_date(language, expires_at);
    crate::mail!(
        language,
        "membership.protocol_expiry",
        days = days_left,
        date = date,
        link = link
    )
}
