//! The dashboard for one filter: the filter parsed (an unknown comune or body
//! is named on its field), the period turned into instants, the counts read.

use super::domain::{period_days, Dashboard, DashboardFilter};
use super::repo::{self, Scope, Window};
use crate::error::AppError;
use crate::kernel::clock::now;
use crate::kernel::dates::{from_local, local, start_of_day};
use crate::network::domain::PROTOCOL_EXPIRES;
use crate::state::AppState;

const DAY: i64 = 86_400;

/// The filter's comune and body as the tables name them.
async fn scope(state: &AppState, filter: &DashboardFilter) -> Result<Scope, AppError> {
    let db = &state.db;
    let comune_istat = match filter.comune.trim() {
        "" => None,
        slug => Some(
            repo::comune_istat(db, slug)
                .await?
                .ok_or_else(|| crate::invalid!("comune", choose_a_comune_of))?,
        ),
    };
    let body_name = match filter.ente.trim() {
        "" => None,
        slug => Some(
            repo::body_name(db, slug)
                .await?
                .ok_or_else(|| crate::invalid!("ente", choose_a_network_body))?,
        ),
    };
    Ok(Scope {
        comune_istat,
        body_name,
    })
}

/// The period's instants, counted back from `now` in Italian days; a period
/// includes today.
pub fn window(now: i64, days: i64) -> Window {
    let today = start_of_day(now);
    // Noon keeps the arithmetic on the right day across a change of clock.
    let noon = today + 12 * 3600;
    Window {
        now,
        from: start_of_day(noon - (days - 1) * DAY),
        today,
        week_starts: start_of_day(noon - (local(now).weekday - 1) * DAY),
    }
}

/// Daily buckets up to a month, weekly beyond: (how many, seconds each).
pub fn buckets(days: i64) -> (i64, i64) {
    if days <= 31 {
        (days, DAY)
    } else {
        ((days + 6) / 7, 7 * DAY)
    }
}

/// The dashboard for `filter`, its words in English when `english`.
pub async fn dashboard(
    state: &AppState,
    filter: &DashboardFilter,
    english: bool,
) -> Result<Dashboard, AppError> {
    let scope = scope(state, filter).await?;
    let days = period_days(&filter.periodo);
    let at = now();
    let w = window(at, days);
    let (count, size) = buckets(days);
    let db = &state.db;
    let (y, m, d) = PROTOCOL_EXPIRES;
    let figures = repo::figures(db, &scope, w).await?;
    Ok(Dashboard {
        filter: filter.clone(),
        cards: super::figures::cards(&figures, english, scope.comune_istat.is_some()),
        figures,
        offers_by_comune: repo::offers_by_comune(db, &scope, at).await?,
        series: repo::series(db, &scope, w.from, count, size).await?,
        bucket_days: size / DAY,
        activities: repo::activities(db, &scope, w.today).await?,
        comuni: crate::network::repo::list_comuni_for_map(db).await?,
        bodies: repo::bodies(db).await?,
        counted_at: at,
        protocol_expires_at: from_local(y, m, d, 0, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::dates::iso_date;

    #[test]
    fn a_week_period_starts_six_days_back_at_midnight() {
        // Thursday 3 December 2026, 15:00 in Italy.
        let now = from_local(2026, 12, 3, 15, 0);
        let w = window(now, 7);
        assert_eq!(iso_date(w.from), "2026-11-27");
        assert_eq!(w.from, from_local(2026, 11, 27, 0, 0));
        assert_eq!(w.today, from_local(2026, 12, 3, 0, 0));
        assert_eq!(w.week_starts, from_local(2026, 11, 30, 0, 0), "Monday");
    }

    #[test]
    fn long_periods_are_drawn_by_the_week() {
        assert_eq!(buckets(7), (7, DAY));
        assert_eq!(buckets(30), (30, DAY));
        assert_eq!(buckets(90), (13, 7 * DAY));
        assert_eq!(buckets(365), (53, 7 * DAY));
    }
}
