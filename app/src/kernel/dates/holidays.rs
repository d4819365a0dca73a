//! Italy's national public holidays (L. 260/1949 and its amendments), when
//! public offices close. Easter Monday moves with Easter, computed with the
//! Gregorian computus; no crate on crates.io keeps Italy's list up to date
//! with the 2026 return of 4 October (L. 151/2025), and the list is short.

use crate::i18n::td_string;
use crate::kernel::labels::Label;
use serde::{Deserialize, Serialize};

/// A national public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Holiday {
    NewYear,
    Epiphany,
    Easter,
    EasterMonday,
    Liberation,
    Labour,
    Republic,
    Assumption,
    SaintFrancis,
    AllSaints,
    ImmaculateConception,
    Christmas,
    SaintStephen,
}

impl Holiday {
    pub fn label(self) -> Label {
        match self {
            Holiday::NewYear => |l| td_string!(l, holidays.new_year),
            Holiday::Epiphany => |l| td_string!(l, holidays.epiphany),
            Holiday::Easter => |l| td_string!(l, holidays.easter),
            Holiday::EasterMonday => |l| td_string!(l, holidays.easter_monday),
            Holiday::Liberation => |l| td_string!(l, holidays.liberation_day),
            Holiday::Labour => |l| td_string!(l, holidays.labour_day),
            Holiday::Republic => |l| td_string!(l, holidays.republic_day),
            Holiday::Assumption => |l| td_string!(l, holidays.assumption),
            Holiday::SaintFrancis => |l| td_string!(l, holidays.saint_francis),
            Holiday::AllSaints => |l| td_string!(l, holidays.all_saints),
            Holiday::ImmaculateConception => |l| td_string!(l, holidays.immaculate_conception),
            Holiday::Christmas => |l| td_string!(l, holidays.christmas),
            Holiday::SaintStephen => |l| td_string!(l, holidays.saint_stephen),
        }
    }
}

/// Easter Sunday of a Gregorian year as (month, day): the anonymous
/// Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter(year: i64) -> (i64, i64) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month, day)
}

/// The national holiday falling on a calendar day, if any.
pub fn holiday_on(year: i64, month: i64, day: i64) -> Option<Holiday> {
    let fixed = match (month, day) {
        (1, 1) => Some(Holiday::NewYear),
        (1, 6) => Some(Holiday::Epiphany),
        (4, 25) => Some(Holiday::Liberation),
        (5, 1) => Some(Holiday::Labour),
        (6, 2) => Some(Holiday::Republic),
        (8, 15) => Some(Holiday::Assumption),
        // A national holiday again from 2026 (L. 151/2025).
        (10, 4) if year >= 2026 => Some(Holiday::SaintFrancis),
        (11, 1) => Some(Holiday::AllSaints),
        (12, 8) => Some(Holiday::ImmaculateConception),
        (12, 25) => Some(Holiday::Christmas),
        (12, 26) => Some(Holiday::SaintStephen),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let (easter_month, easter_day) = easter(year);
    let easter_days = super::days_from_civil(year, easter_month, easter_day);
    match super::days_from_civil(year, month, day) - easter_days {
        0 => Some(Holiday::Easter),
        1 => Some(Holiday::EasterMonday),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_falls_where_the_calendars_put_it() {
        assert_eq!(easter(2024), (3, 31));
        assert_eq!(easter(2025), (4, 20));
        assert_eq!(easter(2026), (4, 5));
        assert_eq!(easter(2027), (3, 28));
        assert_eq!(easter(2038), (4, 25));
    }

    #[test]
    fn the_national_holidays_of_2026_and_2027() {
        assert_eq!(holiday_on(2026, 4, 6), Some(Holiday::EasterMonday));
        assert_eq!(holiday_on(2027, 3, 29), Some(Holiday::EasterMonday));
        assert_eq!(holiday_on(2026, 12, 8), Some(Holiday::ImmaculateConception));
        assert_eq!(holiday_on(2026, 10, 4), Some(Holiday::SaintFrancis));
        assert_eq!(holiday_on(2025, 10, 4), None);
        assert_eq!(holiday_on(2026, 12, 9), None);
        assert_eq!(holiday_on(2026, 3, 19), None, "a patron's day is local");
        let days_off = (1..=12)
            .flat_map(|m| (1..=31).map(move |d| (m, d)))
            .filter(|(m, d)| holiday_on(2026, *m, *d).is_some())
            .count();
        assert_eq!(days_off, 13);
    }
}
