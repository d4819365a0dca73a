//! The CV builder: the Europass-structured document (`domain`), the advice
//! and limits the wizard shows (`checks`), the paper layout every export
//! draws (`layout`), the server functions, the wizard's pages, and on the
//! server the data layer, the exports (PDF, JSON Resume, DOCX) and the photo; the cover
//! letters written from a CV (`letter`); a desk operator's help with the
//! citizen's consent (`help`).

pub mod api;
pub mod checks;
pub mod domain;
pub mod help;
pub mod layout;
pub mod letter;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod docx;
#[cfg(feature = "ssr")]
pub mod europass;
#[cfg(feature = "ssr")]
pub mod fonts;
#[cfg(feature = "ssr")]
pub mod json_resume;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod photo;
#[cfg(feature = "ssr")]
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod sample;
#[cfg(feature = "ssr")]
pub mod service;
