//! Email: the messages the portal sends (Italian), and the worker that
//! delivers the outbox over SMTP with lettre, retrying what fails.

use crate::config::{SmtpConfig, SmtpTls};
use crate::db::Db;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

pub fn verification_email(name: &str, link: &str) -> (String, String) {
    (
        "Conferma il tuo indirizzo email".into(),
        format!(
            "Ciao {name},\n\ngrazie per esserti registrato su InfoLavoro, il portale della Rete per il Lavoro della Spezia.\n\nPer confermare il tuo indirizzo email apri questo collegamento (vale 48 ore):\n{link}\n\nSe non hai chiesto tu la registrazione, ignora questo messaggio.\n\nSportello InfoLavoro\ninfolavoro@comune.sp.it\n"
        ),
    )
}

pub fn reset_email(name: &str, link: &str) -> (String, String) {
    (
        "Reimposta la tua password".into(),
        format!(
            "Ciao {name},\n\nabbiamo ricevuto una richiesta per reimpostare la password del tuo account InfoLavoro.\n\nApri questo collegamento entro un'ora per sceglierne una nuova (funziona una sola volta):\n{link}\n\nSe non l'hai chiesto tu, ignora questo messaggio: la password resta quella di prima.\n\nSportello InfoLavoro\ninfolavoro@comune.sp.it\n"
        ),
    )
}

pub fn decision_email(name: &str, approved: bool, reason: &str) -> (String, String) {
    if approved {
        (
            "Il tuo account è stato verificato".into(),
            format!("Ciao {name},\n\nlo Sportello InfoLavoro ha verificato il tuo account: ora puoi usare l'area riservata del portale.\n\n{reason}\n\nSportello InfoLavoro\n"),
        )
    } else {
        (
            "Il tuo account non è stato approvato".into(),
            format!("Ciao {name},\n\nlo Sportello InfoLavoro non ha potuto approvare il tuo account, per questo motivo:\n\n{reason}\n\nPer chiarimenti scrivi a infolavoro@comune.sp.it.\n\nSportello InfoLavoro\n"),
        )
    }
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
    .bind(super::tokens::now())
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
                    .bind(super::tokens::now())
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
