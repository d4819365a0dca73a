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

pub fn italian_datetime(unix: i64) -> String {
    let (year, _, _) = civil(unix.div_euclid(86_400));
    let summer = unix >= last_sunday_1am(year, 3) && unix < last_sunday_1am(year, 10);
    let local = unix + if summer { 7_200 } else { 3_600 };
    let (year, month, day) = civil(local.div_euclid(86_400));
    let seconds = local.rem_euclid(86_400);
    format!(
        "{day:02}/{month:02}/{year} {:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

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
}
