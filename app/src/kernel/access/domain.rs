//! Who is asking, as both sides see it: the roles, an account's status, and
//! the person behind the current session.

use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// A person looking for work or training.
    Cittadino,
    /// A business.
    Impresa,
    /// A member body of the network.
    Ente,
    /// Desk staff.
    Operatore,
    /// The network's coordinator at the Comune della Spezia.
    Admin,
}

crate::stored_as_code!(Role);

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Cittadino,
        Role::Impresa,
        Role::Ente,
        Role::Operatore,
        Role::Admin,
    ];

    /// The role's name in the interface's languages.
    pub fn label(self) -> crate::kernel::labels::Label {
        use crate::i18n::td_string;
        match self {
            Role::Cittadino => |l| td_string!(l, account.role_cittadino),
            Role::Impresa => |l| td_string!(l, account.role_impresa),
            Role::Ente => |l| td_string!(l, account.role_ente),
            Role::Operatore => |l| td_string!(l, account.role_operatore),
            Role::Admin => |l| td_string!(l, account.role_admin),
        }
    }

    /// Businesses and bodies act for an organisation: staff check them first.
    pub fn needs_verification(self) -> bool {
        matches!(self, Role::Impresa | Role::Ente)
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Operatore | Role::Admin)
    }

    /// The roles anyone may choose when registering (staff are created by the admin).
    pub fn self_service(self) -> bool {
        matches!(self, Role::Cittadino | Role::Impresa | Role::Ente)
    }
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum AccountStatus {
    Attivo,
    /// Waiting for an operator to verify the organisation.
    InAttesa,
    Respinto,
    Eliminato,
}

crate::stored_as_code!(AccountStatus);

/// The person behind the current session, as pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation: Option<String>,
    pub role: Role,
    pub status: AccountStatus,
    pub email_verified: bool,
    /// Why staff rejected the account, shown to the applicant.
    pub review_reason: Option<String>,
}

impl SessionUser {
    /// Verified email and, for businesses and bodies, verified by staff.
    pub fn can_work(&self) -> bool {
        self.email_verified && self.status == AccountStatus::Attivo
    }
}
