//! Orientation: a short questionnaire, usable without an account, turned by
//! rules staff edit into a personal path (member bodies, programmes, courses,
//! meetings and offers nearby, next steps), kept by citizens.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod personas;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
