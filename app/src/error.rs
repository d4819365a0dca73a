//! The one error type shared by the browser and the server.
//!
//! It crosses the wire as JSON, so it carries only what a user may see: the
//! cause of an `Internal` error is logged on the server (see `error_ssr`) and
//! never serialised.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Non trovato")]
    NotFound,
    #[error("Accesso richiesto")]
    Unauthorized,
    #[error("Non autorizzato")]
    Forbidden,
    /// `field` names the form field the message belongs to, so the form can
    /// show it next to that field.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    #[error("Conflitto: {0}")]
    Conflict(String),
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

/// Seconds a client is told to wait (`Retry-After`) after `Busy`.
pub const BUSY_RETRY_AFTER: &str = "5";

impl AppError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The HTTP status a page or endpoint answers with for this error.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Malformed { .. } => StatusCode::BAD_REQUEST,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A sentence in Italian for the person reading the page.
    pub fn user_message(&self) -> String {
        match self {
            Self::NotFound => "La pagina o il contenuto richiesto non esiste.".into(),
            Self::Unauthorized => "Per continuare è necessario accedere.".into(),
            Self::Forbidden => "Non hai i permessi per questa operazione.".into(),
            Self::Validation { message, .. } => message.clone(),
            Self::Conflict(message) => message.clone(),
            Self::Malformed { message, .. } => message.clone(),
            Self::TooLarge => "La richiesta è troppo grande: riduci il testo o il file e riprova.".into(),
            Self::RateLimited => "Troppe richieste da questa connessione: riprova tra un'ora.".into(),
            Self::Busy => "Il portale è molto richiesto in questo momento: riprova tra qualche secondo.".into(),
            Self::Internal => {
                "Si è verificato un errore. Riprova tra qualche minuto; se il problema continua, scrivi a infolavoro@comune.sp.it.".into()
            }
        }
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
        let english = crate::kernel::cookies::request_cookie(crate::i18n_switch::LANGUAGE_COOKIE)
            .as_deref()
            == Some("en");
        let message = match (english, field.is_empty()) {
            (false, true) => "La richiesta non è valida: ricarica la pagina e riprova.".to_string(),
            (false, false) => format!(
                "La richiesta non è valida: il campo «{field}» manca, è ripetuto o ha un valore non valido. Ricarica la pagina e riprova."
            ),
            (true, true) => "The request is not valid: reload the page and try again.".to_string(),
            (true, false) => format!(
                "The request is not valid: the field “{field}” is missing, repeated or has an invalid value. Reload the page and try again."
            ),
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
        let e = AppError::validation("email", "Indirizzo non valido");
        assert_eq!(e.status(), http::StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.user_message(), "Indirizzo non valido");
        assert_eq!(AppError::de(e.ser()), e);
    }
}
