//! Server only: CSV downloads that spreadsheets open as they are (UTF-8 with
//! a byte-order mark, CRLF, every cell quoted, no cell read as a formula).

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A CSV cell: quoted, and never read as a formula by a spreadsheet.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", value.replace('"', "\"\""))
}

/// The header line and the rows, each cell through `cell`.
pub fn table<R: AsRef<[String]>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String {
    let line = |cells: Vec<String>| format!("{}\r\n", cells.join(","));
    let mut csv = line(header.iter().map(|h| cell(h)).collect());
    for row in rows {
        csv.push_str(&line(row.as_ref().iter().map(|v| cell(v)).collect()));
    }
    csv
}

/// A private download of `csv` named `name`.
pub fn download(name: &str, csv: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        // A byte-order mark, so that spreadsheets read the accents right.
        format!("\u{feff}{csv}"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("Sarzana"), "\"Sarzana\"");
        assert_eq!(cell("=SOMMA(A1)"), "\"'=SOMMA(A1)\"");
        assert_eq!(cell("detto \"Gigi\""), "\"detto \"\"Gigi\"\"\"");
        let csv = table(&["a", "b"], [vec!["1".to_string(), "-2".to_string()]]);
        assert_eq!(csv, "\"a\",\"b\"\r\n\"1\",\"'-2\"\r\n");
    }
}
