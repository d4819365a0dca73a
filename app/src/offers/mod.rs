//! Job offers and internships: the publishers' form, moderation, the search
//! of `/offerte` (an in-memory index kept in step with the database), the
//! offer page with its JSON-LD, feeds, and saved searches with a digest.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod alerts;
#[cfg(feature = "ssr")]
pub mod engine;
#[cfg(feature = "ssr")]
pub mod feeds;
#[cfg(feature = "ssr")]
pub mod gen_demo;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "ssr")]
pub mod json_ld;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(all(test, feature = "ssr"))]
mod relevance_tests;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(all(test, feature = "ssr"))]
mod scan_tests;
#[cfg(feature = "ssr")]
pub mod service;
