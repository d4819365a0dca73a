//! Helpers for the plain axum routes beside the server functions: a handler
//! returns `Result<Download, AppError>` (or any other response), and
//! `AppError`'s own `IntoResponse` answers the failures with their status and
//! nothing internal.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A private file to download: a CV's PDF, a CSV, the person's archive.
/// Never cached by a browser or a proxy (it holds personal data).
#[derive(Debug)]
pub struct Download {
    content_type: &'static str,
    file_name: String,
    bytes: Vec<u8>,
}

impl Download {
    pub fn new(content_type: &'static str, file_name: String, bytes: Vec<u8>) -> Download {
        Download {
            content_type,
            file_name,
            bytes,
        }
    }

    /// A PDF named `{stem}.pdf`.
    pub fn pdf((stem, bytes): (String, Vec<u8>)) -> Download {
        Download::new("application/pdf", format!("{stem}.pdf"), bytes)
    }

    /// A CSV that spreadsheets open with the accents right (a byte-order mark).
    pub fn csv(file_name: String, csv: &str) -> Download {
        let bytes = format!("\u{feff}{csv}").into_bytes();
        Download::new("text/csv; charset=utf-8", file_name, bytes)
    }
}

impl IntoResponse for Download {
    fn into_response(self) -> Response {
        // File names here are built by the portal from codes and ids: plain
        // ASCII without quotes, so the simple form of the header is enough.
        let disposition = format!("attachment; filename=\"{}\"", self.file_name);
        (
            [
                (header::CONTENT_TYPE, self.content_type.to_string()),
                (header::CONTENT_DISPOSITION, disposition),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            self.bytes,
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_an_attachment_never_cached() {
        let response = Download::csv("iscritti.csv".into(), "a,b\r\n").into_response();
        let headers = response.headers();
        assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"iscritti.csv\""
        );
        assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    }
}
