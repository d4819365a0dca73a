//! What the candidates' server functions do once the caller is authorised:
//! the search, opening a profile (logged, limited per day), shortlists,
//! contact requests and the candidate's answer.

use super::domain::{
    CandidateQuery, CandidateResults, CandidateView, Contacts, MyVisibility, RequestState,
    Shortlist, ShortlistEntry, DAILY_VIEWS,
};
use super::extract::profile;
use super::repo::{self, NewRequest};
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::access::sessions::user_by_id;
use crate::kernel::clock::now;
use crate::kernel::dates::start_of_day;
use crate::kernel::mail_text::{language_of, Mail};
use crate::kernel::outbox::enqueue_mail;
use crate::state::AppState;

/// How long a search may wait and run before it is answered 503.
const SEARCH_BUDGET: std::time::Duration = std::time::Duration::from_secs(3);

async fn views_left(state: &AppState, business: &SessionUser) -> Result<i64, AppError> {
    let today = repo::views_today(&state.db, business.id, start_of_day(now())).await?;
    Ok((DAILY_VIEWS - today).max(0))
}

pub async fn search(
    state: &AppState,
    business: &SessionUser,
    query: &CandidateQuery,
) -> Result<CandidateResults, AppError> {
    crate::kernel::text::check_search_text(&query.q).map_err(AppError::with_status)?;
    let (index, query) = (state.candidates.clone(), query.clone());
    let mut results = state
        .searches
        .run(
            crate::kernel::cpu::Lane::Ordinary,
            SEARCH_BUDGET,
            move || index.read().search(&query),
        )
        .await
        .map_err(AppError::with_status)?;
    results.views_left = views_left(state, business).await?;
    let at = now();
    for card in &mut results.items {
        card.available_in_weeks = weeks_until(&card.available_from, at);
    }
    Ok(results)
}

/// Weeks from `at` to a `YYYY-MM-DD` day, rounded up; 0 when it has come
/// or is not a date. A business reads this, not the date.
fn weeks_until(day: &str, at: i64) -> u16 {
    let Some((y, m, d)) = crate::kernel::dates::parse_calendar_day(day) else {
        return 0;
    };
    let seconds = crate::kernel::dates::from_local(y, m, d, 0, 0) - start_of_day(at);
    u16::try_from((seconds.max(0) + 7 * 86_400 - 1) / (7 * 86_400)).unwrap_or(u16::MAX)
}

fn not_visible() -> AppError {
    AppError::NotFound.with_status()
}

/// Opens a profile to this business for today, counting one of its daily
/// openings (opening it again the same day is free).
pub async fn open(state: &AppState, business: &SessionUser, id: i64) -> Result<(), AppError> {
    let cv = repo::visible(&state.db, id)
        .await?
        .ok_or_else(not_visible)?;
    let since = start_of_day(now());
    if !repo::open_view(
        &state.db,
        business.id,
        (cv.owner_id, id),
        since,
        DAILY_VIEWS,
    )
    .await?
    {
        return Err(crate::conflict!(daily_profiles_reached, max = DAILY_VIEWS));
    }
    Ok(())
}

/// A profile as this business may see it: whole once opened today.
pub async fn view(
    state: &AppState,
    business: &SessionUser,
    id: i64,
) -> Result<CandidateView, AppError> {
    let cv = repo::visible(&state.db, id)
        .await?
        .ok_or_else(not_visible)?;
    if !repo::opened_since(&state.db, business.id, id, start_of_day(now())).await? {
        return Ok(CandidateView::Closed {
            views_left: views_left(state, business).await?,
        });
    }
    let indexed = state.candidates.indexed(&cv);
    let at = now();
    let today = crate::kernel::dates::local(at);
    let today = (
        i32::try_from(today.year).unwrap_or(2026),
        u8::try_from(today.month).unwrap_or(1),
    );
    let mut card = indexed.card;
    card.available_in_weeks = weeks_until(&card.available_from, at);
    let mut p = profile(card, &cv.document, cv.language, today);
    let request = repo::request_of(&state.db, business.id, cv.owner_id).await?;
    p.request = request.map(|(_, s)| s);
    if p.request == Some(RequestState::Accepted) {
        let owner = user_by_id(&state.db, cv.owner_id).await?;
        let d = &cv.document.personal;
        p.contacts = Some(Contacts {
            name: cv.document.full_name(),
            email: if d.email.trim().is_empty() {
                owner.map(|o| o.email).unwrap_or_default()
            } else {
                d.email.trim().to_string()
            },
            phone: d.phone.clone(),
            address: d.address.clone(),
            cv_href: format!("/api/candidati/{id}/cv.pdf"),
        });
    }
    let entries = repo::entries(&state.db, business.id).await?;
    p.shortlists = repo::shortlists(&state.db, business.id)
        .await?
        .into_iter()
        .map(|(list, name)| {
            let on = entries.iter().any(|(l, cv, _, _)| *l == list && *cv == id);
            (list, name, on)
        })
        .collect();
    p.offers = crate::offers::api::shared::managed_by(&state.db, Some(business.id))
        .await?
        .into_iter()
        .filter(|o| o.status == crate::offers::domain::Status::Pubblicata)
        .map(|o| (o.id, o.title))
        .collect();
    Ok(CandidateView::Open(Box::new(p)))
}

pub async fn shortlists(
    state: &AppState,
    business: &SessionUser,
) -> Result<Vec<Shortlist>, AppError> {
    let entries = repo::entries(&state.db, business.id).await?;
    let lists = repo::shortlists(&state.db, business.id).await?;
    // The index is read after the last query: its lock never waits on the database.
    let index = state.candidates.read();
    Ok(lists
        .into_iter()
        .map(|(id, name)| Shortlist {
            id,
            name,
            entries: entries
                .iter()
                .filter(|(list, ..)| *list == id)
                .map(|(_, cv, note, at)| ShortlistEntry {
                    cv_id: *cv,
                    card: index.card(*cv),
                    note: note.clone(),
                    added_at: *at,
                })
                .collect(),
        })
        .collect())
}

pub async fn create_shortlist(
    state: &AppState,
    business: &SessionUser,
    name: &str,
) -> Result<i64, AppError> {
    let name = crate::kernel::fields::text("name", name, 2, 80)?;
    repo::create_shortlist(&state.db, business.id, &name)
        .await?
        .ok_or_else(|| crate::invalid!("name", you_already_have_a))
}

async fn my_list(state: &AppState, business: &SessionUser, list: i64) -> Result<(), AppError> {
    if repo::owns_shortlist(&state.db, business.id, list).await? {
        Ok(())
    } else {
        Err(AppError::NotFound.with_status())
    }
}

/// Puts a visible profile on one of the business's lists, with a private note.
pub async fn save_to_shortlist(
    state: &AppState,
    business: &SessionUser,
    list: i64,
    cv: i64,
    note: &str,
) -> Result<(), AppError> {
    my_list(state, business, list).await?;
    let note = crate::kernel::fields::text("note", note, 0, 1000)?;
    repo::visible(&state.db, cv)
        .await?
        .ok_or_else(not_visible)?;
    Ok(repo::put_entry(&state.db, list, cv, &note).await?)
}

pub async fn remove_from_shortlist(
    state: &AppState,
    business: &SessionUser,
    list: i64,
    cv: i64,
) -> Result<(), AppError> {
    my_list(state, business, list).await?;
    Ok(repo::remove_entry(&state.db, list, cv).await?)
}

pub async fn delete_shortlist(
    state: &AppState,
    business: &SessionUser,
    list: i64,
) -> Result<(), AppError> {
    my_list(state, business, list).await?;
    Ok(repo::delete_shortlist(&state.db, business.id, list).await?)
}

/// Asks the candidate to be put in touch; they are emailed and answer from their area.
pub async fn request_contact(
    state: &AppState,
    business: &SessionUser,
    cv: i64,
    message: &str,
    offer: Option<i64>,
) -> Result<(), AppError> {
    let message = crate::kernel::fields::text("message", message, 10, 1000)?;
    let visible = repo::visible(&state.db, cv)
        .await?
        .ok_or_else(not_visible)?;
    if let Some(offer) = offer {
        let mine = crate::offers::api::shared::offer(&state.db, offer).await?;
        if mine.is_none_or(|o| o.publisher_id != Some(business.id)) {
            return Err(crate::invalid!("offer", choose_one_of_your));
        }
    }
    let citizen = user_by_id(&state.db, visible.owner_id)
        .await?
        .ok_or_else(not_visible)?;
    // Each request emails a person: a business makes at most
    // MAIL_REQUESTS_PER_HOUR of them an hour.
    crate::kernel::mail_limits::allow_sender(state, &format!("impresa:{}", business.id)).await?;
    let mut tx = state.db.begin_write().await?;
    let request = NewRequest {
        business: business.id,
        citizen: citizen.id,
        cv,
        offer,
        message: &message,
    };
    if repo::insert_request(&mut tx, &request).await?.is_none() {
        return Err(crate::conflict!(you_have_already_asked));
    }
    let organisation = business
        .organisation
        .clone()
        .unwrap_or_else(|| business.display_name.clone());
    // Past the recipient's limits the request still waits in their area,
    // without one more email.
    if crate::kernel::mail_limits::recipient_has_room(&mut tx, &citizen.email).await? {
        let language = language_of(&mut tx, Some(citizen.id)).await?;
        let Mail { subject, body } = crate::mail!(
            language,
            "candidates.contact_request",
            name = citizen.display_name,
            organisation = organisation,
            message = message,
            link = format!("{}/area/profilo", state.config.public_url)
        );
        enqueue_mail(&mut tx, Some(citizen.id), &citizen.email, &subject, &body).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

pub async fn my_visibility(
    state: &AppState,
    citizen: &SessionUser,
) -> Result<MyVisibility, AppError> {
    let visible_cv = crate::cv::api::shared::list(&state.db, citizen.id)
        .await?
        .into_iter()
        .find(|c| c.visible)
        .map(|c| (c.id, c.name));
    Ok(MyVisibility {
        visible_cv,
        views: repo::viewers(&state.db, citizen.id).await?,
        requests: repo::incoming(&state.db, citizen.id).await?,
    })
}

/// The candidate accepts or declines; the business is told.
pub async fn answer(
    state: &AppState,
    citizen: &SessionUser,
    id: i64,
    accept: bool,
) -> Result<(), AppError> {
    let (business_id, _, current) = repo::request(&state.db, id)
        .await?
        .filter(|(_, owner, _)| *owner == citizen.id)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if current != RequestState::Pending {
        return Err(crate::conflict!(you_have_already_answered));
    }
    let state_now = if accept {
        RequestState::Accepted
    } else {
        RequestState::Declined
    };
    let business = user_by_id(&state.db, business_id).await?;
    let mut tx = state.db.begin_write().await?;
    repo::answer(&mut tx, id, state_now).await?;
    if let Some(b) = business {
        let language = language_of(&mut tx, Some(b.id)).await?;
        let Mail { subject, body } = if accept {
            crate::mail!(
                language,
                "candidates.accepted",
                name = b.display_name,
                person = citizen.display_name,
                link = format!("{}/imprese/candidati", state.config.public_url)
            )
        } else {
            crate::mail!(language, "candidates.declined", name = b.display_name)
        };
        enqueue_mail(&mut tx, Some(b.id), &b.email, &subject, &body).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// The candidate's CV as a PDF, for a business whose request they accepted.
pub async fn cv_pdf(
    state: &AppState,
    business: &SessionUser,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let cv = repo::visible(&state.db, id)
        .await?
        .ok_or_else(not_visible)?;
    let accepted = repo::request_of(&state.db, business.id, cv.owner_id)
        .await?
        .is_some_and(|(_, s)| s == RequestState::Accepted);
    if !accepted {
        return Err(AppError::Forbidden.with_status());
    }
    let layout = crate::cv::api::shared::build_layout(
        &cv.document,
        cv.language,
        &state.candidates.comune_name(&cv.document.personal.comune),
    );
    let photo = crate::cv::api::shared::photo(&state.db, cv.owner_id, id).await?;
    let stem = format!(
        "CV-{}",
        crate::kernel::text::slugify(&cv.document.full_name())
    );
    let bytes = crate::cv::api::shared::typeset(
        state,
        layout,
        crate::cv::domain::Template::Europass,
        photo,
    )
    .await?;
    Ok((stem, bytes))
}
