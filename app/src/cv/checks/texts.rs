//! Every text a person writes in a CV, with its field and its step: what
//! the PDF's character check walks, and what the emoji advice looks at.

use super::*;

/// A written text of the CV: its field (`experience.0.role`) and its words.
pub struct Written<'a> {
    pub field: String,
    pub text: &'a str,
}

fn push<'a>(out: &mut Vec<Written<'a>>, field: impl Into<String>, text: &'a str) {
    if !text.trim().is_empty() {
        out.push(Written {
            field: field.into(),
            text,
        });
    }
}

/// The texts in the wizard's order (dates, levels and codes left out: they
/// are chosen, not written).
pub fn written(doc: &CvDocument) -> Vec<Written<'_>> {
    let mut out = Vec::new();
    let p = &doc.personal;
    for (field, text) in [
        ("personal.first_name", &p.first_name),
        ("personal.last_name", &p.last_name),
        ("personal.email", &p.email),
        ("personal.phone", &p.phone),
        ("personal.address", &p.address),
        ("personal.nationality", &p.nationality),
        ("personal.website", &p.website),
        ("headline", &doc.headline),
        ("profile", &doc.profile),
    ] {
        push(&mut out, field, text);
    }
    experiences(&mut out, "experience", &doc.experience);
    for (i, e) in doc.education.iter().enumerate() {
        for (name, text) in [
            ("title", &e.title),
            ("institution", &e.institution),
            ("place", &e.place),
            ("details", &e.details),
        ] {
            push(&mut out, format!("education.{i}.{name}"), text);
        }
    }
    for (i, t) in doc.mother_tongues.iter().enumerate() {
        push(&mut out, format!("mother_tongues.{i}"), t);
    }
    for (i, l) in doc.languages.iter().enumerate() {
        push(&mut out, format!("languages.{i}.language"), &l.language);
        push(
            &mut out,
            format!("languages.{i}.certificates"),
            &l.certificates,
        );
    }
    push(&mut out, "digital.tools", &doc.digital.tools);
    push(&mut out, "other_skills", &doc.other_skills);
    for (i, c) in doc.certifications.iter().enumerate() {
        push(&mut out, format!("certifications.{i}.name"), &c.name);
        push(&mut out, format!("certifications.{i}.issuer"), &c.issuer);
    }
    experiences(&mut out, "volunteering", &doc.volunteering);
    push(&mut out, "interests", &doc.interests);
    push(&mut out, "wishes.roles", &doc.wishes.roles);
    out
}

fn experiences<'a>(out: &mut Vec<Written<'a>>, name: &str, list: &'a [Experience]) {
    for (i, e) in list.iter().enumerate() {
        for (part, text) in [
            ("role", &e.role),
            ("employer", &e.employer),
            ("place", &e.place),
            ("activities", &e.activities),
        ] {
            push(out, format!("{name}.{i}.{part}"), text);
        }
    }
}

/// The wizard's step (1 to 8) that holds a field.
pub fn step_of(field: &str) -> usize {
    let head = field.split('.').next().unwrap_or_default();
    match head {
        "personal" => 1,
        "headline" | "profile" => 2,
        "experience" => 3,
        "education" => 4,
        "mother_tongues" | "languages" => 5,
        "digital" | "licences" => 6,
        "other_skills" | "certifications" | "volunteering" | "interests" => 7,
        _ => 8,
    }
}

/// Emoji and the pictographs around them (dingbats, symbols, flags, the
/// joiners and selectors of emoji sequences). The PDF leaves them out: no
/// font that can be embedded in a PDF/UA document draws them in colour.
/// A few ranges rather than a Unicode table, so the browser's code stays
/// small; they hold every emoji of Unicode 16.
pub fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x231A..=0x231B | 0x23E9..=0x23F3 | 0x23F8..=0x23FA // ⌚ ⏰
        | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
        | 0x2600..=0x27BF // symbols and dingbats (☀ ✅ ❤)
        | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55 // ⭐
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0xFE0F // emoji presentation selector
        | 0x20E3 // keycap
        | 0x1F000..=0x1FAFF // pictographs, emoticons, flags, skin tones
        | 0xE0020..=0xE007F // tag sequences (regional flags)
    )
}

/// The text as the PDF writes it: pictographs out, and the joiners that
/// bound them into one emoji with them (a joiner between letters stays:
/// Indic scripts need it).
pub fn without_pictographs(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_pictograph) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let (mut after_pictograph, mut dropped) = (false, false);
    for c in text.chars() {
        if is_pictograph(c) || (c == '\u{200D}' && after_pictograph) {
            (after_pictograph, dropped) = (true, true);
            continue;
        }
        after_pictograph = false;
        // "Grazie 🙏 a tutti" must not keep two spaces where the emoji was.
        if c == ' ' && dropped && (out.is_empty() || out.ends_with([' ', '\n'])) {
            continue;
        }
        if c == '\n' && dropped {
            out.truncate(out.trim_end_matches(' ').len());
        }
        dropped = false;
        out.push(c);
    }
    out.trim_end_matches(' ').to_string().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_go_and_the_words_around_them_stay_as_written() {
        assert_eq!(without_pictographs("Grazie 🙏 a tutti"), "Grazie a tutti");
        assert_eq!(without_pictographs("👩‍🔧 Meccanica ✅"), "Meccanica");
        assert_eq!(without_pictographs("Italia 🇮🇹\nFrancia"), "Italia\nFrancia");
        // A joiner between letters is part of the script, not of an emoji.
        assert_eq!(without_pictographs("क्‍ष"), "क्‍ष");
        assert_eq!(without_pictographs("© Ștefan → ★"), "© Ștefan →");
    }

    #[test]
    fn the_wizard_says_beside_the_field_that_the_pdf_leaves_emoji_out() {
        let mut doc = CvDocument::default();
        doc.experience.push(Experience {
            role: "Cuoca 🍝".into(),
            ..Default::default()
        });
        let notes = checks(&doc, (2026, 12), false);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].field, "experience.0.role");
        assert!(notes[0].message.contains("emoji"));
        assert_eq!(step_of(&notes[0].field), 3);
    }
}
