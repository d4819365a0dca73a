//! The candidates' pages: the businesses' search, a blind profile, the
//! shortlists, and the candidate's own page of views and requests.

mod lists;
mod mine;
mod profile;
mod search;

pub use lists::ShortlistsPage;
pub use mine::MyProfilePage;
pub use profile::CandidatePage;
pub use search::CandidatesPage;
