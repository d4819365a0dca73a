//! The dashboard as a lazy route (see `crate::lazy`).

use super::{AuditLogPage, DashboardPage};

crate::lazy_pages!(DashboardRoute => DashboardPage, AuditLogRoute => AuditLogPage);
