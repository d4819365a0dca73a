//! The data layer of cover letters. Every query names the owner: a letter
//! id alone never reaches another person's letter.

use super::domain::{LetterDocument, LetterRecord, LetterSummary};
use crate::cv::domain::CvLanguage;
use crate::db::json_text;
use crate::db::{Db, Tx};
use crate::kernel::clock::now;

/// A person keeps at most this many letters.
pub const MAX_LETTERS: i64 = 50;

#[derive(sqlx::FromRow)]
struct LetterRow {
    id: i64,
    language: CvLanguage,
    offer_id: Option<i64>,
    offer_title: Option<String>,
    #[sqlx(try_from = "String")]
    document: LetterDocument,
    updated_at: i64,
}

const SELECT: &str =
    "SELECT l.id, l.language, l.offer_id, o.title AS offer_title, l.document, l.updated_at
     FROM cover_letters l LEFT JOIN offers o ON o.id = l.offer_id";

pub async fn list(db: &Db, owner: i64) -> Result<Vec<LetterSummary>, sqlx::Error> {
    let rows: Vec<LetterRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE l.owner_id = $1 ORDER BY l.updated_at DESC, l.id DESC"
    ))
    .bind(owner)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LetterSummary {
            id: r.id,
            subject: r.document.subject,
            offer_id: r.offer_id,
            offer_title: r.offer_title,
            updated_at: r.updated_at,
        })
        .collect())
}

pub async fn get(db: &Db, owner: i64, id: i64) -> Result<Option<LetterRecord>, sqlx::Error> {
    let row: Option<LetterRow> =
        sqlx::query_as(&format!("{SELECT} WHERE l.owner_id = $1 AND l.id = $2"))
            .bind(owner)
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|r| LetterRecord {
        id: r.id,
        language: r.language,
        offer_id: r.offer_id,
        offer_title: r.offer_title,
        document: r.document,
        updated_at: r.updated_at,
    }))
}

pub async fn count(tx: &mut Tx, owner: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM cover_letters WHERE owner_id = $1")
        .bind(owner)
        .fetch_one(&mut **tx)
        .await
}

pub async fn insert(
    tx: &mut Tx,
    owner: i64,
    offer: Option<i64>,
    language: CvLanguage,
    doc: &LetterDocument,
) -> Result<i64, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO cover_letters (owner_id, offer_id, language, document, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(owner)
    .bind(offer)
    .bind(language)
    .bind(json_text(doc)?)
    .bind(at)
    .fetch_one(&mut **tx)
    .await
}

/// Whether the letter was the owner's (and is now saved).
pub async fn save(
    tx: &mut Tx,
    owner: i64,
    id: i64,
    doc: &LetterDocument,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE cover_letters SET document = $1, updated_at = $2 WHERE id = $3 AND owner_id = $4",
    )
    .bind(json_text(doc)?)
    .bind(now())
    .bind(id)
    .bind(owner)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(tx: &mut Tx, owner: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM cover_letters WHERE id = $1 AND owner_id = $2")
        .bind(id)
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
