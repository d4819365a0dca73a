//! The dashboard as a lazy route (see `crate::lazy`).

use super::DashboardPage;

crate::lazy_pages!(DashboardRoute => DashboardPage);
