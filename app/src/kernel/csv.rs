//! CSV that spreadsheets open as they are (CRLF, every cell quoted, no cell
//! read as a formula; `http::Download::csv` adds the byte-order mark).

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
