//! The staff dashboard's pages.

mod chart;
mod dashboard;
mod live_feed;
pub mod routes;

pub use dashboard::DashboardPage;
