//! The desk's pages: booking and the staff agenda.

mod agenda;
mod booking;
mod closures;

pub use agenda::AgendaPage;
pub use booking::BookingPage;
