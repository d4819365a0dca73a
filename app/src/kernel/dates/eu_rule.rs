//! Italian time by the EU rule: CET, or CEST from 01:00 UTC on the last
//! Sunday of March to 01:00 UTC on the last Sunday of October. The browser's
//! version (the server reads the time-zone database, `rome.rs`).

use super::{days_from_civil, Local};

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
