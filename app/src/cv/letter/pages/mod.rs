//! The cover letters' pages: a new letter (`/cv/lettere/nuova`, from a CV
//! and perhaps an offer), the editor (`/cv/lettere/{id}`), and the list on
//! `/cv`.

mod editor;
mod list;
mod new;

pub use editor::LetterEditorPage;
pub use list::MyLetters;
pub use new::NewLetterPage;
