//! Applying to an offer with a CV, and the publisher moving the application
//! through its stages; both sides are told by email.

use super::domain::{ApplyState, Received, Stage};
use super::repo::{self, NewApplication};
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::access::sessions::user_by_id;
use crate::kernel::clock::now;
use crate::kernel::labels::pick;
use crate::kernel::mail_text::{language_of, Mail};
use crate::kernel::outbox::enqueue_mail;
use crate::offers::api::shared::{manages, stored};
use crate::offers::domain::Status;
use crate::state::AppState;

const MAX_MESSAGE: usize = 1_000;

/// What the offer's page offers this person.
pub async fn apply_state(
    state: &AppState,
    viewer: Option<&SessionUser>,
    offer: i64,
) -> Result<ApplyState, AppError> {
    let Some(user) = viewer.filter(|u| u.role == Role::Cittadino && u.can_work()) else {
        return Ok(ApplyState::NotACitizen {
            signed_in: viewer.is_some(),
        });
    };
    if let Some((stage, sent_at)) = repo::of(&state.db, offer, user.id).await? {
        return Ok(ApplyState::Applied { stage, sent_at });
    }
    let cvs: Vec<(i64, String)> = crate::cv::api::shared::list(&state.db, user.id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    if cvs.is_empty() {
        return Ok(ApplyState::NoCv);
    }
    let all = crate::cv::api::shared::letters(&state.db, user.id).await?;
    let letter_for_offer = all.iter().find(|l| l.offer_id == Some(offer)).map(|l| l.id);
    let mut letters: Vec<(i64, String)> = all.into_iter().map(|l| (l.id, l.subject)).collect();
    // The letter written for this offer first, then the others, newest first.
    letters.sort_by_key(|(id, _)| Some(*id) != letter_for_offer);
    Ok(ApplyState::Ready {
        cvs,
        letters,
        letter_for_offer,
    })
}

/// The letter chosen in the apply box: none, or the id of one of my letters.
pub fn parse_letter(value: &str) -> Result<Option<i64>, AppError> {
    match value.trim() {
        "" => Ok(None),
        id => id
            .parse::<i64>()
            .map(Some)
            .map_err(|_| crate::invalid!("letter", choose_one_of_your_letters)),
    }
}

pub async fn apply(
    state: &AppState,
    citizen: &SessionUser,
    offer_id: i64,
    cv_id: i64,
    message: &str,
    letter_id: Option<i64>,
) -> Result<(), AppError> {
    let message = message.trim();
    if message.chars().count() > MAX_MESSAGE {
        return Err(crate::invalid!("message", at_most_chars, max = MAX_MESSAGE));
    }
    let offer = stored(state, offer_id).await?;
    if offer.status != Status::Pubblicata || offer.row.expires_at <= now() {
        return Err(crate::conflict!(this_offer_no_longer));
    }
    let Some(cv) = crate::cv::api::shared::get(&state.db, citizen.id, cv_id).await? else {
        return Err(crate::invalid!("cv", choose_one_of_your_cvs));
    };
    let photo = crate::cv::api::shared::photo(&state.db, citizen.id, cv_id).await?;
    let letter = match letter_id {
        None => None,
        Some(id) => match crate::cv::api::shared::letter(&state.db, citizen.id, id).await? {
            Some(letter) => Some(letter),
            None => return Err(crate::invalid!("letter", choose_one_of_your_letters)),
        },
    };
    let publisher = match offer.publisher_id {
        Some(id) => user_by_id(&state.db, id).await?,
        None => None,
    };
    let mut tx = state.db.begin_write().await?;
    let application = NewApplication {
        offer_id,
        citizen_id: citizen.id,
        cv_id,
        language: cv.language,
        document: &cv.document,
        photo,
        message,
        letter: letter.as_ref().map(|l| (l.language, &l.document)),
    };
    if repo::insert(&mut tx, &application).await?.is_none() {
        return Err(crate::conflict!(you_have_already_applied));
    }
    let title = &offer.row.title;
    let url = &state.config.public_url;
    let language = language_of(&mut tx, Some(citizen.id)).await?;
    let Mail { subject, body } = crate::mail!(
        language,
        "applications.sent",
        name = citizen.display_name,
        title = title,
        organisation = offer.row.organisation,
        cv = cv.name,
        link = format!("{url}/area/candidature")
    );
    enqueue_mail(&mut tx, Some(citizen.id), &citizen.email, &subject, &body).await?;
    if let Some(p) = publisher {
        let language = language_of(&mut tx, Some(p.id)).await?;
        let Mail { subject, body } = crate::mail!(
            language,
            "applications.received",
            name = p.display_name,
            person = citizen.display_name,
            title = title,
            link = format!("{url}/pubblica/{offer_id}/candidature")
        );
        enqueue_mail(&mut tx, Some(p.id), &p.email, &subject, &body).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// The applications to an offer, for its publisher and staff.
pub async fn received(
    state: &AppState,
    user: &SessionUser,
    offer_id: i64,
) -> Result<Received, AppError> {
    let offer = stored(state, offer_id).await?;
    if !manages(&offer, user) {
        return Err(AppError::Forbidden.with_status());
    }
    Ok(Received {
        offer_id,
        offer_title: offer.row.title,
        applications: repo::for_offer(&state.db, offer_id).await?,
    })
}

/// The publisher moves an application on; the applicant is told.
pub async fn set_stage(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    stage: &str,
) -> Result<(), AppError> {
    let stage =
        Stage::from_code(stage).ok_or_else(|| crate::invalid!("stage", choose_a_status_from))?;
    let (offer_id, citizen_id, current) = repo::head(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let offer = stored(state, offer_id).await?;
    if !manages(&offer, user) {
        return Err(AppError::Forbidden.with_status());
    }
    if current == stage {
        return Ok(());
    }
    let citizen = user_by_id(&state.db, citizen_id).await?;
    let mut tx = state.db.begin_write().await?;
    repo::set_stage(&mut tx, id, stage).await?;
    if let Some(c) = citizen {
        let title = &offer.row.title;
        let news = match stage {
            Stage::InEsame => "è in esame.".to_string(),
            Stage::Colloquio => "è passata al colloquio: ti contatteranno per fissarlo.".to_string(),
            Stage::NonSelezionata => "non è stata selezionata. Non scoraggiarti: allo sportello InfoLavoro possiamo rivedere insieme il CV.".to_string(),
            Stage::Assunta => "ha avuto esito positivo: complimenti!".to_string(),
            Stage::Ricevuta => "è di nuovo tra quelle ricevute.".to_string(),
        };
        enqueue_mail(
            &mut tx,
            Some(c.id),
            &c.email,
            &format!("La tua candidatura per «{title}»: {}", pick(stage.label(), false)),
            &format!("Buongiorno {},\n\nla tua candidatura per «{title}» ({}) {news}\n\nTutte le tue candidature: {}/area/candidature\n\nRete per il Lavoro — Comune della Spezia\n", c.display_name, offer.row.organisation, state.config.public_url),
        )
        .await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Refuses unless the application exists (404) and the caller manages the
/// offer it was sent to (403): what the publisher's downloads ask first.
async fn managed_application(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(), AppError> {
    let (offer_id, _, _) = repo::head(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if !manages(&stored(state, offer_id).await?, user) {
        return Err(AppError::Forbidden.with_status());
    }
    Ok(())
}

/// The CV of an application as a PDF, for the offer's publisher and staff.
pub async fn cv_pdf(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    managed_application(state, user, id).await?;
    let (language, document, photo) = repo::cv_of(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let comune = crate::kernel::geo::place_by_slug(&state.db, &document.personal.comune)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let layout = crate::cv::api::shared::build_layout(&document, language, &comune);
    let stem = format!("CV-{}", crate::kernel::text::slugify(&document.full_name()));
    let bytes = crate::cv::api::shared::typeset(
        state,
        layout,
        crate::cv::domain::Template::Europass,
        photo,
    )
    .await?;
    Ok((stem, bytes))
}

/// The cover letter of an application as a PDF, dated the day it was sent,
/// for the offer's publisher and staff.
pub async fn letter_pdf(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    managed_application(state, user, id).await?;
    let (language, letter, sent_at) = repo::letter_of(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let paper = crate::cv::api::shared::letter_layout(&letter, language, sent_at);
    let stem = paper.file_stem();
    Ok((
        stem,
        crate::cv::api::shared::typeset_letter(state, paper).await?,
    ))
}
