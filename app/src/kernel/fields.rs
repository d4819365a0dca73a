//! Server-side parsing of typed form fields: each failure is a `Validation`
//! error in Italian naming the field, with the HTTP status set.

use crate::error::AppError;
use crate::kernel::labels::{label_of, Label};

pub fn invalid(field: &str, message: &str) -> AppError {
    AppError::validation(field, message).with_status()
}

/// Trimmed text of `min` to `max` characters; `what` completes "Scrivi …".
pub fn text(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
    what: &str,
) -> Result<String, AppError> {
    let value = value.trim();
    let n = value.chars().count();
    if n < min {
        return Err(invalid(
            field,
            &format!("Scrivi {what} (almeno {min} caratteri)."),
        ));
    }
    if n > max {
        return Err(invalid(field, &format!("Al massimo {max} caratteri.")));
    }
    Ok(value.to_string())
}

/// A whole number within `range`.
pub fn number(
    field: &str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
    what: &str,
) -> Result<i64, AppError> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            invalid(
                field,
                &format!(
                    "Indica {what}: un numero da {} a {}.",
                    range.start(),
                    range.end()
                ),
            )
        })
}

/// One of the codes of `list`.
pub fn code_in(
    field: &str,
    list: &[(&'static str, Label)],
    value: &str,
    message: &str,
) -> Result<String, AppError> {
    if label_of(list, value, false).is_empty() {
        return Err(invalid(field, message));
    }
    Ok(value.to_string())
}
