//! Unix seconds as Italians read them: "25/11/2026 10:30", in Italian time.
//!
//! The server reads Europe/Rome from the time-zone database (`jiff`, the
//! database bundled in the binary: `rome.rs`). The browser keeps the EU
//! summer-time rule (`eu_rule.rs`: CEST between the last Sundays of March and
//! October, a few hundred bytes instead of the database in the wasm, whose
//! budget the home page sets); a test holds the two equal hour by hour over
//! the years the portal shows.

#[cfg(any(not(feature = "ssr"), test))]
mod eu_rule;
#[cfg(feature = "ssr")]
mod rome;

#[cfg(not(feature = "ssr"))]
use eu_rule as zone;
#[cfg(feature = "ssr")]
use rome as zone;
#[cfg(feature = "ssr")]
pub use rome::rfc3339;

pub mod holidays;

pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// An instant as Italian wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
}

/// An instant as Italian wall-clock time.
pub fn local(unix: i64) -> Local {
    zone::local(unix)
}

/// Italian wall-clock time to Unix seconds (the first reading when the clock
/// goes back, the hour after when it jumps forward).
pub fn from_local(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> i64 {
    zone::from_local(year, month, day, hour, minute)
}

/// The Unix seconds of Italian midnight starting the day of `unix`.
pub fn start_of_day(unix: i64) -> i64 {
    let l = local(unix);
    from_local(l.year, l.month, l.day, 0, 0)
}

/// `2026-12-01` (an `<input type="date">` value) as its Italian midnight.
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    valid_date(year, month, day).then(|| from_local(year, month, day, 0, 0))
}

/// `1/12/2026` or `01/12/2026` as (year, month, day).
pub fn parse_italian_date(text: &str) -> Option<(i64, i64, i64)> {
    let mut parts = text.trim().splitn(3, '/');
    let day: i64 = parts.next()?.trim().parse().ok()?;
    let month: i64 = parts.next()?.trim().parse().ok()?;
    let year: i64 = parts.next()?.trim().parse().ok()?;
    valid_date(year, month, day).then_some((year, month, day))
}

/// `9:00` or `09.00` as (hour, minute).
pub fn parse_time(text: &str) -> Option<(i64, i64)> {
    let (h, m) = text.trim().split_once([':', '.'])?;
    let (h, m): (i64, i64) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some((h, m))
}

/// `1984-07-31` (a CV's birth date, an availability) as (year, month, day),
/// when it is a real calendar date between 1900 and 2100.
pub fn parse_calendar_day(text: &str) -> Option<(i64, i64, i64)> {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    real_date(year, month, day, 1900..=2100).then_some((year, month, day))
}

/// A date the portal's own calendars take: 2000 to 2100.
fn valid_date(year: i64, month: i64, day: i64) -> bool {
    real_date(year, month, day, 2000..=2100)
}

/// February 30th is not a day, nor is the year 9999 a sane one.
fn real_date(year: i64, month: i64, day: i64, years: std::ops::RangeInclusive<i64>) -> bool {
    if !years.contains(&year) || !(1..=12).contains(&month) || day < 1 {
        return false;
    }
    let next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    day <= next - days_from_civil(year, month, 1)
}

pub fn iso_date(unix: i64) -> String {
    let l = local(unix);
    format!("{:04}-{:02}-{:02}", l.year, l.month, l.day)
}

pub fn italian_date(unix: i64) -> String {
    let l = local(unix);
    format!("{:02}/{:02}/{}", l.day, l.month, l.year)
}

pub fn italian_time(unix: i64) -> String {
    let l = local(unix);
    format!("{}:{:02}", l.hour, l.minute)
}

pub fn italian_datetime(unix: i64) -> String {
    let l = local(unix);
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        l.day, l.month, l.year, l.hour, l.minute
    )
}

/// Month names, for dates written in Italian or in English.
pub const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winter_and_summer_time() {
        assert_eq!(italian_datetime(0), "01/01/1970 01:00");
        // 2026-11-25 09:41 UTC is 10:41 in Italy (CET).
        assert_eq!(italian_datetime(1_795_599_660), "25/11/2026 10:41");
        // 2026-07-01 12:00 UTC is 14:00 (CEST).
        assert_eq!(italian_datetime(1_782_907_200), "01/07/2026 14:00");
        // Summer time starts on 2026-03-29 at 01:00 UTC.
        assert_eq!(italian_datetime(1_774_746_000 - 60), "29/03/2026 01:59");
        assert_eq!(italian_datetime(1_774_746_000), "29/03/2026 03:00");
    }

    #[test]
    fn local_time_round_trips_across_the_clock_changes() {
        for unix in [1_795_599_660, 1_782_907_200, 1_774_746_000, 1_792_000_000] {
            let l = local(unix);
            assert_eq!(
                from_local(l.year, l.month, l.day, l.hour, l.minute),
                unix - unix % 60
            );
        }
        // 2026-11-25 was a Wednesday.
        assert_eq!(local(1_795_599_660).weekday, 3);
        assert_eq!(
            iso_date(parse_iso_date("2026-12-01").unwrap()),
            "2026-12-01"
        );
        assert_eq!(parse_italian_date("31/11/2026"), None);
        assert_eq!(parse_italian_date("1/12/2026"), Some((2026, 12, 1)));
        assert_eq!(parse_time("9.30"), Some((9, 30)));
        assert_eq!(parse_time("24:00"), None);
    }
}

#[cfg(all(test, feature = "ssr"))]
mod zone_tests {
    use super::{eu_rule, rome};

    #[test]
    fn the_browsers_rule_agrees_with_the_time_zone_database() {
        // Every hour from 2020 to 2040, and every minute around each change.
        let (from, to) = (1_577_836_800, 2_209_075_200);
        for unix in (from..to).step_by(3_600) {
            assert_eq!(eu_rule::local(unix), rome::local(unix), "{unix}");
        }
        for unix in (from..to).step_by(86_400 * 7) {
            let l = rome::local(unix);
            for minute in [0, 30, 59] {
                for hour in [0, 1, 2, 3, 12] {
                    assert_eq!(
                        eu_rule::from_local(l.year, l.month, l.day, hour, minute),
                        rome::from_local(l.year, l.month, l.day, hour, minute),
                        "{l:?} {hour}:{minute}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_clock_changes_of_2026() {
        // 29 March 2026: 02:00 becomes 03:00; 02:30 does not exist, the hour after is read.
        assert_eq!(
            rome::from_local(2026, 3, 29, 2, 30),
            rome::from_local(2026, 3, 29, 3, 30)
        );
        // 25 October 2026: 02:30 happens twice; the first is read (CEST, 00:30 UTC).
        assert_eq!(rome::from_local(2026, 10, 25, 2, 30), 1_792_888_200);
    }
}

#[cfg(test)]
mod calendar_day_tests {
    use super::parse_calendar_day;

    #[test]
    fn only_real_days_in_a_sane_range() {
        assert_eq!(parse_calendar_day("1984-07-31"), Some((1984, 7, 31)));
        assert_eq!(parse_calendar_day("2028-02-29"), Some((2028, 2, 29)));
        for wrong in [
            "2026-02-30",
            "2026-02-29",
            "9999-12-31",
            "1899-12-31",
            "2026-13-01",
            "2026-4-01",
            "oggi",
            "",
        ] {
            assert_eq!(parse_calendar_day(wrong), None, "{wrong}");
        }
    }
}
