//! Server only: pre-moderation of courses and meetings. When the admin turns it
//! on, what a member body publishes waits (`bozza`, review `in_revisione`) until
//! an operator approves it (`pubblicato`) or rejects it with a reason, which the
//! body reads on its page and by email. Staff publish without review.

use super::domain::{ActivitySummary, Review, ReviewQueue, Status};
use super::repo::{self, SUMMARY_COLUMNS};
use crate::accounts::api::shared::Decision;
use crate::db::Tx;
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::outbox::enqueue_mail;
use crate::settings::{self, PRE_MODERATION};
use crate::state::AppState;

/// Whether this person's publication has to wait for the staff.
pub async fn must_wait(state: &AppState, user: &SessionUser) -> Result<bool, AppError> {
    Ok(user.role == Role::Ente && settings::flag(&state.db, PRE_MODERATION).await?)
}

/// Puts a draft in the queue; false when it is not a draft or already waits.
pub async fn send_to_review(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE activities SET review = 'in_revisione', review_reason = NULL
         WHERE id = $1 AND status = 'bozza' AND review <> 'in_revisione'",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn queue(state: &AppState) -> Result<ReviewQueue, AppError> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE a.review = 'in_revisione' ORDER BY a.created_at, a.id"
    );
    let waiting: Vec<ActivitySummary> = repo::summaries(sqlx::query_as(&sql), &state.db).await?;
    Ok(ReviewQueue {
        pre_moderation: settings::flag(&state.db, PRE_MODERATION).await?,
        waiting,
    })
}

pub async fn set_pre_moderation(
    state: &AppState,
    admin: &SessionUser,
    on: bool,
) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    settings::set_flag(&mut tx, PRE_MODERATION, on).await?;
    let action = if on {
        AuditAction::ReviewOn
    } else {
        AuditAction::ReviewOff
    };
    audit(
        &mut tx,
        admin.id,
        action,
        None,
        "corsi e incontri degli enti",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes or rejects a waiting activity, tells its publisher and writes the audit log.
pub async fn decide(
    state: &AppState,
    staff: &SessionUser,
    id: i64,
    decision: Decision,
) -> Result<(), AppError> {
    let (approve, reason) = match decision {
        Decision::Approve(reason) => (true, reason),
        Decision::Reject(reason) => (false, reason),
    };
    let (status, review) = if approve {
        (Status::Pubblicato, Review::Approved)
    } else {
        (Status::Bozza, Review::Rejected)
    };
    let mut tx = state.db.begin_write().await?;
    let publisher: Option<(Option<i64>, String)> = sqlx::query_as(
        "UPDATE activities SET status = $1, review = $2, review_reason = $3
         WHERE id = $4 AND review = 'in_revisione' RETURNING publisher_id, title",
    )
    .bind(status.code())
    .bind(review.code())
    .bind(&reason)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((publisher, title)) = publisher else {
        return Err(crate::conflict!(this_activity_is_no));
    };
    if let Some((name, email)) = match publisher {
        Some(user) => repo::contact(&mut *tx, user).await?,
        None => None,
    } {
        let link = format!("{}/organizza/{id}", state.config.public_url);
        let language = crate::kernel::mail_text::language_of(&mut tx, publisher).await?;
        let crate::kernel::mail_text::Mail { subject, body } =
            super::mail::reviewed(language, &name, &title, approve, &reason, &link);
        enqueue_mail(&mut tx, publisher, &email, &subject, &body).await?;
    }
    let action = if approve {
        AuditAction::ActivityApproved
    } else {
        AuditAction::ActivityRejected
    };
    audit(&mut tx, staff.id, action, Some(id), &reason).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}
