//! What the catalogue's server functions do once the caller is authorised.
//! Enrolment, cancellation and the emails they cause share one write
//! transaction: a message is queued exactly when its change is saved.

use super::domain::{
    ActivityDetail, ActivityInput, Catalogue, CatalogueFilter, EnrolmentStatus, Kind, MyEnrolment,
    MyPlace, Roster, Session, Status, Viewer, MODES, TARGET_GROUPS, TOPICS,
};
use super::repo::{self, ActivityRow, EnrolOutcome, Stored};
use crate::db::Db;
use crate::db::Tx;
use crate::error::AppError;
use crate::i18n::td_string;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::clock::now;
use crate::kernel::dates::{from_local, parse_iso_date, parse_italian_date, parse_time};
use crate::kernel::fields::{code_in, number, text};
use crate::kernel::geo::distance_km;
use crate::kernel::labels::Label;
use crate::kernel::outbox::enqueue_mail_with;
use crate::network::api::shared as network;
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
        (f.topic.is_empty() || s.topic == f.topic)
            && (f.target.is_empty()
                || s.target_groups
                    .iter()
                    .any(|t| *t == f.target || t == "tutti"))
            && (f.mode.is_empty() || s.mode == f.mode || s.mode == "misto")
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

async fn email_about(
    tx: &mut Tx,
    state_url: &str,
    user_id: i64,
    a: &Stored,
    message: (String, String),
    with_calendar: bool,
) -> Result<(), sqlx::Error> {
    let Some((_, email)) = repo::contact(&mut **tx, user_id).await? else {
        return Ok(());
    };
    let calendar = with_calendar.then(|| super::mail::calendar_file(a, state_url));
    let file = format!("{}.ics", crate::kernel::text::slugify(&a.summary.title));
    enqueue_mail_with(
        tx,
        Some(user_id),
        &email,
        &message.0,
        &message.1,
        calendar.as_deref().map(|c| (file.as_str(), c)),
    )
    .await
}

/// Enrols the person (or puts them on the waitlist) and queues the confirmation.
pub async fn enrol(state: &AppState, id: i64, user: &SessionUser) -> Result<MyPlace, AppError> {
    let a = stored(&state.db, id).await?;
    let mut tx = state.db.begin_write().await?;
    let place = match repo::enrol(&mut tx, id, user.id, now()).await? {
        EnrolOutcome::NotOpen => return Err(crate::conflict!(enrolment_in_this_activity)),
        EnrolOutcome::Unchanged(place) => return Ok(place),
        EnrolOutcome::New(place) => place,
    };
    let url = &state.config.public_url;
    let message = super::mail::confirmation(&user.display_name, &a, &place, url);
    let calendar = place.status == EnrolmentStatus::Iscritto;
    email_about(&mut tx, url, user.id, &a, message, calendar).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(place)
}

/// Cancels the person's place; the first person waiting is promoted and told.
pub async fn cancel(state: &AppState, id: i64, user: &SessionUser) -> Result<(), AppError> {
    let a = stored(&state.db, id).await?;
    let mut tx = state.db.begin_write().await?;
    cancel_in(&mut tx, &state.config.public_url, &a, user.id, now()).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Cancels a place inside the caller's transaction (a person cancelling, or
/// an account being erased) and emails the person who takes the freed seat.
pub(super) async fn cancel_in(
    tx: &mut Tx,
    url: &str,
    a: &Stored,
    user_id: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    let id = a.summary.id;
    let Some(Some(promoted)) = repo::cancel(tx, id, user_id, at).await? else {
        return Ok(());
    };
    let code: String =
        sqlx::query_scalar("SELECT code FROM enrolments WHERE activity_id = $1 AND user_id = $2")
            .bind(id)
            .bind(promoted)
            .fetch_one(&mut **tx)
            .await?;
    let name = repo::contact(&mut **tx, promoted)
        .await?
        .map(|c| c.0)
        .unwrap_or_default();
    let message = super::mail::promoted(&name, a, &code, url);
    email_about(tx, url, promoted, a, message, true).await
}

pub async fn my_enrolments(db: &Db, user: &SessionUser) -> Result<Vec<MyEnrolment>, AppError> {
    let mut mine = Vec::new();
    for activity in repo::enrolments_of(db, user.id).await? {
        if let Some(place) = repo::place(db, activity.id, user.id).await? {
            mine.push(MyEnrolment { activity, place });
        }
    }
    Ok(mine)
}

pub async fn roster(db: &Db, id: i64, user: &SessionUser) -> Result<Roster, AppError> {
    let a = managed(db, id, user).await?;
    Ok(Roster {
        entries: repo::roster(db, id).await?,
        activity: a.summary,
    })
}

pub async fn mark_attendance(
    db: &Db,
    id: i64,
    user: &SessionUser,
    enrolment: Option<i64>,
    code: &str,
    present: bool,
) -> Result<(), AppError> {
    managed(db, id, user).await?;
    let code = code.trim().to_uppercase();
    if enrolment.is_none() && code.is_empty() {
        return Err(crate::invalid!("code", write_the_persons_attendance));
    }
    if !repo::mark_attendance(db, id, enrolment, &code, present).await? {
        return Err(crate::invalid!("code", no_one_enrolled_in));
    }
    Ok(())
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
        crate::kernel::audit::repo::audit(&mut tx, user.id, "attivita_in_revisione", Some(id), "")
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
            let name = repo::contact(&mut *tx, person)
                .await?
                .map(|c| c.0)
                .unwrap_or_default();
            let message = super::mail::cancelled(&name, &a, reason);
            email_about(
                &mut tx,
                &state.config.public_url,
                person,
                &a,
                message,
                false,
            )
            .await?;
        }
    }
    crate::kernel::audit::repo::audit(
        &mut tx,
        user.id,
        &format!("attivita_{}", to.code()),
        Some(id),
        reason,
    )
    .await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Queues the reminders due in the next 24 hours; returns how many.
pub async fn send_reminders(db: &Db, at: i64) -> Result<usize, sqlx::Error> {
    let mut sent = 0;
    for (enrolment, user, activity) in repo::due_reminders(db, at).await? {
        let Some(a) = repo::activity(db, activity).await? else {
            continue;
        };
        let mut tx = db.begin_write().await?;
        if repo::mark_reminded(&mut tx, enrolment).await? {
            if let Some((name, email)) = repo::contact(&mut *tx, user).await? {
                let (subject, body) = super::mail::reminder(&name, &a);
                enqueue_mail_with(&mut tx, Some(user), &email, &subject, &body, None).await?;
                sent += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Runs for the life of the server: every few minutes, the reminders due.
pub async fn run_reminder_worker(db: Db, wake_mail: std::sync::Arc<tokio::sync::Notify>) {
    loop {
        match send_reminders(&db, now()).await {
            Ok(0) => {}
            Ok(_) => wake_mail.notify_one(),
            Err(error) => tracing::error!(%error, "reminder worker: database error"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(300)).await;
    }
}

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

/// Checks every field, in the order of the form, and builds the row.
pub async fn parse_activity(
    form: &ActivityInput,
    db: &Db,
    user: &SessionUser,
) -> Result<ActivityRow, AppError> {
    {
        let at = now();
        let kind = Kind::from_code(&form.kind)
            .ok_or_else(|| crate::invalid!("kind", choose_whether_it_is))?;
        let title = text("title", &form.title, 5, 150)?;
        let description = text("description", &form.description, 20, 5000)?;
        let (organiser_name, organiser_category) = if user.role.is_staff() {
            let bodies = network::list_member_bodies(db).await?;
            let body = bodies
                .into_iter()
                .find(|b| b.name == form.organiser)
                .ok_or_else(|| crate::invalid!("organiser", choose_the_network_body))?;
            (body.name, body.category.code().to_string())
        } else {
            let name = user
                .organisation
                .clone()
                .unwrap_or_else(|| user.display_name.clone());
            let category = network::list_member_bodies(db)
                .await?
                .into_iter()
                .find(|b| b.name.eq_ignore_ascii_case(&name))
                .map(|b| b.category.code().to_string())
                .unwrap_or_else(|| "altro".into());
            (name, category)
        };
        let comune = crate::kernel::geo::place_by_slug(db, &form.comune)
            .await?
            .ok_or_else(|| crate::invalid!("comune", choose_the_comune_where))?;
        let mode = code_in(&MODES, &form.mode)
            .ok_or_else(|| crate::invalid!("mode", choose_how_it_takes))?;
        let venue = if mode == "online" && form.venue.trim().is_empty() {
            "Online".to_string()
        } else {
            text("venue", &form.venue, 3, 200)?
        };
        let topic = code_in(&TOPICS, &form.topic)
            .ok_or_else(|| crate::invalid!("topic", choose_the_topic))?;
        let target = code_in(&TARGET_GROUPS, &form.target)
            .ok_or_else(|| crate::invalid!("target", choose_who_it_is))?;
        let sessions = parse_sessions(&form.sessions, at)?;
        let total_hours = number("total_hours", &form.total_hours, 1..=2000)?;
        let seats = number("seats", &form.seats, 1..=1000)?;
        let first = sessions[0].starts_at;
        let enrol_closes = if form.enrol_closes.trim().is_empty() {
            first
        } else {
            let day = parse_iso_date(&form.enrol_closes)
                .ok_or_else(|| crate::invalid!("enrol_closes", the_enrolment_closing_date))?;
            // Enrolment stays open until the end of that day, never past the start.
            (day + 86_400).min(first)
        };
        if enrol_closes <= at {
            return Err(crate::invalid!("enrol_closes", enrolment_must_close_in));
        }
        let cost = form.cost.trim().replace(',', ".");
        let cost_cents = if cost.is_empty() {
            0
        } else {
            cost.parse::<f64>()
                .ok()
                .filter(|c| (0.0..=10_000.0).contains(c))
                .map(|c| (c * 100.0).round() as i64)
                .ok_or_else(|| crate::invalid!("cost", write_the_cost_in))?
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
            requirements: text("requirements", &form.requirements, 0, 1000)?,
            certificate: text("certificate", &form.certificate, 0, 300)?,
            cost_cents,
            skills: text("skills", &form.skills, 0, 1000)?,
            status: if form.publish == "si" {
                Status::Pubblicato
            } else {
                Status::Bozza
            },
            sessions,
            demo: false,
        })
    }
}

pub async fn create(
    state: &AppState,
    user: &SessionUser,
    form: &ActivityInput,
) -> Result<(Kind, i64), AppError> {
    let mut row = parse_activity(form, &state.db, user).await?;
    // With pre-moderation on, a body's "publish" is a request to the staff.
    let review = row.status == Status::Pubblicato && super::review::must_wait(state, user).await?;
    if review {
        row.status = Status::Bozza;
    }
    let mut tx = state.db.begin_write().await?;
    let id = repo::insert_activity(&mut tx, &row, Some(user.id)).await?;
    crate::kernel::audit::repo::audit(&mut tx, user.id, "attivita_creata", Some(id), &row.title)
        .await?;
    if review {
        super::review::send_to_review(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok((row.kind, id))
}
