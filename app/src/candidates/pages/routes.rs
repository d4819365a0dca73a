//! The candidates' pages as lazy routes (see `crate::lazy`).

use super::{CandidatePage, CandidatesPage, MyProfilePage, ShortlistsPage};

crate::lazy_pages!(
    CandidatesRoute => CandidatesPage,
    CandidateRoute => CandidatePage,
    ShortlistsRoute => ShortlistsPage,
    MyProfileRoute => MyProfilePage,
);
