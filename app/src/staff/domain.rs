//! The staff dashboard as browser and server both see it: the filters of its
//! address, the figures with what each one counts, and the series drawn.

use crate::i18n::td_string;
use crate::kernel::labels::Label;
use crate::network::domain::Comune;
use serde::{Deserialize, Serialize};

/// The dashboard's address: `/staff?comune=sarzana&ente=cgil-la-spezia&periodo=30`.
/// Empty fields mean "all comuni", "every body", the default period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardFilter {
    #[serde(default)]
    pub comune: String,
    #[serde(default)]
    pub ente: String,
    #[serde(default)]
    pub periodo: String,
}

/// The periods one can choose: (code, label, days).
pub const PERIODS: [(&str, Label, i64); 4] = [
    ("7", |l| td_string!(l, staff_domain.last_7_days), 7),
    ("30", |l| td_string!(l, staff_domain.last_30_days), 30),
    ("90", |l| td_string!(l, staff_domain.last_90_days), 90),
    ("365", |l| td_string!(l, staff_domain.last_year), 365),
];

/// The days of a period code; 30 for anything else.
pub fn period_days(code: &str) -> i64 {
    PERIODS.iter().find(|p| p.0 == code).map_or(30, |p| p.2)
}

/// The figures, counted by `staff::repo` under the filters. What each one
/// counts is written in `DEFINITIONS`, shown beside it on the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub citizens: i64,
    pub new_citizens: i64,
    pub cvs_started: i64,
    pub cvs_completed: i64,
    pub visible_profiles: i64,
    pub offers_active: i64,
    pub offers_jobs: i64,
    pub offers_internships: i64,
    pub applications: i64,
    pub course_seats: i64,
    pub course_enrolled: i64,
    pub course_waiting: i64,
    pub meeting_registrations: i64,
    pub appointments_today: i64,
    pub appointments_week: i64,
    pub appointments_done: i64,
    pub appointments_missed: i64,
    pub offers_to_review: i64,
    pub accounts_to_verify: i64,
    /// Courses and meetings waiting for review (pre-moderation).
    pub activities_to_review: i64,
    /// Requests to join the network waiting for the admin.
    pub adhesions_waiting: i64,
    /// What came of the period's work (`staff::outcomes`).
    pub outcomes: Outcomes,
}

/// What coordinators report for a period: hires and applications by stage,
/// businesses, offers' ends, contact requests, moderation times, the desk's
/// topics. Counts by code are `(code, count)` in the codes' own order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    /// Applications moved to "Assunta/o" in the period.
    pub hires: i64,
    /// The period's applications by their stage today.
    pub applications_by_stage: Vec<(String, i64)>,
    pub businesses_new: i64,
    pub businesses_verified: i64,
    /// Businesses with an offer published in the period.
    pub businesses_active: i64,
    pub offers_published: i64,
    pub offers_filled: i64,
    pub offers_expired: i64,
    pub contacts_sent: i64,
    pub contacts_answered: i64,
    pub contacts_accepted: i64,
    /// Offers decided in the period, and the median hours from submission.
    pub decisions: i64,
    pub median_decision_hours: Option<i64>,
    /// The period's appointments (not cancelled) by topic.
    pub appointments_by_topic: Vec<(String, i64)>,
}

impl Figures {
    /// Seats taken over seats offered, in whole percent; `None` with no seats.
    pub fn fill_rate(&self) -> Option<i64> {
        percent(self.course_enrolled, self.course_seats)
    }

    /// No-shows over appointments that were due (done or missed), in percent.
    pub fn no_show_rate(&self) -> Option<i64> {
        percent(
            self.appointments_missed,
            self.appointments_done + self.appointments_missed,
        )
    }
}

/// `part` of `whole` in whole percent, rounded half up.
pub fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (2 * whole))
}

/// One figure as the page shows it, in the reader's language: written by
/// the server (`staff::figures`), so that the texts stay out of the wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureCard {
    /// Stable: the page marks the card with it and the tests read it.
    pub key: String,
    pub name: String,
    pub value: String,
    pub detail: String,
    /// What the figure counts, so that two people never read it differently.
    pub definition: String,
    /// Said beside the figure when a comune is chosen and the figure cannot
    /// follow it; empty otherwise.
    pub scope_note: String,
}

/// One bucket of the time series: a day (periods up to 30 days) or a week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// Unix seconds of the bucket's first day, midnight in Italy.
    pub starts_at: i64,
    pub registrations: i64,
    pub enrolments: i64,
    pub applications: i64,
}

/// A course's or meeting's seats, for the fill table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFill {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub comune: String,
    pub enrolled: i64,
    pub seats: i64,
    pub waiting: i64,
}

/// Everything the dashboard shows for one filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub filter: DashboardFilter,
    pub figures: Figures,
    pub cards: Vec<FigureCard>,
    /// Active offers per comune (slug), for the map and its table.
    pub offers_by_comune: Vec<(String, i64)>,
    pub series: Vec<Bucket>,
    /// Days per bucket of `series` (1 or 7).
    pub bucket_days: i64,
    pub activities: Vec<ActivityFill>,
    pub comuni: Vec<Comune>,
    /// The member bodies for the filter: (slug, name).
    pub bodies: Vec<(String, String)>,
    /// When the figures were counted (Unix seconds).
    pub counted_at: i64,
    /// The protocol of the network runs until this day (Unix seconds).
    pub protocol_expires_at: i64,
}

/// The tables of the dashboard that download as CSV (`/api/staff/cruscotto.csv?tabella=…`).
pub const CSV_TABLES: [(&str, Label); 4] = [
    ("cifre", |l| td_string!(l, staff_domain.figures)),
    ("serie", |l| td_string!(l, staff_domain.over_time)),
    ("comuni", |l| td_string!(l, staff_domain.offers_by_comune)),
    ("attivita", |l| {
        td_string!(l, staff_domain.seats_of_courses_and)
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_half_up_and_need_a_whole() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(0, 0), None);
        let f = Figures {
            course_enrolled: 15,
            course_seats: 20,
            appointments_done: 3,
            appointments_missed: 1,
            ..Figures::default()
        };
        assert_eq!(f.fill_rate(), Some(75));
        assert_eq!(f.no_show_rate(), Some(25));
    }

    #[test]
    fn an_unknown_period_is_thirty_days() {
        assert_eq!(period_days("7"), 7);
        assert_eq!(period_days("365"), 365);
        assert_eq!(period_days("mille"), 30);
        assert_eq!(period_days(""), 30);
    }
}
