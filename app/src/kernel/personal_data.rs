//! How a feature declares what it stores about a person, and the two generic
//! halves of the GDPR's rights that follow from that declaration: erasing
//! (art. 17) and exporting (art. 15 and 20).
//!
//! Each feature lists every table it owns with a [`Rule`]. The privacy
//! module (above the features) erases and exports through these lists, and
//! its test fails when a table of the schema is in no list, so that a new
//! table cannot silently keep or leave out someone's data.

use crate::db::Tx;
use sqlx::any::AnyRow;
use sqlx::{Column, Row};

/// A table and what happens to its rows about a person.
#[derive(Clone, Copy, Debug)]
pub struct TableRule {
    pub table: &'static str,
    pub rule: Rule,
}

/// SQL conditions below select a person's rows; `$1` is their `users.id`.
/// A condition may read the person's email through
/// `(SELECT email FROM users WHERE id = $1)`: accounts are erased last.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// The person's rows are deleted.
    Deleted {
        person: &'static str,
        /// The name of the export's section.
        export: &'static str,
        /// Columns left out of the export: secrets that would still work.
        hidden: &'static [&'static str],
    },
    /// The person's rows stay for statistics, with what could identify them
    /// emptied by `set` (an SQL `SET` list).
    Anonymised {
        person: &'static str,
        set: &'static str,
        export: &'static str,
        hidden: &'static [&'static str],
        why: &'static str,
    },
    /// The person's rows stay as they are: nothing in them identifies the
    /// person once their account row is anonymous (an enrolment's seat and
    /// attendance, say), and statistics count them.
    Kept {
        person: &'static str,
        export: &'static str,
        why: &'static str,
    },
    /// Holds nothing about a person (reference data, public texts), or only
    /// through a column that points at an anonymised row.
    NotPersonal { why: &'static str },
}

impl TableRule {
    pub const fn deleted(table: &'static str, person: &'static str, export: &'static str) -> Self {
        Self::deleted_hiding(table, person, export, &[])
    }

    pub const fn deleted_hiding(
        table: &'static str,
        person: &'static str,
        export: &'static str,
        hidden: &'static [&'static str],
    ) -> Self {
        Self {
            table,
            rule: Rule::Deleted {
                person,
                export,
                hidden,
            },
        }
    }

    pub const fn anonymised(
        table: &'static str,
        person: &'static str,
        set: &'static str,
        export: &'static str,
        why: &'static str,
    ) -> Self {
        Self {
            table,
            rule: Rule::Anonymised {
                person,
                set,
                export,
                hidden: &[],
                why,
            },
        }
    }

    pub const fn kept(
        table: &'static str,
        person: &'static str,
        export: &'static str,
        why: &'static str,
    ) -> Self {
        Self {
            table,
            rule: Rule::Kept {
                person,
                export,
                why,
            },
        }
    }

    pub const fn not_personal(table: &'static str, why: &'static str) -> Self {
        Self {
            table,
            rule: Rule::NotPersonal { why },
        }
    }

    /// The condition that selects the person's rows, if the table has any.
    pub fn person(&self) -> Option<&'static str> {
        match self.rule {
            Rule::Deleted { person, .. }
            | Rule::Anonymised { person, .. }
            | Rule::Kept { person, .. } => Some(person),
            Rule::NotPersonal { .. } => None,
        }
    }

    /// The export's section name and the columns it leaves out.
    pub fn export(&self) -> Option<(&'static str, &'static [&'static str])> {
        match self.rule {
            Rule::Deleted { export, hidden, .. } | Rule::Anonymised { export, hidden, .. } => {
                Some((export, hidden))
            }
            Rule::Kept { export, .. } => Some((export, &[])),
            Rule::NotPersonal { .. } => None,
        }
    }
}

/// Applies the rules to one person inside the caller's transaction.
pub async fn erase_rows(tx: &mut Tx, rules: &[TableRule], user_id: i64) -> Result<(), sqlx::Error> {
    for rule in rules {
        let sql = match rule.rule {
            Rule::Deleted { person, .. } => format!("DELETE FROM {} WHERE {person}", rule.table),
            Rule::Anonymised { person, set, .. } => {
                format!("UPDATE {} SET {set} WHERE {person}", rule.table)
            }
            Rule::Kept { .. } | Rule::NotPersonal { .. } => continue,
        };
        sqlx::query(&sql).bind(user_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// A binary value found while exporting: it goes into the archive as a file,
/// and the JSON names that file.
#[derive(Debug)]
pub struct ExportedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One table's rows about the person, as JSON objects keyed by column name.
/// Times (`…_at` columns) are written as Italian dates, JSON documents kept
/// in text columns are embedded as JSON, binary values become files.
pub async fn export_rows(
    db: &crate::db::Db,
    rule: &TableRule,
    user_id: i64,
    files: &mut Vec<ExportedFile>,
) -> Result<Vec<serde_json::Value>, sqlx::Error> {
    let (Some(person), Some((section, hidden))) = (rule.person(), rule.export()) else {
        return Ok(Vec::new());
    };
    let sql = format!("SELECT * FROM {} WHERE {person}", rule.table);
    let rows = sqlx::query(&sql).bind(user_id).fetch_all(db.pool()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for (n, row) in rows.iter().enumerate() {
        let mut object = serde_json::Map::new();
        for column in row.columns() {
            let name = column.name();
            if hidden.contains(&name) {
                continue;
            }
            let value = match column_value(row, column.ordinal()) {
                Value::Bytes(bytes) => {
                    let path = format!("{section}/{}-{name}.{}", n + 1, extension(&bytes));
                    files.push(ExportedFile {
                        path: path.clone(),
                        bytes,
                    });
                    serde_json::Value::String(path)
                }
                Value::Json(value) if name.ends_with("_at") => readable_time(value),
                Value::Json(value) => value,
            };
            object.insert(name.to_string(), value);
        }
        out.push(serde_json::Value::Object(object));
    }
    Ok(out)
}

enum Value {
    Json(serde_json::Value),
    Bytes(Vec<u8>),
}

/// Reads a column of any type the schema uses (the `Any` driver says which
/// only by accepting or refusing a decode).
fn column_value(row: &AnyRow, i: usize) -> Value {
    use serde_json::Value as J;
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return Value::Json(v.map_or(J::Null, J::from));
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return Value::Json(v.map_or(J::Null, J::from));
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return Value::Json(match v {
            None => J::Null,
            Some(text) if text.starts_with('{') || text.starts_with('[') => {
                serde_json::from_str(&text).unwrap_or(J::String(text))
            }
            Some(text) => J::String(text),
        });
    }
    match row.try_get::<Option<Vec<u8>>, _>(i) {
        Ok(Some(bytes)) => Value::Bytes(bytes),
        _ => Value::Json(J::Null),
    }
}

fn readable_time(value: serde_json::Value) -> serde_json::Value {
    match value.as_i64() {
        Some(unix) => serde_json::Value::String(crate::kernel::dates::italian_datetime(unix)),
        None => value,
    }
}

/// The files the portal stores are JPEG photos; anything else is kept as is.
fn extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else {
        "bin"
    }
}
