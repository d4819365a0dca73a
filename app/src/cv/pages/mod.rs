//! The CV builder's pages: the list of one's CVs, the wizard with its live
//! preview and autosave, and the interview guide.

mod draft;
mod editor;
mod guide;
pub mod inputs;
mod list;
mod photo_field;
mod preview;
mod step_about;
mod step_digital;
mod step_education;
mod step_experience;
mod step_finish;
mod step_languages;
mod step_other;
pub mod steps;

pub use editor::CvEditorPage;
pub use guide::InterviewGuidePage;
pub use list::MyCvsPage;
pub use preview::{CvPreview, CvPreviewProps};
