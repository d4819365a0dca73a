//! The month calendar view of the catalogue: a table, one row per week,
//! each activity on the day it starts.

use crate::catalogue::domain::ActivitySummary;
use crate::i18n::*;
use crate::kernel::dates::{from_local, italian_time, local, MONTHS_EN, MONTHS_IT};
use leptos::prelude::*;

fn parse_month(text: &str) -> Option<(i64, i64)> {
    let (y, m) = text.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.parse().ok()?);
    ((2000..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

fn shift(year: i64, month: i64, by: i64) -> (i64, i64) {
    let n = year * 12 + (month - 1) + by;
    (n.div_euclid(12), n.rem_euclid(12) + 1)
}

#[component]
pub fn MonthView(
    items: Vec<ActivitySummary>,
    month: String,
    base: String,
    /// Now, by the server's clock.
    today: i64,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    // The month asked for, else the current one.
    let (year, month) = parse_month(&month).unwrap_or_else(|| {
        let d = local(today);
        (d.year, d.month)
    });
    let first = local(from_local(year, month, 1, 12, 0));
    let (ny, nm) = shift(year, month, 1);
    let days = (from_local(ny, nm, 1, 12, 0) - from_local(year, month, 1, 12, 0) + 3_600) / 86_400;
    let names = if l == Locale::en {
        MONTHS_EN
    } else {
        MONTHS_IT
    };
    let title = format!("{} {year}", names[(month - 1) as usize]);
    let link = |(y, m): (i64, i64)| format!("{base}&vista=calendario&mese={y:04}-{m:02}");
    let (prev, next) = (link(shift(year, month, -1)), link((ny, nm)));
    // Cells: blanks before the 1st (Monday first), then the days.
    let mut cells: Vec<Option<i64>> = vec![None; (first.weekday - 1) as usize];
    cells.extend((1..=days).map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let weeks: Vec<Vec<Option<i64>>> = cells.chunks(7).map(<[_]>::to_vec).collect();
    let on_day = move |day: i64| -> Vec<ActivitySummary> {
        items
            .iter()
            .filter(|a| {
                let d = local(a.first_starts_at);
                d.year == year && d.month == month && d.day == day
            })
            .cloned()
            .collect()
    };
    let headers = if l == Locale::en {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    } else {
        ["Lun", "Mar", "Mer", "Gio", "Ven", "Sab", "Dom"]
    };
    view! {
        <div class="mb-3 flex items-center justify-between gap-4">
            <a href=prev>{td_string!(l, catalogue_month.previous_month)}</a>
            <a href=next>{td_string!(l, catalogue_month.next_month)}</a>
        </div>
        <table class="calendar-table" data-testid="calendario">
            <caption class="mb-2 text-left text-xl font-semibold">{title}</caption>
            <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {weeks.into_iter().map(|week| view! {
                    <tr>
                        {week.into_iter().map(|cell| match cell {
                            None => view! { <td></td> }.into_any(),
                            Some(day) => view! {
                                <td>
                                    <span class="font-semibold">{day}</span>
                                    <ul>
                                        {on_day(day).into_iter().map(|a| view! {
                                            <li><a href=a.href()>{format!("{} {}", italian_time(a.first_starts_at), a.title)}</a></li>
                                        }).collect_view()}
                                    </ul>
                                </td>
                            }.into_any(),
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
