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

/// id, recipient, subject, body, attachment name, attachment.
type Pending = (i64, String, String, String, Option<String>, Option<String>);

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

/// Sends what waits in the outbox; returns how many messages went out.
pub async fn deliver_pending(db: &Db, smtp: &SmtpConfig) -> Result<usize, sqlx::Error> {
    let pending: Vec<Pending> = sqlx::query_as(
        // Mail with a link (verification, reset, invitation) first, never
        // behind a digest's bulk; mail whose link has expired, never.
        "SELECT id, recipient, subject, body, attachment_name, attachment FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 AND (expires_at IS NULL OR expires_at > $1) \
         ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, id LIMIT 50",
    )
    .bind(crate::kernel::clock::now())
    .fetch_all(db.pool())
    .await?;
    if pending.is_empty() {
        return Ok(0);
    }
    let mailer = match transport(smtp) {
        Ok(mailer) => mailer,
        Err(error) => {
            tracing::error!(%error, "SMTP settings are not usable");
            return Ok(0);
        }
    };
    let from: Option<Mailbox> = smtp.from.parse().ok();
    let mut sent = 0;
    for (id, recipient, subject, body, attachment_name, attachment) in pending {
        let outcome = match (&from, recipient.parse::<Mailbox>()) {
            (Some(from), Ok(to)) => match build_message(
                from.clone(),
                to,
                subject,
                body,
                attachment_name.zip(attachment),
            ) {
                Ok(message) => mailer
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            },
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
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(id, %error, "email not delivered, will retry");
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2",
                )
                .bind(error)
                .bind(id)
                .execute(db.pool())
                .await?;
            }
        }
    }
    Ok(sent)
}

/// Runs for the life of the server: delivers at once when woken (a message
/// was queued), and every few seconds anyway, to retry failures.
pub async fn run_outbox_worker(db: Db, smtp: SmtpConfig, wake: Arc<Notify>) {
    loop {
        if let Err(error) = deliver_pending(&db, &smtp).await {
            tracing::error!(%error, "outbox worker: database error");
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}
