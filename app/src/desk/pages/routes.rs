//! The desk's pages as lazy routes (see `crate::lazy`).

use super::{AgendaPage, BookingPage};

crate::lazy_pages!(
    BookingRoute => BookingPage,
    AgendaRoute => AgendaPage,
);
