//! Businesses find candidates: a CV made visible becomes a blind profile
//! (`extract`), searched in memory (`index`, `engine`) by verified
//! businesses, who shortlist and ask for contact; the candidate sees who
//! looked and answers.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod engine;
#[cfg(feature = "ssr")]
pub mod extract;
#[cfg(feature = "ssr")]
pub mod gen_demo;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
