//! A new letter's first draft, in the CV's language: the addresses, the
//! subject and the first sentence of each paragraph come from the CV and,
//! when the letter answers an offer, from the offer. The person then makes
//! it their own; the editor's advice says what each paragraph is for.

use super::domain::LetterDocument;
use crate::cv::domain::{month_in, CvDocument, CvLanguage};
use crate::i18n::{td_string, Locale};
use crate::kernel::labels::locale_of;

/// What a letter needs of the offer it answers.
pub struct OfferFacts {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    /// Empty for a fully remote offer.
    pub comune: String,
}

fn lines(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn who_i_am(l: Locale, cv: &CvDocument, name: &str, comune: &str) -> String {
    let intro = match (name.is_empty(), comune.is_empty()) {
        (true, _) => String::new(),
        (false, true) => td_string!(l, cv_letter_prefill.my_name_is, name = name).to_string(),
        (false, false) => td_string!(
            l,
            cv_letter_prefill.my_name_is_and_i_live_in,
            name = name,
            place = comune
        )
        .to_string(),
    };
    let profile = cv.profile.lines().next().unwrap_or_default().to_string();
    sentences(&[intro, profile])
}

fn why_this_job(l: Locale, cv: &CvDocument, offer: Option<&OfferFacts>) -> String {
    match offer {
        Some(o) if o.comune.is_empty() => td_string!(
            l,
            cv_letter_prefill.i_read_your_offer,
            title = o.title.as_str()
        )
        .to_string(),
        Some(o) => td_string!(
            l,
            cv_letter_prefill.i_read_your_offer_in,
            title = o.title.as_str(),
            place = o.comune.as_str()
        )
        .to_string(),
        None if !cv.wishes.roles.trim().is_empty() => td_string!(
            l,
            cv_letter_prefill.i_am_writing_to_offer_myself_as,
            roles = cv.wishes.roles.trim()
        )
        .to_string(),
        None => String::new(),
    }
}

fn what_i_bring(l: Locale, cv: &CvDocument) -> String {
    let mut said: Vec<String> = cv
        .experience
        .iter()
        .filter(|e| !e.role.trim().is_empty())
        .take(2)
        .map(|e| match (e.current, e.employer.trim()) {
            (true, "") => {
                td_string!(l, cv_letter_prefill.i_work_as, role = e.role.trim()).to_string()
            }
            (true, at) => td_string!(
                l,
                cv_letter_prefill.i_work_as_at,
                role = e.role.trim(),
                employer = at
            )
            .to_string(),
            (false, "") => {
                td_string!(l, cv_letter_prefill.i_worked_as, role = e.role.trim()).to_string()
            }
            (false, at) => td_string!(
                l,
                cv_letter_prefill.i_worked_as_at,
                role = e.role.trim(),
                employer = at
            )
            .to_string(),
        })
        .collect();
    if let Some(title) = cv
        .education
        .iter()
        .map(|e| e.title.trim())
        .find(|t| !t.is_empty())
    {
        said.push(td_string!(l, cv_letter_prefill.i_studied, title = title).to_string());
    }
    if !cv.licences.is_empty() {
        let licences = cv.licences.join(", ");
        said.push(if cv.own_vehicle {
            td_string!(
                l,
                cv_letter_prefill.licence_and_vehicle,
                licences = licences
            )
            .to_string()
        } else {
            td_string!(l, cv_letter_prefill.licence, licences = licences).to_string()
        });
    }
    sentences(&said)
}

fn availability(l: Locale, cv: &CvDocument, language: CvLanguage) -> String {
    let interview = td_string!(l, cv_letter_prefill.available_for_an_interview).to_string();
    let from = month_in(&cv.wishes.available_from, language);
    let start = if from.is_empty() {
        String::new()
    } else {
        td_string!(l, cv_letter_prefill.i_can_start_in, when = from).to_string()
    };
    sentences(&[interview, start])
}

/// The first draft of a letter written from `cv` (whose comune is named
/// `comune`), for `offer` when there is one.
pub fn prefill(
    cv: &CvDocument,
    language: CvLanguage,
    comune: &str,
    offer: Option<&OfferFacts>,
) -> LetterDocument {
    let l = locale_of(language.english());
    let name = cv.full_name();
    let p = &cv.personal;
    let address = lines(&[&p.address, comune]).replace('\n', ", ");
    let subject = match offer {
        Some(o) => td_string!(
            l,
            cv_letter_prefill.subject_for_the_offer,
            title = o.title.as_str(),
            id = o.id
        )
        .to_string(),
        None => td_string!(l, cv_letter_prefill.subject_unsolicited).to_string(),
    };
    LetterDocument {
        sender: lines(&[&name, &address, &p.phone, &p.email]),
        recipient: offer
            .map(|o| {
                td_string!(
                    l,
                    cv_letter_prefill.to_the_business,
                    business = o.organisation.as_str()
                )
                .to_string()
            })
            .unwrap_or_default(),
        place: comune.to_string(),
        subject,
        who_i_am: who_i_am(l, cv, &name, comune),
        why_this_job: why_this_job(l, cv, offer),
        what_i_bring: what_i_bring(l, cv),
        availability: availability(l, cv, language),
        closing: lines(&[td_string!(l, cv_letter_prefill.kind_regards), &name]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::sample::complete;

    fn offer() -> OfferFacts {
        OfferFacts {
            id: 12,
            title: "Magazziniere".into(),
            organisation: "Logistica Spezzina".into(),
            comune: "Sarzana".into(),
        }
    }

    #[test]
    fn a_letter_for_an_offer_names_it_and_speaks_from_the_cv() {
        let cv = complete();
        let letter = prefill(&cv, CvLanguage::It, "La Spezia", Some(&offer()));
        assert!(
            letter.sender.starts_with(&cv.full_name()),
            "{}",
            letter.sender
        );
        assert!(letter.sender.contains(&cv.personal.email));
        assert!(letter.recipient.contains("Logistica Spezzina"));
        assert!(letter.subject.contains("Magazziniere") && letter.subject.contains("12"));
        assert!(
            letter.why_this_job.contains("Magazziniere") && letter.why_this_job.contains("Sarzana")
        );
        let role = cv.experience[0].role.trim();
        assert!(
            letter.what_i_bring.contains(role),
            "{}",
            letter.what_i_bring
        );
        assert!(letter.who_i_am.contains("La Spezia"));
        assert!(letter.closing.ends_with(&cv.full_name()));
        assert_eq!(letter.place, "La Spezia");
    }

    #[test]
    fn an_english_cv_gets_an_english_letter_and_no_offer_a_spontaneous_one() {
        let cv = complete();
        let it = prefill(&cv, CvLanguage::It, "", None);
        let en = prefill(&cv, CvLanguage::En, "", None);
        assert!(it.recipient.is_empty() && en.recipient.is_empty());
        assert_ne!(it.subject, en.subject);
        assert_ne!(it.availability, en.availability);
        assert!(en.closing.starts_with("Kind regards"), "{}", en.closing);
        assert!(!it.who_i_am.contains(" a .") && !it.who_i_am.contains("  "));
    }
}
