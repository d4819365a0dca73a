//! The pages of courses and meetings.

mod detail;
mod list;
mod month;
mod my_calendar;
mod organise;
mod review;

pub use detail::{CoursePage, MeetingPage};
pub use list::{CoursesPage, MeetingsPage};
pub use my_calendar::MyCalendarPage;
pub use organise::{NewActivityPage, OrganisePage, RosterPage};
pub use review::ReviewActivitiesPage;

use super::domain::ActivitySummary;
use crate::i18n::*;
use crate::kernel::dates::{italian_date, italian_time};
use crate::kernel::labels::pick;
use leptos::prelude::*;

/// "Iscrizioni aperte · 12 posti liberi" or "Completo: lista d'attesa".
pub fn availability(a: &ActivitySummary, l: Locale) -> String {
    use super::domain::Status;
    match a.status {
        Status::Pubblicato if a.seats_left() > 0 => format!(
            "{} · {} {}",
            td_string!(l, catalogue.open_for_enrolment),
            a.seats_left(),
            td_string!(l, catalogue.seats_left)
        ),
        Status::Pubblicato => td_string!(l, catalogue.full_you_can_join).to_string(),
        other => crate::kernel::labels::pick(other.label(), l == Locale::en).to_string(),
    }
}

/// "Gratuito", or the cost in euros written the Italian way ("120,00 €").
pub fn cost(cents: i64, l: Locale) -> String {
    if cents == 0 {
        td_string!(l, catalogue_detail.free).to_string()
    } else {
        format!("{},{:02} €", cents / 100, cents % 100)
    }
}

/// One activity in a list: title, when, where, who, seats, cost.
#[component]
pub fn ActivityCard(activity: ActivitySummary) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let a = activity;
    let english = l == Locale::en;
    view! {
        <li class="card" data-testid="attivita">
            <h3 class="card-title"><a href=a.href()>{a.title.clone()}</a></h3>
            {a.demo.then(|| view! { <p class="mb-2"><span class="badge badge-demo">{td_string!(l, catalogue.demo_content)}</span></p> })}
            <dl class="facts">
                <dt>{td_string!(l, catalogue.when)}</dt>
                <dd>{format!("{} {} {}", italian_date(a.first_starts_at), td_string!(l, catalogue.at), italian_time(a.first_starts_at))}</dd>
                <dt>{td_string!(l, catalogue.where_text)}</dt>
                <dd>{format!("{} · {}", a.comune_name, pick(a.mode.label(), english))}</dd>
                <dt>{td_string!(l, catalogue.organiser)}</dt><dd>{a.organiser_name.clone()}</dd>
                <dt>{td_string!(l, catalogue.seats)}</dt><dd>{availability(&a, l)}</dd>
                <dt>{td_string!(l, catalogue_detail.cost)}</dt><dd>{cost(a.cost_cents, l)}</dd>
            </dl>
        </li>
    }
}
