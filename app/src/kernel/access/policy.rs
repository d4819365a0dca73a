//! Who may call which server function: the one table every server function
//! consults first (through `auth::authorize`), and that the authorisation
//! test walks. A server function missing here is refused to everyone.

use super::domain::{Role, SessionUser};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Everyone,
    /// Any signed-in person, whatever their role or status.
    SignedIn,
    /// Signed-in people of these roles whose account is active and verified.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether this signed-in person passes: server functions (`authorize`)
    /// and plain routes (`SignedIn::may_call`) ask the same question here.
    pub fn admits(self, user: &SessionUser) -> bool {
        match self {
            Access::Everyone | Access::SignedIn => true,
            Access::Roles(roles) => roles.contains(&user.role) && user.can_work(),
        }
    }
}

const STAFF: &[Role] = &[Role::Operatore, Role::Admin];
const ADMIN: &[Role] = &[Role::Admin];
const CITIZEN: &[Role] = &[Role::Cittadino];
/// Who searches candidates: verified businesses.
const BUSINESS: &[Role] = &[Role::Impresa];
/// Who publishes courses and meetings: member bodies, and staff on their behalf.
const ORGANISERS: &[Role] = &[Role::Ente, Role::Operatore, Role::Admin];
/// Who publishes offers: businesses and member bodies, and staff for them.
const PUBLISHERS: &[Role] = &[Role::Impresa, Role::Ente, Role::Operatore, Role::Admin];
/// Who books a desk appointment: citizens, and staff for someone who called.
const BOOKERS: &[Role] = &[Role::Cittadino, Role::Operatore, Role::Admin];

pub const POLICY: &[(&str, Access)] = &[
    // The network's public pages.
    ("list_comuni", Access::Everyone),
    ("get_comune", Access::Everyone),
    ("list_member_bodies", Access::Everyone),
    ("list_desks", Access::Everyone),
    ("set_language", Access::Everyone),
    // Getting in.
    ("register_account", Access::Everyone),
    ("verify_email", Access::Everyone),
    ("log_in", Access::Everyone),
    ("request_password_reset", Access::Everyone),
    ("reset_password", Access::Everyone),
    // One's own account.
    ("log_out", Access::SignedIn),
    ("get_my_account", Access::SignedIn),
    ("delete_my_account", Access::SignedIn),
    // Courses and meetings.
    ("list_activities", Access::Everyone),
    ("get_activity", Access::Everyone),
    ("enrol_activity", Access::Roles(CITIZEN)),
    ("cancel_enrolment", Access::Roles(CITIZEN)),
    ("get_my_calendar", Access::Roles(CITIZEN)),
    ("renew_calendar_feed", Access::Roles(CITIZEN)),
    ("revoke_calendar_feed", Access::Roles(CITIZEN)),
    ("create_activity", Access::Roles(ORGANISERS)),
    ("list_managed_activities", Access::Roles(ORGANISERS)),
    ("get_roster", Access::Roles(ORGANISERS)),
    ("mark_attendance", Access::Roles(ORGANISERS)),
    ("change_activity_status", Access::Roles(ORGANISERS)),
    // Joining the network: the public request, the admin's decision, the invitation.
    ("submit_adhesion", Access::Everyone),
    ("list_adhesions", Access::Roles(ADMIN)),
    ("decide_adhesion", Access::Roles(ADMIN)),
    ("get_invitation", Access::Everyone),
    ("accept_invitation", Access::Everyone),
    // Pre-moderation of courses and meetings.
    ("list_activities_to_review", Access::Roles(STAFF)),
    ("decide_activity", Access::Roles(STAFF)),
    ("set_pre_moderation", Access::Roles(ADMIN)),
    // The staff dashboard (its event stream and CSV follow the same rule).
    ("get_dashboard", Access::Roles(STAFF)),
    // Offers and alerts.
    ("search_offers", Access::Everyone),
    ("get_offer", Access::Everyone),
    ("save_offer", Access::Roles(PUBLISHERS)),
    ("list_my_offers", Access::Roles(PUBLISHERS)),
    ("close_offer", Access::Roles(PUBLISHERS)),
    ("list_offers_to_review", Access::Roles(STAFF)),
    ("decide_offer", Access::Roles(STAFF)),
    ("save_search", Access::Roles(CITIZEN)),
    ("list_saved_searches", Access::Roles(CITIZEN)),
    ("delete_saved_search", Access::Roles(CITIZEN)),
    // Applications.
    ("get_apply_state", Access::Everyone),
    ("apply_to_offer", Access::Roles(CITIZEN)),
    ("list_my_applications", Access::Roles(CITIZEN)),
    ("list_offer_applications", Access::Roles(PUBLISHERS)),
    ("set_application_stage", Access::Roles(PUBLISHERS)),
    // The CV builder (its downloads and uploads check the same rule in `cv/routes.rs`).
    ("list_my_cvs", Access::Roles(CITIZEN)),
    ("create_cv", Access::Roles(CITIZEN)),
    ("get_cv", Access::Roles(CITIZEN)),
    ("save_cv", Access::Roles(CITIZEN)),
    ("rename_cv", Access::Roles(CITIZEN)),
    ("duplicate_cv", Access::Roles(CITIZEN)),
    ("delete_cv", Access::Roles(CITIZEN)),
    ("delete_cv_photo", Access::Roles(CITIZEN)),
    ("set_cv_visibility", Access::Roles(CITIZEN)),
    // Businesses find candidates.
    ("search_candidates", Access::Roles(BUSINESS)),
    ("get_candidate", Access::Roles(BUSINESS)),
    ("open_candidate", Access::Roles(BUSINESS)),
    ("list_shortlists", Access::Roles(BUSINESS)),
    ("create_shortlist", Access::Roles(BUSINESS)),
    ("save_to_shortlist", Access::Roles(BUSINESS)),
    ("remove_from_shortlist", Access::Roles(BUSINESS)),
    ("delete_shortlist", Access::Roles(BUSINESS)),
    ("request_contact", Access::Roles(BUSINESS)),
    ("get_my_visibility", Access::Roles(CITIZEN)),
    ("answer_contact_request", Access::Roles(CITIZEN)),
    // Orientation (the path is for everyone; a visitor's waits for registration).
    ("get_orientation_path", Access::Everyone),
    ("keep_orientation", Access::Everyone),
    ("get_my_orientation", Access::Roles(CITIZEN)),
    ("list_orientation_rules", Access::Roles(STAFF)),
    ("save_orientation_rule", Access::Roles(STAFF)),
    // Desk appointments.
    ("get_desk_slots", Access::Everyone),
    ("book_appointment", Access::Roles(BOOKERS)),
    ("cancel_appointment", Access::SignedIn),
    ("get_desk_agenda", Access::Roles(STAFF)),
    ("erase_desk_person", Access::Roles(STAFF)),
    ("record_appointment_outcome", Access::Roles(STAFF)),
    ("save_desk_day", Access::Roles(STAFF)),
    ("save_desk_settings", Access::Roles(STAFF)),
    // Staff.
    ("list_pending_accounts", Access::Roles(STAFF)),
    ("decide_account", Access::Roles(STAFF)),
    ("list_audit_log", Access::Roles(ADMIN)),
];

pub fn access_for(endpoint: &str) -> Option<Access> {
    POLICY
        .iter()
        .find(|(name, _)| *name == endpoint)
        .map(|(_, access)| *access)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_appears_once() {
        let mut names: Vec<_> = POLICY.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
        assert_eq!(access_for("decide_account"), Some(Access::Roles(STAFF)));
        assert_eq!(access_for("not_listed"), None);
    }
}
