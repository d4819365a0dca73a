//! The axum server around the Leptos app: routes, middleware and start-up.

pub mod api_errors;
pub mod assets;
pub mod backup;
pub mod cross_site;
pub mod form_echo;
pub mod headers;
pub mod health;
pub mod metrics;
pub mod overload;
pub mod page_cache;
pub mod request_id;
pub mod robots;
pub mod startup;
pub mod workers;

pub use startup::{build_router, build_state};
pub use workers::Workers;
