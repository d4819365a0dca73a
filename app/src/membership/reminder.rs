//! The admins are reminded before the network's protocol expires: once at each
//! of 180, 90, 30 and 7 days before, whichever process gets there first.

use super::{mail, repo};
use crate::db::Db;
use crate::network::domain::PROTOCOL_EXPIRES;
use std::sync::Arc;
use tokio::sync::Notify;

/// Days before the expiry at which the admins are written to.
pub const REMINDER_DAYS: [i64; 4] = [7, 30, 90, 180];

pub fn expires_at() -> i64 {
    let (y, m, d) = PROTOCOL_EXPIRES;
    crate::kernel::dates::from_local(y, m, d, 0, 0)
}

/// Whole days from `at` to the expiry (negative once it has passed).
pub fn days_left(at: i64) -> i64 {
    (expires_at() - crate::kernel::dates::start_of_day(at)).div_euclid(86_400)
}

/// The reminder due at `at`: the nearest threshold not yet passed. A server
/// started 20 days before the expiry sends the 30-day one, not all four.
pub fn due(at: i64) -> Option<i64> {
    let left = days_left(at);
    (left >= 0)
        .then(|| REMINDER_DAYS.into_iter().find(|&t| left <= t))
        .flatten()
}

/// Queues the reminder due at `at` to every active admin, unless it was sent; true when it queued.
pub async fn remind(db: &Db, public_url: &str, at: i64) -> Result<bool, sqlx::Error> {
    let Some(threshold) = due(at) else {
        return Ok(false);
    };
    let admins = repo::admin_emails(db).await?;
    let mut tx = db.begin_write().await?;
    if !repo::claim_reminder(&mut tx, &format!("protocollo-{threshold}")).await? {
        return Ok(false);
    }
    let link = format!("{public_url}/staff");
    for (id, email) in &admins {
        let language = crate::kernel::mail_text::language_of(&mut tx, Some(*id)).await?;
        let crate::kernel::mail_text::Mail { subject, body } =
            mail::protocol_expiry(language, days_left(at), expires_at(), &link);
        crate::kernel::outbox::enqueue_mail(&mut tx, Some(*id), email, &subject, &body).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Runs for the life of the server: once an hour, the reminder due.
pub async fn run_protocol_reminder(db: Db, public_url: String, wake_mail: Arc<Notify>) {
    loop {
        match remind(&db, &public_url, crate::kernel::clock::now()).await {
            Ok(reminded) => {
                crate::kernel::heartbeat::round_succeeded("protocol reminder");
                if reminded {
                    wake_mail.notify_one();
                }
            }
            Err(error) => tracing::error!(%error, "protocol reminder: database error"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn the_nearest_threshold_is_due_and_none_after_the_expiry() {
        let e = expires_at();
        assert_eq!(due(e - 400 * DAY), None);
        assert_eq!(due(e - 180 * DAY), Some(180));
        assert_eq!(due(e - 100 * DAY), Some(180));
        assert_eq!(due(e - 20 * DAY), Some(30));
        assert_eq!(due(e - 3 * DAY), Some(7));
        assert_eq!(due(e + 2 * DAY), None);
    }
}
