//! Applications: a citizen applies to an offer with one of their CVs and a
//! message; the publisher reads the CV as it was sent and moves the
//! application through received → in review → interview → not selected /
//! hired; the citizen follows it in their area and by email.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
