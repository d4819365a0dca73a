//! The desk's calendar on SQLite and PostgreSQL: closed on national
//! holidays, on the patron's day and on days staff close, and every
//! cancellation told to its person by email.

use crate::common::{count, person, with_state};
use app::desk::domain::{closure_on, day_slots, Closure, BOOKING_DAYS};
use app::desk::service::{book, booking, cancel, close_day, reopen_day, BookingForm};
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::kernel::dates::{iso_date, start_of_day};
use app::state::AppState;

fn form(slot: i64) -> BookingForm {
    BookingForm {
        comune: "la-spezia".into(),
        slot: slot.to_string(),
        topic: "cv".into(),
        mode: "presenza".into(),
        notes: String::new(),
        person_name: String::new(),
        person_contact: String::new(),
    }
}

/// Every day of the window the desk opens is offered or listed as closed,
/// and none offered is a holiday or San Giuseppe (19 March, La Spezia).
async fn no_booking_on_a_holiday_or_the_patrons_day(state: AppState) {
    let patron: String =
        sqlx::query_scalar("SELECT patron_day FROM desks WHERE istat_code = '011015'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
    assert_eq!(patron, "03-19");
    let offered = booking(&state, "la-spezia", None).await.unwrap();
    for day in &offered.days {
        assert_eq!(
            closure_on(day.day + 43_200, &patron, &[]),
            None,
            "{}",
            iso_date(day.day)
        );
    }
    for day in &offered.closed {
        assert!(
            matches!(day.closure, Closure::Holiday(_) | Closure::Patron),
            "{day:?}"
        );
    }
    let hours = app::network::reference::initial_desk_hours();
    let tomorrow_noon = start_of_day(app::kernel::clock::now()) + 86_400 + 43_200;
    let opening_days = (0..BOOKING_DAYS)
        .map(|n| tomorrow_noon + n * 86_400)
        .filter(|noon| !day_slots(*noon, &hours, 30).is_empty())
        .count();
    assert_eq!(
        offered.days.len() + offered.closed.len(),
        opening_days,
        "each day the desk opens is offered or said closed"
    );
}

/// Staff close a day with a reason: its appointments are cancelled, the
/// person with an account is emailed the reason, the one booked by phone is
/// counted for a call, and nobody can book it until it opens again.
async fn closing_a_day_cancels_its_appointments_and_tells_why(state: AppState) {
    let offered = booking(&state, "la-spezia", None).await.unwrap();
    let day = offered.days[0].clone();
    let iso = iso_date(day.day);
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let operator = person(&state, Role::Operatore, "operatore@esempio.it").await;
    book(&state, &anna, &form(day.slots[0].starts_at))
        .await
        .unwrap();
    let mut caller = form(day.slots[1].starts_at);
    caller.person_name = "Giovanni Esposito".into();
    caller.person_contact = "0187 123456".into();
    book(&state, &operator, &caller).await.unwrap();

    let both = close_day(&state, &operator, "", "2020-01-01", "")
        .await
        .unwrap_err();
    let fields: Vec<&str> = both.field_problems().iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, ["day", "reason"], "both mistakes at once");
    let refused = close_day(&state, &operator, "", &iso, "  ")
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, AppError::Validation { field, .. } if field == "reason"),
        "{refused:?}"
    );
    let not_staff = close_day(&state, &anna, "la-spezia", &iso, "Chiuso")
        .await
        .unwrap_err();
    assert!(matches!(not_staff, AppError::Forbidden), "{not_staff:?}");

    let outcome = close_day(&state, &operator, "", &iso, "Formazione del personale")
        .await
        .unwrap();
    assert_eq!((outcome.emailed, outcome.to_call), (1, 1));
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM appointments WHERE status = 'annullato'"
        )
        .await,
        2
    );
    let told = count(
        &state,
        "SELECT COUNT(*) FROM outbox WHERE recipient = 'anna@esempio.it' \
        AND subject LIKE 'Lo sportello è chiuso%' AND body LIKE '%Formazione del personale%'",
    )
    .await;
    assert_eq!(told, 1, "Anna is told why");

    let after = booking(&state, "la-spezia", None).await.unwrap();
    assert!(
        after.days.iter().all(|d| d.day != day.day),
        "the day is no longer offered"
    );
    assert!(after
        .closed
        .iter()
        .any(|c| c.day == day.day
            && c.closure == Closure::Announced("Formazione del personale".into())));
    let refused = book(&state, &anna, &form(day.slots[2].starts_at))
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, AppError::Validation { field, message, .. }
            if field == "slot" && message.contains("Formazione del personale")),
        "{refused:?}"
    );

    reopen_day(&state, &operator, "", &iso).await.unwrap();
    let reopened = booking(&state, "la-spezia", None).await.unwrap();
    assert!(reopened.days.iter().any(|d| d.day == day.day));
    book(&state, &anna, &form(day.slots[2].starts_at))
        .await
        .unwrap();
}

/// Cancelling, by the person or by staff, is confirmed by email.
async fn a_cancelled_appointment_is_confirmed_by_email(state: AppState) {
    let offered = booking(&state, "la-spezia", None).await.unwrap();
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let operator = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let first = book(&state, &anna, &form(offered.days[0].slots[0].starts_at))
        .await
        .unwrap();
    let second = book(&state, &anna, &form(offered.days[0].slots[1].starts_at))
        .await
        .unwrap();
    cancel(&state, &anna, first).await.unwrap();
    cancel(&state, &operator, second).await.unwrap();
    let confirmations = count(
        &state,
        "SELECT COUNT(*) FROM outbox WHERE recipient = 'anna@esempio.it' \
        AND subject LIKE 'Appuntamento annullato%' AND body LIKE '%prenotarne un altro%'",
    )
    .await;
    assert_eq!(confirmations, 2);
}

on_both_engines!(with_state =>
    no_booking_on_a_holiday_or_the_patrons_day,
    closing_a_day_cancels_its_appointments_and_tells_why,
    a_cancelled_appointment_is_confirmed_by_email,
);
