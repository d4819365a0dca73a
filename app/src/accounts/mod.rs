//! Accounts: registration, login, email verification, password reset,
//! verification of businesses and bodies, personal data, signing in with
//! SPID and CIE (OpenID Connect).

pub mod api;
pub mod domain;
pub mod identity_api;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod identity;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
