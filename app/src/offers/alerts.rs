//! Saved searches: a signed-in person keeps a search of `/offerte`, sees how
//! many offers are new since the last digest, and gets a digest email of
//! them (daily by default) with a one-click unsubscribe link.

use super::domain::{OfferQuery, OfferSummary, SavedSearch};
use crate::db::Db;
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::clock::now;
use crate::kernel::mail_text::{fill, language_of, text, Language, Mail};
use crate::kernel::outbox::enqueue_mail;
use crate::kernel::secrets::{hash_secret, new_secret};
use crate::state::AppState;

/// At most this many saved searches per person.
const MAX_PER_PERSON: i64 = 20;

/// A label people recognise: the words and the places of the search.
fn label_of(query: &OfferQuery) -> String {
    let mut parts = Vec::new();
    if !query.q.trim().is_empty() {
        parts.push(format!("«{}»", query.q.trim()));
    }
    if !query.tipo.is_empty() {
        parts.push(query.tipo.clone());
    }
    if !query.comune.is_empty() {
        let km = if query.km.is_empty() {
            String::new()
        } else {
            format!(" entro {} km", query.km)
        };
        parts.push(format!("{}{km}", query.comune.join(", ")));
    }
    if parts.is_empty() {
        "Tutte le offerte".into()
    } else {
        parts.join(" · ")
    }
}

/// The offers of a saved search published after `after`, newest first (at most a page).
fn new_offers(state: &AppState, query: &OfferQuery, after: i64) -> Vec<OfferSummary> {
    let newest = OfferQuery {
        ordina: "recenti".into(),
        pagina: String::new(),
        ..query.clone()
    };
    super::service::search(state, &newest)
        .items
        .into_iter()
        .filter(|o| o.published_at > after)
        .collect()
}

fn parse_saved(text: &str) -> OfferQuery {
    OfferQuery::from_pairs(
        form_urlencoded::parse(text.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect::<Vec<_>>()
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone())),
    )
}

pub async fn save(
    state: &AppState,
    user: &SessionUser,
    query: &OfferQuery,
) -> Result<(), AppError> {
    query.check().map_err(AppError::with_status)?;
    let query = query.first_page();
    let text = query.to_query_string();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM saved_searches WHERE user_id = $1")
        .bind(user.id)
        .fetch_one(state.db.pool())
        .await?;
    if count >= MAX_PER_PERSON {
        return Err(crate::invalid!("ricerca", you_already_have_20));
    }
    let at = now();
    // Saving the same search again keeps the one there is.
    sqlx::query(
        "INSERT INTO saved_searches (user_id, query, label, token_hash, last_sent_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, query) DO NOTHING",
    )
    .bind(user.id)
    .bind(&text)
    .bind(label_of(&query))
    .bind(hash_secret(&new_secret()))
    // Times are in whole seconds and the digest takes offers published after
    // `last_sent_at`: starting a second back counts an offer published in the
    // same second as the saving (at most one second of offers already seen).
    .bind(at - 1)
    .bind(at)
    .execute(state.db.pool())
    .await?;
    Ok(())
}

pub async fn mine(state: &AppState, user: &SessionUser) -> Result<Vec<SavedSearch>, AppError> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, query, label, last_sent_at FROM saved_searches WHERE user_id = $1 ORDER BY created_at, id",
    )
    .bind(user.id)
    .fetch_all(state.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, text, label, last_sent_at)| {
            let query = parse_saved(&text);
            SavedSearch {
                id,
                label,
                href: query.href(),
                new_offers: new_offers(state, &query, last_sent_at).len() as i64,
            }
        })
        .collect())
}

pub async fn delete(db: &Db, user_id: i64, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM saved_searches WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The one-click unsubscribe of the digest's link: true when there was one.
pub async fn unsubscribe(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM saved_searches WHERE token_hash = $1")
        .bind(hash_secret(token.trim()))
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A saved search whose digest is due, and its owner.
#[derive(sqlx::FromRow)]
struct DueDigest {
    id: i64,
    query: String,
    label: String,
    last_sent_at: i64,
    user_id: i64,
    email: String,
    display_name: String,
}

/// The digest of `fresh` offers for one saved search.
fn digest(
    language: Language,
    base: &str,
    row: &DueDigest,
    fresh: &[OfferSummary],
    query: &OfferQuery,
    secret: &str,
) -> Mail {
    let line = text(language, "offers.alert_line");
    let lines: Vec<String> = fresh
        .iter()
        .map(|o| {
            let place = if o.comune_name.is_empty() {
                text(language, "offers.remote")
            } else {
                o.comune_name.as_str()
            };
            let link = format!("{base}/offerte/{}", o.id);
            fill(
                line,
                &[
                    ("title", &o.title),
                    ("organisation", &o.organisation),
                    ("place", &place),
                    ("link", &link),
                ],
            )
        })
        .collect();
    crate::mail!(
        language,
        "offers.alert",
        name = row.display_name,
        count = fresh.len(),
        label = row.label,
        lines = lines.join("\n"),
        results = format!("{base}{}", query.href()),
        stop = format!("{base}/avvisi/annulla/{secret}")
    )
}

/// Sends the digests that are due: one email per saved search with new
/// offers. Each send gets a new unsubscribe secret (only its hash is kept).
pub async fn send_digests(state: &AppState, at: i64) -> Result<usize, AppError> {
    let due: Vec<DueDigest> = sqlx::query_as(
        "SELECT s.id, s.query, s.label, s.last_sent_at, u.id AS user_id, u.email, u.display_name \
         FROM saved_searches s JOIN users u ON u.id = s.user_id \
         WHERE s.last_sent_at <= $1 AND u.email IS NOT NULL ORDER BY s.id",
    )
    .bind(at - state.config.alert_every)
    .fetch_all(state.db.pool())
    .await?;
    let mut sent = 0;
    for row in due {
        let id = row.id;
        let query = parse_saved(&row.query);
        let fresh = new_offers(state, &query, row.last_sent_at);
        let mut tx = state.db.begin_write().await?;
        if !fresh.is_empty() {
            let secret = new_secret();
            sqlx::query("UPDATE saved_searches SET token_hash = $1 WHERE id = $2")
                .bind(hash_secret(&secret))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let language = language_of(&mut tx, Some(row.user_id)).await?;
            let mail = digest(
                language,
                &state.config.public_url,
                &row,
                &fresh,
                &query,
                &secret,
            );
            enqueue_mail(
                &mut tx,
                Some(row.user_id),
                &row.email,
                &mail.subject,
                &mail.body,
            )
            .await?;
            sent += 1;
        }
        sqlx::query("UPDATE saved_searches SET last_sent_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    if sent > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(sent)
}

/// Sends the digests for the life of the server, checking every minute (or
/// sooner when digests are frequent, as in the end-to-end tests).
pub async fn run_digest_worker(state: AppState) {
    let pause = state.config.alert_every.clamp(1, 60) as u64;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(pause)).await;
        match send_digests(&state, now()).await {
            Ok(_) => crate::kernel::heartbeat::round_succeeded("alerts' digest"),
            Err(error) => tracing::error!(?error, "alerts: could not send the digests"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_search_reads_back_as_it_was() {
        let query = OfferQuery {
            q: "aiuto cuoco".into(),
            comune: vec!["sarzana".into(), "lerici".into()],
            km: "15".into(),
            ..OfferQuery::default()
        };
        assert_eq!(parse_saved(&query.to_query_string()), query);
        assert_eq!(
            label_of(&query),
            "«aiuto cuoco» · sarzana, lerici entro 15 km"
        );
    }
}
