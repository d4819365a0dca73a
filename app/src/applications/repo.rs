//! The data layer of applications.

use super::domain::{MyApplication, ReceivedApplication, Stage};
use crate::cv::domain::{CvDocument, CvLanguage, LetterDocument};
use crate::db::json_text;
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;

pub struct NewApplication<'a> {
    pub offer_id: i64,
    pub citizen_id: i64,
    pub cv_id: i64,
    pub language: CvLanguage,
    pub document: &'a CvDocument,
    pub photo: Option<Vec<u8>>,
    pub message: &'a str,
    /// The cover letter sent with it, and its language.
    pub letter: Option<(CvLanguage, &'a LetterDocument)>,
}

/// The new application's id, or `None` when this person already applied.
pub async fn insert(tx: &mut Tx, a: &NewApplication<'_>) -> Result<Option<i64>, sqlx::Error> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM applications WHERE offer_id = $1 AND citizen_id = $2")
            .bind(a.offer_id)
            .bind(a.citizen_id)
            .fetch_optional(&mut **tx)
            .await?;
    if exists.is_some() {
        return Ok(None);
    }
    let document = json_text(a.document)?;
    let letter = a.letter.map(|(_, l)| json_text(l)).transpose()?;
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO applications (offer_id, citizen_id, cv_id, cv_language, cv_document, cv_photo, message, status, created_at, updated_at, letter_document, letter_language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ricevuta', $8, $8, $9, $10) RETURNING id",
    )
    .bind(a.offer_id)
    .bind(a.citizen_id)
    .bind(a.cv_id)
    .bind(a.language.code())
    .bind(document)
    .bind(a.photo.clone())
    .bind(a.message)
    .bind(at)
    .bind(letter)
    .bind(a.letter.map(|(language, _)| language))
    .fetch_one(&mut **tx)
    .await
    .map(Some)
}

pub async fn mine(db: &Db, citizen: i64) -> Result<Vec<MyApplication>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.offer_id, o.title AS offer_title, o.organisation, a.status AS stage,
                a.created_at AS sent_at, a.updated_at
         FROM applications a JOIN offers o ON o.id = a.offer_id
         WHERE a.citizen_id = $1 ORDER BY a.created_at DESC, a.id DESC",
    )
    .bind(citizen)
    .fetch_all(db.pool())
    .await
}

/// The stage and date of this person's application to the offer, if any.
pub async fn of(db: &Db, offer: i64, citizen: i64) -> Result<Option<(Stage, i64)>, sqlx::Error> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT status, created_at FROM applications WHERE offer_id = $1 AND citizen_id = $2",
    )
    .bind(offer)
    .bind(citizen)
    .fetch_optional(db.pool())
    .await?;
    row.map(|(s, at)| Ok((crate::kernel::codes::decode(&s, Stage::from_code)?, at)))
        .transpose()
}

/// What `for_offer` reads of an application and its applicant.
#[derive(sqlx::FromRow)]
struct ReceivedRow {
    id: i64,
    name: String,
    email: String,
    message: String,
    status: Stage,
    created_at: i64,
    cv_language: CvLanguage,
    #[sqlx(try_from = "String")]
    cv_document: CvDocument,
    has_photo: i64,
    letter_document: Option<String>,
}

pub async fn for_offer(db: &Db, offer: i64) -> Result<Vec<ReceivedApplication>, sqlx::Error> {
    let rows: Vec<ReceivedRow> = sqlx::query_as(
        "SELECT a.id, COALESCE(u.display_name, '') AS name, COALESCE(u.email, '') AS email, a.message,
                a.status, a.created_at, a.cv_language, a.cv_document,
                CASE WHEN a.cv_photo IS NULL THEN 0 ELSE 1 END AS has_photo, a.letter_document
         FROM applications a JOIN users u ON u.id = a.citizen_id
         WHERE a.offer_id = $1 ORDER BY a.created_at, a.id",
    )
    .bind(offer)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let letter = r
                .letter_document
                .map(LetterDocument::try_from)
                .transpose()
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            Ok(ReceivedApplication {
                id: r.id,
                name: r.name,
                email: r.email,
                message: r.message,
                stage: r.status,
                sent_at: r.created_at,
                cv_language: r.cv_language,
                cv: r.cv_document,
                has_photo: r.has_photo == 1,
                letter,
            })
        })
        .collect()
}

/// The cover letter sent with an application: its language, the letter,
/// and when it was sent (the letter's date).
pub async fn letter_of(
    db: &Db,
    id: i64,
) -> Result<Option<(CvLanguage, LetterDocument, i64)>, sqlx::Error> {
    let row: Option<(Option<String>, Option<String>, i64)> = sqlx::query_as(
        "SELECT letter_language, letter_document, created_at FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some((Some(language), Some(document), at)) = row else {
        return Ok(None);
    };
    Ok(Some((
        crate::kernel::codes::decode(&language, CvLanguage::from_code)?,
        LetterDocument::try_from(document).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        at,
    )))
}

/// (offer id, citizen id, stage) of an application.
pub async fn head(db: &Db, id: i64) -> Result<Option<(i64, i64, Stage)>, sqlx::Error> {
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("SELECT offer_id, citizen_id, status FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    row.map(|(o, c, s)| Ok((o, c, crate::kernel::codes::decode(&s, Stage::from_code)?)))
        .transpose()
}

pub async fn set_stage(tx: &mut Tx, id: i64, stage: Stage) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(stage.code())
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The CV as sent, with its photo (for the publisher's PDF).
pub async fn cv_of(
    db: &Db,
    id: i64,
) -> Result<Option<(CvLanguage, CvDocument, Option<Vec<u8>>)>, sqlx::Error> {
    let row: Option<(String, String, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT cv_language, cv_document, cv_photo FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    let Some((language, document, photo)) = row else {
        return Ok(None);
    };
    Ok(Some((
        crate::kernel::codes::decode(&language, CvLanguage::from_code)?,
        CvDocument::try_from(document).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        photo,
    )))
}

/// Every application of a person (account deletion).
pub async fn delete_all(tx: &mut Tx, citizen: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM applications WHERE citizen_id = $1")
        .bind(citizen)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
