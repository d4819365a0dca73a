//! Desk appointments: each network comune's desk opens slots from its
//! opening hours; citizens (or staff for a caller) book them; operators work
//! from the day's agenda.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
