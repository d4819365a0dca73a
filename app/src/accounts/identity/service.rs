//! Signing in through a provider: the trip out, the return, the first
//! sign-in's account (after consent) or link (after the password), the
//! person's identities, and the provider's part of signing out.

use super::repo::{self, Pending};
use super::settings::ProviderSettings;
use crate::accounts::domain::{
    parse_fiscal_code, Email, LinkedIdentity, PendingIdentity, ProviderKind, SignInFailure,
    PRIVACY_NOTICE_VERSION,
};
use crate::error::AppError;
use crate::kernel::access::domain::{AccountStatus, Role, SessionUser};
use crate::kernel::access::sessions;
use crate::state::AppState;

/// The one address every provider sends people back to.
pub const RETURN_PATH: &str = "/accesso/oidc/ritorno";

pub fn redirect_uri(state: &AppState) -> String {
    format!("{}{RETURN_PATH}", state.config.public_url)
}

fn provider<'a>(state: &'a AppState, id: &str) -> Result<&'a ProviderSettings, SignInFailure> {
    state
        .config
        .identity
        .provider(id)
        .ok_or(SignInFailure::UnknownProvider)
}

pub fn kind_of(state: &AppState, id: &str) -> ProviderKind {
    state
        .config
        .identity
        .provider(id)
        .map_or(ProviderKind::Other, |p| p.kind)
}

/// The provider's authorization address, and the secret the browser keeps
/// (a cookie) so that only it can come back with this `state`.
pub async fn start(state: &AppState, provider_id: &str) -> Result<(String, String), SignInFailure> {
    let p = provider(state, provider_id)?;
    let trip = state
        .identity
        .authorization(p, &redirect_uri(state))
        .await?;
    let browser = crate::kernel::secrets::new_secret();
    repo::save_sign_in_request(
        &state.db,
        &trip.state,
        &browser,
        &p.id,
        &trip.pkce_verifier,
        &trip.nonce,
    )
    .await
    .map_err(internal)?;
    Ok((trip.url, browser))
}

/// How a return from a provider ends.
pub enum Returned {
    /// A known person: a session, and the provider that opened it.
    SignedIn { session: String },
    /// A first sign-in: what the provider sent waits for consent.
    FirstTime { pending: String },
}

/// The provider's answer: `code` (or `error`) and `state`.
pub struct Answer {
    pub code: Option<String>,
    pub error: Option<String>,
    pub state: String,
}

pub async fn finish(
    state: &AppState,
    answer: Answer,
    browser: Option<String>,
) -> Result<Returned, SignInFailure> {
    let request = match browser {
        Some(browser) => repo::take_sign_in_request(&state.db, &answer.state, &browser)
            .await
            .map_err(internal)?,
        None => None,
    };
    let Some(request) = request else {
        return Err(SignInFailure::StateInvalid);
    };
    let p = provider(state, &request.provider)?;
    if let Some(error) = answer.error {
        tracing::info!(
            provider = p.id,
            error,
            "the provider returned without a sign-in"
        );
        return Err(SignInFailure::Cancelled);
    }
    let code = answer.code.ok_or(SignInFailure::StateInvalid)?;
    let person = state
        .identity
        .complete(
            p,
            &redirect_uri(state),
            &code,
            request.pkce_verifier,
            &request.nonce,
        )
        .await?;
    let fiscal_code = person.fiscal_code.as_deref().and_then(parse_fiscal_code);
    let known = repo::user_by_subject(&state.db, &p.id, &person.subject)
        .await
        .map_err(internal)?;
    let user = match known {
        Some(user) => Some(user),
        None => match &fiscal_code {
            // The same person through another provider (SPID, then CIE):
            // the fiscal code both certify names the account.
            Some(code) => {
                let mut tx = state.db.begin_write().await.map_err(internal)?;
                let user = repo::user_by_fiscal_code(&mut tx, code)
                    .await
                    .map_err(internal)?;
                if let Some(user) = user {
                    repo::link(&mut tx, user, &p.id, &person.subject, Some(code))
                        .await
                        .map_err(internal)?;
                }
                tx.commit().await.map_err(internal)?;
                user
            }
            None => None,
        },
    };
    match user {
        Some(user) => {
            let session = open_session(state, user, &p.id, &person.id_token).await?;
            Ok(Returned::SignedIn { session })
        }
        None => {
            let pending = crate::kernel::secrets::new_secret();
            repo::save_pending(&state.db, &pending, &p.id, &person, fiscal_code.as_deref())
                .await
                .map_err(internal)?;
            Ok(Returned::FirstTime { pending })
        }
    }
}

fn internal(error: impl std::fmt::Display) -> SignInFailure {
    tracing::error!(%error, "sign-in through a provider: internal error");
    SignInFailure::Unreachable
}

async fn open_session(
    state: &AppState,
    user: i64,
    provider: &str,
    id_token: &str,
) -> Result<String, SignInFailure> {
    let account = sessions::user_by_id(&state.db, user)
        .await
        .map_err(internal)?;
    if !account.is_some_and(|a| a.status != AccountStatus::Eliminato) {
        return Err(SignInFailure::AccountClosed);
    }
    // A session id fixed before the sign-in is never reused.
    if let Some(old) =
        crate::kernel::cookies::request_cookie(crate::kernel::access::auth::SESSION_COOKIE)
    {
        sessions::delete_session(&state.db, &old)
            .await
            .map_err(internal)?;
    }
    let session = sessions::create_session(&state.db, user)
        .await
        .map_err(internal)?;
    repo::remember_session(&state.db, &session, provider, id_token)
        .await
        .map_err(internal)?;
    Ok(session)
}

/// What the provider sent, for the first sign-in's page.
pub async fn pending_identity(state: &AppState, secret: &str) -> Result<PendingIdentity, AppError> {
    let pending = repo::pending(&state.db, secret)
        .await?
        .ok_or_else(|| crate::invalid!("pending", the_sign_in_has_expired))?;
    let email_taken = match pending.email.as_deref().map(Email::parse) {
        Some(Ok(email)) => sessions::user_by_email(&state.db, email.as_str())
            .await?
            .is_some(),
        _ => false,
    };
    Ok(PendingIdentity {
        provider: kind_of(state, &pending.provider),
        given_name: pending.given_name,
        family_name: pending.family_name,
        email: pending.email,
        fiscal_code: pending.fiscal_code,
        email_taken,
    })
}

/// A citizen's account from what the provider sent, after the privacy
/// consent: no password, the provider's email (taken as confirmed) or the
/// one the person wrote. Returns the new session's secret.
pub async fn create_account(
    state: &AppState,
    secret: &str,
    email: &str,
    privacy: bool,
) -> Result<String, AppError> {
    let expired = || crate::invalid!("pending", the_sign_in_has_expired).with_status();
    let mut p = crate::kernel::fields::Problems::default();
    let shown = repo::pending(&state.db, secret)
        .await?
        .ok_or_else(expired)?;
    let from_provider = shown.email.as_deref().map(str::trim).unwrap_or_default();
    let email = p.check(Email::parse(if from_provider.is_empty() {
        email
    } else {
        from_provider
    }));
    if !privacy {
        p.refuse(crate::invalid!("privacy", to_register_you_must));
    }
    p.finish().map_err(AppError::with_status)?;
    let Some(email) = email else {
        return Err(AppError::Internal);
    };
    let mut tx = state.db.begin_write().await?;
    let pending = repo::take_pending(&mut tx, secret)
        .await?
        .ok_or_else(expired)?;
    let name = display_name(&pending);
    let new = crate::accounts::repo::NewUser {
        email: email.as_str(),
        desk_istat: None,
        password_hash: None,
        display_name: &name,
        organisation: None,
        role: Role::Cittadino,
        status: AccountStatus::Attivo,
        email_verified: !from_provider.is_empty(),
    };
    let Some(user) = crate::accounts::repo::insert_user(&mut tx, &new).await? else {
        return Err(crate::invalid!("email", an_account_already_uses_this).with_status());
    };
    attach(&mut tx, user, &pending).await?;
    crate::accounts::repo::add_consent(
        &mut tx,
        user,
        "informativa_privacy",
        PRIVACY_NOTICE_VERSION,
    )
    .await?;
    crate::kernel::mail_text::set_language(
        &mut tx,
        user,
        crate::i18n_switch::request_locale().into(),
    )
    .await?;
    tx.commit().await?;
    signed_in(state, user, &pending).await
}

/// Links what the provider sent to an existing account, once its password
/// is confirmed (the same limits as the login form).
pub async fn link_account(
    state: &AppState,
    secret: &str,
    email: &str,
    password: &str,
) -> Result<String, AppError> {
    let address = crate::kernel::access::auth::client_address(state);
    let session =
        crate::accounts::service::check_credentials(state, email, password, &address).await?;
    let user = session.id;
    let mut tx = state.db.begin_write().await?;
    let pending = repo::take_pending(&mut tx, secret)
        .await?
        .ok_or_else(|| crate::invalid!("pending", the_sign_in_has_expired).with_status())?;
    attach(&mut tx, user, &pending).await?;
    tx.commit().await?;
    signed_in(state, user, &pending).await
}

/// Links the identity a provider sent to the account, its fiscal code first
/// claimed for it.
async fn attach(tx: &mut crate::db::Tx, user: i64, pending: &Pending) -> Result<(), AppError> {
    claim_fiscal_code(tx, user, pending).await?;
    repo::link(
        tx,
        user,
        &pending.provider,
        &pending.subject,
        pending.fiscal_code.as_deref(),
    )
    .await?;
    Ok(())
}

/// A fiscal code belongs to one account only.
async fn claim_fiscal_code(
    tx: &mut crate::db::Tx,
    user: i64,
    pending: &Pending,
) -> Result<(), AppError> {
    if let Some(code) = &pending.fiscal_code {
        if repo::user_by_fiscal_code(tx, code)
            .await?
            .is_some_and(|owner| owner != user)
        {
            return Err(crate::conflict!(this_fiscal_code_is_already).with_status());
        }
    }
    Ok(())
}

async fn signed_in(state: &AppState, user: i64, pending: &Pending) -> Result<String, AppError> {
    open_session(state, user, &pending.provider, &pending.id_token)
        .await
        .map_err(|failure| {
            if failure == SignInFailure::AccountClosed {
                crate::invalid!("pending", this_account_is_closed).with_status()
            } else {
                AppError::Internal
            }
        })
}

fn display_name(pending: &Pending) -> String {
    let name = [
        pending.given_name.as_deref(),
        pending.family_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|n| !n.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    if name.is_empty() {
        "Cittadino".to_string()
    } else {
        name.chars().take(120).collect()
    }
}

pub async fn identities(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<LinkedIdentity>, AppError> {
    Ok(repo::identities_of(&state.db, user.id, |id| kind_of(state, id)).await?)
}

/// Unlinks an identity; the last one of an account without a password stays,
/// or the person could no longer sign in.
pub async fn unlink(state: &AppState, user: &SessionUser, identity: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let last = repo::count_identities(&mut tx, user.id).await? <= 1;
    if last && !repo::has_password(&mut tx, user.id).await? {
        return Err(crate::conflict!(this_is_the_only_way).with_status());
    }
    if !repo::unlink(&mut tx, user.id, identity).await? {
        return Err(AppError::NotFound.with_status());
    }
    tx.commit().await?;
    Ok(())
}

/// Where the browser goes after the portal's session ends: the provider's
/// logout when the session was opened there and the provider offers it.
pub async fn provider_logout(state: &AppState, session: &str) -> Option<String> {
    let (provider, id_token) = repo::session_identity(&state.db, session).await.ok()??;
    let p = state.config.identity.provider(&provider)?;
    let back = format!("{}/", state.config.public_url);
    state.identity.logout_url(p, &id_token, &back).await
}

/// Whether an account of this role may sign in with its password: always
/// when the settings allow the role, else only until an identity is linked.
pub async fn password_allowed(state: &AppState, user: &SessionUser) -> Result<bool, AppError> {
    if state.config.identity.password_allowed(user.role) {
        return Ok(true);
    }
    Ok(
        repo::identities_of(&state.db, user.id, |_| ProviderKind::Other)
            .await?
            .is_empty(),
    )
}
