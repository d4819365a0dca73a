//! What every feature uses and no feature owns. Features import the kernel;
//! the kernel imports no feature.

#[cfg(feature = "ssr")]
pub mod personal_data;

#[cfg(feature = "ssr")]
pub mod cpu;
