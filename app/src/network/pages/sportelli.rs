//! `/sportelli`: the InfoLavoro desks, their opening hours and contact.

use super::format;
use crate::components::async_data::with_data;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::api::list_desks;
use crate::network::domain::{Desk, OpeningHours};
use leptos::prelude::*;

fn weekday_name(weekday: u8, locale: Locale) -> &'static str {
    match weekday {
        1 => td_string!(locale, weekdays.mon),
        2 => td_string!(locale, weekdays.tue),
        3 => td_string!(locale, weekdays.wed),
        4 => td_string!(locale, weekdays.thu),
        5 => td_string!(locale, weekdays.fri),
        6 => td_string!(locale, weekdays.sat),
        _ => td_string!(locale, weekdays.sun),
    }
}

/// One row per weekday: "Martedì — 8:30–12:00, 14:30–17:30".
pub fn hours_by_day(hours: &[OpeningHours]) -> Vec<(u8, String)> {
    let mut days: Vec<(u8, String)> = Vec::new();
    for h in hours {
        let span = format!("{}–{}", format::time(&h.opens), format::time(&h.closes));
        match days.last_mut() {
            Some((day, spans)) if *day == h.weekday => {
                spans.push_str(", ");
                spans.push_str(&span);
            }
            _ => days.push((h.weekday, span)),
        }
    }
    days
}

#[component]
pub fn SportelliPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let desks = Resource::new(|| (), |_| list_desks());
    view! {
        <PageMeta title=td_string!(l, desks.title) description=crate::kernel::text::first_words(td_string!(l, desks.lead), 160)/>
        <h1 class="page-title">{td_string!(l, desks.heading)}</h1>
        <p class="lead mb-8">{td_string!(l, desks.lead)}</p>
        {with_data(desks, |desks| desks.into_iter().map(|desk| view! { <DeskCard desk/> }).collect_view())}
    }
}

#[component]
fn DeskCard(desk: Desk) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let rows = hours_by_day(&desk.hours);
    let mailto = format!("mailto:{}", desk.email);
    view! {
        <section class="card mb-8 max-w-3xl" aria-labelledby=format!("sportello-{}", desk.comune_slug)>
            <h2 id=format!("sportello-{}", desk.comune_slug) class="section-title">{desk.name.clone()}</h2>
            {desk.by_appointment.then(|| view! { <p class="mb-4 font-semibold">{td_string!(l, desks.by_appointment)}</p> })}
            <table class="hours-table">
                <caption class="text-left font-semibold">{td_string!(l, desks.hours_caption)}</caption>
                <thead><tr><th scope="col">{td_string!(l, desks.day)}</th><th scope="col">{td_string!(l, desks.hours)}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(day, spans)| view! {
                        <tr><th scope="row">{weekday_name(day, l)}</th><td>{spans}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="mt-4"><a class="btn-primary" href=format!("/sportelli/{}/prenota", desk.comune_slug)>{td_string!(l, desks.booking_soon)}</a></p>
            <p class="mt-4">
                {td_string!(l, desks.contact)} " " <a href=mailto>{desk.email.clone()}</a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spans_on_one_day_share_a_row() {
        let h = |weekday, opens: &str, closes: &str| OpeningHours {
            weekday,
            opens: opens.into(),
            closes: closes.into(),
        };
        let rows = hours_by_day(&[
            h(2, "08:30", "12:00"),
            h(2, "14:30", "17:30"),
            h(3, "08:30", "12:00"),
        ]);
        assert_eq!(
            rows,
            vec![
                (2, "8:30–12:00, 14:30–17:30".to_string()),
                (3, "8:30–12:00".to_string())
            ]
        );
    }
}
