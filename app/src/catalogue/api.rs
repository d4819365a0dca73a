//! Server functions of courses and meetings. Each starts with `authorize`
//! (the policy table), parses its arguments, then calls the service.

use super::domain::{ActivityDetail, Catalogue, CatalogueFilter, MyEnrolment, Roster};
use crate::desk::domain::Appointment;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
fn kind(code: &str) -> Result<super::domain::Kind, AppError> {
    super::domain::Kind::from_code(code).ok_or_else(|| AppError::NotFound.with_status())
}

#[server(prefix = "/api", endpoint = "list_activities", input = GetUrl)]
pub async fn list_activities(kind: String, filter: CatalogueFilter) -> Result<Catalogue, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<ListActivities>().await?;
    super::service::list(&state.db, self::kind(&kind)?, &filter).await
}

#[server(prefix = "/api", endpoint = "get_activity", input = GetUrl)]
pub async fn get_activity(kind: String, id: i64) -> Result<ActivityDetail, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetActivity>().await?;
    // Public, but a signed-in visitor also sees their own place.
    let user = crate::kernel::access::auth::current_user(&state).await?;
    super::service::detail(&state.db, self::kind(&kind)?, id, user).await
}

#[server(prefix = "/api", endpoint = "enrol_activity")]
pub async fn enrol_activity(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<EnrolActivity>().await?;
    super::service::enrol(&state, id, &user).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "cancel_enrolment")]
pub async fn cancel_enrolment(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CancelEnrolment>().await?;
    super::service::cancel(&state, id, &user).await
}

/// "I miei corsi e incontri": places, desk appointments, and the secret feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyCalendar {
    pub enrolments: Vec<MyEnrolment>,
    pub appointments: Vec<Appointment>,
    /// When the person's calendar address was made, if they have one.
    pub feed_since: Option<i64>,
    /// The address just made: shown once (only its hash is stored).
    pub new_feed_url: Option<String>,
}

/// Carries a new calendar address from the request that made it to the
/// page that shows it, with or without JavaScript, for a few minutes.
#[cfg(feature = "ssr")]
const NEW_FEED_COOKIE: &str = "calendario_nuovo";

#[server(prefix = "/api", endpoint = "get_my_calendar", input = GetUrl)]
pub async fn get_my_calendar() -> Result<MyCalendar, AppError> {
    use crate::kernel::access::auth::{private_cookie, set_cookie};
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetMyCalendar>().await?;
    let mut new_feed_url = None;
    if let Some(secret) = crate::kernel::cookies::request_cookie(NEW_FEED_COOKIE) {
        if super::repo::user_of_feed(&state.db, &secret).await? == Some(user.id) {
            let url = &state.config.public_url;
            new_feed_url = Some(format!("{url}/calendario/personale/{secret}.ics"));
        }
        set_cookie(private_cookie(&state, NEW_FEED_COOKIE, "", Some(0)));
    }
    Ok(MyCalendar {
        enrolments: super::service::my_enrolments(&state.db, &user).await?,
        appointments: crate::desk::api::shared::mine(&state, &user).await?,
        feed_since: super::repo::feed_since(&state.db, user.id).await?,
        new_feed_url,
    })
}

/// Makes a new secret calendar address (the old one stops working).
#[server(prefix = "/api", endpoint = "renew_calendar_feed")]
pub async fn renew_calendar_feed() -> Result<(), AppError> {
    use crate::kernel::access::auth::{private_cookie, set_cookie};
    let (state, user) = crate::kernel::access::auth::authorize_user::<RenewCalendarFeed>().await?;
    let secret = super::repo::renew_feed(&state.db, user.id).await?;
    set_cookie(private_cookie(&state, NEW_FEED_COOKIE, &secret, Some(300)));
    Ok(())
}

/// Ends the calendar address: calendar apps subscribed to it get nothing more.
#[server(prefix = "/api", endpoint = "revoke_calendar_feed")]
pub async fn revoke_calendar_feed() -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<RevokeCalendarFeed>().await?;
    super::repo::revoke_feed(&state.db, user.id).await?;
    Ok(())
}

/// The organisers' form: its fields arrive as `form[title]`, `form[seats]`…
#[server(prefix = "/api", endpoint = "create_activity")]
pub async fn create_activity(form: super::domain::ActivityInput) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CreateActivity>().await?;
    let (_, id) = super::service::create(&state, &user, &form).await?;
    leptos_axum::redirect(&format!("/organizza/{id}?creata=1"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "list_managed_activities", input = GetUrl)]
pub async fn list_managed_activities() -> Result<Vec<super::domain::ActivitySummary>, AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<ListManagedActivities>().await?;
    let publisher = (!user.role.is_staff()).then_some(user.id);
    Ok(super::repo::managed_by(&state.db, publisher).await?)
}

#[server(prefix = "/api", endpoint = "get_roster", input = GetUrl)]
pub async fn get_roster(id: i64) -> Result<Roster, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetRoster>().await?;
    super::service::roster(&state.db, id, &user).await
}

#[server(prefix = "/api", endpoint = "mark_attendance")]
pub async fn mark_attendance(
    id: i64,
    #[server(default)] enrolment: Option<i64>,
    #[server(default)] code: String,
    #[server(default)] present: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<MarkAttendance>().await?;
    let present = present != "no";
    super::service::mark_attendance(&state.db, id, &user, enrolment, &code, present).await
}

#[server(prefix = "/api", endpoint = "change_activity_status")]
pub async fn change_activity_status(
    id: i64,
    change: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<ChangeActivityStatus>().await?;
    let change = super::service::Change::parse(&change)?;
    super::service::change_status(&state, id, &user, change, &reason).await
}

#[server(prefix = "/api", endpoint = "list_activities_to_review", input = GetUrl)]
pub async fn list_activities_to_review() -> Result<super::domain::ReviewQueue, AppError> {
    let (state, _) =
        crate::kernel::access::auth::authorize_user::<ListActivitiesToReview>().await?;
    super::review::queue(&state).await
}

#[server(prefix = "/api", endpoint = "decide_activity")]
pub async fn decide_activity(
    activity: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DecideActivity>().await?;
    let decision = crate::accounts::api::shared::Decision::parse(&decision, &reason)?;
    super::review::decide(&state, &user, activity, decision).await
}

/// `on` is `si` or `no`, as the admin's form posts it.
#[server(prefix = "/api", endpoint = "set_pre_moderation")]
pub async fn set_pre_moderation(on: String) -> Result<(), AppError> {
    let (state, admin) = crate::kernel::access::auth::authorize_user::<SetPreModeration>().await?;
    let on = match on.as_str() {
        "si" => true,
        "no" => false,
        _ => return Err(crate::invalid!("on", choose_whether_to_turn)),
    };
    super::review::set_pre_moderation(&state, &admin, on).await
}

/// What other features use of courses and meetings on the server (not
/// endpoints): the catalogue's list (orientation suggests courses).
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::catalogue::service::list;
}
