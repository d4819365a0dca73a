//! The network's public pages.

mod comune;
mod comuni;
mod finder;
mod format;
mod home;
mod rete;
mod sportelli;

pub use comune::ComunePage;
pub use comuni::ComuniPage;
pub use home::HomePage;
pub use rete::RetePage;
pub use sportelli::SportelliPage;
