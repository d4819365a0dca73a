//! Orientation's pages as lazy routes (see `crate::lazy`).

use super::{OrientationPage, PathPage, RulesPage};

crate::lazy_pages!(
    OrientationRoute => OrientationPage,
    PathRoute => PathPage,
    OrientationRulesRoute => RulesPage,
);
