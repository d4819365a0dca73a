//! The CV flows behind the server functions and the download routes:
//! parse, check ownership, call the data layer, and make the exports.

use super::checks::limits;
use super::domain::{
    CvDocument, CvLanguage, CvRecord, Personal, Template, VISIBILITY_CONSENT_VERSION,
};
use super::layout::{build, CvLayout};
use super::{docx, json_resume, pdf, photo, repo};
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::text::slugify;
use crate::state::AppState;

/// A person keeps at most this many CVs.
pub const MAX_CVS: i64 = 20;

pub fn parse_name(name: &str) -> Result<String, AppError> {
    crate::kernel::fields::text("name", name, 1, 80)
}

pub fn parse_language(code: &str) -> Result<CvLanguage, AppError> {
    CvLanguage::from_code(code)
        .ok_or_else(|| crate::invalid!("language", choose_italian_or_english))
}

/// The document, if it keeps within the limits; else the message on its field.
pub fn parse_document(doc: CvDocument) -> Result<CvDocument, AppError> {
    limits(&doc)?;
    Ok(doc)
}

/// The CV `id` as `user` may reach it, with its owner: a citizen's own, or
/// for a desk operator the CV of the person who lets them help (see
/// `help::service::owner_for`). The owner also reads what operators changed.
async fn reach(state: &AppState, user: &SessionUser, id: i64) -> Result<(i64, CvRecord), AppError> {
    let (owner, assisted) = super::help::service::owner_for(state, user, id).await?;
    let mut cv = repo::get(&state.db, owner, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if assisted.is_none() {
        cv.desk_changes = super::help::repo::changes(&state.db, owner, id).await?;
    }
    cv.assisted = assisted;
    Ok((owner, cv))
}

/// The CV as the wizard opens it.
pub async fn open(state: &AppState, user: &SessionUser, id: i64) -> Result<CvRecord, AppError> {
    Ok(reach(state, user, id).await?.1)
}

/// The CV `user` may read, with the name of its comune (the exports write
/// the name, the document keeps the slug).
async fn open_with_comune(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(CvRecord, String), AppError> {
    let cv = open(state, user, id).await?;
    let comune = comune_name(state, &cv.document.personal.comune).await?;
    Ok((cv, comune))
}

async fn room_for_one_more(state: &AppState, user: &SessionUser) -> Result<(), AppError> {
    if repo::count(&state.db, user.id).await? >= MAX_CVS {
        return Err(crate::conflict!(too_many_cvs, max = MAX_CVS));
    }
    Ok(())
}

/// A new CV, with the name and email of the account already written in.
pub async fn create(
    state: &AppState,
    user: &SessionUser,
    name: &str,
    language: CvLanguage,
) -> Result<i64, AppError> {
    room_for_one_more(state, user).await?;
    let (first_name, last_name) = match user.display_name.trim().split_once(' ') {
        Some((first, last)) => (first.to_string(), last.trim().to_string()),
        None => (user.display_name.trim().to_string(), String::new()),
    };
    let doc = CvDocument {
        personal: Personal {
            first_name,
            last_name,
            email: user.email.clone(),
            ..Default::default()
        },
        mother_tongues: if language == CvLanguage::It {
            vec!["Italiano".into()]
        } else {
            Vec::new()
        },
        ..Default::default()
    };
    let mut tx = state.db.begin_write().await?;
    let id = repo::insert(&mut tx, user.id, name, language, &doc).await?;
    tx.commit().await?;
    Ok(id)
}

/// The autosave: the new revision, or a conflict when the CV was saved
/// meanwhile from another window (nothing is overwritten then).
pub async fn save(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    revision: i64,
    doc: CvDocument,
) -> Result<i64, AppError> {
    let doc = parse_document(doc)?;
    let (owner, assisted) = super::help::service::owner_for(state, user, id).await?;
    // What an operator changes is logged for the owner: keep the version before.
    let before = match assisted {
        Some(_) => repo::get(&state.db, owner, id).await?.map(|cv| cv.document),
        None => None,
    };
    // The save and its line in the owner's log are one write: neither
    // without the other.
    let mut tx = state.db.begin_write().await?;
    if let Some(new) = repo::save_document(&mut tx, owner, id, revision, &doc).await? {
        if let Some(before) = before {
            super::help::service::record_change(&mut tx, user, owner, id, &before, &doc).await?;
        }
        tx.commit().await?;
        // A visible CV is a profile businesses search: keep it current.
        state.candidates.refresh(&state.db, id).await?;
        return Ok(new);
    }
    drop(tx);
    open(state, user, id).await?;
    Err(crate::conflict!(this_cv_was_changed))
}

pub async fn duplicate(state: &AppState, user: &SessionUser, id: i64) -> Result<i64, AppError> {
    let original = open(state, user, id).await?;
    room_for_one_more(state, user).await?;
    let name: String = format!("Copia di {}", original.name)
        .chars()
        .take(80)
        .collect();
    let mut tx = state.db.begin_write().await?;
    let copy = repo::insert(
        &mut tx,
        user.id,
        &name,
        original.language,
        &original.document,
    )
    .await?;
    tx.commit().await?;
    if let Some(jpeg) = repo::photo(&state.db, user.id, id).await? {
        repo::put_photo(&state.db, user.id, copy, &jpeg).await?;
    }
    Ok(copy)
}

pub async fn delete(state: &AppState, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let found = repo::delete(&mut tx, user.id, id).await?;
    if found {
        withdraw_consent_if_none_visible(&mut tx, user.id).await?;
    }
    tx.commit().await?;
    if found {
        state.candidates.refresh(&state.db, id).await?;
        Ok(())
    } else {
        Err(AppError::NotFound.with_status())
    }
}

/// Shows the CV to businesses (with the consent, recorded) or hides it at once.
pub async fn set_visibility(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    visible: bool,
    consent: bool,
) -> Result<(), AppError> {
    if visible && !consent {
        return Err(crate::invalid!("consent", to_make_the_profile));
    }
    let mut tx = state.db.begin_write().await?;
    if !repo::set_visible(&mut tx, user.id, id, visible).await? {
        return Err(AppError::NotFound.with_status());
    }
    // One profile per person: the CV made visible replaces any other.
    let others = if visible {
        repo::hide_others(&mut tx, user.id, id).await?
    } else {
        Vec::new()
    };
    if visible {
        crate::accounts::api::shared::add_consent(
            &mut tx,
            user.id,
            "visibilita_cv",
            VISIBILITY_CONSENT_VERSION,
        )
        .await?;
    } else {
        withdraw_consent_if_none_visible(&mut tx, user.id).await?;
    }
    tx.commit().await?;
    // In this process's index before the answer goes back: hidden means hidden.
    for cv in others.into_iter().chain([id]) {
        state.candidates.refresh(&state.db, cv).await?;
    }
    Ok(())
}

async fn withdraw_consent_if_none_visible(
    tx: &mut crate::db::Tx,
    owner: i64,
) -> Result<(), sqlx::Error> {
    if repo::visible_count(tx, owner).await? == 0 {
        crate::accounts::api::shared::withdraw_consent(tx, owner, "visibilita_cv").await?;
    }
    Ok(())
}

/// The name of the comune the CV gives, for its address line.
async fn comune_name(state: &AppState, slug: &str) -> Result<String, AppError> {
    if slug.is_empty() {
        return Ok(String::new());
    }
    Ok(crate::kernel::geo::place_by_slug(&state.db, slug)
        .await?
        .map(|c| c.name)
        .unwrap_or_default())
}

/// The CV of `user` as laid out on paper, with its photo.
pub async fn layout_of(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(CvRecord, CvLayout, Option<Vec<u8>>), AppError> {
    let (owner, cv) = reach(state, user, id).await?;
    let comune = comune_name(state, &cv.document.personal.comune).await?;
    let layout = build(&cv.document, cv.language, &comune);
    let photo = repo::photo(&state.db, owner, id).await?;
    Ok((cv, layout, photo))
}

/// `CV-Giulia-Ferrari` (ASCII, safe in a header).
pub fn file_stem(cv: &CvRecord) -> String {
    let name = slugify(&cv.document.full_name());
    if name.is_empty() {
        "CV".into()
    } else {
        format!("CV-{name}")
    }
}

pub async fn pdf(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    template: Template,
) -> Result<(String, Vec<u8>), AppError> {
    let (cv, layout, photo) = layout_of(state, user, id).await?;
    drawable(&cv.document)?;
    Ok((
        file_stem(&cv),
        typeset(state, layout, template, photo).await?,
    ))
}

/// Refuses a CV with a character no font of the PDF draws, naming the
/// text and the wizard's step where it is written.
pub fn drawable(doc: &CvDocument) -> Result<(), AppError> {
    use super::checks::{step_of, without_pictographs, written};
    let fonts = &super::fonts::FONTS;
    for w in written(doc) {
        let text = without_pictographs(w.text);
        let Some(c) = fonts.unsupported(&text) else {
            continue;
        };
        let l = crate::i18n_switch::request_locale();
        let step = super::pages::steps::STEPS[step_of(&w.field) - 1].title;
        let shown: String = text.chars().take(60).collect();
        return Err(crate::invalid!(
            w.field,
            pdf_cannot_draw,
            character = c.to_string(),
            code = format!("U+{:04X}", c as u32),
            text = shown,
            step = step(l),
        ));
    }
    Ok(())
}

/// Typesets a layout off the async runtime, a bounded number at a time.
pub async fn typeset(
    state: &AppState,
    layout: CvLayout,
    template: Template,
    photo: Option<Vec<u8>>,
) -> Result<Vec<u8>, AppError> {
    let _permit = state
        .renderers
        .acquire()
        .await
        .map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(move || pdf::render(&layout, template, photo))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "the PDF task failed");
            AppError::Internal
        })?
        .map_err(|e| match e {
            pdf::PdfError::Undrawable(c) => crate::invalid!(
                "cv",
                pdf_cannot_draw_this_cv,
                character = c.to_string(),
                code = format!("U+{:04X}", c as u32),
            ),
            e => {
                tracing::error!(error = %e, "a CV could not be typeset");
                AppError::Internal
            }
        })
}

pub async fn docx(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let (cv, layout, photo) = layout_of(state, user, id).await?;
    let photo = photo.and_then(|jpeg| {
        let (w, h) = image::ImageReader::new(std::io::Cursor::new(&jpeg))
            .with_guessed_format()
            .ok()?
            .into_dimensions()
            .ok()?;
        Some((jpeg, w, h))
    });
    let bytes = docx::render(&layout, photo).map_err(|e| {
        tracing::error!(error = %e, cv = id, "a CV could not be written as DOCX");
        AppError::Internal
    })?;
    Ok((file_stem(&cv), bytes))
}

pub async fn json(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let (cv, comune) = open_with_comune(state, user, id).await?;
    let resume = json_resume::export(&cv.document, cv.language, &comune);
    let bytes = serde_json::to_vec_pretty(&resume).map_err(|e| {
        tracing::error!(error = %e, "a CV could not be written as JSON");
        AppError::Internal
    })?;
    Ok((file_stem(&cv), bytes))
}

/// The CV as a Europass XML file (schema v3.4).
pub async fn europass(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let (cv, comune) = open_with_comune(state, user, id).await?;
    let xml = super::europass::export(&cv.document, cv.language, &comune, cv.updated_at).map_err(
        |e| {
            tracing::error!(error = %e, "a CV could not be written as Europass XML");
            AppError::Internal
        },
    )?;
    Ok((file_stem(&cv), xml.into_bytes()))
}

/// A Europass XML or JSON Resume file as a new CV; a bad file changes
/// nothing. Also the languages whose level the file did not say in a way we
/// could place (a Europass file says them on the grid).
pub async fn import(
    state: &AppState,
    user: &SessionUser,
    text: &str,
) -> Result<(i64, Vec<String>), AppError> {
    let comuni = crate::kernel::geo::places(&state.db).await?;
    let comune_of = |name: &str| {
        let wanted = slugify(name);
        comuni
            .iter()
            .find(|c| c.slug == wanted)
            .map(|c| c.slug.clone())
    };
    let (doc, language, unplaced) = if super::europass::looks_like_xml(text) {
        let imported = super::europass::import(text, comune_of).map_err(|e| e.refusal())?;
        (imported.doc, imported.language, Vec::new())
    } else {
        let imported = json_resume::import(text, comune_of).map_err(|e| e.refusal())?;
        (imported.doc, imported.language, imported.unplaced)
    };
    let doc = parse_document(doc).map_err(|e| match e {
        AppError::Validation { message, field, .. } => {
            crate::invalid!("file", import_refused, field = field, message = message)
        }
        other => other,
    })?;
    room_for_one_more(state, user).await?;
    let name = match doc.full_name() {
        n if n.is_empty() => "CV importato".to_string(),
        n => format!("CV importato – {n}").chars().take(80).collect(),
    };
    let mut tx = state.db.begin_write().await?;
    let id = repo::insert(&mut tx, user.id, &name, language, &doc).await?;
    tx.commit().await?;
    Ok((id, unplaced))
}

/// Photos decoded at once in this process.
static PHOTO_DECODES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

pub async fn put_photo(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    bytes: Vec<u8>,
) -> Result<(), AppError> {
    open(state, user, id).await?;
    // Decoding takes up to 256 MB: two at a time, the others wait their turn.
    let _turn = PHOTO_DECODES
        .acquire()
        .await
        .map_err(|_| AppError::Internal)?;
    let jpeg = tokio::task::spawn_blocking(move || photo::reencode(&bytes))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "the photo task failed");
            AppError::Internal
        })?
        .map_err(|e| e.refusal())?;
    repo::put_photo(&state.db, user.id, id, &jpeg).await?;
    Ok(())
}
