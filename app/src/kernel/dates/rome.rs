//! Italian time from the time-zone database: Europe/Rome, bundled in the
//! binary by `jiff` so that the server does not depend on the host's files.

use super::{days_from_civil, Local};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::sync::LazyLock;

static ROME: LazyLock<TimeZone> = LazyLock::new(|| {
    TimeZone::get("Europe/Rome").expect("Europe/Rome is in the bundled time-zone database")
});

/// `unix` as a timestamp, held within the years jiff knows (-9999 to 9999).
fn timestamp(unix: i64) -> Timestamp {
    let seconds = unix.clamp(Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    Timestamp::from_second(seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub fn local(unix: i64) -> Local {
    let time = ROME.to_datetime(timestamp(unix));
    Local {
        year: time.year().into(),
        month: time.month().into(),
        day: time.day().into(),
        hour: time.hour().into(),
        minute: time.minute().into(),
        weekday: time.weekday().to_monday_one_offset().into(),
    }
}

pub fn from_local(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> i64 {
    // Through days from the epoch, so that an overflowing field (the 32nd,
    // minute 90) carries over as the browser's version does.
    let naive = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60;
    let wall = timestamp(naive).to_zoned(TimeZone::UTC).datetime();
    // `compatible`: the earlier reading in a fold, the later one in a gap.
    ROME.to_ambiguous_timestamp(wall)
        .compatible()
        .map_or(naive - 3_600, |t| t.as_second())
}

/// RFC 3339 in UTC (`2026-12-05T09:30:00Z`), as sitemaps and structured data want it.
pub fn rfc3339(unix: i64) -> String {
    timestamp(unix).to_string()
}
