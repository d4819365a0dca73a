//! The organiser's form: a course or meeting, parsed field by field, and
//! saved (or sent to the staff's review).

use crate::catalogue::domain::{ActivityInput, Kind, Mode, Session, Status, Topic, TARGET_GROUPS};
use crate::catalogue::repo::{self, ActivityRow};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::td_string;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::audit::AuditAction;
use crate::kernel::clock::now;
use crate::kernel::dates::{from_local, parse_iso_date, parse_italian_date, parse_time};
use crate::kernel::fields::Problems;
use crate::kernel::fields::{code_in, number, text};
use crate::kernel::labels::Label;
use crate::network::api::shared as network;
use crate::state::AppState;

/// One session per line: `01/12/2026 9:00-13:00`.
pub fn parse_sessions(text: &str, at: i64) -> Result<Vec<Session>, AppError> {
    let mut sessions = Vec::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
    {
        let row = i + 1;
        let bad = |problem: Label| {
            crate::invalid!(
                "sessions",
                session_line_refused,
                line = row,
                problem = problem(crate::i18n_switch::request_locale())
            )
        };
        let (date, times) = line
            .split_once(' ')
            .ok_or_else(|| bad(|l| td_string!(l, messages.session_no_time)))?;
        let (y, m, d) = parse_italian_date(date)
            .ok_or_else(|| bad(|l| td_string!(l, messages.session_bad_date)))?;
        let (start, end) = times
            .trim()
            .split_once(['-', '–'])
            .ok_or_else(|| bad(|l| td_string!(l, messages.session_no_end)))?;
        let (sh, sm) =
            parse_time(start).ok_or_else(|| bad(|l| td_string!(l, messages.session_bad_start)))?;
        let (eh, em) =
            parse_time(end).ok_or_else(|| bad(|l| td_string!(l, messages.session_bad_end)))?;
        let starts_at = from_local(y, m, d, sh, sm);
        let ends_at = from_local(y, m, d, eh, em);
        if ends_at <= starts_at {
            return Err(bad(|l| td_string!(l, messages.session_end_before_start)));
        }
        if starts_at <= at {
            return Err(bad(|l| td_string!(l, messages.session_in_the_past)));
        }
        sessions.push(Session { starts_at, ends_at });
    }
    if sessions.is_empty() {
        return Err(crate::invalid!("sessions", give_at_least_one));
    }
    if sessions.len() > 200 {
        return Err(crate::invalid!("sessions", at_most_200_dates));
    }
    sessions.sort_by_key(|s| s.starts_at);
    Ok(sessions)
}

/// Checks every field, in the order of the form, and builds the row; every
/// mistake is answered at once.
pub async fn parse_activity(
    form: &ActivityInput,
    db: &Db,
    user: &SessionUser,
) -> Result<ActivityRow, AppError> {
    let at = now();
    let mut p = Problems::default();
    let kind = p.check(
        Kind::from_code(&form.kind).ok_or_else(|| crate::invalid!("kind", choose_whether_it_is)),
    );
    let title = p.check(text("title", &form.title, 5, 150));
    let description = p.check(text("description", &form.description, 20, 5000));
    let organiser = p.check(organiser(form, db, user).await);
    let comune = crate::kernel::geo::place_by_slug(db, &form.comune).await?;
    let comune = p.check(comune.ok_or_else(|| crate::invalid!("comune", choose_the_comune_where)));
    let mode = p.check(
        Mode::from_code(form.mode.trim())
            .ok_or_else(|| crate::invalid!("mode", choose_how_it_takes)),
    );
    let venue = if mode == Some(Mode::Online) && form.venue.trim().is_empty() {
        Some("Online".to_string())
    } else {
        p.check(text("venue", &form.venue, 3, 200))
    };
    let topic = p.check(
        Topic::from_code(form.topic.trim())
            .ok_or_else(|| crate::invalid!("topic", choose_the_topic)),
    );
    let target = p.check(
        code_in(&TARGET_GROUPS, &form.target)
            .ok_or_else(|| crate::invalid!("target", choose_who_it_is)),
    );
    let sessions = p.check(parse_sessions(&form.sessions, at));
    let total_hours = p.check(number("total_hours", &form.total_hours, 1..=2000));
    let seats = p.check(number("seats", &form.seats, 1..=1000));
    let enrol_closes = match &sessions {
        Some(sessions) => p.check(enrolment_closes(
            &form.enrol_closes,
            sessions[0].starts_at,
            at,
        )),
        None => None,
    };
    let cost_cents = p.check(cost_in_cents(&form.cost));
    let requirements = p.check(text("requirements", &form.requirements, 0, 1000));
    let certificate = p.check(text("certificate", &form.certificate, 0, 300));
    let skills = p.check(text("skills", &form.skills, 0, 1000));
    p.finish()?;
    let (
        Some(kind),
        Some(title),
        Some(description),
        Some((organiser_name, organiser_category)),
        Some(comune),
        Some((mode, venue)),
        Some((topic, target)),
        Some((sessions, enrol_closes)),
        Some((total_hours, seats)),
        Some(cost_cents),
        Some((requirements, certificate)),
        Some(skills),
    ) = (
        kind,
        title,
        description,
        organiser,
        comune,
        mode.zip(venue),
        topic.zip(target),
        sessions.zip(enrol_closes),
        total_hours.zip(seats),
        cost_cents,
        requirements.zip(certificate),
        skills,
    )
    else {
        // `finish` answered every missing value's refusal above.
        return Err(AppError::Internal);
    };
    Ok(ActivityRow {
        kind,
        title,
        description,
        organiser_name,
        organiser_category,
        comune_istat: comune.istat_code,
        venue,
        mode,
        topic,
        target_groups: vec![target],
        total_hours,
        seats,
        enrol_opens: at,
        enrol_closes,
        requirements,
        certificate,
        cost_cents,
        skills,
        status: if form.publish == "si" {
            Status::Pubblicato
        } else {
            Status::Bozza
        },
        sessions,
        demo: false,
    })
}

/// Who organises: staff choose a member body; a body is itself.
async fn organiser(
    form: &ActivityInput,
    db: &Db,
    user: &SessionUser,
) -> Result<(String, String), AppError> {
    let bodies = network::list_member_bodies(db).await?;
    if user.role.is_staff() {
        let body = bodies
            .into_iter()
            .find(|b| b.name == form.organiser)
            .ok_or_else(|| crate::invalid!("organiser", choose_the_network_body))?;
        return Ok((body.name, body.category.code().to_string()));
    }
    let name = user
        .organisation
        .clone()
        .unwrap_or_else(|| user.display_name.clone());
    let category = bodies
        .into_iter()
        .find(|b| b.name.eq_ignore_ascii_case(&name))
        .map(|b| b.category.code().to_string())
        .unwrap_or_else(|| "altro".into());
    Ok((name, category))
}

/// Enrolment stays open until the end of the day chosen, never past the
/// first session; it must close in the future.
fn enrolment_closes(day: &str, first: i64, at: i64) -> Result<i64, AppError> {
    let closes = if day.trim().is_empty() {
        first
    } else {
        let day = parse_iso_date(day)
            .ok_or_else(|| crate::invalid!("enrol_closes", the_enrolment_closing_date))?;
        (day + 86_400).min(first)
    };
    if closes <= at {
        return Err(crate::invalid!("enrol_closes", enrolment_must_close_in));
    }
    Ok(closes)
}

/// Euros with a comma or a point, up to 10,000; empty is free.
fn cost_in_cents(cost: &str) -> Result<i64, AppError> {
    let cost = cost.trim().replace(',', ".");
    if cost.is_empty() {
        return Ok(0);
    }
    cost.parse::<f64>()
        .ok()
        .filter(|c| (0.0..=10_000.0).contains(c))
        .map(|c| (c * 100.0).round() as i64)
        .ok_or_else(|| crate::invalid!("cost", write_the_cost_in))
}

pub async fn create(
    state: &AppState,
    user: &SessionUser,
    form: &ActivityInput,
) -> Result<(Kind, i64), AppError> {
    let mut row = parse_activity(form, &state.db, user).await?;
    // With pre-moderation on, a body's "publish" is a request to the staff.
    let review = row.status == Status::Pubblicato
        && crate::catalogue::review::must_wait(state, user).await?;
    if review {
        row.status = Status::Bozza;
    }
    let mut tx = state.db.begin_write().await?;
    let id = repo::insert_activity(&mut tx, &row, Some(user.id)).await?;
    crate::kernel::audit::repo::audit(&mut tx, user.id, AuditAction::ActivityCreated, Some(id), "")
        .await?;
    if review {
        crate::catalogue::review::send_to_review(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok((row.kind, id))
}
