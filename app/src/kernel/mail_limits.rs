//! Limits on the endpoints that make the portal email someone on request
//! (registration, password reset, requests to join, businesses' contact
//! requests), so that nobody can mail-bomb an address through the portal
//! or flood its outbox. (An invitation follows an administrator's decision
//! on a request to join, once per request: the request's limits bound it.)
//! - per recipient: at most `PER_RECIPIENT_HOUR` messages an hour and
//!   `PER_RECIPIENT_DAY` a day; past them nothing more is queued, and the
//!   endpoint answers exactly as before (whether or not the address has an
//!   account stays unsaid);
//! - per client address (per business, for contact requests): at most
//!   `MAIL_REQUESTS_PER_HOUR` (a setting, 30 by default) such requests an
//!   hour, then 429 with a clear message.

use crate::db::Tx;
use crate::error::AppError;
use crate::state::AppState;

pub const PER_RECIPIENT_HOUR: i64 = 3;
pub const PER_RECIPIENT_DAY: i64 = 10;

/// Whether one more message to `recipient` may be queued now.
pub async fn recipient_has_room(tx: &mut Tx, recipient: &str) -> Result<bool, sqlx::Error> {
    let at = crate::kernel::clock::now();
    let (hour, day): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN created_at > $2 THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM outbox WHERE recipient = $1 AND created_at > $3",
    )
    .bind(recipient)
    .bind(at - 3600)
    .bind(at - 86_400)
    .fetch_one(&mut **tx)
    .await?;
    Ok(hour < PER_RECIPIENT_HOUR && day < PER_RECIPIENT_DAY)
}

/// Counts a request that may send email from `address`; refuses it past
/// the hourly limit.
pub async fn allow_sender(state: &AppState, address: &str) -> Result<(), AppError> {
    let db = &state.db;
    let key = format!("mail:{address}");
    let (recent, _) =
        crate::kernel::attempts::attempts_since(db, &key, crate::kernel::clock::now() - 3600)
            .await?;
    if recent >= state.config.mail_requests_per_hour {
        return Err(AppError::RateLimited.with_status());
    }
    crate::kernel::attempts::record_attempt(db, &[key]).await?;
    Ok(())
}
