//! The audit log of staff actions: ids and codes only, never a person's
//! name, so that erasing a person leaves nothing personal in it.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// One staff action in the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: i64,
    pub actor_id: Option<i64>,
    pub action: String,
    pub subject_id: Option<i64>,
    pub detail: String,
}
