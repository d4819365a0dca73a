//! The applications' pages as lazy routes (see `crate::lazy`).

use super::{MyApplicationsPage, ReceivedApplicationsPage};

crate::lazy_pages!(
    MyApplicationsRoute => MyApplicationsPage,
    ReceivedApplicationsRoute => ReceivedApplicationsPage,
);
