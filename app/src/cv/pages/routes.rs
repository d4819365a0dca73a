//! The CV builder's pages as lazy routes (see `crate::lazy`).

use super::{CvEditorPage, InterviewGuidePage, MyCvsPage};

crate::lazy_pages!(
    MyCvsRoute => MyCvsPage,
    CvEditorRoute => CvEditorPage,
    InterviewGuideRoute => InterviewGuidePage,
);
