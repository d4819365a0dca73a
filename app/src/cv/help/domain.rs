//! What the desk help shows each side.

use serde::{Deserialize, Serialize};

/// How long a permission lasts once given.
pub const HELP_MINUTES: i64 = 60;
/// How long the code can be used: the citizen reads it at the desk.
pub const CODE_MINUTES: i64 = 15;

/// The citizen's current permission, as they see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyDeskHelp {
    /// The code to read aloud ("KMRT-4XQ7"), until an operator uses it.
    pub code: Option<String>,
    /// The operator who used it, by name.
    pub operator: Option<String>,
    /// When the permission ends (unix seconds).
    pub until: i64,
}

/// What `/cv`'s desk panel shows: staff, who are the ones helping, a link to
/// their page; a citizen their permission, if any. An enum rather than
/// `Option<Option<MyDeskHelp>>`, which JSON cannot carry: `Some(None)` is
/// written `null` and read back `None`, so the browser hydrated the staff's
/// branch over the citizen's form and the page stopped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DeskPanel {
    Staff,
    Citizen(Option<MyDeskHelp>),
}

/// Said to the operator in the wizard: whose CV this is, and until when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assisted {
    pub owner_name: String,
    pub until: i64,
}

/// A change an operator saved, as the citizen reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskChange {
    pub at: i64,
    pub operator: String,
    /// The wizard's steps it touched (1–8).
    pub steps: Vec<u8>,
}

/// A person who lets the operator help them now, with their CVs (id, name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssistedCitizen {
    pub name: String,
    pub until: i64,
    pub cvs: Vec<(i64, String)>,
}
