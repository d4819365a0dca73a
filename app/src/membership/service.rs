//! What the membership's server functions do once the caller is authorised.
//! Each decision and its email are written in one transaction, with the audit entry.

use super::domain::{AdhesionInput, AdhesionKind, AdhesionQueue, AdhesionStatus, Invitation};
use super::mail;
use super::repo::{self, NewAdhesion};
use crate::accounts::api::shared::{self as accounts, NewUser};
use crate::accounts::domain::{parse_name, Email, NewPassword, PRIVACY_NOTICE_VERSION};
use crate::db::Tx;
use crate::error::AppError;
use crate::kernel::access::domain::{AccountStatus, Role, SessionUser};
use crate::kernel::audit::AuditAction;
use crate::kernel::fields::{text, Problems};
use crate::kernel::mail_text::{language_of, Mail};
use crate::kernel::outbox::{enqueue_link_mail, enqueue_mail};
use crate::kernel::text::slugify;
use crate::network::domain::Category;
use crate::state::AppState;

const INVITATION_VALID_FOR: i64 = 14 * 24 * 3600;

fn phone(value: &str) -> Result<String, AppError> {
    let value = value.trim();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-./()".contains(c));
    if value.is_empty() {
        return Ok(String::new());
    }
    if !allowed || !(6..=15).contains(&digits) {
        return Err(crate::invalid!("contact_phone", write_a_valid_phone));
    }
    Ok(value.to_string())
}

/// Parses the form; a comune must be one of the province's not yet in the network.
/// Who asks to join: (name, category of a body, ISTAT code and mayor of a
/// comune). Refusals go into `p`; the error is the database's.
async fn who(
    state: &AppState,
    kind: AdhesionKind,
    f: &AdhesionInput,
    p: &mut Problems,
) -> Result<Option<Who>, AppError> {
    Ok(match kind {
        AdhesionKind::Ente => {
            let name = p.check(
                parse_name(&f.name, "name", || {
                    crate::invalid!("name", write_the_bodys_name)
                })
                .map_err(AppError::with_status),
            );
            let category = p.check(
                Category::from_code(&f.category)
                    .ok_or_else(|| crate::invalid!("category", choose_the_category_that)),
            );
            let bodies = crate::network::api::shared::list_member_bodies(&state.db).await?;
            if let Some(name) = &name {
                if bodies.iter().any(|b| slugify(&b.name) == slugify(name)) {
                    p.refuse(crate::invalid!("name", this_body_is_already));
                    return Ok(None);
                }
            }
            name.zip(category)
                .map(|(name, category)| (name, Some(category), None, None))
        }
        AdhesionKind::Comune => {
            let comune =
                crate::network::api::shared::comune_by_slug(&state.db, f.comune.trim()).await?;
            let comune = p.check(
                comune
                    .ok_or_else(|| crate::invalid!("comune", choose_the_comune_from))
                    .and_then(|c| {
                        if c.in_network() {
                            Err(crate::invalid!("comune", this_comune_is_already))
                        } else {
                            Ok(c)
                        }
                    }),
            );
            let mayor = p.check(
                parse_name(&f.mayor, "mayor", || {
                    crate::invalid!("mayor", write_the_mayors_name)
                })
                .map_err(AppError::with_status),
            );
            comune.zip(mayor).map(|(comune, mayor)| {
                (
                    format!("Comune di {}", comune.name),
                    None,
                    Some(comune.istat_code),
                    Some(mayor),
                )
            })
        }
    })
}

/// (name, category, comune's ISTAT code, mayor) of a request.
type Who = (String, Option<Category>, Option<String>, Option<String>);

/// Checks every field of a request and answers all its mistakes at once.
pub async fn parse(state: &AppState, f: &AdhesionInput) -> Result<NewAdhesion, AppError> {
    let mut p = Problems::default();
    let kind = p.check(
        AdhesionKind::from_code(&f.kind)
            .ok_or_else(|| crate::invalid!("kind", choose_whether_a_body)),
    );
    let who = match kind {
        Some(kind) => who(state, kind, f, &mut p).await?,
        None => None,
    };
    let contact_name = p.check(
        parse_name(&f.contact_name, "contact_name", || {
            crate::invalid!("contact_name", write_the_full_name)
        })
        .map_err(AppError::with_status),
    );
    let contact_email = p.check(Email::parse(&f.contact_email).map_err(|e| match e {
        AppError::Validation { key, message, .. } => {
            AppError::validation("contact_email", &key, message)
        }
        other => other,
    }));
    let contact_phone = p.check(phone(&f.contact_phone));
    let reason = p.check(text("reason", &f.reason, 20, 2000));
    if f.protocol != "on" && f.protocol != "true" {
        p.refuse(crate::invalid!("protocol", to_join_you_must));
    }
    p.finish()?;
    let (
        Some(kind),
        Some((name, category, comune_istat, mayor)),
        Some(contact_name),
        Some(contact_email),
        Some(contact_phone),
        Some(reason),
    ) = (
        kind,
        who,
        contact_name,
        contact_email,
        contact_phone,
        reason,
    )
    else {
        // `finish` answered every missing value's refusal above.
        return Err(AppError::Internal);
    };
    let contact_email = contact_email.as_str().to_string();
    Ok(NewAdhesion {
        kind,
        name,
        category,
        comune_istat,
        mayor,
        contact_name,
        contact_email,
        contact_phone,
        reason,
        language: crate::i18n_switch::request_locale().into(),
    })
}

/// Records the request, tells the contact it arrived and the admins it waits.
pub async fn submit(state: &AppState, request: NewAdhesion) -> Result<i64, AppError> {
    if repo::already_waiting(&state.db, &request).await? {
        return Err(crate::conflict!(a_request_for_this));
    }
    let admins = repo::admin_emails(&state.db).await?;
    let mut tx = state.db.begin_write().await?;
    let id = repo::insert_request(&mut tx, &request).await?;
    let Mail { subject, body } =
        mail::received(request.language, &request.contact_name, &request.name);
    if crate::kernel::mail_limits::recipient_has_room(&mut tx, &request.contact_email).await? {
        enqueue_mail(&mut tx, None, &request.contact_email, &subject, &body).await?;
    }
    let link = format!("{}/staff/adesioni", state.config.public_url);
    for (admin_id, email) in &admins {
        let language = language_of(&mut tx, Some(*admin_id)).await?;
        let Mail { subject, body } = mail::new_request_for_admin(language, &request.name, &link);
        enqueue_mail(&mut tx, Some(*admin_id), email, &subject, &body).await?;
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(id)
}

pub async fn queue(state: &AppState) -> Result<AdhesionQueue, AppError> {
    let (waiting, decided) = repo::queue(&state.db).await?;
    Ok(AdhesionQueue { waiting, decided })
}

/// Approves (the body or comune joins, the body's contact is invited) or rejects, with the reason.
pub async fn decide(
    state: &AppState,
    admin: &SessionUser,
    id: i64,
    decision: crate::accounts::api::shared::Decision,
) -> Result<(), AppError> {
    use crate::accounts::api::shared::Decision;
    let (approve, reason) = match decision {
        Decision::Approve(reason) => (true, reason),
        Decision::Reject(reason) => (false, reason),
    };
    let mut tx = state.db.begin_write().await?;
    let Some(waiting) = repo::waiting_request(&mut tx, id).await? else {
        return Err(crate::conflict!(this_request_has_already));
    };
    let status = if approve {
        AdhesionStatus::Approved
    } else {
        AdhesionStatus::Rejected
    };
    repo::decide(&mut tx, id, status, &reason, admin.id).await?;
    let (request, _, language) = &waiting;
    let to = request.contact_email.as_str();
    if approve {
        let (mail, expires) = join(&mut tx, state, &waiting, &reason).await?;
        match expires {
            Some(expires) => {
                enqueue_link_mail(&mut tx, None, to, &mail.subject, &mail.body, expires).await?
            }
            None => enqueue_mail(&mut tx, None, to, &mail.subject, &mail.body).await?,
        }
    } else {
        let mail = mail::rejected(*language, &request.contact_name, &request.name, &reason);
        enqueue_mail(&mut tx, None, to, &mail.subject, &mail.body).await?;
    }
    let action = if approve {
        AuditAction::AdhesionApproved
    } else {
        AuditAction::AdhesionRejected
    };
    crate::kernel::audit::repo::audit(&mut tx, admin.id, action, Some(id), &reason).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// The approved body or comune joins the network: the contact's email, and
/// when it carries the body's single-use invitation, the link's expiry.
async fn join(
    tx: &mut Tx,
    state: &AppState,
    (request, istat, language): &repo::Waiting,
    reason: &str,
) -> Result<(Mail, Option<i64>), AppError> {
    let (contact, name) = (&request.contact_name, &request.name);
    match (
        request.kind,
        request.category,
        istat.as_deref(),
        request.mayor.as_deref(),
    ) {
        (AdhesionKind::Ente, Some(category), _, _) => {
            if !repo::add_member_body(tx, name, &slugify(name), category).await? {
                return Err(crate::conflict!(a_body_with_this));
            }
            let to = &request.contact_email;
            let secret = repo::create_invitation(tx, request.id, to, INVITATION_VALID_FOR).await?;
            let link = format!("{}/invito?token={secret}", state.config.public_url);
            let expires = crate::kernel::clock::now() + INVITATION_VALID_FOR;
            let mail = mail::approved(*language, contact, name, reason, Some(&link));
            Ok((mail, Some(expires)))
        }
        (AdhesionKind::Comune, _, Some(istat), Some(mayor)) => {
            if !repo::add_network_comune(tx, istat, mayor).await? {
                return Err(crate::conflict!(this_comune_is_already_in));
            }
            Ok((mail::approved(*language, contact, name, reason, None), None))
        }
        _ => {
            tracing::error!(
                id = request.id,
                "adhesion request without its category or comune"
            );
            Err(AppError::Internal)
        }
    }
}

pub async fn invitation(state: &AppState, secret: &str) -> Result<Invitation, AppError> {
    repo::invitation(&state.db, secret.trim())
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// Makes the body's `ente` account from an invitation: active and verified at
/// once (the admin's approval was the verification). Returns the new user's id.
pub async fn accept(
    state: &AppState,
    secret: &str,
    display_name: &str,
    password: &str,
    privacy: &str,
) -> Result<i64, AppError> {
    let invitation = invitation(state, secret)
        .await
        .map_err(|_| crate::invalid!("token", the_invitation_is_not))?;
    let display_name = parse_name(display_name, "display_name", || {
        crate::invalid!("display_name", write_your_first_and)
    })
    .map_err(AppError::with_status)?;
    let password = NewPassword::parse(password, "password").map_err(AppError::with_status)?;
    if privacy != "on" && privacy != "true" {
        return Err(crate::invalid!("privacy", to_create_the_account));
    }
    let hash = state.hasher.hash(&password, "password").await?;
    let mut tx = state.db.begin_write().await?;
    let Some(request_id) = repo::consume_invitation(&mut tx, secret.trim()).await? else {
        return Err(crate::invalid!("token", this_invitation_has_just));
    };
    let new = NewUser {
        email: &invitation.email,
        desk_istat: None,
        password_hash: Some(&hash),
        display_name: &display_name,
        organisation: Some(&invitation.organisation),
        role: Role::Ente,
        status: AccountStatus::Attivo,
        email_verified: true,
    };
    let Some(user_id) = accounts::insert_user(&mut tx, &new).await? else {
        return Err(crate::conflict!(an_account_with_this));
    };
    let language = crate::i18n_switch::request_locale().into();
    crate::kernel::mail_text::set_language(&mut tx, user_id, language).await?;
    accounts::add_consent(
        &mut tx,
        user_id,
        "informativa_privacy",
        PRIVACY_NOTICE_VERSION,
    )
    .await?;
    crate::kernel::audit::repo::audit(
        &mut tx,
        user_id,
        AuditAction::InvitationAccepted,
        Some(request_id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}
