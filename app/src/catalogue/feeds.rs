//! Plain HTTP downloads beside the server functions: the calendar feeds that
//! calendar apps subscribe to (a person's, by secret link; a comune's, public)
//! and the roster as CSV for organisers.

use super::domain::Kind;
use super::repo;
use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::http::Download;
use crate::kernel::labels::pick;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendario/comune/{file}", get(comune_feed))
        .route("/api/attivita/{id}/iscritti.csv", get(roster_csv))
}

/// A calendar feed, as calendar apps subscribe to it.
pub fn calendar(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response()
}

/// The calendar items of the courses and meetings `user` holds a seat in.
pub async fn calendar_items_of(
    state: &AppState,
    user: i64,
) -> Result<Vec<crate::kernel::calendar::CalendarItem>, AppError> {
    let mut items = Vec::new();
    for a in repo::enrolments_of(&state.db, user).await? {
        let place = repo::place(&state.db, a.id, user).await?;
        if place.is_some_and(|p| p.status == super::domain::EnrolmentStatus::Iscritto) {
            if let Some(stored) = repo::activity(&state.db, a.id).await? {
                items.extend(super::mail::calendar_items(
                    &stored,
                    &state.config.public_url,
                ));
            }
        }
    }
    Ok(items)
}

/// The person whose personal calendar feed `token` opens, if any.
pub async fn user_of_feed(state: &AppState, token: &str) -> Result<Option<i64>, AppError> {
    Ok(repo::user_of_feed(&state.db, token).await?)
}

async fn comune_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(slug) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let result: Result<String, AppError> = async {
        let comune = crate::kernel::geo::place_by_slug(&state.db, slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut items = Vec::new();
        for kind in [Kind::Corso, Kind::Incontro] {
            for listed in repo::list_visible(&state.db, kind, 0).await? {
                if listed.comune_istat == comune.istat_code {
                    if let Some(stored) = repo::activity(&state.db, listed.summary.id).await? {
                        items.extend(super::mail::calendar_items(
                            &stored,
                            &state.config.public_url,
                        ));
                    }
                }
            }
        }
        Ok(crate::kernel::calendar::ics(
            &format!("InfoLavoro: corsi e incontri a {}", comune.name),
            &items,
        ))
    }
    .await;
    result
        .map(calendar)
        .unwrap_or_else(IntoResponse::into_response)
}

async fn roster_csv(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedIn(user): SignedIn,
) -> Result<Download, AppError> {
    let roster = super::service::roster(&state.db, id, &user).await?;
    let rows = roster.entries.into_iter().map(|e| {
        [
            e.position.map(|p| p.to_string()).unwrap_or_default(),
            e.name,
            e.email,
            pick(e.status.label(), false).to_string(),
            e.code,
            if e.attended { "sì" } else { "no" }.to_string(),
            crate::kernel::dates::italian_datetime(e.enrolled_at),
        ]
    });
    let csv = crate::kernel::csv::table(
        &[
            "Posizione",
            "Nome",
            "Email",
            "Stato",
            "Codice",
            "Presente",
            "Iscritto il",
        ],
        rows,
    );
    let name = format!(
        "iscritti-{}.csv",
        crate::kernel::text::slugify(&roster.activity.title)
    );
    Ok(Download::csv(name, &csv))
}
