//! On the agenda: the days staff closed the desk, with the reason people
//! read when booking; closing a day and opening it again.

use crate::components::form::{field_message, form_message, Field};
use crate::desk::api::{CloseDeskDay, ReopenDeskDay};
use crate::desk::domain::ClosedDay;
use crate::i18n::*;
use crate::kernel::dates::{iso_date, italian_date};
use leptos::prelude::*;

#[component]
pub fn DeskClosures(
    comune_slug: String,
    announced: Vec<ClosedDay>,
    close: ServerAction<CloseDeskDay>,
    reopen: ServerAction<ReopenDeskDay>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let result = close.value();
    let plain = move || result.get().map(|r| r.map(|_| ()));
    let message = move |field: &'static str| Signal::derive(move || field_message(plain(), field));
    let done = move || {
        result.get().and_then(Result::ok).map(|outcome| {
            td_string!(
                l,
                desk_closures.day_closed,
                emailed = outcome.emailed,
                to_call = outcome.to_call
            )
            .to_string()
        })
    };
    let reopen_slug = comune_slug.clone();
    view! {
        <section class="mb-8" aria-labelledby="chiusure-sportello">
            <h2 id="chiusure-sportello" class="section-title">{td_string!(l, desk_closures.days_closed)}</h2>
            <p class="mb-4">{td_string!(l, desk_closures.holidays_are_closed)}</p>
            <p role="status" class="notice mb-4" class:hidden=move || done().is_none()>{done}</p>
            <p role="alert" class="field-error">{move || form_message(plain(), &["day", "reason"]).or_else(|| form_message(reopen.value().get(), &[]))}</p>
            <ActionForm action=close attr:class="card mb-6 max-w-2xl">
                <input type="hidden" name="comune" value=comune_slug/>
                <Field name="day" kind="date" label=td_string!(l, desk_closures.day) error=message("day")/>
                <Field name="reason" label=td_string!(l, desk_closures.reason) hint=td_string!(l, desk_closures.reason_hint) error=message("reason")/>
                <button type="submit" class="btn-primary">{td_string!(l, desk_closures.close_the_desk)}</button>
            </ActionForm>
            {announced.is_empty().then(|| view! { <p>{td_string!(l, desk_closures.no_days_closed)}</p> })}
            <ul class="grid gap-2" data-testid="chiusure">
                {announced.into_iter().map(|c| {
                    let when = italian_date(c.day);
                    let aria = format!("{} {when}", td_string!(l, desk_closures.reopen));
                    let slug = reopen_slug.clone();
                    view! {
                        <li class="flex flex-wrap items-center gap-3">
                            <span>{format!("{when} — {}", c.closure.reason(l))}</span>
                            <ActionForm action=reopen>
                                <input type="hidden" name="comune" value=slug/>
                                <input type="hidden" name="day" value=iso_date(c.day)/>
                                <button type="submit" class="btn-secondary" aria-label=aria>{td_string!(l, desk_closures.reopen)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
