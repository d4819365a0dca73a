//! The person's rights over their data, across every feature: erasure
//! (GDPR art. 17) and the complete download (art. 15 and 20).
//!
//! Each feature declares what it stores about a person
//! (`<feature>::privacy::TABLES`) and erases it with its consequences
//! (`erase_user`: seats freed, appointments cancelled, offers withdrawn).
//! This module, above the features, calls them all in one transaction and
//! exports through the same declarations, so erasure and export cannot
//! disagree about what exists.

pub mod api;

#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
mod service;

#[cfg(feature = "ssr")]
pub use service::{all_tables, erase_person, export_archive};
