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
    #[error("Errore interno")]
    Internal,
}

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
            Self::Internal => {
                "Si è verificato un errore. Riprova tra qualche minuto; se il problema continua, scrivi a infolavoro@comune.sp.it.".into()
            }
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that do not parse are the caller's mistake, not ours.
            ServerFnErrorErr::Args(message) => Self::validation("richiesta", message),
            _ => Self::Internal,
        }
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
    fn validation_names_its_field_and_round_trips() {
        let e = AppError::validation("email", "Indirizzo non valido");
        assert_eq!(e.status(), http::StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.user_message(), "Indirizzo non valido");
        assert_eq!(AppError::de(e.ser()), e);
    }
}
