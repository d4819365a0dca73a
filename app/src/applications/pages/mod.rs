//! The applications' pages: the box on an offer's page, the citizen's list,
//! and the publisher's list of applications received.

mod apply_box;
mod mine;
mod received;

pub use apply_box::{ApplyBox, ApplyBoxProps};
pub use mine::MyApplicationsPage;
pub use received::ReceivedApplicationsPage;
