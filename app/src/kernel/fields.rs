//! Server-side parsing of typed form fields: each failure is a `Validation`
//! error naming the field, in the language of the request, with the HTTP
//! status set.

use crate::error::{AppError, FieldProblem};
use crate::invalid;

/// A form's refusals, gathered field by field so that one answer names them
/// all: check each field with `check`, then `finish`.
#[derive(Default)]
pub struct Problems(Vec<AppError>);

impl Problems {
    /// The value, or none with its refusal kept. An error that is not a
    /// refusal of a field (the database failing) is kept too, and `finish`
    /// answers it alone.
    pub fn check<T>(&mut self, result: Result<T, AppError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    pub fn refuse(&mut self, error: AppError) {
        self.0.push(error);
    }

    /// Every refusal at once, in the order they were found; Ok when none.
    pub fn finish(self) -> Result<(), AppError> {
        let mut problems = self.0.into_iter();
        let Some(first) = problems.next() else {
            return Ok(());
        };
        let AppError::Validation {
            field,
            key,
            message,
            mut also,
        } = first
        else {
            return Err(first);
        };
        for next in problems {
            match next {
                AppError::Validation {
                    field,
                    key,
                    message,
                    also: more,
                } => {
                    also.push(FieldProblem {
                        field,
                        key,
                        message,
                    });
                    also.extend(more);
                }
                other => return Err(other),
            }
        }
        Err(AppError::Validation {
            field,
            key,
            message,
            also,
        })
    }
}
use crate::kernel::labels::{label_of, Label};

/// Trimmed text of `min` to `max` characters.
pub fn text(field: &str, value: &str, min: usize, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    let n = value.chars().count();
    if n < min {
        return Err(if min <= 1 {
            invalid!(field, required)
        } else {
            invalid!(field, at_least_chars, min = min)
        });
    }
    if n > max {
        return Err(invalid!(field, at_most_chars, max = max));
    }
    Ok(value.to_string())
}

/// A whole number within `range`.
pub fn number(
    field: &str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, AppError> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            invalid!(
                field,
                number_between,
                min = *range.start(),
                max = *range.end()
            )
        })
}

/// A text that carries control characters, refused before it reaches any
/// server function (see the server's `api_errors`).
pub fn control_characters(field: &str) -> AppError {
    invalid!(field, control_characters)
}

/// `value` when it is one of the codes of `list`.
pub fn code_in(list: &[(&'static str, Label)], value: &str) -> Option<String> {
    (!label_of(list, value, false).is_empty()).then(|| value.to_string())
}
