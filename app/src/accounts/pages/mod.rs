//! The account pages: registration, login, email and password links, the
//! personal area, and the staff pages for verification and the audit log.

mod area;
mod entry;
mod links;
pub mod routes;
mod staff;

pub use area::MyAreaPage;
pub use entry::{LoginPage, RegisterPage};
pub use links::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage};
pub use staff::{AuditLogPage, VerificationsPage};

use crate::i18n::*;
use crate::kernel::access::domain::{AccountStatus, Role};

pub fn role_label(role: Role, l: Locale) -> &'static str {
    match role {
        Role::Cittadino => td_string!(l, account.role_cittadino),
        Role::Impresa => td_string!(l, account.role_impresa),
        Role::Ente => td_string!(l, account.role_ente),
        Role::Operatore => td_string!(l, account.role_operatore),
        Role::Admin => td_string!(l, account.role_admin),
    }
}

pub fn status_label(status: AccountStatus, l: Locale) -> &'static str {
    match status {
        AccountStatus::Attivo => td_string!(l, account.status_attivo),
        AccountStatus::InAttesa => td_string!(l, account.status_in_attesa),
        AccountStatus::Respinto => td_string!(l, account.status_respinto),
        AccountStatus::Eliminato => td_string!(l, account.status_eliminato),
    }
}
