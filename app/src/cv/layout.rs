//! The CV as it is laid out on paper: headings in the CV's language, dates
//! written out, empty sections left out. The live preview (HTML), the PDF
//! (typst, from this as JSON) and the DOCX all draw this one value, so they
//! show the same content in the same order.

use super::domain::{
    day_in, month_in, period, CvDocument, CvLanguage, Experience, CEFR_SKILLS, DIGCOMP_AREAS,
    DIGCOMP_LEVELS, PRIVACY_LINE,
};
use crate::i18n::td_string;
use crate::kernel::labels::{label_of, pick, Label};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvLayout {
    /// `it` or `en`: the document's language (hyphenation, PDF metadata).
    pub lang: String,
    /// The document title, for the PDF's metadata and screen readers.
    pub title: String,
    pub name: String,
    pub headline: String,
    pub contacts: Vec<Pair>,
    pub photo_alt: String,
    pub sections: Vec<Section>,
    pub privacy: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Paragraphs, one per line of the text.
    Text {
        paragraphs: Vec<String>,
    },
    Entries {
        entries: Vec<Entry>,
    },
    Pairs {
        pairs: Vec<Pair>,
    },
    /// The CEFR self-assessment grid.
    Grid {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A job, a course, a certificate…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub when: String,
    pub title: String,
    /// "Logistica Spezzina · Sarzana"
    pub subtitle: String,
    pub lines: Vec<String>,
}

fn t(label: Label, language: CvLanguage) -> String {
    pick(label, language.english()).to_string()
}

fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn experience_entries(list: &[Experience], language: CvLanguage) -> Vec<Entry> {
    list.iter()
        .filter(|e| !(e.role.trim().is_empty() && e.employer.trim().is_empty()))
        .map(|e| Entry {
            when: period(&e.from, &e.to, e.current, language),
            title: e.role.trim().to_string(),
            subtitle: joined(&[&e.employer, &e.place]),
            lines: paragraphs(&e.activities),
        })
        .collect()
}

fn section(sections: &mut Vec<Section>, title: Label, language: CvLanguage, blocks: Vec<Block>) {
    let blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| match b {
            Block::Text { paragraphs } => !paragraphs.is_empty(),
            Block::Entries { entries } => !entries.is_empty(),
            Block::Pairs { pairs } => !pairs.is_empty(),
            Block::Grid { rows, .. } => !rows.is_empty(),
        })
        .collect();
    if !blocks.is_empty() {
        sections.push(Section {
            title: t(title, language),
            blocks,
        });
    }
}

/// The layout of `doc`. `comune_name` is the name of `doc.personal.comune`.
pub fn build(doc: &CvDocument, language: CvLanguage, comune_name: &str) -> CvLayout {
    let l = language;
    let text = |s: &str| Block::Text {
        paragraphs: paragraphs(s),
    };
    let experience = |list| Block::Entries {
        entries: experience_entries(list, l),
    };
    let parts: [(Label, Vec<Block>); 10] = [
        (
            |l| td_string!(l, cv_layout.about_me),
            vec![text(&doc.profile)],
        ),
        (
            |l| td_string!(l, cv_layout.work_experience),
            vec![experience(&doc.experience)],
        ),
        (
            |l| td_string!(l, cv_layout.education_and_training),
            vec![Block::Entries {
                entries: education_entries(doc, l),
            }],
        ),
        (
            |l| td_string!(l, cv_layout.language_skills),
            language_blocks(doc, l),
        ),
        (
            |l| td_string!(l, cv_layout.digital_skills),
            vec![
                Block::Pairs {
                    pairs: digital_pairs(doc, l),
                },
                text(&doc.digital.tools),
            ],
        ),
        (
            |l| td_string!(l, cv_layout.driving_licence),
            vec![text(&licence_line(doc, l))],
        ),
        (
            |l| td_string!(l, cv_layout.other_skills),
            vec![text(&doc.other_skills)],
        ),
        (
            |l| td_string!(l, cv_layout.certifications),
            vec![Block::Entries {
                entries: certification_entries(doc, l),
            }],
        ),
        (
            |l| td_string!(l, cv_layout.volunteering),
            vec![experience(&doc.volunteering)],
        ),
        (
            |l| td_string!(l, cv_layout.interests),
            vec![text(&doc.interests)],
        ),
    ];
    let mut sections = Vec::new();
    for (heading, blocks) in parts {
        section(&mut sections, heading, l, blocks);
    }
    let name = doc.full_name();
    CvLayout {
        lang: l.code().to_string(),
        title: if name.is_empty() {
            "Curriculum vitae".to_string()
        } else {
            format!("Curriculum vitae – {name}")
        },
        photo_alt: format!("{} {name}", t(|l| td_string!(l, cv_layout.photo_of), l))
            .trim()
            .to_string(),
        name,
        headline: doc.headline.trim().to_string(),
        contacts: contacts(doc, comune_name, l),
        sections,
        privacy: t(PRIVACY_LINE, l),
    }
}

/// The lines under the name: address, phone, email… those filled in.
fn contacts(doc: &CvDocument, comune_name: &str, l: CvLanguage) -> Vec<Pair> {
    let p = &doc.personal;
    let address = joined(&[&p.address, comune_name]).replace(" · ", ", ");
    let fields: [(Label, String); 6] = [
        (|l| td_string!(l, cv_layout.address), address),
        (
            |l| td_string!(l, cv_layout.phone),
            p.phone.trim().to_string(),
        ),
        (
            |l| td_string!(l, cv_layout.email),
            p.email.trim().to_string(),
        ),
        (
            |l| td_string!(l, cv_layout.website),
            p.website.trim().to_string(),
        ),
        (
            |l| td_string!(l, cv_layout.date_of_birth),
            day_in(&p.birth_date, l),
        ),
        (
            |l| td_string!(l, cv_layout.nationality),
            p.nationality.trim().to_string(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| Pair {
            label: t(label, l),
            value,
        })
        .collect()
}

fn education_entries(doc: &CvDocument, l: CvLanguage) -> Vec<Entry> {
    doc.education
        .iter()
        .filter(|e| !(e.title.trim().is_empty() && e.institution.trim().is_empty()))
        .map(|e| {
            let mut lines = Vec::new();
            if e.eqf > 0 {
                lines.push(format!(
                    "{} {}",
                    t(|l| td_string!(l, cv_layout.eqf_level), l),
                    e.eqf
                ));
            }
            lines.extend(paragraphs(&e.details));
            Entry {
                when: period(&e.from, &e.to, e.current, l),
                title: e.title.trim().to_string(),
                subtitle: joined(&[&e.institution, &e.place]),
                lines,
            }
        })
        .collect()
}

/// The mother tongues, then the CEFR grid of the other languages.
fn language_blocks(doc: &CvDocument, l: CvLanguage) -> Vec<Block> {
    let tongues: Vec<&str> = doc
        .mother_tongues
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut mother = Vec::new();
    if !tongues.is_empty() {
        mother.push(Pair {
            label: t(|l| td_string!(l, cv_layout.mother_tongue_s), l),
            value: tongues.join(", "),
        });
    }
    let rows: Vec<Vec<String>> = doc
        .languages
        .iter()
        .filter(|s| !s.language.trim().is_empty())
        .map(|s| {
            let mut row = vec![s.language.trim().to_string()];
            row.extend(s.levels().iter().map(|v| {
                if v.is_empty() {
                    "–".to_string()
                } else {
                    v.to_string()
                }
            }));
            row.push(s.certificates.trim().to_string());
            row
        })
        .collect();
    let mut headers = vec![t(|l| td_string!(l, cv_layout.language), l)];
    headers.extend(CEFR_SKILLS.iter().map(|s| t(*s, l)));
    headers.push(t(|l| td_string!(l, cv_layout.certificates), l));
    vec![
        Block::Pairs { pairs: mother },
        Block::Grid { headers, rows },
    ]
}

fn digital_pairs(doc: &CvDocument, l: CvLanguage) -> Vec<Pair> {
    DIGCOMP_AREAS
        .iter()
        .zip(doc.digital.levels())
        .filter(|(_, level)| !level.is_empty())
        .map(|(area, level)| Pair {
            label: t(*area, l),
            value: label_of(&DIGCOMP_LEVELS, level, l.english()).to_string(),
        })
        .collect()
}

fn licence_line(doc: &CvDocument, l: CvLanguage) -> String {
    let licences = doc.licences.join(", ");
    if doc.own_vehicle {
        let vehicle = t(|l| td_string!(l, cv_layout.own_vehicle), l);
        joined(&[&licences, &vehicle])
    } else {
        licences
    }
}

fn certification_entries(doc: &CvDocument, l: CvLanguage) -> Vec<Entry> {
    doc.certifications
        .iter()
        .filter(|c| !c.name.trim().is_empty())
        .map(|c| Entry {
            when: month_in(&c.date, l),
            title: c.name.trim().to_string(),
            subtitle: c.issuer.trim().to_string(),
            lines: Vec::new(),
        })
        .collect()
}

impl CvLayout {
    /// Every piece of text in reading order: what the PDF's text must hold.
    pub fn reading_order(&self) -> Vec<String> {
        let mut out = vec![self.name.clone(), self.headline.clone()];
        for c in &self.contacts {
            out.push(c.value.clone());
        }
        for s in &self.sections {
            out.push(s.title.clone());
            for b in &s.blocks {
                match b {
                    Block::Text { paragraphs } => out.extend(paragraphs.iter().cloned()),
                    Block::Entries { entries } => {
                        for e in entries {
                            out.extend([e.when.clone(), e.title.clone(), e.subtitle.clone()]);
                            out.extend(e.lines.iter().cloned());
                        }
                    }
                    Block::Pairs { pairs } => {
                        for p in pairs {
                            out.extend([p.label.clone(), p.value.clone()]);
                        }
                    }
                    Block::Grid { rows, .. } => {
                        for r in rows {
                            out.extend(r.iter().cloned());
                        }
                    }
                }
            }
        }
        out.push(self.privacy.clone());
        out.retain(|s| !s.is_empty() && s != "–");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::domain::{LanguageSkill, Personal};

    #[test]
    fn empty_sections_are_left_out_and_headings_follow_the_language() {
        let doc = CvDocument {
            personal: Personal {
                first_name: "Anna".into(),
                last_name: "Neri".into(),
                ..Default::default()
            },
            experience: vec![Experience {
                role: "Cuoca".into(),
                employer: "Trattoria del Golfo".into(),
                place: "Lerici".into(),
                from: "2019-04".into(),
                current: true,
                activities: "Preparazione dei primi\nGestione degli ordini".into(),
                ..Default::default()
            }],
            languages: vec![LanguageSkill {
                language: "Inglese".into(),
                listening: "B1".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let it = build(&doc, CvLanguage::It, "Lerici");
        let titles: Vec<_> = it.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Esperienza lavorativa", "Competenze linguistiche"]);
        assert_eq!(it.contacts[0].value, "Lerici");
        let Block::Entries { entries } = &it.sections[0].blocks[0] else {
            panic!("entries expected")
        };
        assert_eq!(entries[0].when, "aprile 2019 – in corso");
        assert_eq!(entries[0].subtitle, "Trattoria del Golfo · Lerici");
        let en = build(&doc, CvLanguage::En, "Lerici");
        assert_eq!(en.sections[0].title, "Work experience");
        assert!(en.privacy.starts_with("I authorise"));
        assert_eq!(en.title, "Curriculum vitae – Anna Neri");
    }
}
