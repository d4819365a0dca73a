//! The one error type shared by the browser and the server.
//!
//! It crosses the wire as JSON, so it carries only what a user may see: the
//! cause of an `Internal` error is logged on the server (see `error_ssr`) and
//! never serialised.

use crate::i18n::td_string;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// A refusal of one field, its words read from `messages.<key>` in the locale
/// files in the language of the request: `invalid!("email", email_invalid)`,
/// or with the message's placeholders `invalid!("title", at_most, max = 200)`.
#[macro_export]
macro_rules! invalid {
    ($field:expr, $key:ident $(, $arg:ident = $value:expr)* $(,)?) => {
        $crate::error::AppError::validation(
            $field,
            stringify!($key),
            $crate::i18n::td_string!(
                $crate::i18n_switch::request_locale(),
                messages.$key $(, $arg = $value)*
            ),
        )
    };
}

/// A conflict, its words read from `messages.<key>` like `invalid!`.
#[macro_export]
macro_rules! conflict {
    ($key:ident $(, $arg:ident = $value:expr)* $(,)?) => {
        $crate::error::AppError::conflict(
            stringify!($key),
            $crate::i18n::td_string!(
                $crate::i18n_switch::request_locale(),
                messages.$key $(, $arg = $value)*
            ),
        )
    };
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Non trovato")]
    NotFound,
    #[error("Accesso richiesto")]
    Unauthorized,
    #[error("Non autorizzato")]
    Forbidden,
    /// `field` names the form field the message belongs to, so the form can
    /// show it next to that field; `key` is the message's key under
    /// `messages` in the locale files, `message` its text in the language of
    /// the request (see `invalid!`).
    /// `also` holds the other fields refused by the same submission, so
    /// that a form shows every mistake at once (see `kernel::fields::Problems`).
    #[error("{field}: {message}")]
    Validation {
        field: String,
        key: String,
        message: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<FieldProblem>,
    },
    /// The request collides with the state of things (already applied, a
    /// slot just taken); `key` and `message` as for `Validation`.
    #[error("{message}")]
    Conflict { key: String, message: String },
    /// The request does not have the shape the endpoint takes (a missing or
    /// repeated field, a number that is not one): 400. `field` names the
    /// field when the decoder says which; `message` is in the page's language.
    #[error("{field}: {message}")]
    Malformed { field: String, message: String },
    /// The request's body is larger than the endpoint takes: 413.
    #[error("Richiesta troppo grande")]
    TooLarge,
    /// Too many requests of this kind from the caller's address: 429.
    #[error("Troppe richieste")]
    RateLimited,
    /// The server has more work than it can take just now: 503 with a
    /// `Retry-After`, so a burst degrades instead of freezing.
    #[error("Servizio occupato")]
    Busy,
    #[error("Errore interno")]
    Internal,
}

/// One more field refused by the same submission as a `Validation`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub key: String,
    pub message: String,
}

/// Seconds a client is told to wait (`Retry-After`) after `Busy`.
pub const BUSY_RETRY_AFTER: &str = "5";

impl AppError {
    /// A refusal of `field` with the message `key`, already in words: use
    /// `invalid!`, which finds the words in the locale files.
    pub fn validation(field: impl Into<String>, key: &str, message: impl Into<String>) -> Self {
        let error = Self::Validation {
            field: field.into(),
            key: key.to_string(),
            message: message.into(),
            also: Vec::new(),
        };
        #[cfg(feature = "ssr")]
        let error = error.with_status();
        error
    }

    /// A conflict with the message `key`, already in words: use `conflict!`.
    pub fn conflict(key: &str, message: impl Into<String>) -> Self {
        let error = Self::Conflict {
            key: key.to_string(),
            message: message.into(),
        };
        #[cfg(feature = "ssr")]
        let error = error.with_status();
        error
    }

    /// The HTTP status a page or endpoint answers with for this error.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::Malformed { .. } => StatusCode::BAD_REQUEST,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Every (field, message) a refusal names, in the order of the form:
    /// none for an error that is not a refusal of fields.
    pub fn field_problems(&self) -> Vec<(&str, &str)> {
        match self {
            Self::Validation {
                field,
                message,
                also,
                ..
            } => std::iter::once((field.as_str(), message.as_str()))
                .chain(also.iter().map(|p| (p.field.as_str(), p.message.as_str())))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A sentence for the person reading the page, in its language.
    pub fn user_message(&self) -> String {
        let l = crate::i18n_switch::request_locale();
        match self {
            Self::Validation { message, .. }
            | Self::Conflict { message, .. }
            | Self::Malformed { message, .. } => return message.clone(),
            _ => {}
        }
        match self {
            Self::NotFound => td_string!(l, errors.missing),
            Self::Unauthorized => td_string!(l, errors.sign_in_first),
            Self::Forbidden => td_string!(l, errors.forbidden),
            Self::TooLarge => td_string!(l, errors.too_large),
            Self::RateLimited => td_string!(l, errors.rate_limited),
            Self::Busy => td_string!(l, errors.busy),
            _ => return Self::internal_message(l),
        }
        .to_string()
    }

    /// The internal error's sentence; on the server, with the request's id
    /// for the person to quote to the desk.
    fn internal_message(l: crate::i18n::Locale) -> String {
        let sentence = td_string!(l, errors.internal).to_string();
        #[cfg(feature = "ssr")]
        if let Some(id) = crate::kernel::request_id::current() {
            let code = td_string!(l, errors.request_code, id = &id);
            return format!("{sentence} {code}");
        }
        sentence
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // Arguments that do not decode are the caller's mistake, not ours.
        let error = match value {
            ServerFnErrorErr::Args(cause) | ServerFnErrorErr::Deserialization(cause)
                if cause.contains("length limit") =>
            {
                Self::TooLarge
            }
            ServerFnErrorErr::Args(cause) | ServerFnErrorErr::Deserialization(cause) => {
                Self::malformed(named_field(&cause))
            }
            ServerFnErrorErr::MissingArg(field) => Self::malformed(field),
            _ => Self::Internal,
        };
        #[cfg(feature = "ssr")]
        let error = error.with_status();
        error
    }
}

impl AppError {
    /// A request of the wrong shape, with its message in the language of the
    /// page that sent it (the `lingua` cookie; Italian without one).
    pub fn malformed(field: impl Into<String>) -> Self {
        let field = field.into();
        let l = crate::i18n_switch::request_locale();
        let message = if field.is_empty() {
            td_string!(l, errors.malformed).to_string()
        } else {
            td_string!(l, errors.malformed_field, field = &field).to_string()
        };
        Self::Malformed { field, message }
    }
}

/// The field a decoder's message names between backticks (serde's
/// "missing field `id`", "duplicate field `id`"), if any.
fn named_field(cause: &str) -> String {
    let mut parts = cause.split('`');
    match (parts.next(), parts.next()) {
        (Some(_), Some(field)) if !field.is_empty() && field.len() <= 64 => field.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_cross_the_wire_without_their_cause() {
        let bytes = AppError::Internal.ser();
        assert_eq!(&bytes[..], b"\"Internal\"");
        assert_eq!(AppError::de(bytes), AppError::Internal);
        assert!(AppError::Internal
            .user_message()
            .contains("infolavoro@comune.sp.it"));
    }

    #[test]
    fn arguments_that_do_not_decode_are_the_callers_mistake() {
        let missing = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "missing field `password`".into(),
        ));
        assert_eq!(missing.status(), http::StatusCode::BAD_REQUEST);
        assert!(matches!(&missing, AppError::Malformed { field, .. } if field == "password"));
        assert!(missing.user_message().contains("«password»"));
        let shape = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "invalid digit found in string".into(),
        ));
        assert!(matches!(&shape, AppError::Malformed { field, .. } if field.is_empty()));
        let big = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "length limit exceeded".into(),
        ));
        assert_eq!(big.status(), http::StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            AppError::from_server_fn_error(ServerFnErrorErr::Request("x".into())),
            AppError::Internal
        );
    }

    #[test]
    fn validation_names_its_field_and_round_trips() {
        let e = crate::invalid!("email", invalid_address);
        assert_eq!(e.status(), http::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(matches!(&e, AppError::Validation { key, .. } if key == "invalid_address"));
        assert_eq!(e.user_message(), "Indirizzo non valido");
        assert_eq!(AppError::de(e.ser()), e);
    }
}
