//! The network's pages other than home, as lazy routes (see `crate::lazy`).

use super::{ComunePage, ComuniPage, RetePage, SportelliPage};
use crate::pages::{AccessibilityPage, PrivacyPage};

crate::lazy_pages!(
    ReteRoute => RetePage,
    ComuniRoute => ComuniPage,
    ComuneRoute => ComunePage,
    SportelliRoute => SportelliPage,
    PrivacyRoute => PrivacyPage,
    AccessibilityRoute => AccessibilityPage,
);
