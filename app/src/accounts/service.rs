//! What the account server functions do, once the caller is authorised:
//! each step in a write transaction where it writes, emails queued in the same
//! transaction (so a message is sent exactly when its change is saved).

use super::domain::{parse_name, Email, NewPassword, PendingAccount, PRIVACY_NOTICE_VERSION};
use super::mail;
use super::repo::{self, NewUser, RESET_PASSWORD, VERIFY_EMAIL};
use crate::error::AppError;
use crate::kernel::access::domain::{AccountStatus, Role, SessionUser};
use crate::kernel::audit::AuditAction;
use crate::kernel::fields::Problems;
use crate::kernel::mail_text::{language_at, language_of, set_language, Language, Mail};
use crate::state::AppState;

/// Failed logins that count, and how many are free before each further
/// attempt must wait: for one account from one address (someone guessing
/// one password), and from one address over all accounts (a spray). The
/// rightful owner, from anywhere else, is never locked out.
pub const LOGIN_WINDOW: i64 = 15 * 60;
pub const PAIR_FREE_FAILURES: i64 = 5;
pub const ADDRESS_FREE_FAILURES: i64 = 100;

/// Seconds to wait after the last failure: none while failures are free,
/// then 30 s doubling with each further failure, at most 15 minutes.
pub fn login_wait(failures: i64, free: i64) -> i64 {
    if failures < free {
        0
    } else {
        (30_i64 << (failures - free).min(5)).min(900)
    }
}
const VERIFY_VALID_FOR: i64 = 48 * 3600;
const RESET_VALID_FOR: i64 = 3600;

fn fail(error: AppError) -> AppError {
    error.with_status()
}

pub struct Registration {
    role: Role,
    email: Email,
    password: NewPassword,
    display_name: String,
    organisation: Option<String>,
    /// The page's language when registering: the account's email comes in it.
    language: Language,
}

impl Registration {
    pub fn parse(
        role: &str,
        email: &str,
        password: &str,
        display_name: &str,
        organisation: &str,
        privacy: &str,
    ) -> Result<Registration, AppError> {
        // Every field is checked, and every mistake answered at once.
        let mut p = Problems::default();
        let role = p.check(
            Role::from_code(role)
                .filter(|r| r.self_service())
                .ok_or_else(|| crate::invalid!("role", choose_whether_you_register)),
        );
        let display_name = p.check(parse_name(display_name, "display_name", || {
            crate::invalid!("display_name", write_your_first_and)
        }));
        let organisation = if role.is_some_and(Role::needs_verification) {
            p.check(parse_name(organisation, "organisation", || {
                crate::invalid!("organisation", write_the_name_of)
            }))
            .map(Some)
        } else {
            Some(None)
        };
        let email = p.check(Email::parse(email));
        let password = p.check(NewPassword::parse(password, "password"));
        if privacy != "on" && privacy != "true" {
            p.refuse(crate::invalid!("privacy", to_register_you_must));
        }
        p.finish().map_err(fail)?;
        let (Some(role), Some(display_name), Some(organisation), Some(email), Some(password)) =
            (role, display_name, organisation, email, password)
        else {
            // `finish` answered every missing value's refusal above.
            return Err(AppError::Internal);
        };
        Ok(Registration {
            role,
            email,
            password,
            display_name,
            organisation,
            language: crate::i18n_switch::request_locale().into(),
        })
    }
}

fn link(state: &AppState, path: &str, token: &str) -> String {
    format!("{}{path}?token={token}", state.config.public_url)
}

pub async fn register(state: &AppState, form: Registration) -> Result<(), AppError> {
    if !state.config.identity.password_allowed(form.role) {
        return Err(fail(crate::invalid!("role", citizens_register_with_spid)));
    }
    let hash = state
        .hasher
        .hash(&form.password, "password")
        .await
        .map_err(fail)?;
    let status = if form.role.needs_verification() {
        AccountStatus::InAttesa
    } else {
        AccountStatus::Attivo
    };
    let mut tx = state.db.begin_write().await?;
    let new = NewUser {
        email: form.email.as_str(),
        desk_istat: None,
        password_hash: Some(&hash),
        display_name: &form.display_name,
        organisation: form.organisation.as_deref(),
        role: form.role,
        status,
        email_verified: false,
    };
    let room = crate::kernel::mail_limits::recipient_has_room(&mut tx, form.email.as_str()).await?;
    match repo::insert_user(&mut tx, &new).await? {
        // A new person's confirmation: unless the address has had its share.
        Some(id) => {
            repo::add_consent(&mut tx, id, "informativa_privacy", PRIVACY_NOTICE_VERSION).await?;
            set_language(&mut tx, id, form.language).await?;
            let token = repo::create_token(&mut tx, id, VERIFY_EMAIL, VERIFY_VALID_FOR).await?;
            let Mail { subject, body } = mail::verification_email(
                form.language,
                &form.display_name,
                &link(state, "/verifica-email", &token),
            );
            let expires = crate::kernel::clock::now() + VERIFY_VALID_FOR;
            if room {
                let to = form.email.as_str();
                crate::kernel::outbox::enqueue_link_mail(
                    &mut tx,
                    Some(id),
                    to,
                    &subject,
                    &body,
                    expires,
                )
                .await?;
            }
        }
        None if !room => {}
        None => {
            // The address is taken. Saying so would tell anyone who has an
            // account here; the owner is told by email instead, in their language.
            let owner = language_at(&mut tx, form.email.as_str()).await?;
            let Mail { subject, body } = mail::already_registered_email(owner);
            crate::kernel::outbox::enqueue_mail(
                &mut tx,
                None,
                form.email.as_str(),
                &subject,
                &body,
            )
            .await?;
        }
    }
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

pub async fn verify_email(state: &AppState, token: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let Some(user_id) = repo::consume_token(&mut tx, token.trim(), VERIFY_EMAIL).await? else {
        return Err(fail(crate::invalid!("token", the_link_is_not)));
    };
    repo::mark_email_verified(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Returns the secret of a new session. The same message for an unknown
/// email and a wrong password; a growing wait after repeated failures from
/// the same address (see `login_wait`). Roles the settings keep to SPID/CIE
/// sign in with a password only until they link an identity.
pub async fn log_in(
    state: &AppState,
    email: &str,
    password: &str,
    address: &str,
) -> Result<String, AppError> {
    let user = check_credentials(state, email, password, address).await?;
    if !super::identity::service::password_allowed(state, &user).await? {
        return Err(fail(crate::invalid!("password", sign_in_with_spid_or)));
    }
    // A new session at every login: a session id fixed before login is never reused.
    if let Some(old) =
        crate::kernel::cookies::request_cookie(crate::kernel::access::auth::SESSION_COOKIE)
    {
        crate::kernel::access::sessions::delete_session(&state.db, &old).await?;
    }
    Ok(crate::kernel::access::sessions::create_session(&state.db, user.id).await?)
}

/// The account whose email and password these are, under the login limits.
pub async fn check_credentials(
    state: &AppState,
    email: &str,
    password: &str,
    address: &str,
) -> Result<SessionUser, AppError> {
    let wrong = || fail(crate::invalid!("password", wrong_email_or_password));
    let email = Email::parse(email).map_err(|_| wrong())?;
    let keys = [
        format!("pair:{}|{address}", email.as_str()),
        format!("ip:{address}"),
    ];
    let since = crate::kernel::clock::now() - LOGIN_WINDOW;
    let mut wait = 0;
    for (key, free) in keys.iter().zip([PAIR_FREE_FAILURES, ADDRESS_FREE_FAILURES]) {
        let (failures, last) =
            crate::kernel::attempts::attempts_since(&state.db, key, since).await?;
        wait = wait.max(last + login_wait(failures, free) - crate::kernel::clock::now());
    }
    if wait > 0 {
        let refusal = if wait < 60 {
            crate::invalid!("password", login_wait_seconds, seconds = wait)
        } else {
            crate::invalid!("password", login_wait_minutes, minutes = (wait + 59) / 60)
        };
        return Err(fail(refusal));
    }
    let found = crate::kernel::access::sessions::user_by_email(&state.db, email.as_str()).await?;
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, None),
    };
    if !state.hasher.verify(password, hash).await? {
        crate::kernel::attempts::record_attempt(&state.db, &keys).await?;
        return Err(wrong());
    }
    let user = user.ok_or_else(wrong)?;
    if !user.email_verified {
        return Err(fail(crate::invalid!("email", before_signing_in_confirm)));
    }
    crate::kernel::attempts::clear_failures(&state.db, &keys[0]).await?;
    Ok(user)
}

pub async fn request_password_reset(state: &AppState, email: &str) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(fail)?;
    // Same answer whether or not the account exists.
    if let Some((user, _)) =
        crate::kernel::access::sessions::user_by_email(&state.db, email.as_str()).await?
    {
        let mut tx = state.db.begin_write().await?;
        if !crate::kernel::mail_limits::recipient_has_room(&mut tx, email.as_str()).await? {
            return Ok(());
        }
        let token = repo::create_token(&mut tx, user.id, RESET_PASSWORD, RESET_VALID_FOR).await?;
        let Mail { subject, body } = mail::reset_email(
            language_of(&mut tx, Some(user.id)).await?,
            &user.display_name,
            &link(state, "/reimposta-password", &token),
        );
        let expires = crate::kernel::clock::now() + RESET_VALID_FOR;
        crate::kernel::outbox::enqueue_link_mail(
            &mut tx,
            Some(user.id),
            email.as_str(),
            &subject,
            &body,
            expires,
        )
        .await?;
        tx.commit().await?;
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

pub async fn reset_password(state: &AppState, token: &str, password: &str) -> Result<(), AppError> {
    // The new password is checked first: a refused one leaves the link usable.
    let password = NewPassword::parse(password, "password").map_err(fail)?;
    let hash = state
        .hasher
        .hash(&password, "password")
        .await
        .map_err(fail)?;
    let mut tx = state.db.begin_write().await?;
    let Some(user_id) = repo::consume_token(&mut tx, token.trim(), RESET_PASSWORD).await? else {
        return Err(fail(crate::invalid!("token", the_link_is_not_valid)));
    };
    repo::set_password(&mut tx, user_id, &hash).await?;
    repo::end_tokens(&mut tx, user_id, RESET_PASSWORD).await?;
    // Following an emailed link proves the address too.
    repo::mark_email_verified(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks the signed-in person's password before an irreversible step
/// (erasing the account).
pub async fn confirm_password(
    state: &AppState,
    user: &SessionUser,
    password: &str,
) -> Result<(), AppError> {
    let hash = crate::kernel::access::sessions::user_by_email(&state.db, &user.email)
        .await?
        .and_then(|(_, hash)| hash);
    if !state.hasher.verify(password, hash).await? {
        return Err(fail(crate::invalid!("password", the_password_is_not)));
    }
    Ok(())
}

pub async fn pending_accounts(
    state: &AppState,
    staff: &SessionUser,
) -> Result<Vec<PendingAccount>, AppError> {
    let pending = repo::pending_accounts(&state.db).await?;
    // Opening the queue shows personal data: that is a staff action too.
    let mut tx = state.db.begin_write().await?;
    crate::kernel::audit::repo::audit(
        &mut tx,
        staff.id,
        AuditAction::QueueViewed,
        None,
        &format!("{} richieste in attesa", pending.len()),
    )
    .await?;
    tx.commit().await?;
    Ok(pending)
}

pub enum Decision {
    Approve(String),
    Reject(String),
}

impl Decision {
    pub fn parse(decision: &str, reason: &str) -> Result<Decision, AppError> {
        let reason = reason.trim().to_string();
        if reason.chars().count() > 1000 {
            return Err(fail(crate::invalid!("reason", the_reason_can_have)));
        }
        match decision {
            "approva" => Ok(Decision::Approve(reason)),
            "respingi" if reason.chars().count() >= 5 => Ok(Decision::Reject(reason)),
            "respingi" => Err(fail(crate::invalid!("reason", explain_the_reason_whoever))),
            _ => Err(fail(crate::invalid!("decision", choose_whether_to_approve))),
        }
    }
}

pub async fn decide(
    state: &AppState,
    staff: &SessionUser,
    account: i64,
    decision: Decision,
) -> Result<(), AppError> {
    let (approve, reason) = match decision {
        Decision::Approve(reason) => (true, reason),
        Decision::Reject(reason) => (false, reason),
    };
    let applicant = crate::kernel::access::sessions::user_by_id(&state.db, account)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let mut tx = state.db.begin_write().await?;
    if !repo::decide_account(&mut tx, account, approve, &reason).await? {
        return Err(fail(crate::conflict!(this_request_has_already_been)));
    }
    let action = if approve {
        AuditAction::AccountApproved
    } else {
        AuditAction::AccountRejected
    };
    crate::kernel::audit::repo::audit(&mut tx, staff.id, action, Some(account), &reason).await?;
    let language = language_of(&mut tx, Some(account)).await?;
    let Mail { subject, body } =
        mail::decision_email(language, &applicant.display_name, approve, &reason);
    crate::kernel::outbox::enqueue_mail(&mut tx, Some(account), &applicant.email, &subject, &body)
        .await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Staff accounts, from the server's `create-admin` and `create-operator`
/// subcommands: active and verified at once, never with a default password.
/// An operator works at the desk of `desk_comune` (a comune's slug).
pub async fn create_staff(
    state: &AppState,
    role: Role,
    email: &str,
    password: &str,
    name: &str,
    desk_comune: Option<&str>,
) -> Result<i64, AppError> {
    let email = Email::parse(email)?;
    let password = NewPassword::parse(password, "password")?;
    let name = parse_name(name, "display_name", || {
        crate::invalid!("display_name", write_the_persons_name)
    })?;
    let desk = match (role, desk_comune) {
        (Role::Operatore, Some(slug)) => Some(
            crate::kernel::geo::place_by_slug(&state.db, slug)
                .await?
                .ok_or_else(|| crate::invalid!("comune", no_such_comune, slug = slug))?
                .istat_code,
        ),
        (Role::Operatore, None) => return Err(crate::invalid!("comune", an_operator_works_at)),
        (Role::Admin, _) => None,
        _ => return Err(crate::invalid!("role", only_operators_and_administrators)),
    };
    let hash = state.hasher.hash(&password, "password").await?;
    let mut tx = state.db.begin_write().await?;
    let new = NewUser {
        email: email.as_str(),
        desk_istat: desk.as_deref(),
        password_hash: Some(&hash),
        display_name: &name,
        organisation: Some("Comune della Spezia"),
        role,
        status: AccountStatus::Attivo,
        email_verified: true,
    };
    let id = repo::insert_user(&mut tx, &new)
        .await?
        .ok_or_else(|| crate::conflict!(an_account_with_this_email))?;
    tx.commit().await?;
    Ok(id)
}
