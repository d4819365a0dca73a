//! What the offers' server functions do once the caller is authorised:
//! the publishers' form, moderation, closing, search and the offer page.

use super::domain::{
    Contract, OfferDetail, OfferInput, OfferKind, OfferQuery, RemoteMode, SearchResults, Status,
    WorkingTime, EDUCATION, MAX_DAYS, PROFESSIONS, SECTORS,
};
use super::repo::{self, OfferRow, Stored};
use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::access::sessions::user_by_id;
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::clock::now;
use crate::kernel::dates::{italian_date, parse_iso_date};
use crate::kernel::fields::{code_in, number, text, Problems};
use crate::kernel::mail_text::{language_of, long_date, Mail};
use crate::kernel::outbox::enqueue_mail;
use crate::state::AppState;

/// How long an anonymous search may wait and run before it is answered 503.
const SEARCH_BUDGET: std::time::Duration = std::time::Duration::from_secs(3);

/// A search the portal itself makes (alerts, orientation): bounded already.
pub fn search(state: &AppState, query: &OfferQuery) -> SearchResults {
    state.offers.read().search(query, now())
}

/// Past this many posting entries to read (a query of many common words,
/// or of words with many near spellings) a search goes to the costly lane.
const COSTLY_SEARCH: usize = 20_000;

/// A search from outside (the page, the API, a feed): checked against its
/// bounds, then scored off the async workers within its time budget, in
/// the costly lane when it reads much of the index.
pub async fn search_public(state: &AppState, query: OfferQuery) -> Result<SearchResults, AppError> {
    use crate::kernel::cpu::Lane;
    query.check().map_err(AppError::with_status)?;
    let index = state.offers.clone();
    let lane = if index.read().text_cost(&query) > COSTLY_SEARCH {
        Lane::Costly
    } else {
        Lane::Ordinary
    };
    state
        .searches
        .run(lane, SEARCH_BUDGET, move || {
            index.read().search(&query, now())
        })
        .await
        .map_err(AppError::with_status)
}

pub fn manages(stored: &Stored, user: &SessionUser) -> bool {
    user.can_work() && (user.role.is_staff() || stored.publisher_id == Some(user.id))
}

pub async fn stored(state: &AppState, id: i64) -> Result<Stored, AppError> {
    repo::offer(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// A published offer for everyone; any other only for its publisher and staff.
pub async fn detail(
    state: &AppState,
    id: i64,
    viewer: Option<SessionUser>,
) -> Result<OfferDetail, AppError> {
    let s = stored(state, id).await?;
    let can_manage = viewer.as_ref().is_some_and(|u| manages(&s, u));
    let public = s.status == Status::Pubblicata && s.row.expires_at > now();
    if !public && !can_manage {
        return Err(AppError::NotFound.with_status());
    }
    let json_ld = super::json_ld::job_posting(&s, &state.config.public_url);
    let r = s.row;
    Ok(OfferDetail {
        summary: s.summary,
        status: s.status,
        description: r.description,
        address: r.address,
        postal_code: s.postal_code,
        sector: r.sector,
        profession: r.profession,
        education: r.education,
        languages: r.languages,
        licence: r.licence,
        pay_min: r.pay_min,
        pay_max: r.pay_max,
        positions: r.positions,
        review_reason: s.review_reason,
        can_manage,
        json_ld,
    })
}

/// The last day an offer is open, until its end: in 60 days when not given.
fn expiry(typed: &str) -> Result<i64, AppError> {
    let today = crate::kernel::dates::start_of_day(now());
    let day = match typed.trim() {
        "" => return Ok(today + 60 * 86_400),
        day => {
            parse_iso_date(day).ok_or_else(|| crate::invalid!("expires_on", the_expiry_date_is))?
        }
    };
    if day <= today {
        return Err(crate::invalid!("expires_on", the_expiry_must_be));
    }
    if day > today + MAX_DAYS * 86_400 {
        return Err(crate::invalid!(
            "expires_on",
            expiry_too_far,
            date = italian_date(today + MAX_DAYS * 86_400)
        ));
    }
    // Until the end of that day.
    Ok(day + 86_399)
}

fn optional_pay(field: &str, value: &str) -> Result<Option<i64>, AppError> {
    let digits: String = value
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '€'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    number(field, &digits, 1..=1_000_000).map(Some)
}

/// Checks every field, in the order of the form, and builds the row.
pub async fn parse_offer(
    state: &AppState,
    form: &OfferInput,
    user: &SessionUser,
) -> Result<OfferRow, AppError> {
    // Every field is checked, and every mistake answered at once.
    let mut p = Problems::default();
    let kind = p.check(
        OfferKind::from_code(form.kind.trim())
            .ok_or_else(|| crate::invalid!("kind", choose_whether_it_is_a)),
    );
    let title = p.check(text("title", &form.title, 5, 120));
    let description = p.check(text("description", &form.description, 30, 8000));
    let organisation = if user.role.is_staff() {
        p.check(text("organisation", &form.organisation, 2, 150))
    } else {
        Some(
            user.organisation
                .clone()
                .unwrap_or_else(|| user.display_name.clone()),
        )
    };
    let remote = p.check(
        RemoteMode::from_code(form.remote.trim())
            .ok_or_else(|| crate::invalid!("remote", choose_where_the_work)),
    );
    let comune_istat = if form.comune.is_empty() && remote == Some(RemoteMode::Totale) {
        Some(None)
    } else {
        let comune = crate::kernel::geo::place_by_slug(&state.db, &form.comune).await?;
        p.check(comune.ok_or_else(|| crate::invalid!("comune", choose_the_comune_of)))
            .map(|c| Some(c.istat_code))
    };
    let address = form.address.trim().chars().take(200).collect();
    let sector = p.check(
        code_in(&SECTORS, &form.sector).ok_or_else(|| crate::invalid!("sector", choose_the_sector)),
    );
    let profession = p.check(
        code_in(&PROFESSIONS, &form.profession)
            .ok_or_else(|| crate::invalid!("profession", choose_the_occupation_group)),
    );
    let contract = p.check(
        Contract::from_code(form.contract.trim())
            .ok_or_else(|| crate::invalid!("contract", choose_the_contract)),
    );
    if kind == Some(OfferKind::Tirocinio) && contract.is_some_and(|c| c != Contract::Tirocinio) {
        p.refuse(crate::invalid!("contract", an_internship_has_the));
    }
    let working_time = p.check(
        WorkingTime::from_code(form.working_time.trim())
            .ok_or_else(|| crate::invalid!("working_time", choose_the_working_time)),
    );
    let education = p.check(
        code_in(&EDUCATION, &form.education)
            .ok_or_else(|| crate::invalid!("education", choose_the_qualification_required)),
    );
    let pay_min = p.check(optional_pay("pay_min", &form.pay_min));
    let pay_max = p.check(optional_pay("pay_max", &form.pay_max));
    if let (Some(Some(min)), Some(Some(max))) = (pay_min, pay_max) {
        if max < min {
            p.refuse(crate::invalid!("pay_max", the_maximum_pay_is));
        }
    }
    let positions = p.check(number("positions", &form.positions, 1..=500));
    let expires_at = p.check(expiry(&form.expires_on));
    p.finish()?;
    let (
        Some(kind),
        Some(title),
        Some(description),
        Some(organisation),
        Some(remote),
        Some(comune_istat),
        Some(sector),
        Some(profession),
        Some((contract, working_time)),
        Some(education),
        Some((pay_min, pay_max)),
        Some((positions, expires_at)),
    ) = (
        kind,
        title,
        description,
        organisation,
        remote,
        comune_istat,
        sector,
        profession,
        contract.zip(working_time),
        education,
        pay_min.zip(pay_max),
        positions.zip(expires_at),
    )
    else {
        // `finish` answered every missing value's refusal above.
        return Err(AppError::Internal);
    };
    let education = education.parse().unwrap_or(0);
    Ok(OfferRow {
        kind,
        title,
        description,
        organisation,
        comune_istat,
        address,
        remote,
        sector,
        profession,
        contract,
        working_time,
        education,
        languages: form.languages.trim().chars().take(200).collect(),
        licence: form.licence.trim().chars().take(50).collect(),
        pay_min,
        pay_max,
        positions,
        expires_at,
    })
}

/// Saves the publisher's form: a draft, or submitted for review (staff
/// publish at once: they are the reviewers). Returns the offer's id.
pub async fn save(
    state: &AppState,
    user: &SessionUser,
    form: &OfferInput,
) -> Result<i64, AppError> {
    let existing = match form.id.trim() {
        "" => None,
        id => {
            let id: i64 = id.parse().map_err(|_| AppError::NotFound.with_status())?;
            let s = stored(state, id).await?;
            if !manages(&s, user) {
                return Err(AppError::Forbidden.with_status());
            }
            if !s.status.editable() {
                return Err(crate::conflict!(this_offer_is_no));
            }
            Some(id)
        }
    };
    let row = parse_offer(state, form, user).await?;
    let status = match (form.action.as_str(), user.role.is_staff()) {
        ("revisione", true) => Status::Pubblicata,
        ("revisione", false) => Status::Revisione,
        _ => Status::Bozza,
    };
    let mut tx = state.db.begin_write().await?;
    let id = match existing {
        Some(id) => {
            repo::update_offer(&mut tx, id, &row, status).await?;
            id
        }
        None => repo::insert_offer(&mut tx, &row, Some(user.id), status, 0).await?,
    };
    if status == Status::Pubblicata {
        audit(&mut tx, user.id, AuditAction::OfferPublished, Some(id), "").await?;
    }
    tx.commit().await?;
    state.offers.refresh(&state.db, id).await?;
    Ok(id)
}

/// An operator's decision on a submitted offer: published, or back to its
/// publisher as a draft with the reason, which they read by email and on the page.
pub async fn decide(
    state: &AppState,
    staff: &SessionUser,
    id: i64,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !approve && reason.chars().count() < 5 {
        return Err(crate::invalid!("reason", write_the_reason_whoever));
    }
    let s = stored(state, id).await?;
    let (to, action) = if approve {
        (Status::Pubblicata, AuditAction::OfferApproved)
    } else {
        (Status::Bozza, AuditAction::OfferRejected)
    };
    let mut tx = state.db.begin_write().await?;
    if !repo::change_status(&mut tx, id, &[Status::Revisione], to, reason).await? {
        return Err(crate::conflict!(another_operator_has_already));
    }
    audit(&mut tx, staff.id, action, Some(id), reason).await?;
    if let Some(publisher) = match s.publisher_id {
        Some(p) => user_by_id(&state.db, p).await?,
        None => None,
    } {
        let link = format!("{}/offerte/{id}", state.config.public_url);
        let language = language_of(&mut tx, Some(publisher.id)).await?;
        let Mail { subject, body } = if approve {
            let until = long_date(language, s.row.expires_at);
            crate::mail!(
                language,
                "offers.approved",
                name = publisher.display_name,
                title = s.row.title,
                until = until,
                link = link
            )
        } else {
            let link = format!("{}/pubblica/{id}", state.config.public_url);
            crate::mail!(
                language,
                "offers.rejected",
                name = publisher.display_name,
                title = s.row.title,
                reason = reason,
                link = link
            )
        };
        enqueue_mail(
            &mut tx,
            Some(publisher.id),
            &publisher.email,
            &subject,
            &body,
        )
        .await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    state.offers.refresh(&state.db, id).await?;
    Ok(())
}

/// The publisher closes an offer: the position is filled, or it is withdrawn.
pub async fn close(
    state: &AppState,
    user: &SessionUser,
    id: i64,
    filled: bool,
) -> Result<(), AppError> {
    let s = stored(state, id).await?;
    if !manages(&s, user) {
        return Err(AppError::Forbidden.with_status());
    }
    let (from, to): (&[Status], Status) = if filled {
        (&[Status::Pubblicata], Status::Coperta)
    } else {
        (
            &[Status::Bozza, Status::Revisione, Status::Pubblicata],
            Status::Ritirata,
        )
    };
    let mut tx = state.db.begin_write().await?;
    if !repo::change_status(&mut tx, id, from, to, "").await? {
        return Err(crate::conflict!(the_offer_is_already));
    }
    tx.commit().await?;
    state.offers.refresh(&state.db, id).await?;
    Ok(())
}
