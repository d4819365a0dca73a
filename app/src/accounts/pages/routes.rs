//! The account pages as lazy routes (see `crate::lazy`).

use super::{
    ForgotPasswordPage, LoginPage, MyAreaPage, PendingIdentityPage, RegisterPage,
    ResetPasswordPage, SignInFailedPage, VerificationsPage, VerifyEmailPage,
};

crate::lazy_pages!(
    RegisterRoute => RegisterPage,
    LoginRoute => LoginPage,
    VerifyEmailRoute => VerifyEmailPage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetPasswordRoute => ResetPasswordPage,
    MyAreaRoute => MyAreaPage,
    VerificationsRoute => VerificationsPage,
    PendingIdentityRoute => PendingIdentityPage,
    SignInFailedRoute => SignInFailedPage,
);
