//! What the catalogue's server functions do once the caller is authorised:
//! the list, an activity's page and its status here; enrolments and their
//! emails in `enrolments`; the organiser's form in `form`.

mod enrolments;
mod form;

pub use enrolments::*;
pub use form::*;

use super::domain::{ActivityDetail, Catalogue, CatalogueFilter, Kind, Mode, Status, Viewer};
use super::repo::{self, Stored};
use crate::db::Db;
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::audit::AuditAction;
use crate::kernel::clock::now;
use crate::kernel::dates::parse_iso_date;
use crate::kernel::geo::distance_km;
use crate::state::AppState;
use std::collections::HashMap;

/// The catalogue of one kind, filtered as in the URL.
pub async fn list(db: &Db, kind: Kind, f: &CatalogueFilter) -> Result<Catalogue, AppError> {
    let comuni = crate::kernel::geo::places(db).await?;
    let at = now();
    let listed = repo::list_visible(db, kind, at).await?;
    // The comuni within the radius of the chosen one (just that one without a radius).
    let near: Option<Vec<String>> = comuni.iter().find(|c| c.slug == f.comune).map(|centre| {
        let km: f64 = f.km.parse().unwrap_or(0.0);
        comuni
            .iter()
            .filter(|c| {
                c.slug == centre.slug
                    || distance_km(
                        (centre.latitude, centre.longitude),
                        (c.latitude, c.longitude),
                    ) <= km
            })
            .map(|c| c.istat_code.clone())
            .collect()
    });
    let from = parse_iso_date(&f.from);
    let to = parse_iso_date(&f.to).map(|t| t + 86_400);
    // Every filter but the comune: the map counts what each comune would show.
    let other_filters = |l: &repo::Listed| {
        let s = &l.summary;
        (f.topic.is_empty() || s.topic.code() == f.topic)
            && (f.target.is_empty()
                || s.target_groups
                    .iter()
                    .any(|t| *t == f.target || t == "tutti"))
            && (f.mode.is_empty() || s.mode.code() == f.mode || s.mode == Mode::Misto)
            && from.is_none_or(|from| l.last_ends_at >= from)
            && to.is_none_or(|to| s.first_starts_at < to)
            && crate::kernel::terms::matches(&f.q, &l.text)
    };
    let mut per_comune: HashMap<String, i64> = HashMap::new();
    let mut items = Vec::new();
    for l in listed.iter().filter(|l| other_filters(l)) {
        *per_comune.entry(l.summary.comune_slug.clone()).or_default() += 1;
        if near
            .as_ref()
            .is_none_or(|near| near.contains(&l.comune_istat))
        {
            items.push(l.summary.clone());
        }
    }
    let mut per_comune: Vec<(String, i64)> = per_comune.into_iter().collect();
    per_comune.sort();
    Ok(Catalogue {
        items,
        per_comune,
        today: at,
    })
}

fn manages(stored: &Stored, user: &SessionUser) -> bool {
    user.can_work() && (user.role.is_staff() || stored.publisher_id == Some(user.id))
}

async fn stored(db: &Db, id: i64) -> Result<Stored, AppError> {
    repo::activity(db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// The stored activity, for its publisher or staff only.
async fn managed(db: &Db, id: i64, user: &SessionUser) -> Result<Stored, AppError> {
    let stored = stored(db, id).await?;
    if !manages(&stored, user) {
        return Err(AppError::Forbidden.with_status());
    }
    Ok(stored)
}

pub async fn detail(
    db: &Db,
    kind: Kind,
    id: i64,
    user: Option<SessionUser>,
) -> Result<ActivityDetail, AppError> {
    let s = stored(db, id).await?;
    let can_manage = user.as_ref().is_some_and(|u| manages(&s, u));
    // Drafts are visible to whoever may publish them, to nobody else.
    if s.summary.kind != kind || (s.summary.status == Status::Bozza && !can_manage) {
        return Err(AppError::NotFound.with_status());
    }
    let viewer = match user {
        Some(u) => Some(Viewer {
            can_enrol: u.role == Role::Cittadino && u.can_work(),
            can_manage,
            place: repo::place(db, id, u.id).await?,
        }),
        None => None,
    };
    Ok(ActivityDetail {
        summary: s.summary,
        description: s.description,
        organiser_category: s.organiser_category,
        venue: s.venue,
        sessions: s.sessions,
        requirements: s.requirements,
        certificate: s.certificate,
        cost_cents: s.cost_cents,
        skills: s.skills,
        enrol_opens: s.enrol_opens,
        waiting: s.waiting,
        viewer,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Publish,
    Close,
    Cancel,
}

impl Change {
    pub fn parse(text: &str) -> Result<Change, AppError> {
        match text {
            "pubblica" => Ok(Change::Publish),
            "chiudi" => Ok(Change::Close),
            "annulla" => Ok(Change::Cancel),
            _ => Err(crate::invalid!("change", unknown_operation)),
        }
    }
}

/// Publishes a draft, closes enrolment, or cancels the activity (telling
/// everyone who holds a place, with the reason).
pub async fn change_status(
    state: &AppState,
    id: i64,
    user: &SessionUser,
    change: Change,
    reason: &str,
) -> Result<(), AppError> {
    let a = managed(&state.db, id, user).await?;
    let reason = reason.trim();
    if change == Change::Cancel && reason.chars().count() < 5 {
        return Err(crate::invalid!("reason", write_the_reason_for));
    }
    let mut tx = state.db.begin_write().await?;
    if change == Change::Publish && super::review::must_wait(state, user).await? {
        if !super::review::send_to_review(&mut tx, id).await? {
            return Err(crate::conflict!(the_activity_is_already));
        }
        crate::kernel::audit::repo::audit(
            &mut tx,
            user.id,
            AuditAction::ActivitySentToReview,
            Some(id),
            "",
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    let (from, to): (&[Status], Status) = match change {
        Change::Publish => (&[Status::Bozza], Status::Pubblicato),
        Change::Close => (&[Status::Pubblicato], Status::Chiuso),
        Change::Cancel => (
            &[Status::Bozza, Status::Pubblicato, Status::Chiuso],
            Status::Annullato,
        ),
    };
    if !repo::set_status(&mut tx, id, from, to).await? {
        return Err(crate::conflict!(the_activity_is_already_in));
    }
    if change == Change::Cancel {
        for person in repo::people_holding_places(&mut tx, id).await? {
            let compose = |language, name: &str| super::mail::cancelled(language, name, &a, reason);
            email_about(
                &mut tx,
                &state.config.public_url,
                person,
                &a,
                compose,
                false,
            )
            .await?;
        }
    }
    crate::kernel::audit::repo::audit(
        &mut tx,
        user.id,
        match to {
            Status::Pubblicato => AuditAction::ActivityPublished,
            Status::Chiuso => AuditAction::ActivityClosed,
            _ => AuditAction::ActivityCancelled,
        },
        Some(id),
        reason,
    )
    .await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}
