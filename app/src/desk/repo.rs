//! The data layer of desk appointments. No slot is ever booked twice: a
//! partial unique index on (desk, start) among live appointments refuses the
//! second booking, whichever process or engine it comes through.

use super::domain::{Appointment, AppointmentStatus, Mode, Topic};
use crate::db::Db;
use crate::db::Tx;
use crate::network::domain::OpeningHours;

pub struct DeskRow {
    pub id: i64,
    pub istat_code: String,
    pub comune_slug: String,
    pub name: String,
    pub slot_minutes: i64,
    pub video_link: String,
    pub hours: Vec<OpeningHours>,
    /// `MM-DD`, empty when not known.
    pub patron_day: String,
    /// Days staff closed (`YYYY-MM-DD`, reason), by day.
    pub announced: Vec<(String, String)>,
}

pub async fn desk_by_slug(db: &Db, slug: &str) -> Result<Option<DeskRow>, sqlx::Error> {
    let row: Option<(i64, String, String, String, i64, String, String)> = sqlx::query_as(
        "SELECT d.id, d.istat_code, c.slug, d.name, d.slot_minutes, d.video_link, d.patron_day \
         FROM desks d JOIN comuni c ON c.istat_code = d.istat_code WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(db.pool())
    .await?;
    let Some((id, istat_code, comune_slug, name, slot_minutes, video_link, patron_day)) = row
    else {
        return Ok(None);
    };
    let announced =
        sqlx::query_as("SELECT day, reason FROM desk_closures WHERE desk_id = $1 ORDER BY day")
            .bind(id)
            .fetch_all(db.pool())
            .await?;
    let hours: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT weekday, opens, closes FROM desk_hours WHERE desk_id = $1 ORDER BY weekday, opens",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    Ok(Some(DeskRow {
        id,
        istat_code,
        comune_slug,
        name,
        slot_minutes,
        video_link,
        hours: hours
            .into_iter()
            .map(|(weekday, opens, closes)| OpeningHours {
                weekday: u8::try_from(weekday).unwrap_or(1),
                opens,
                closes,
            })
            .collect(),
        patron_day,
        announced,
    }))
}

/// (comune slug, desk name) of every desk, by name.
pub async fn desks(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.slug, d.name FROM desks d JOIN comuni c ON c.istat_code = d.istat_code ORDER BY c.name",
    )
    .fetch_all(db.pool())
    .await
}

/// The comune (ISTAT code) of an operator's desk.
pub async fn desk_of_operator(db: &Db, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT desk_istat FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await
}

/// Start times of live appointments of a desk in [from, to).
pub async fn taken(db: &Db, desk_id: i64, from: i64, to: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT starts_at FROM appointments WHERE desk_id = $1 AND status <> 'annullato' AND starts_at >= $2 AND starts_at < $3",
    )
    .bind(desk_id)
    .bind(from)
    .bind(to)
    .fetch_all(db.pool())
    .await
}

pub struct NewAppointment<'a> {
    pub desk_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub topic: Topic,
    pub mode: Mode,
    pub user_id: Option<i64>,
    pub person_name: &'a str,
    pub person_contact: &'a str,
    pub notes: &'a str,
    pub booked_by: i64,
}

/// Books a slot; `None` when it is already taken.
pub async fn book(
    tx: &mut Tx,
    a: &NewAppointment<'_>,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let inserted = sqlx::query_scalar(
        "INSERT INTO appointments (desk_id, starts_at, ends_at, topic, mode, user_id, person_name, person_contact, \
         notes, booked_by, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'prenotato', $11) RETURNING id",
    )
    .bind(a.desk_id)
    .bind(a.starts_at)
    .bind(a.ends_at)
    .bind(a.topic)
    .bind(a.mode)
    .bind(a.user_id)
    .bind(a.person_name)
    .bind(a.person_contact)
    .bind(a.notes)
    .bind(a.booked_by)
    .bind(at)
    .fetch_one(&mut **tx)
    .await;
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

const APPOINTMENT_COLUMNS: &str =
    "p.id, d.name AS desk_name, c.slug AS comune_slug, p.starts_at, p.ends_at, p.topic, p.mode, \
     p.status, p.person_name, p.person_contact, p.notes, d.video_link, p.user_id, d.istat_code";

/// What `APPOINTMENT_COLUMNS` reads: the appointment, its owner (none when
/// staff booked for someone without an account) and the desk's comune.
#[derive(sqlx::FromRow)]
struct AppointmentRow {
    id: i64,
    desk_name: String,
    comune_slug: String,
    starts_at: i64,
    ends_at: i64,
    topic: Topic,
    mode: Mode,
    status: AppointmentStatus,
    person_name: String,
    person_contact: String,
    notes: String,
    video_link: String,
    user_id: Option<i64>,
    istat_code: String,
}

impl AppointmentRow {
    fn appointment(self) -> Appointment {
        Appointment {
            id: self.id,
            desk_name: self.desk_name,
            comune_slug: self.comune_slug,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            topic: self.topic,
            mode: self.mode,
            status: self.status,
            person_name: self.person_name,
            person_contact: self.person_contact,
            notes: self.notes,
            video_link: self.video_link,
            without_account: self.user_id.is_none(),
        }
    }
}

async fn appointments<'q>(
    db: &Db,
    query: sqlx::query::QueryAs<'q, sqlx::Any, AppointmentRow, sqlx::any::AnyArguments<'q>>,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.into_iter().map(AppointmentRow::appointment).collect())
}

fn select(filter: &str) -> String {
    format!(
        "SELECT {APPOINTMENT_COLUMNS} FROM appointments p JOIN desks d ON d.id = p.desk_id \
         JOIN comuni c ON c.istat_code = d.istat_code WHERE {filter} ORDER BY p.starts_at"
    )
}

/// One appointment with its owner and the desk's comune (ISTAT code).
pub async fn appointment_by_id(
    db: &Db,
    id: i64,
) -> Result<Option<(Appointment, Option<i64>, String)>, sqlx::Error> {
    let row: Option<AppointmentRow> = sqlx::query_as(&select("p.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|row| {
        let (user_id, istat_code) = (row.user_id, row.istat_code.clone());
        (row.appointment(), user_id, istat_code)
    }))
}

pub async fn of_user(db: &Db, user_id: i64) -> Result<Vec<Appointment>, sqlx::Error> {
    let sql = select("p.user_id = $1");
    appointments(db, sqlx::query_as(&sql).bind(user_id)).await
}

pub async fn of_desk(
    db: &Db,
    desk_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let sql = select("p.desk_id = $1 AND p.starts_at >= $2 AND p.starts_at < $3");
    appointments(db, sqlx::query_as(&sql).bind(desk_id).bind(from).bind(to)).await
}

/// Sets the status of an appointment that is still in one of `from`.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    from: &[AppointmentStatus],
    to: AppointmentStatus,
) -> Result<bool, sqlx::Error> {
    let allowed: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    Ok(sqlx::query(&format!(
        "UPDATE appointments SET status = $1 WHERE id = $2 AND status IN ({})",
        allowed.join(", ")
    ))
    .bind(to.code())
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// Replaces a desk's hours on one weekday.
pub async fn set_day_hours(
    tx: &mut Tx,
    desk_id: i64,
    weekday: i64,
    spans: &[(String, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM desk_hours WHERE desk_id = $1 AND weekday = $2")
        .bind(desk_id)
        .bind(weekday)
        .execute(&mut **tx)
        .await?;
    for (opens, closes) in spans {
        sqlx::query(
            "INSERT INTO desk_hours (desk_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
        )
        .bind(desk_id)
        .bind(weekday)
        .bind(opens)
        .bind(closes)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn set_settings(
    db: &Db,
    desk_id: i64,
    slot_minutes: i64,
    video_link: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE desks SET slot_minutes = $1, video_link = $2 WHERE id = $3")
        .bind(slot_minutes)
        .bind(video_link)
        .bind(desk_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A person's appointments still to come (booked, not cancelled).
pub async fn future_count(tx: &mut Tx, user_id: i64, at: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM appointments WHERE user_id = $1 AND status = 'prenotato' AND starts_at > $2",
    )
    .bind(user_id)
    .bind(at)
    .fetch_one(&mut **tx)
    .await
}

/// Closes a desk on a day (`YYYY-MM-DD`), or changes the reason given.
pub async fn close_day(
    tx: &mut Tx,
    desk_id: i64,
    day: &str,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO desk_closures (desk_id, day, reason) VALUES ($1, $2, $3) \
         ON CONFLICT (desk_id, day) DO UPDATE SET reason = excluded.reason",
    )
    .bind(desk_id)
    .bind(day)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Opens again a day staff had closed; false when it was not closed.
pub async fn reopen_day(tx: &mut Tx, desk_id: i64, day: &str) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM desk_closures WHERE desk_id = $1 AND day = $2")
            .bind(desk_id)
            .bind(day)
            .execute(&mut **tx)
            .await?
            .rows_affected()
            == 1,
    )
}

/// A booked appointment a closure cancels: who to tell, and when it was.
#[derive(sqlx::FromRow)]
pub struct Cancelled {
    pub user_id: Option<i64>,
    pub person_name: String,
    pub starts_at: i64,
}

/// Cancels the booked appointments of a desk in [from, to) and returns them.
pub async fn cancel_between(
    tx: &mut Tx,
    desk_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<Cancelled>, sqlx::Error> {
    sqlx::query_as(
        "UPDATE appointments SET status = 'annullato' WHERE desk_id = $1 AND status = 'prenotato' \
         AND starts_at >= $2 AND starts_at < $3 RETURNING user_id, person_name, starts_at",
    )
    .bind(desk_id)
    .bind(from)
    .bind(to)
    .fetch_all(&mut **tx)
    .await
}

/// The email address of an account (appointments keep the one given when
/// booking; the account's may have changed since).
pub async fn email_of(tx: &mut Tx, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}
