//! Help at the desk, with consent: a citizen lets a desk operator open and
//! edit their CVs for an hour, by a short code read aloud, and can take it
//! back at any moment. The operator edits in the same wizard through the
//! same server functions, which admit them only while the permission lasts
//! (`service::owner_for`); every change they save is logged with the steps
//! it touched and shown to the citizen with the operator's name. The
//! operator reaches nothing else of the person. The citizen's panel and
//! the operator's page (`pages/`) are not routed yet: with the operator's
//! page in the router the main wasm grew by 60 KB brotli (issue 16).

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
