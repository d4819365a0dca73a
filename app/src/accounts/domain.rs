//! Accounts as both sides see them: roles, statuses, and the parsed forms of
//! what people type (email, password), each with its Italian error message.

use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use serde::{Deserialize, Serialize};

/// An email address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, AppError> {
        let email = raw.trim().to_lowercase();
        let invalid = || crate::invalid!("email", write_a_valid_email);
        if email.is_empty() {
            return Err(crate::invalid!("email", write_your_email_address));
        }
        let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
        let plausible = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if plausible {
            Ok(Email(email))
        } else {
            Err(invalid())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// A password that meets the policy's length rule (counted in characters).
/// Whether it is a common one is checked on the server, against the list.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(raw: &str, field: &str) -> Result<NewPassword, AppError> {
        let length = raw.chars().count();
        if length < PASSWORD_MIN {
            return Err(crate::invalid!(
                field,
                password_too_short,
                min = PASSWORD_MIN
            ));
        }
        if length > PASSWORD_MAX {
            return Err(crate::invalid!(
                field,
                password_too_long,
                max = PASSWORD_MAX
            ));
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A name or organisation as typed: trimmed, 2 to 120 characters.
pub fn parse_name(
    raw: &str,
    field: &str,
    missing: impl FnOnce() -> AppError,
) -> Result<String, AppError> {
    let name = raw.trim();
    let length = name.chars().count();
    if length < 2 {
        return Err(missing());
    }
    if length > 120 || name.chars().any(char::is_control) {
        return Err(crate::invalid!(field, the_text_is_too));
    }
    Ok(name.to_string())
}

/// The version of the privacy notice people accept when registering.
pub const PRIVACY_NOTICE_VERSION: &str = "privacy-v1-2026-11-25";

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: AppError) -> String {
        match e {
            AppError::Validation { field, .. } => field,
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Mario.Rossi@Esempio.IT ").unwrap().as_str(),
            "mario.rossi@esempio.it"
        );
        for bad in [
            "",
            "mario",
            "mario@",
            "@esempio.it",
            "mario@esempio",
            "ma rio@esempio.it",
            "a@b@c.it",
        ] {
            assert_eq!(field_of(Email::parse(bad).unwrap_err()), "email", "{bad:?}");
        }
    }

    #[test]
    fn passwords_are_long_but_not_endless() {
        assert!(NewPassword::parse("corto", "password").is_err());
        assert!(NewPassword::parse("undici-car", "password").is_err());
        assert!(
            NewPassword::parse("àèìòù àèìòù!", "password").is_ok(),
            "characters, not bytes"
        );
        assert!(NewPassword::parse(&"x".repeat(129), "password").is_err());
        assert_eq!(
            field_of(NewPassword::parse("corto", "nuova_password").unwrap_err()),
            "nuova_password"
        );
        assert_eq!(
            format!(
                "{:?}",
                NewPassword::parse("una frase segreta", "p").unwrap()
            ),
            "NewPassword(***)"
        );
    }

    #[test]
    fn only_businesses_and_bodies_wait_for_verification() {
        assert!(Role::Impresa.needs_verification() && Role::Ente.needs_verification());
        assert!(!Role::Cittadino.needs_verification());
        assert!(!Role::Operatore.self_service() && !Role::Admin.self_service());
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
    }
}

/// A consent given: to what, which text, when (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub purpose: String,
    pub text_version: String,
    pub given_at: i64,
    /// When the person took it back (a CV made invisible again).
    pub withdrawn_at: Option<i64>,
}

/// A business or body waiting for verification, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAccount {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation: String,
    pub role: Role,
    pub created_at: i64,
}

/// My area: who I am and what I agreed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub user: SessionUser,
    pub consents: Vec<Consent>,
}

crate::code_list! {
    /// Which identity system a provider is, for its button (AgID's wording).
    pub enum ProviderKind in PROVIDER_KINDS {
        Spid = "spid" => identity.sign_in_with_spid,
        Cie = "cie" => identity.sign_in_with_cie,
        Other = "altro" => identity.sign_in_with_other,
    }
}

crate::code_list! {
    /// Why a sign-in at a provider did not end in a session: each its own
    /// page text, never the provider's or the library's words.
    pub enum SignInFailure in SIGN_IN_FAILURES {
        Cancelled = "annullato" => identity.failure_cancelled,
        StateInvalid = "richiesta_non_valida" => identity.failure_state,
        TokenInvalid = "token_non_valido" => identity.failure_token,
        LevelTooLow = "livello_insufficiente" => identity.failure_level,
        Unreachable = "gestore_non_raggiungibile" => identity.failure_unreachable,
        FiscalCodeTaken = "codice_fiscale_collegato" => identity.failure_fiscal_code_taken,
        AccountClosed = "account_non_attivo" => identity.failure_account_closed,
        UnknownProvider = "gestore_sconosciuto" => identity.failure_unknown_provider,
    }
}

/// A sign-in button on `/accesso` and `/registrazione`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderButton {
    pub id: String,
    pub kind: ProviderKind,
}

/// What a provider sent about a person signing in for the first time, shown
/// before an account is made from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingIdentity {
    pub provider: ProviderKind,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<String>,
    pub fiscal_code: Option<String>,
    /// An account already has the provider's email: link, do not create.
    pub email_taken: bool,
}

/// An identity linked to the signed-in person's account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    pub id: i64,
    pub provider: ProviderKind,
    pub provider_id: String,
    pub fiscal_code: Option<String>,
    pub linked_at: i64,
}

/// `TINIT-RSSMRA80A01E463K` (SPID's form) or the bare code → the code, upper
/// case; `None` for anything that is not 16 letters and digits.
pub fn parse_fiscal_code(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let code = raw
        .strip_prefix("TINIT-")
        .or_else(|| raw.strip_prefix("tinit-"))
        .unwrap_or(raw)
        .to_ascii_uppercase();
    (code.len() == 16 && code.chars().all(|c| c.is_ascii_alphanumeric())).then_some(code)
}

#[cfg(test)]
mod identity_tests {
    use super::parse_fiscal_code;

    #[test]
    fn spids_prefixed_fiscal_code_is_read_as_the_code() {
        assert_eq!(
            parse_fiscal_code("TINIT-RSSMRA80A01E463K").as_deref(),
            Some("RSSMRA80A01E463K")
        );
        assert_eq!(
            parse_fiscal_code("rssmra80a01e463k").as_deref(),
            Some("RSSMRA80A01E463K")
        );
        assert_eq!(parse_fiscal_code("TINIT-123"), None);
        assert_eq!(parse_fiscal_code("RSSMRA80A01E463K; DROP"), None);
    }
}
