//! Plain HTTP beside the server functions: the Atom feed of any search of
//! `/offerte` (same parameters; written by `atom_syndication`), the sitemap,
//! and the digest's one-click unsubscribe link.

use super::domain::{OfferQuery, OfferSummary};
use crate::i18n::{td_string, Locale};
use crate::kernel::clock::now;
use crate::kernel::dates::rfc3339;
use crate::state::AppState;
use atom_syndication::{Entry, Feed, Link, Person, Text};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/offerte/feed.xml", get(atom_feed))
        .route("/sitemap.xml", get(sitemap))
        .route("/avvisi/annulla/{token}", get(unsubscribe))
}

/// Escapes text for XML content and attributes.
pub fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// An instant as Atom wants it (UTC).
fn atom_time(unix: i64) -> atom_syndication::FixedDateTime {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .fixed_offset()
}

fn xml_response(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

async fn atom_feed(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut query = OfferQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())));
    let base = &state.config.public_url;
    // The address a feed reader subscribed to, as the results page links it.
    let itself = format!(
        "{base}/offerte/feed.xml?{}",
        query.first_page().to_query_string()
    );
    query.ordina = "recenti".into();
    query.pagina = String::new();
    let results = match super::service::search_public(&state, query.clone()).await {
        Ok(results) => results,
        Err(error) => return error.into_response(),
    };
    let updated = results
        .items
        .iter()
        .map(|o| o.published_at)
        .max()
        .unwrap_or_else(now);
    let entries = results.items.iter().map(|o| offer_entry(base, o)).collect();
    let page = format!("{base}{}", query.first_page().href());
    let title = feed_title(&query, &comune_names(&state, &query.comune).await);
    let feed = Feed {
        id: itself.clone(),
        title: Text::plain(title),
        links: vec![
            alternate(page),
            Link {
                href: itself,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
        ],
        updated: atom_time(updated),
        lang: Some("it".into()),
        entries,
        ..Feed::default()
    };
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{}\n",
        feed.to_string()
    );
    xml_response("application/atom+xml; charset=utf-8", body)
}

/// The names of the comuni searched, in the order given (unknown slugs are
/// left out: the search ignores them too).
async fn comune_names(state: &AppState, slugs: &[String]) -> Vec<String> {
    let places = crate::kernel::geo::places(&state.db)
        .await
        .unwrap_or_default();
    slugs
        .iter()
        .filter_map(|slug| places.iter().find(|p| &p.slug == slug))
        .map(|p| p.name.clone())
        .collect()
}

/// What a feed reader lists the subscription as: the words searched, the
/// comuni and the distance, so that two subscriptions are told apart
/// ("«cuoco» — Offerte di lavoro e tirocini a Sarzana, entro 15 km — InfoLavoro").
fn feed_title(query: &OfferQuery, comuni: &[String]) -> String {
    let l = Locale::it;
    let mut title = String::new();
    let words = query.q.trim();
    if !words.is_empty() {
        title.push_str(&format!("«{words}» — "));
    }
    if comuni.is_empty() {
        title.push_str(td_string!(l, offers_feeds.feed_title));
    } else {
        title.push_str(&format!(
            "{} {}",
            td_string!(l, offers_feeds.feed_title_in),
            comuni.join(", ")
        ));
        if !query.km.is_empty() {
            title.push_str(&format!(
                ", {} {} km",
                td_string!(l, offers_feeds.within),
                query.km
            ));
        }
    }
    title.push_str(" — InfoLavoro");
    title
}

fn alternate(href: String) -> Link {
    Link {
        href,
        rel: "alternate".into(),
        ..Link::default()
    }
}

/// One offer of the feed: its page, title, publisher, place and first words.
fn offer_entry(base: &str, offer: &OfferSummary) -> Entry {
    let place = if offer.comune_name.is_empty() {
        td_string!(Locale::it, offers_feeds.remote)
    } else {
        &offer.comune_name
    };
    let page = format!("{base}/offerte/{}", offer.id);
    Entry {
        id: page.clone(),
        title: Text::plain(offer.title.as_str()),
        links: vec![alternate(page)],
        updated: atom_time(offer.published_at),
        authors: vec![Person {
            name: offer.organisation.clone(),
            ..Person::default()
        }],
        summary: Some(Text::plain(format!("{place} — {}", offer.snippet))),
        ..Entry::default()
    }
}

/// The portal's public pages and every published offer.
async fn sitemap(State(state): State<AppState>) -> Response {
    let base = &state.config.public_url;
    let offers = match super::repo::published_ids(&state.db, now()).await {
        Ok(offers) => offers,
        Err(error) => {
            tracing::error!(%error, "sitemap: database error");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let comuni = crate::kernel::geo::places(&state.db)
        .await
        .unwrap_or_default();
    let mut urls: Vec<String> = [
        "",
        "/offerte",
        "/corsi",
        "/incontri",
        "/rete",
        "/comuni",
        "/sportelli",
    ]
    .iter()
    .map(|p| format!("<url><loc>{base}{p}</loc></url>"))
    .collect();
    urls.extend(
        comuni
            .iter()
            .map(|c| format!("<url><loc>{base}/comuni/{}</loc></url>", c.slug)),
    );
    urls.extend(offers.iter().map(|(id, at)| {
        format!(
            "<url><loc>{base}/offerte/{id}</loc><lastmod>{}</lastmod></url>",
            rfc3339(*at)
        )
    }));
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{}</urlset>\n",
        urls.join("")
    );
    xml_response("application/xml; charset=utf-8", body)
}

/// One click from the digest email: the saved search is gone, and the
/// search page says so (an already used link says the same: it is gone).
async fn unsubscribe(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match super::alerts::unsubscribe(&state.db, &token).await {
        Ok(_) => Redirect::to("/offerte?avviso=annullato").into_response(),
        Err(error) => {
            tracing::error!(%error, "unsubscribe: database error");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
