//! Server functions of desk appointments.

use super::domain::{Agenda, DeskBooking};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "get_desk_slots", input = GetUrl)]
pub async fn get_desk_slots(comune: String) -> Result<DeskBooking, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetDeskSlots>().await?;
    let user = crate::kernel::access::auth::current_user(&state).await?;
    super::service::booking(&state, &comune, user.as_ref()).await
}

#[server(prefix = "/api", endpoint = "book_appointment")]
pub async fn book_appointment(
    comune: String,
    #[server(default)] slot: String,
    #[server(default)] topic: String,
    #[server(default)] mode: String,
    #[server(default)] notes: String,
    #[server(default)] person_name: String,
    #[server(default)] person_contact: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<BookAppointment>().await?;
    let form = super::service::BookingForm {
        comune,
        slot,
        topic,
        mode,
        notes,
        person_name,
        person_contact,
    };
    super::service::book(&state, &user, &form).await?;
    if user.role.is_staff() {
        leptos_axum::redirect("/staff/agenda?prenotato=1");
    } else {
        leptos_axum::redirect("/area/calendario?prenotato=1");
    }
    Ok(())
}

#[server(prefix = "/api", endpoint = "cancel_appointment")]
pub async fn cancel_appointment(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CancelAppointment>().await?;
    super::service::cancel(&state, &user, id).await
}

/// Erases, on their request, a person staff booked for without an account.
#[server(prefix = "/api", endpoint = "erase_desk_person")]
pub async fn erase_desk_person(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<EraseDeskPerson>().await?;
    super::service::erase_booked_person(&state, &user, id).await
}

#[server(prefix = "/api", endpoint = "get_desk_agenda", input = GetUrl)]
pub async fn get_desk_agenda(
    #[server(default)] comune: String,
    #[server(default)] day: String,
) -> Result<Agenda, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetDeskAgenda>().await?;
    super::service::agenda(&state, &user, &comune, &day).await
}

#[server(prefix = "/api", endpoint = "record_appointment_outcome")]
pub async fn record_appointment_outcome(id: i64, outcome: String) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<RecordAppointmentOutcome>().await?;
    super::service::record_outcome(&state, &user, id, &outcome).await
}

#[server(prefix = "/api", endpoint = "save_desk_day")]
pub async fn save_desk_day(
    comune: String,
    weekday: i64,
    #[server(default)] am_opens: String,
    #[server(default)] am_closes: String,
    #[server(default)] pm_opens: String,
    #[server(default)] pm_closes: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveDeskDay>().await?;
    super::service::save_day(
        &state,
        &user,
        &comune,
        weekday,
        (&am_opens, &am_closes),
        (&pm_opens, &pm_closes),
    )
    .await
}

#[server(prefix = "/api", endpoint = "save_desk_settings")]
pub async fn save_desk_settings(
    comune: String,
    slot_minutes: String,
    #[server(default)] video_link: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveDeskSettings>().await?;
    super::service::save_settings(&state, &user, &comune, &slot_minutes, &video_link).await
}

/// Closes the desk on a day, with the reason people read when booking;
/// cancels what was booked on it.
#[server(prefix = "/api", endpoint = "close_desk_day")]
pub async fn close_desk_day(
    comune: String,
    #[server(default)] day: String,
    #[server(default)] reason: String,
) -> Result<super::domain::ClosedOutcome, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CloseDeskDay>().await?;
    super::service::close_day(&state, &user, &comune, &day, &reason).await
}

#[server(prefix = "/api", endpoint = "reopen_desk_day")]
pub async fn reopen_desk_day(comune: String, day: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ReopenDeskDay>().await?;
    super::service::reopen_day(&state, &user, &comune, &day).await
}

/// What other features use of desk appointments on the server (not
/// endpoints): a person's appointments (their calendar page).
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::desk::service::mine;
}
