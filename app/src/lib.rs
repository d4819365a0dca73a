//! InfoLavoro: pages, components, server functions and shared types.
//!
//! Compiled twice: with `ssr` for the server (data layer, state, conversions
//! from server errors) and with `hydrate` for the browser. Server-only modules
//! are gated here, whole, and the wasm build never sees them.

#![recursion_limit = "256"]

pub mod accounts;
pub mod app;
pub mod applications;
pub mod candidates;
pub mod catalogue;
pub mod components;
pub mod cv;
pub mod desk;
pub mod error;
pub mod i18n_switch;
pub mod kernel;
pub mod lazy;
pub mod membership;
pub mod network;
pub mod offers;
pub mod orientation;
pub mod pages;
pub mod privacy;
pub mod shell_scripts;
pub mod staff;

#[cfg(feature = "ssr")]
pub mod access_table;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
mod error_ssr;
#[cfg(feature = "ssr")]
pub mod personal_calendar;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod state;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use app::{shell, App};
pub use error::AppError;
