//! The account pages: registration, login, email and password links, the
//! personal area, and the staff pages for verification and the audit log.

mod area;
mod entry;
mod identity;
mod links;
mod staff;

pub use area::MyAreaPage;
pub use entry::{LoginPage, RegisterPage};
pub use identity::{PendingIdentityPage, SignInFailedPage};
pub use links::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage};
pub use staff::VerificationsPage;

use crate::i18n::*;
use crate::kernel::access::domain::{AccountStatus, Role};

pub fn role_label(role: Role, l: Locale) -> &'static str {
    role.label()(l)
}

pub fn status_label(status: AccountStatus, l: Locale) -> &'static str {
    match status {
        AccountStatus::Attivo => td_string!(l, account.status_attivo),
        AccountStatus::InAttesa => td_string!(l, account.status_in_attesa),
        AccountStatus::Respinto => td_string!(l, account.status_respinto),
        AccountStatus::Eliminato => td_string!(l, account.status_eliminato),
    }
}
