//! The cover letters' flows behind the server functions and the download
//! routes: parse, check ownership, call the data layer, make the files.

use super::domain::{LetterDocument, LetterRecord, PARTS};
use super::paper::{layout, LetterLayout};
use super::prefill::{prefill, OfferFacts};
use super::repo::{self, MAX_LETTERS};
use crate::cv::{docx, pdf};
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::clock::now;
use crate::kernel::fields::{text, Problems};
use crate::offers::domain::Status;
use crate::state::AppState;

/// The letter as typed, each part trimmed and within its length; every part
/// too long is named at once. Empty parts are fine: a draft is saved as it is.
pub fn parse(doc: LetterDocument) -> Result<LetterDocument, AppError> {
    let mut problems = Problems::default();
    let mut parsed = LetterDocument::default();
    for part in &PARTS {
        let value = problems.check(text(part.field, doc.part(part.field), 0, part.max));
        parsed = parsed.with_part(part.field, value.unwrap_or_default());
    }
    problems.finish()?;
    Ok(parsed)
}

/// The offer a new letter answers: one anybody can read today.
async fn offer_facts(state: &AppState, id: i64) -> Result<OfferFacts, AppError> {
    let offer = match crate::offers::api::shared::stored(state, id).await {
        Ok(o) if o.status == Status::Pubblicata && o.row.expires_at > now() => o,
        Ok(_) | Err(AppError::NotFound) => {
            return Err(crate::invalid!("offer", this_offer_cannot_be_answered))
        }
        Err(e) => return Err(e),
    };
    Ok(OfferFacts {
        id,
        title: offer.row.title,
        organisation: offer.row.organisation,
        comune: offer.summary.comune_name,
    })
}

/// A new letter from one of the person's CVs, for an offer or not; its id.
pub async fn create(
    state: &AppState,
    user: &SessionUser,
    cv: i64,
    offer: Option<i64>,
) -> Result<i64, AppError> {
    let Some(cv) = crate::cv::repo::get(&state.db, user.id, cv).await? else {
        return Err(crate::invalid!("cv", choose_one_of_your_cvs));
    };
    let offer = match offer {
        Some(id) => Some(offer_facts(state, id).await?),
        None => None,
    };
    let comune = match cv.document.personal.comune.as_str() {
        "" => String::new(),
        slug => crate::kernel::geo::place_by_slug(&state.db, slug)
            .await?
            .map(|c| c.name)
            .unwrap_or_default(),
    };
    let doc = prefill(&cv.document, cv.language, &comune, offer.as_ref());
    let mut tx = state.db.begin_write().await?;
    if repo::count(&mut tx, user.id).await? >= MAX_LETTERS {
        return Err(crate::conflict!(too_many_letters, max = MAX_LETTERS));
    }
    let id = repo::insert(&mut tx, user.id, offer.map(|o| o.id), cv.language, &doc).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn mine(state: &AppState, user: &SessionUser, id: i64) -> Result<LetterRecord, AppError> {
    repo::get(&state.db, user.id, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

pub async fn save(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    doc: LetterDocument,
) -> Result<(), AppError> {
    let doc = parse(doc)?;
    let mut tx = state.db.begin_write().await?;
    let found = repo::save(&mut tx, user.id, id, &doc).await?;
    tx.commit().await?;
    found
        .then_some(())
        .ok_or_else(|| AppError::NotFound.with_status())
}

pub async fn delete(state: &AppState, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let found = repo::delete(&mut tx, user.id, id).await?;
    tx.commit().await?;
    found
        .then_some(())
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// Typesets a letter off the async runtime, sharing the CVs' bound on
/// renders at once; a character no font draws is refused naming the part.
pub async fn typeset(state: &AppState, letter: LetterLayout) -> Result<Vec<u8>, AppError> {
    let _permit = state
        .renderers
        .acquire()
        .await
        .map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(move || pdf::render_letter(&letter))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "the letter's PDF task failed");
            AppError::Internal
        })?
        .map_err(|e| match e {
            pdf::PdfError::Undrawable(c) => crate::invalid!(
                "letter",
                pdf_cannot_draw_this_letter,
                character = c.to_string(),
                code = format!("U+{:04X}", c as u32),
            ),
            e => {
                tracing::error!(error = %e, "a letter could not be typeset");
                AppError::Internal
            }
        })
}

/// The letter as a PDF: `(file stem, bytes)`.
/// One of the caller's letters laid out on paper, dated today: what both
/// downloads draw.
async fn paper_of(state: &AppState, user: &SessionUser, id: i64) -> Result<LetterLayout, AppError> {
    let letter = mine(state, user, id).await?;
    Ok(layout(&letter.document, letter.language, now()))
}

pub async fn pdf(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let paper = paper_of(state, user, id).await?;
    Ok((paper.file_stem(), typeset(state, paper).await?))
}

pub async fn docx(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let paper = paper_of(state, user, id).await?;
    let bytes = docx::render_letter(&paper).map_err(|e| {
        tracing::error!(error = %e, letter = id, "a letter could not be written as DOCX");
        AppError::Internal
    })?;
    Ok((paper.file_stem(), bytes))
}
