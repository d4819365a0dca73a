//! Codes read back from the database. A code that no variant has (a row
//! written by a newer version, a hand edit) is a decode error, so the row is
//! not read: never a silent default that would show a withdrawn offer as a
//! draft or a cancelled seat as taken.

/// The value `parse` finds for `code`, or a decode error naming the code.
pub fn decode<T>(code: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<T, sqlx::Error> {
    parse(code).ok_or_else(|| sqlx::Error::Decode(format!("unknown code {code:?}").into()))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn an_unknown_code_is_an_error_not_a_default() {
        let parse = |code: &str| (code == "pubblicata").then_some(1);
        assert_eq!(decode("pubblicata", parse).unwrap(), 1);
        let error = decode("pubblicatta", parse).unwrap_err();
        assert!(error.to_string().contains("pubblicatta"), "{error}");
    }
}
