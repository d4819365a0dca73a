//! The membership's pages as lazy routes (see `crate::lazy`).

use super::{AdhesionsPage, InvitationPage, JoinPage};

crate::lazy_pages!(
    JoinRoute => JoinPage,
    AdhesionsRoute => AdhesionsPage,
    InvitationRoute => InvitationPage,
);
