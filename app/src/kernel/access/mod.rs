//! Access: who is asking (sessions, the session cookie, the caller's address)
//! and what they may call (the policy table). Every feature's server
//! functions and plain routes go through here first.

pub mod domain;
pub mod policy;
pub mod return_to;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod sessions;
