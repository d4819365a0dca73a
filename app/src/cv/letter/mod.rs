//! Cover letters (lettere di presentazione): guided paragraphs written
//! from a CV and, for an offer, from the offer (`prefill`); laid out on
//! paper once (`paper`) for the PDF (the CV's typst and fonts) and the
//! DOCX; a copy of one may go with an application.

pub mod api;
pub mod domain;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod paper;
#[cfg(feature = "ssr")]
pub mod prefill;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
