//! The accounts' email messages, in the recipient's language (texts in
//! `locales/mail`); `kernel::outbox` queues and delivers them.

use crate::kernel::mail_text::{Language, Mail};

pub fn verification_email(language: Language, name: &str, link: &str) -> Mail {
    crate::mail!(language, "accounts.verification", name = name, link = link)
}

pub fn already_registered_email(language: Language) -> Mail {
    crate::mail!(language, "accounts.already_registered")
}

pub fn reset_email(language: Language, name: &str, link: &str) -> Mail {
    crate::mail!(language, "accounts.reset", name = name, link = link)
}

pub fn decision_email(language: Language, name: &str, approved: bool, reason: &str) -> Mail {
    if approved {
        crate::mail!(language, "accounts.approved", name = name, reason = reason)
    } else {
        crate::mail!(language, "accounts.rejected", name = name, reason = reason)
    }
}
