//! Pieces shared by several pages.

pub mod async_data;
pub mod error_view;
pub mod form;
pub mod layout;
pub mod map;
