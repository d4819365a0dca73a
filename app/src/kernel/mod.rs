//! What every feature uses and no feature owns. Features import the kernel;
//! the kernel imports no feature.

// Shared by the server and the browser.
pub mod access;
pub mod audit;
pub mod codes;
pub mod cookies;
pub mod dates;
pub mod decimals;
pub mod labels;
pub mod map_plane;
pub mod refused_form;
pub mod text;

// Server only.
#[cfg(feature = "ssr")]
pub mod attempts;
#[cfg(feature = "ssr")]
pub mod boundaries;
#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod cpu;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod fields;
#[cfg(feature = "ssr")]
pub mod freshness;
#[cfg(feature = "ssr")]
pub mod geo;
#[cfg(feature = "ssr")]
pub mod heartbeat;
#[cfg(feature = "ssr")]
pub mod hits;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod mail_limits;
#[cfg(feature = "ssr")]
pub mod mail_text;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod request_id;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod synced_index;
#[cfg(feature = "ssr")]
pub mod terms;
#[cfg(feature = "ssr")]
pub mod text_index;
