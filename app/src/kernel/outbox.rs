//! The outbox: email queued in the same transaction as what it tells, then
//! delivered over SMTP with lettre by one worker, retrying what fails.

use crate::config::{SmtpConfig, SmtpTls};
use crate::db::{Db, Tx};
use crate::kernel::clock::now;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Queues an email; the outbox worker delivers it over SMTP.
pub async fn enqueue_mail(
    tx: &mut Tx,
    user_id: Option<i64>,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    enqueue_mail_with(tx, user_id, recipient, subject, body, None).await
}

/// Queues an email carrying a single-use link that stops working at
/// `expires_at`: it goes out before other mail, and not at all once the
/// link has expired (the delivered copy keeps no link, see `mail`).
pub async fn enqueue_link_mail(
    tx: &mut Tx,
    user_id: Option<i64>,
    recipient: &str,
    subject: &str,
    body: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO outbox (user_id, recipient, subject, body, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(user_id)
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(now())
        .bind(expires_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// An attachment: its file name and its text (calendar files are text).
pub type Attachment<'a> = (&'a str, &'a str);

/// Queues an email with an optional attachment.
pub async fn enqueue_mail_with(
    tx: &mut Tx,
    user_id: Option<i64>,
    recipient: &str,
    subject: &str,
    body: &str,
    attachment: Option<Attachment<'_>>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO outbox (user_id, recipient, subject, body, created_at, attachment_name, attachment) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(user_id)
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(now())
        .bind(attachment.map(|a| a.0))
        .bind(attachment.map(|a| a.1))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn transport(
    smtp: &SmtpConfig,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
    let builder = match smtp.tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?,
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
    };
    let builder = builder
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(20)));
    let builder = match (&smtp.username, &smtp.password) {
        (Some(user), Some(password)) => {
            builder.credentials(Credentials::new(user.clone(), password.clone()))
        }
        _ => builder,
    };
    Ok(builder.build())
}

/// id, recipient, subject, body, attachment name, attachment, and when its
/// link expires (for mail that carries one).
type Pending = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn build_message(
    from: Mailbox,
    to: Mailbox,
    subject: String,
    body: String,
    attachment: Option<(String, String)>,
) -> Result<Message, lettre::error::Error> {
    let builder = Message::builder().from(from).to(to).subject(subject);
    let Some((name, content)) = attachment else {
        return builder.body(body);
    };
    // Calendar files go as text/calendar, base64 so that no mail server rewraps their lines.
    let calendar = SinglePart::builder()
        .header(
            ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                .unwrap_or(ContentType::TEXT_PLAIN),
        )
        .header(ContentTransferEncoding::Base64)
        .header(lettre::message::header::ContentDisposition::attachment(
            &name,
        ))
        .body(content.into_bytes());
    builder.multipart(
        MultiPart::mixed()
            .singlepart(SinglePart::plain(body))
            .singlepart(calendar),
    )
}

/// What waits to be delivered: how many messages, and when the oldest was
/// queued (for the metrics: a backlog that grows, or an age that does,
/// means mail is not going out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Backlog {
    pub pending: i64,
    pub oldest_queued_at: Option<i64>,
}

pub async fn backlog(db: &Db) -> Result<Backlog, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest_queued_at FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 AND (expires_at IS NULL OR expires_at > $1)",
    )
    .bind(crate::kernel::clock::now())
    .fetch_one(db.pool())
    .await
}

/// Messages read from the outbox at once.
const BATCH: usize = 50;
/// Messages on their way at once, each over a connection of the transport's
/// pool: a relay takes several, and one slow answer no longer holds the rest.
const PARALLEL: usize = 4;

type Mailer = AsyncSmtpTransport<Tokio1Executor>;

/// Sends what waits in the outbox (one batch); returns how many messages went out.
pub async fn deliver_pending(db: &Db, smtp: &SmtpConfig) -> Result<usize, sqlx::Error> {
    match transport(smtp) {
        Ok(mailer) => Ok(deliver_batch(db, smtp, &mailer).await?.sent),
        Err(error) => {
            tracing::error!(%error, "SMTP settings are not usable");
            Ok(0)
        }
    }
}

struct Batch {
    fetched: usize,
    sent: usize,
}

async fn deliver_batch(db: &Db, smtp: &SmtpConfig, mailer: &Mailer) -> Result<Batch, sqlx::Error> {
    use futures::StreamExt;
    let pending: Vec<Pending> = sqlx::query_as(
        // Mail with a link (verification, reset, invitation) first, never
        // behind a digest's bulk; mail whose link has expired, never.
        "SELECT id, recipient, subject, body, attachment_name, attachment, expires_at FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 AND (expires_at IS NULL OR expires_at > $1) \
         ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, id LIMIT $2",
    )
    .bind(crate::kernel::clock::now())
    .bind(BATCH as i64)
    .fetch_all(db.pool())
    .await?;
    let fetched = pending.len();
    let from: Option<Mailbox> = smtp.from.parse().ok();
    // The links have all gone out before any other message starts: sent in
    // parallel, a batch's messages arrive in any order.
    let (links, others): (Vec<Pending>, Vec<Pending>) =
        pending.into_iter().partition(|message| message.6.is_some());
    let mut sent = 0;
    for group in [links, others] {
        let outcomes: Vec<Result<bool, sqlx::Error>> = futures::stream::iter(group)
            .map(|message| deliver_one(db, mailer, from.clone(), message))
            .buffer_unordered(PARALLEL)
            .collect()
            .await;
        for outcome in outcomes {
            sent += usize::from(outcome?);
        }
    }
    Ok(Batch { fetched, sent })
}

/// Sends one message and records the outcome at once (a crash later in the
/// batch does not send it twice); true when it went out.
async fn deliver_one(
    db: &Db,
    mailer: &Mailer,
    from: Option<Mailbox>,
    (id, recipient, subject, body, attachment_name, attachment, _): Pending,
) -> Result<bool, sqlx::Error> {
    let outcome = match (from, recipient.parse::<Mailbox>()) {
        (Some(from), Ok(to)) => {
            match build_message(from, to, subject, body, attachment_name.zip(attachment)) {
                Ok(message) => mailer
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            }
        }
        (None, _) => Err("MAIL_FROM is not an address".to_string()),
        (_, Err(e)) => Err(e.to_string()),
    };
    match outcome {
        Ok(()) => {
            // What was sent is kept without its text: a copy of a
            // password reset link in a backup must not reset anything.
            sqlx::query("UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL, body = '', attachment = NULL WHERE id = $2")
                .bind(crate::kernel::clock::now())
                .bind(id)
                .execute(db.pool())
                .await?;
            metrics::counter!("outbox_delivered_total").increment(1);
            Ok(true)
        }
        Err(error) => {
            tracing::warn!(id, %error, "email not delivered, will retry");
            sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
                .bind(error)
                .bind(id)
                .execute(db.pool())
                .await?;
            metrics::counter!("outbox_failures_total").increment(1);
            Ok(false)
        }
    }
}

/// Runs for the life of the server: delivers at once when woken (a message
/// was queued), batch after batch while full ones go out, and every few
/// seconds anyway, to retry failures.
pub async fn run_outbox_worker(db: Db, smtp: SmtpConfig, wake: Arc<Notify>) {
    // One transport for the worker's life: its pool keeps connections open
    // from one batch to the next.
    let mailer = match transport(&smtp) {
        Ok(mailer) => mailer,
        Err(error) => {
            tracing::error!(%error, "SMTP settings are not usable: no email will be sent");
            return std::future::pending().await;
        }
    };
    loop {
        let more = match deliver_batch(&db, &smtp, &mailer).await {
            // A full batch that went out: more may wait. One that failed
            // waits for the next round, so failures do not spin.
            Ok(batch) => {
                crate::kernel::heartbeat::round_succeeded("outbox");
                batch.fetched == BATCH && batch.sent > 0
            }
            Err(error) => {
                tracing::error!(%error, "outbox worker: database error");
                false
            }
        };
        if more {
            continue;
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}
