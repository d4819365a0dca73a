//! Desk help's pages: the citizen's panel on `/cv`, the notes in the
//! wizard (to the operator whose CV it is; to the citizen what operators
//! changed), and the operator's `/staff/sportello-cv`.

mod citizen;
mod notes;
mod operator;

pub use citizen::DeskHelpPanel;
pub use notes::DeskNotes;
pub use operator::DeskHelpPage;
