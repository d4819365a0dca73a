//! The data layer of offers and saved searches. Every change sets
//! `updated_at`, which the search index of each server process tails.

use super::domain::{
    Contract, ManagedOffer, OfferKind, OfferSummary, RemoteMode, Status, WorkingTime, PROFESSIONS,
    SECTORS,
};
use super::index::IndexedOffer;
use crate::db::Tx;
use crate::db::{placeholders, Db};
use crate::kernel::clock::now;
use crate::kernel::labels::label_of;
use crate::kernel::synced_index::{Cursor, PAGE};

/// An offer as stored, parsed (see `service::parse_offer`).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct OfferRow {
    pub kind: OfferKind,
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub comune_istat: Option<String>,
    pub address: String,
    pub remote: RemoteMode,
    pub sector: String,
    pub profession: String,
    pub contract: Contract,
    pub working_time: WorkingTime,
    pub education: i64,
    pub languages: String,
    pub licence: String,
    pub pay_min: Option<i64>,
    pub pay_max: Option<i64>,
    pub positions: i64,
    pub expires_at: i64,
}

/// A stored offer with what its pages need.
#[derive(Clone, Debug)]
pub struct Stored {
    pub row: OfferRow,
    pub summary: OfferSummary,
    pub publisher_id: Option<i64>,
    pub status: Status,
    pub review_reason: String,
    pub postal_code: String,
    pub updated_at: i64,
}

const COLUMNS: &str = "o.id, o.kind, o.title, o.description, o.organisation, o.publisher_id, o.comune_istat, \
     o.address, o.remote, o.sector, o.profession, o.contract, o.working_time, o.education, o.languages, \
     o.licence, o.pay_min, o.pay_max, o.positions, o.status, o.review_reason, o.published_at, o.expires_at, \
     o.demo, o.updated_at, c.slug AS comune_slug, c.name AS comune_name, c.postal_codes";

const FROM: &str = "FROM offers o LEFT JOIN comuni c ON c.istat_code = o.comune_istat";

/// What `COLUMNS` reads: the offer, its place and its state.
#[derive(sqlx::FromRow)]
struct StoredRow {
    #[sqlx(flatten)]
    row: OfferRow,
    id: i64,
    comune_slug: Option<String>,
    comune_name: Option<String>,
    postal_codes: Option<String>,
    published_at: Option<i64>,
    demo: i64,
    publisher_id: Option<i64>,
    status: Status,
    review_reason: String,
    updated_at: i64,
}

impl From<StoredRow> for Stored {
    fn from(stored: StoredRow) -> Stored {
        let r = stored.row;
        let summary = OfferSummary {
            id: stored.id,
            kind: r.kind,
            title: r.title.clone(),
            organisation: r.organisation.clone(),
            comune_slug: stored.comune_slug.unwrap_or_default(),
            comune_name: stored.comune_name.unwrap_or_default(),
            remote: r.remote,
            contract: r.contract,
            working_time: r.working_time,
            published_at: stored.published_at.unwrap_or(0),
            expires_at: r.expires_at,
            snippet: crate::kernel::text::first_words(&r.description, 180),
            distance_km: None,
            demo: stored.demo != 0,
        };
        Stored {
            row: r,
            summary,
            publisher_id: stored.publisher_id,
            status: stored.status,
            review_reason: stored.review_reason,
            postal_code: stored
                .postal_codes
                .unwrap_or_default()
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string(),
            updated_at: stored.updated_at,
        }
    }
}

impl Stored {
    /// What the search index keeps of a published offer.
    pub fn indexed(&self) -> IndexedOffer {
        let r = &self.row;
        let body = format!(
            "{} {} {} {} {}",
            r.organisation,
            r.description,
            label_of(&SECTORS, &r.sector, false),
            label_of(&PROFESSIONS, &r.profession, false),
            r.languages,
        );
        IndexedOffer {
            summary: self.summary.clone(),
            title: r.title.clone(),
            body,
            sector: r.sector.clone(),
            education: r.education,
        }
    }
}

/// The columns an `OfferRow` fills, in the order `bind_row` binds them.
pub const ROW_COLUMNS: [&str; 18] = [
    "kind",
    "title",
    "description",
    "organisation",
    "comune_istat",
    "address",
    "remote",
    "sector",
    "profession",
    "contract",
    "working_time",
    "education",
    "languages",
    "licence",
    "pay_min",
    "pay_max",
    "positions",
    "expires_at",
];

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the fields of `o` as the next 18 parameters, in `ROW_COLUMNS` order.
pub fn bind_row<'q>(query: AnyQuery<'q>, o: &'q OfferRow) -> AnyQuery<'q> {
    query
        .bind(o.kind)
        .bind(&o.title)
        .bind(&o.description)
        .bind(&o.organisation)
        .bind(&o.comune_istat)
        .bind(&o.address)
        .bind(o.remote)
        .bind(&o.sector)
        .bind(&o.profession)
        .bind(o.contract)
        .bind(o.working_time)
        .bind(o.education)
        .bind(&o.languages)
        .bind(&o.licence)
        .bind(o.pay_min)
        .bind(o.pay_max)
        .bind(o.positions)
        .bind(o.expires_at)
}

pub async fn insert_offer(
    tx: &mut Tx,
    o: &OfferRow,
    publisher_id: Option<i64>,
    status: Status,
    demo: i64,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let published = (status == Status::Pubblicata).then_some(at);
    let submitted = (status == Status::Revisione).then_some(at);
    let sql = format!(
        "INSERT INTO offers ({}, publisher_id, status, published_at, demo, created_at, updated_at, submitted_at) \
         VALUES ({}, $19, $20, $21, $22, $23, $23, $24) RETURNING id",
        ROW_COLUMNS.join(", "),
        placeholders(1, 18)
    );
    let row = bind_row(sqlx::query(&sql), o)
        .bind(publisher_id)
        .bind(status.code())
        .bind(published)
        .bind(demo)
        .bind(at)
        .bind(submitted)
        .fetch_one(&mut **tx)
        .await?;
    sqlx::Row::try_get(&row, "id")
}

/// Rewrites a draft's text and moves it to `status` (a draft or submitted).
pub async fn update_offer(
    tx: &mut Tx,
    id: i64,
    o: &OfferRow,
    status: Status,
) -> Result<(), sqlx::Error> {
    let set: Vec<String> = ROW_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE offers SET {}, status = $19, updated_at = $20, \
         published_at = CASE WHEN $19 = 'pubblicata' THEN $20 ELSE published_at END, \
         submitted_at = CASE WHEN $19 = 'revisione' THEN $20 ELSE submitted_at END WHERE id = $21",
        set.join(", ")
    );
    bind_row(sqlx::query(&sql), o)
        .bind(status.code())
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves an offer to `to` if it is still `from` (false when someone else acted first).
pub async fn change_status(
    tx: &mut Tx,
    id: i64,
    from: &[Status],
    to: Status,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let at = now();
    let allowed: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    // The codes are ours, never the caller's: safe to write into the statement.
    let done = sqlx::query(&format!(
        "UPDATE offers SET status = $1, review_reason = $2, updated_at = $3, \
         published_at = CASE WHEN $1 = 'pubblicata' THEN $3 ELSE published_at END, \
         decided_at = CASE WHEN status = 'revisione' AND $1 IN ('pubblicata', 'bozza') THEN $3 ELSE decided_at END \
         WHERE id = $4 AND status IN ({})",
        allowed.join(", ")
    ))
    .bind(to.code())
    .bind(reason)
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn offer(db: &Db, id: i64) -> Result<Option<Stored>, sqlx::Error> {
    let row: Option<StoredRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE o.id = $1"))
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(Stored::from))
}

/// The offers a sync reads (`Cursor`): the first sync's pages by id, the
/// later syncs' changes by when they changed (the index decides what each
/// row means).
pub async fn changed(db: &Db, from: Cursor) -> Result<Vec<Stored>, sqlx::Error> {
    let (filter, value) = match from {
        Cursor::Whole { after } => (format!("o.id > $1 ORDER BY o.id LIMIT {PAGE}"), after),
        // In the order of `offers_by_update`: ordered by id, SQLite scanned
        // every offer rather than use the index (540 ms a second at 1M).
        Cursor::Changed { since } => (
            "o.updated_at >= $1 ORDER BY o.updated_at, o.id".to_string(),
            since,
        ),
    };
    let rows: Vec<StoredRow> = sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE {filter}"))
        .bind(value)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(Stored::from).collect())
}

/// Published offers past their expiry become `scaduta`; returns how many.
pub async fn expire_due(db: &Db, at: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE offers SET status = 'scaduta', updated_at = $1 WHERE status = 'pubblicata' AND expires_at <= $1",
    )
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

/// The columns of a `ManagedOffer`.
const MANAGED_COLUMNS: &str = "o.id, o.title, o.kind, o.organisation, o.status, o.review_reason, \
     o.updated_at, o.expires_at, COALESCE(c.name, '') AS comune_name";

/// A publisher's offers (every offer for staff), newest change first.
pub async fn managed_by(db: &Db, publisher: Option<i64>) -> Result<Vec<ManagedOffer>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MANAGED_COLUMNS} {FROM} WHERE ($1 < 0 OR o.publisher_id = $1) AND o.demo < 2 \
         ORDER BY o.updated_at DESC, o.id DESC LIMIT 200"
    ))
    .bind(publisher.unwrap_or(-1))
    .fetch_all(db.pool())
    .await
}

/// Offers waiting for an operator, oldest first.
pub async fn awaiting_review(db: &Db) -> Result<Vec<ManagedOffer>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MANAGED_COLUMNS} {FROM} WHERE o.status = 'revisione' ORDER BY o.updated_at, o.id"
    ))
    .fetch_all(db.pool())
    .await
}

/// Published, unexpired real offers for the sitemap: (id, last change).
/// Demo offers are left out, as their pages are marked `noindex`.
pub async fn published_ids(db: &Db, at: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, updated_at FROM offers WHERE status = 'pubblicata' AND expires_at > $1 AND demo = 0 ORDER BY id",
    )
    .bind(at)
    .fetch_all(db.pool())
    .await
}
