//! The access table: for every server function, who may call it and whether
//! it changes data. Keyed by the function's own type (the struct `#[server]`
//! generates), so a renamed or removed function fails to compile here, and
//! one missing from the table fails to compile where it calls `authorize`.
//! It sits above the features because it names all of them.

use crate::kernel::access::policy::{
    Access::{Everyone, Roles, SignedIn},
    Effect::{Changes, Reads},
    Guarded, Row, ADMIN, BOOKERS, BUSINESS, CITIZEN, CV_EDITORS, ORGANISERS, PUBLISHERS, STAFF,
};
use leptos::server_fn::ServerFn;

/// Implements `Guarded` for each function and lists the rows in `POLICY`.
macro_rules! access_table {
    ($($function:path => $access:expr, $effect:expr;)*) => {
        $(impl Guarded for $function {
            const ACCESS: crate::kernel::access::policy::Access = $access;
            const EFFECT: crate::kernel::access::policy::Effect = $effect;
        })*

        /// Every server function's row, in the table's order.
        pub const POLICY: &[Row] = &[$(Row {
            path: <$function as ServerFn>::PATH,
            access: $access,
            effect: $effect,
        }),*];
    };
}

access_table! {
    // The network's public pages.
    crate::network::api::ListComuni => Everyone, Reads;
    crate::network::api::ListComuniForMap => Everyone, Reads;
    crate::network::api::GetComune => Everyone, Reads;
    crate::network::api::ListMemberBodies => Everyone, Reads;
    crate::network::api::ListDesks => Everyone, Reads;
    // Changes only the caller's own cookie.
    crate::i18n_switch::SetLanguage => Everyone, Reads;
    // Getting in.
    crate::accounts::api::RegisterAccount => Everyone, Changes;
    crate::accounts::api::VerifyEmail => Everyone, Changes;
    crate::accounts::api::LogIn => Everyone, Changes;
    crate::accounts::api::GetSignedInName => Everyone, Reads;
    crate::accounts::api::RequestPasswordReset => Everyone, Changes;
    crate::accounts::api::ResetPassword => Everyone, Changes;
    // SPID and CIE: the first sign-in acts on the browser's waiting sign-in.
    crate::accounts::identity_api::SignInProviders => Everyone, Reads;
    crate::accounts::identity_api::GetPendingIdentity => Everyone, Reads;
    crate::accounts::identity_api::CreateAccountFromIdentity => Everyone, Changes;
    crate::accounts::identity_api::LinkIdentity => Everyone, Changes;
    crate::accounts::identity_api::ListMyIdentities => SignedIn, Reads;
    crate::accounts::identity_api::UnlinkIdentity => SignedIn, Changes;
    // One's own account.
    crate::accounts::api::LogOut => SignedIn, Changes;
    crate::accounts::api::GetMyAccount => SignedIn, Reads;
    crate::privacy::api::DeleteMyAccount => SignedIn, Changes;
    // Courses and meetings.
    crate::catalogue::api::ListActivities => Everyone, Reads;
    crate::catalogue::api::GetActivity => Everyone, Reads;
    crate::catalogue::api::EnrolActivity => Roles(CITIZEN), Changes;
    crate::catalogue::api::CancelEnrolment => Roles(CITIZEN), Changes;
    crate::catalogue::api::GetMyCalendar => Roles(CITIZEN), Reads;
    crate::catalogue::api::RenewCalendarFeed => Roles(CITIZEN), Changes;
    crate::catalogue::api::RevokeCalendarFeed => Roles(CITIZEN), Changes;
    crate::catalogue::api::CreateActivity => Roles(ORGANISERS), Changes;
    crate::catalogue::api::ListManagedActivities => Roles(ORGANISERS), Reads;
    crate::catalogue::api::GetRoster => Roles(ORGANISERS), Reads;
    crate::catalogue::api::MarkAttendance => Roles(ORGANISERS), Changes;
    crate::catalogue::api::ChangeActivityStatus => Roles(ORGANISERS), Changes;
    // Joining the network: the public request, the admin's decision, the invitation.
    crate::membership::api::SubmitAdhesion => Everyone, Changes;
    crate::membership::api::ListAdhesions => Roles(ADMIN), Reads;
    crate::membership::api::DecideAdhesion => Roles(ADMIN), Changes;
    crate::membership::api::GetInvitation => Everyone, Reads;
    crate::membership::api::AcceptInvitation => Everyone, Changes;
    // Pre-moderation of courses and meetings.
    crate::catalogue::api::ListActivitiesToReview => Roles(STAFF), Reads;
    crate::catalogue::api::DecideActivity => Roles(STAFF), Changes;
    crate::catalogue::api::SetPreModeration => Roles(ADMIN), Changes;
    // The staff dashboard (its event stream and CSV follow the same rule).
    crate::staff::api::GetDashboard => Roles(STAFF), Reads;
    // Offers and alerts.
    crate::offers::api::SearchOffers => Everyone, Reads;
    crate::offers::api::GetOffer => Everyone, Reads;
    crate::offers::api::SaveOffer => Roles(PUBLISHERS), Changes;
    crate::offers::api::ListMyOffers => Roles(PUBLISHERS), Reads;
    crate::offers::api::CloseOffer => Roles(PUBLISHERS), Changes;
    crate::offers::api::ListOffersToReview => Roles(STAFF), Reads;
    crate::offers::api::DecideOffer => Roles(STAFF), Changes;
    crate::offers::api::SaveSearch => Roles(CITIZEN), Changes;
    crate::offers::api::ListSavedSearches => Roles(CITIZEN), Reads;
    crate::offers::api::DeleteSavedSearch => Roles(CITIZEN), Changes;
    // Applications.
    crate::applications::api::GetApplyState => Everyone, Reads;
    crate::applications::api::ApplyToOffer => Roles(CITIZEN), Changes;
    crate::applications::api::ListMyApplications => Roles(CITIZEN), Reads;
    crate::applications::api::ListOfferApplications => Roles(PUBLISHERS), Reads;
    crate::applications::api::SetApplicationStage => Roles(PUBLISHERS), Changes;
    // The CV builder (its downloads and uploads check the same rule in `cv/routes.rs`).
    crate::cv::api::ListMyCvs => Roles(CITIZEN), Reads;
    crate::cv::api::CreateCv => Roles(CITIZEN), Changes;
    // The CV's owner, and a desk operator while the owner allows it (cv::help).
    crate::cv::api::GetCv => Roles(CV_EDITORS), Reads;
    crate::cv::api::SaveCv => Roles(CV_EDITORS), Changes;
    crate::cv::api::RenameCv => Roles(CITIZEN), Changes;
    crate::cv::api::DuplicateCv => Roles(CITIZEN), Changes;
    crate::cv::api::DeleteCv => Roles(CITIZEN), Changes;
    crate::cv::api::DeleteCvPhoto => Roles(CITIZEN), Changes;
    crate::cv::api::SetCvVisibility => Roles(CITIZEN), Changes;
    crate::cv::letter::api::ListMyLetters => Roles(CITIZEN), Reads;
    crate::cv::letter::api::CreateLetter => Roles(CITIZEN), Changes;
    crate::cv::letter::api::GetLetter => Roles(CITIZEN), Reads;
    crate::cv::letter::api::SaveLetter => Roles(CITIZEN), Changes;
    crate::cv::letter::api::DeleteLetter => Roles(CITIZEN), Changes;
    // Help at the desk: the citizen allows it, staff at the desk use the code.
    crate::cv::help::api::GetMyDeskHelp => Roles(CITIZEN), Reads;
    crate::cv::help::api::AllowDeskHelp => Roles(CITIZEN), Changes;
    crate::cv::help::api::RevokeDeskHelp => Roles(CITIZEN), Changes;
    crate::cv::help::api::UseDeskHelpCode => Roles(STAFF), Changes;
    crate::cv::help::api::ListHelpedCitizens => Roles(STAFF), Reads;
    // Businesses find candidates.
    crate::candidates::api::SearchCandidates => Roles(BUSINESS), Reads;
    crate::candidates::api::GetCandidate => Roles(BUSINESS), Reads;
    crate::candidates::api::OpenCandidate => Roles(BUSINESS), Changes;
    crate::candidates::api::ListShortlists => Roles(BUSINESS), Reads;
    crate::candidates::api::CreateShortlist => Roles(BUSINESS), Changes;
    crate::candidates::api::SaveToShortlist => Roles(BUSINESS), Changes;
    crate::candidates::api::RemoveFromShortlist => Roles(BUSINESS), Changes;
    crate::candidates::api::DeleteShortlist => Roles(BUSINESS), Changes;
    crate::candidates::api::RequestContact => Roles(BUSINESS), Changes;
    crate::candidates::api::GetMyVisibility => Roles(CITIZEN), Reads;
    crate::candidates::api::AnswerContactRequest => Roles(CITIZEN), Changes;
    // Orientation (the path is for everyone; a visitor's waits for registration).
    crate::orientation::api::GetOrientationPath => Everyone, Reads;
    crate::orientation::api::KeepOrientation => Everyone, Changes;
    crate::orientation::api::GetMyOrientation => Roles(CITIZEN), Reads;
    crate::orientation::api::ListOrientationRules => Roles(STAFF), Reads;
    crate::orientation::api::SaveOrientationRule => Roles(STAFF), Changes;
    // Desk appointments.
    crate::desk::api::GetDeskSlots => Everyone, Reads;
    crate::desk::api::BookAppointment => Roles(BOOKERS), Changes;
    crate::desk::api::CancelAppointment => SignedIn, Changes;
    crate::desk::api::GetDeskAgenda => Roles(STAFF), Reads;
    crate::desk::api::EraseDeskPerson => Roles(STAFF), Changes;
    crate::desk::api::RecordAppointmentOutcome => Roles(STAFF), Changes;
    crate::desk::api::SaveDeskDay => Roles(STAFF), Changes;
    crate::desk::api::SaveDeskSettings => Roles(STAFF), Changes;
    crate::desk::api::CloseDeskDay => Roles(STAFF), Changes;
    crate::desk::api::ReopenDeskDay => Roles(STAFF), Changes;
    // Staff.
    crate::accounts::api::ListPendingAccounts => Roles(STAFF), Reads;
    crate::accounts::api::DecideAccount => Roles(STAFF), Changes;
    crate::staff::api::ListAuditLog => Roles(ADMIN), Reads;
}

/// The row of the server function at `path` (`/api/<name>`), if there is one.
pub fn row_at(path: &str) -> Option<&'static Row> {
    POLICY.iter().find(|row| row.path == path)
}
