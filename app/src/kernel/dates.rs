//! Unix seconds as Italians read them: "25/11/2026 10:30", Italian time
//! (CET, or CEST between the last Sundays of March and October).

fn civil(days: i64) -> (i64, i64, i64) {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Unix seconds of 01:00 UTC on the last Sunday of `month`.
fn last_sunday_1am(year: i64, month: i64) -> i64 {
    let last_day = days_from_civil(year, month + 1, 1) - 1;
    let weekday = (last_day + 4).rem_euclid(7); // 0 = Sunday; 1970-01-01 was a Thursday
    (last_day - weekday) * 86_400 + 3_600
}

/// Seconds to add to UTC for Italian time at this instant.
fn offset(unix: i64) -> i64 {
    let (year, _, _) = civil(unix.div_euclid(86_400));
    let summer = unix >= last_sunday_1am(year, 3) && unix < last_sunday_1am(year, 10);
    if summer {
        7_200
    } else {
        3_600
    }
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

pub fn local(unix: i64) -> Local {
    let local = unix + offset(unix);
    let days = local.div_euclid(86_400);
    let (year, month, day) = civil(days);
    let seconds = local.rem_euclid(86_400);
    Local {
        year,
        month,
        day,
        hour: seconds / 3600,
        minute: (seconds % 3600) / 60,
        // 1970-01-01 was a Thursday (4).
        weekday: (days + 3).rem_euclid(7) + 1,
    }
}

/// Italian wall-clock time to Unix seconds (the first reading when the clock
/// goes back, the hour after when it jumps forward).
pub fn from_local(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> i64 {
    let naive = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60;
    let winter = naive - 3_600;
    let summer = naive - 7_200;
    if offset(summer) == 7_200 {
        summer
    } else {
        winter
    }
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
