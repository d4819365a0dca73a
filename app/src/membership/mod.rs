//! The network's membership: the public request to join (bodies and comuni),
//! the admin's decision, the invitation to an `ente` account that follows an
//! approval, and the reminder before the protocol expires.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod reminder;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
