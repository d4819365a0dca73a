//! Who may call a server function, and whether it changes data: the rules
//! (`Access`, `Effect`) and the trait that carries them. The table that gives
//! every server function its row is `crate::access_table`, above the
//! features, since it names each feature's functions; `auth::authorize::<F>()`
//! reads `F`'s row, so a server function without one does not compile.

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

pub const STAFF: &[Role] = &[Role::Operatore, Role::Admin];
pub const ADMIN: &[Role] = &[Role::Admin];
pub const CITIZEN: &[Role] = &[Role::Cittadino];
/// Who searches candidates: verified businesses.
pub const BUSINESS: &[Role] = &[Role::Impresa];
/// Who publishes courses and meetings: member bodies, and staff on their behalf.
pub const ORGANISERS: &[Role] = &[Role::Ente, Role::Operatore, Role::Admin];
/// Who publishes offers: businesses and member bodies, and staff for them.
pub const PUBLISHERS: &[Role] = &[Role::Impresa, Role::Ente, Role::Operatore, Role::Admin];
/// Who edits a CV: its owner, and staff at the desk while the owner allows it.
pub const CV_EDITORS: &[Role] = &[Role::Cittadino, Role::Operatore, Role::Admin];
/// Who books a desk appointment: citizens, and staff for someone who called.
pub const BOOKERS: &[Role] = &[Role::Cittadino, Role::Operatore, Role::Admin];

/// Whether a call may change the portal's stored data: the staff dashboard
/// refreshes its figures after a successful call that does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Reads,
    Changes,
}

/// A server function's row of the table: implemented for each function's
/// type (the one `#[server]` generates) by `crate::access_table`.
pub trait Guarded {
    const ACCESS: Access;
    const EFFECT: Effect;
}

/// One row of the table, for what walks it (the dashboard's announcements,
/// the authorisation tests): the function's address and its rules.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    /// The server function's path, `/api/<name>`.
    pub path: &'static str,
    pub access: Access,
    pub effect: Effect,
}

impl Row {
    /// The function's name, its path without `/api/`.
    pub fn name(&self) -> &'static str {
        self.path.trim_start_matches("/api/")
    }
}
