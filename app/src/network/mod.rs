//! The network: its comuni, member bodies and desks, and the public pages
//! that show them.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod reference;
#[cfg(feature = "ssr")]
pub mod repo;
