//! The membership's pages: `/rete/aderisci` (the public request),
//! `/staff/adesioni` (the admin's decisions), `/invito` (the body's account).

mod invitation;
mod join;
mod queue;

pub use invitation::InvitationPage;
pub use join::JoinPage;
pub use queue::AdhesionsPage;
