//! Orientation's pages: the questionnaire, the path, and the staff's rules.

mod path;
mod questionnaire;
mod rules;

pub use path::PathPage;
pub use questionnaire::OrientationPage;
pub use rules::RulesPage;
