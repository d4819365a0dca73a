//! Plain HTTP beside the server functions: the Atom feed of any search of
//! `/offerte` (same parameters), the sitemap, and the digest's one-click
//! unsubscribe link.

use super::domain::OfferQuery;
use crate::kernel::clock::now;
use crate::state::AppState;
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

/// RFC 3339 in UTC, as Atom and sitemaps want it.
pub fn rfc3339(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
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
    query.ordina = "recenti".into();
    query.pagina = String::new();
    let results = match super::service::search_public(&state, query.clone()).await {
        Ok(results) => results,
        Err(error) => return error.into_response(),
    };
    let base = &state.config.public_url;
    let updated = results
        .items
        .iter()
        .map(|o| o.published_at)
        .max()
        .unwrap_or_else(now);
    let entries: String = results
        .items
        .iter()
        .map(|o| {
            let place = if o.comune_name.is_empty() {
                "Da remoto"
            } else {
                &o.comune_name
            };
            format!(
                "<entry><id>{base}/offerte/{id}</id><title>{title}</title>\
                 <link rel=\"alternate\" href=\"{base}/offerte/{id}\"/>\
                 <updated>{updated}</updated><author><name>{org}</name></author>\
                 <summary>{place} — {snippet}</summary></entry>",
                id = o.id,
                title = xml(&o.title),
                updated = rfc3339(o.published_at),
                org = xml(&o.organisation),
                place = xml(place),
                snippet = xml(&o.snippet),
            )
        })
        .collect();
    let page = xml(&format!("{base}{}", query.first_page().href()));
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"it\">\
         <id>{page}</id><title>InfoLavoro — offerte di lavoro e tirocini</title>\
         <link rel=\"alternate\" href=\"{page}\"/><updated>{}</updated>{entries}</feed>\n",
        rfc3339(updated)
    );
    xml_response("application/atom+xml; charset=utf-8", body)
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
