//! Desk appointments as both sides see them, and the slots a desk offers.

use crate::i18n::{td_string, Locale};
use crate::kernel::dates::holidays::{holiday_on, Holiday};
use crate::kernel::dates::{from_local, iso_date, local};
use crate::kernel::labels::Label;
use crate::network::domain::OpeningHours;
use serde::{Deserialize, Serialize};

crate::code_list! {
    /// What a person wants to talk about at the desk.
    pub enum Topic in TOPICS {
        Cv = "cv" => desk_domain.writing_your_cv,
        Colloquio = "colloquio" => desk_domain.preparing_for_a_job,
        Orientamento = "orientamento" => desk_domain.guidance,
        Impresa = "impresa" => desk_domain.starting_a_business,
        Informazioni = "informazioni" => desk_domain.information,
    }
}

crate::code_list! {
    /// At the desk, or by video call (where the desk has a link).
    pub enum Mode in MODES {
        Presenza = "presenza" => desk_domain.at_the_desk,
        Remoto = "remoto" => desk_domain.remote_by_video_call,
    }
}

/// Where an appointment stands.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum AppointmentStatus {
    Prenotato,
    Svolto,
    Assente,
    Annullato,
}

crate::stored_as_code!(AppointmentStatus);

impl AppointmentStatus {
    /// What staff record once the time has come.
    pub const OUTCOMES: [AppointmentStatus; 2] =
        [AppointmentStatus::Svolto, AppointmentStatus::Assente];

    pub fn label(self) -> Label {
        match self {
            AppointmentStatus::Prenotato => |l| td_string!(l, desk_domain.booked),
            AppointmentStatus::Svolto => |l| td_string!(l, desk_domain.done),
            AppointmentStatus::Assente => |l| td_string!(l, desk_domain.no_show),
            AppointmentStatus::Annullato => |l| td_string!(l, desk_domain.cancelled),
        }
    }
}

/// How far ahead people can book.
pub const BOOKING_DAYS: i64 = 21;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    pub starts_at: i64,
    pub ends_at: i64,
    pub free: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaySlots {
    /// Italian midnight of the day.
    pub day: i64,
    pub slots: Vec<Slot>,
}

/// Why a desk stays closed on a day it would open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Closure {
    Holiday(Holiday),
    /// The patron saint's day of the desk's comune.
    Patron,
    /// Closed by staff, with the reason they gave.
    Announced(String),
}

impl Closure {
    /// The reason as people read it.
    pub fn reason(&self, l: Locale) -> String {
        match self {
            Closure::Holiday(h) => h.label()(l).to_string(),
            Closure::Patron => td_string!(l, desk_domain.patron_saints_day).to_string(),
            Closure::Announced(reason) => reason.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosedDay {
    /// Italian midnight of the day.
    pub day: i64,
    pub closure: Closure,
}

/// What closing a day did to the appointments booked on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosedOutcome {
    /// Cancelled and told by email.
    pub emailed: i64,
    /// Cancelled, booked by staff for someone without an account: to phone.
    pub to_call: i64,
}

/// Longest reason staff may give for closing a day.
pub const MAX_CLOSURE_REASON: usize = 200;

/// Whether, and why, a desk is closed on the day of `unix`: a national
/// holiday, the patron's day (`MM-DD`), or a day staff closed
/// (`announced`: `YYYY-MM-DD` and reason).
pub fn closure_on(unix: i64, patron_day: &str, announced: &[(String, String)]) -> Option<Closure> {
    let l = local(unix);
    if let Some(holiday) = holiday_on(l.year, l.month, l.day) {
        return Some(Closure::Holiday(holiday));
    }
    if !patron_day.is_empty() && format!("{:02}-{:02}", l.month, l.day) == patron_day {
        return Some(Closure::Patron);
    }
    let iso = iso_date(unix);
    announced
        .iter()
        .find(|(day, _)| *day == iso)
        .map(|(_, reason)| Closure::Announced(reason.clone()))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskBooking {
    pub comune_slug: String,
    pub desk_name: String,
    pub slot_minutes: i64,
    pub remote_available: bool,
    pub days: Vec<DaySlots>,
    /// Days of the window the desk would open but is closed, and why.
    pub closed: Vec<ClosedDay>,
    pub signed_in: bool,
    /// Staff book for someone who called or came in.
    pub for_someone_else: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: i64,
    pub desk_name: String,
    pub comune_slug: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub topic: Topic,
    pub mode: Mode,
    pub status: AppointmentStatus,
    pub person_name: String,
    pub person_contact: String,
    pub notes: String,
    pub video_link: String,
    /// Booked by staff for someone without an account (by phone, at the desk):
    /// staff may erase that person's data on request.
    pub without_account: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agenda {
    pub comune_slug: String,
    pub desk_name: String,
    pub day: i64,
    pub appointments: Vec<Appointment>,
    /// This week (Monday to Sunday): booked, done, no-show.
    pub week: (i64, i64, i64),
    /// The desks staff may open: everyone's for the admin, their own for an operator.
    pub desks: Vec<(String, String)>,
    pub hours: Vec<OpeningHours>,
    pub slot_minutes: i64,
    pub video_link: String,
    /// Why the desk is closed on the day shown, if it is.
    pub closed: Option<Closure>,
    /// Days staff closed, from today on.
    pub announced_closures: Vec<ClosedDay>,
}

fn minutes(hhmm: &str) -> Option<i64> {
    let (h, m) = crate::kernel::dates::parse_time(hhmm)?;
    Some(h * 60 + m)
}

/// The slots of one day (given by any instant in it) from the desk's hours.
pub fn day_slots(day: i64, hours: &[OpeningHours], slot_minutes: i64) -> Vec<(i64, i64)> {
    let l = local(day);
    let mut slots = Vec::new();
    if slot_minutes <= 0 {
        return slots;
    }
    for h in hours.iter().filter(|h| i64::from(h.weekday) == l.weekday) {
        let (Some(open), Some(close)) = (minutes(&h.opens), minutes(&h.closes)) else {
            continue;
        };
        let mut start = open;
        while start + slot_minutes <= close {
            slots.push((
                from_local(l.year, l.month, l.day, start / 60, start % 60),
                from_local(
                    l.year,
                    l.month,
                    l.day,
                    (start + slot_minutes) / 60,
                    (start + slot_minutes) % 60,
                ),
            ));
            start += slot_minutes;
        }
    }
    slots.sort_unstable();
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_hour_slots_inside_the_opening_hours() {
        let hours = vec![
            OpeningHours {
                weekday: 3,
                opens: "08:30".into(),
                closes: "10:00".into(),
            },
            OpeningHours {
                weekday: 3,
                opens: "14:30".into(),
                closes: "15:15".into(),
            },
            OpeningHours {
                weekday: 4,
                opens: "08:30".into(),
                closes: "12:00".into(),
            },
        ];
        // Wednesday 25 November 2026.
        let slots = day_slots(
            crate::kernel::dates::from_local(2026, 11, 25, 12, 0),
            &hours,
            30,
        );
        let times: Vec<String> = slots
            .iter()
            .map(|(s, _)| crate::kernel::dates::italian_time(*s))
            .collect();
        assert_eq!(times, ["8:30", "9:00", "9:30", "14:30"]);
        assert_eq!(slots[0].1 - slots[0].0, 1800);
    }

    #[test]
    fn closed_on_holidays_the_patrons_day_and_announced_days() {
        let noon = |m, d| crate::kernel::dates::from_local(2026, m, d, 12, 0);
        let announced = vec![("2026-12-10".to_string(), "Inventario".to_string())];
        assert_eq!(
            closure_on(noon(12, 8), "03-19", &announced),
            Some(Closure::Holiday(Holiday::ImmaculateConception))
        );
        assert_eq!(
            closure_on(noon(3, 19), "03-19", &announced),
            Some(Closure::Patron)
        );
        assert_eq!(closure_on(noon(3, 19), "", &announced), None);
        assert_eq!(
            closure_on(noon(12, 10), "03-19", &announced),
            Some(Closure::Announced("Inventario".into()))
        );
        assert_eq!(closure_on(noon(12, 9), "03-19", &announced), None);
    }
}
