//! The staff dashboard's pages.

mod audit;
mod chart;
mod dashboard;
mod live_feed;

pub use audit::AuditLogPage;
pub use dashboard::DashboardPage;
