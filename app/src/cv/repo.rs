//! The data layer of CVs. Every query names the owner: a CV id alone never
//! reaches another person's CV.

use super::checks::completeness;
use super::domain::{CvDocument, CvLanguage, CvRecord, CvSummary};
use crate::db::json_text;
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::clock::now;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    language: CvLanguage,
    updated_at: i64,
    visible: i64,
    completeness: i64,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: i64,
    name: String,
    language: CvLanguage,
    revision: i64,
    #[sqlx(try_from = "String")]
    document: CvDocument,
    visible: i64,
    photo_version: i64,
    updated_at: i64,
}

pub async fn list(db: &Db, owner: i64) -> Result<Vec<CvSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT id, name, language, updated_at, visible, completeness FROM cvs
         WHERE owner_id = $1 ORDER BY updated_at DESC, id DESC",
    )
    .bind(owner)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| CvSummary {
            id: row.id,
            name: row.name,
            language: row.language,
            updated_at: row.updated_at,
            visible: row.visible == 1,
            // A percentage, written by `completeness`.
            completeness: u8::try_from(row.completeness.clamp(0, 100)).unwrap_or(0),
        })
        .collect())
}

pub async fn count(db: &Db, owner: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM cvs WHERE owner_id = $1")
        .bind(owner)
        .fetch_one(db.pool())
        .await
}

pub async fn get(db: &Db, owner: i64, id: i64) -> Result<Option<CvRecord>, sqlx::Error> {
    let row: Option<RecordRow> = sqlx::query_as(
        "SELECT c.id, c.name, c.language, c.revision, c.document, c.visible, c.updated_at,
                COALESCE(p.version, 0) AS photo_version
         FROM cvs c LEFT JOIN cv_photos p ON p.cv_id = c.id
         WHERE c.id = $1 AND c.owner_id = $2",
    )
    .bind(id)
    .bind(owner)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(CvRecord {
        id: row.id,
        name: row.name,
        language: row.language,
        revision: row.revision,
        document: row.document,
        visible: row.visible == 1,
        photo_version: row.photo_version,
        updated_at: row.updated_at,
        today: {
            let today = crate::kernel::dates::local(now());
            format!("{}-{:02}", today.year, today.month)
        },
        assisted: None,
        desk_changes: Vec::new(),
    }))
}

pub async fn insert(
    tx: &mut Tx,
    owner: i64,
    name: &str,
    language: CvLanguage,
    doc: &CvDocument,
) -> Result<i64, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO cvs (owner_id, name, language, document, completeness, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(owner)
    .bind(name)
    .bind(language.code())
    .bind(json_text(doc)?)
    .bind(i64::from(completeness(doc)))
    .bind(at)
    .fetch_one(&mut **tx)
    .await
}

/// Saves the document if `revision` is the stored one; the new revision, or
/// `None` when the CV is missing or was saved meanwhile from elsewhere.
pub async fn save_document(
    tx: &mut Tx,
    owner: i64,
    id: i64,
    revision: i64,
    doc: &CvDocument,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE cvs SET document = $1, completeness = $2, revision = revision + 1, updated_at = $3
         WHERE id = $4 AND owner_id = $5 AND revision = $6 RETURNING revision",
    )
    .bind(json_text(doc)?)
    .bind(i64::from(completeness(doc)))
    .bind(now())
    .bind(id)
    .bind(owner)
    .bind(revision)
    .fetch_optional(&mut **tx)
    .await
}

/// Renames and sets the language; true when the CV was found.
pub async fn rename(
    db: &Db,
    owner: i64,
    id: i64,
    name: &str,
    language: CvLanguage,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE cvs SET name = $1, language = $2, updated_at = $3 WHERE id = $4 AND owner_id = $5",
    )
    .bind(name)
    .bind(language.code())
    .bind(now())
    .bind(id)
    .bind(owner)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(tx: &mut Tx, owner: i64, id: i64) -> Result<bool, sqlx::Error> {
    // The photo first: SQLite enforces the cascade only with foreign keys on.
    sqlx::query(
        "DELETE FROM cv_photos WHERE cv_id IN (SELECT id FROM cvs WHERE id = $1 AND owner_id = $2)",
    )
    .bind(id)
    .bind(owner)
    .execute(&mut **tx)
    .await?;
    let done = sqlx::query("DELETE FROM cvs WHERE id = $1 AND owner_id = $2")
        .bind(id)
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every CV and photo of a person (account deletion).
pub async fn delete_all(tx: &mut Tx, owner: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM cv_photos WHERE cv_id IN (SELECT id FROM cvs WHERE owner_id = $1)")
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM cvs WHERE owner_id = $1")
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Makes the CV visible to businesses or hides it; true when found.
pub async fn set_visible(
    tx: &mut Tx,
    owner: i64,
    id: i64,
    visible: bool,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE cvs SET visible = $1, updated_at = $2 WHERE id = $3 AND owner_id = $4")
            .bind(i64::from(visible))
            .bind(now())
            .bind(id)
            .bind(owner)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Hides the person's other visible CVs; their ids.
pub async fn hide_others(tx: &mut Tx, owner: i64, keep: i64) -> Result<Vec<i64>, sqlx::Error> {
    let others: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM cvs WHERE owner_id = $1 AND visible = 1 AND id <> $2")
            .bind(owner)
            .bind(keep)
            .fetch_all(&mut **tx)
            .await?;
    sqlx::query("UPDATE cvs SET visible = 0, updated_at = $1 WHERE owner_id = $2 AND visible = 1 AND id <> $3")
        .bind(now())
        .bind(owner)
        .bind(keep)
        .execute(&mut **tx)
        .await?;
    Ok(others)
}

/// How many of this person's CVs are visible.
pub async fn visible_count(tx: &mut Tx, owner: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM cvs WHERE owner_id = $1 AND visible = 1")
        .bind(owner)
        .fetch_one(&mut **tx)
        .await
}

pub async fn photo(db: &Db, owner: i64, id: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.image FROM cv_photos p JOIN cvs c ON c.id = p.cv_id WHERE c.id = $1 AND c.owner_id = $2",
    )
    .bind(id)
    .bind(owner)
    .fetch_optional(db.pool())
    .await
}

/// Stores the photo (replacing one there was); true when the CV is the owner's.
pub async fn put_photo(db: &Db, owner: i64, id: i64, jpeg: &[u8]) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let mine: Option<i64> =
        sqlx::query_scalar("SELECT id FROM cvs WHERE id = $1 AND owner_id = $2")
            .bind(id)
            .bind(owner)
            .fetch_optional(&mut *tx)
            .await?;
    if mine.is_none() {
        return Ok(false);
    }
    // A version that always moves forward, so the preview's address changes.
    let version = now_millis();
    sqlx::query("DELETE FROM cv_photos WHERE cv_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO cv_photos (cv_id, image, version) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(jpeg.to_vec())
        .bind(version)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE cvs SET updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

pub async fn delete_photo(db: &Db, owner: i64, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM cv_photos WHERE cv_id IN (SELECT id FROM cvs WHERE id = $1 AND owner_id = $2)",
    )
    .bind(id)
    .bind(owner)
    .execute(db.pool())
    .await?;
    Ok(())
}
