//! The pages' code bundles: every page but the home page is a lazy route
//! whose code `cargo leptos … --split` moves out of the main wasm, and the
//! pages are grouped here into a few bundles, each one split module, by who
//! opens them together.
//!
//! One split module per page (Leptos's `#[lazy_route]`) made the splitter
//! put every piece of code two pages share into its own chunk: the search
//! page fetched 211 files with a median of 424 bytes, each request costing
//! more in headers and round trips than in bytes. With three bundles a page
//! fetches its bundle and at most three chunks of code it shares with the
//! others (one for each other bundle, one for all three): with the main
//! wasm, its JavaScript and the split loader, seven files.

/// `page_bundle!(name: Variant => PageComponent, …)` declares the module
/// `name` with the enum `Page`, one variant per page, each variant the view
/// of its `<Route view=Page::Variant/>`: all the bundle's pages are drawn by
/// one lazy function, so one split module.
///
/// `Page` is its own `ChooseView` rather than one `Lazy<…Route>` type per
/// page: the router's code for a route's view is made once per type, and one
/// type per bundle instead of one per page kept that code (about fifty
/// copies) out of the main wasm.
#[macro_export]
macro_rules! page_bundle {
    ($bundle:ident: $($variant:ident => $page:ident),* $(,)?) => {
        pub mod $bundle {
            use super::*;
            use leptos::prelude::*;

            /// The bundle's pages: which one a route draws.
            #[derive(Clone, Copy)]
            pub enum Page {
                $($variant),*
            }

            #[leptos::lazy($bundle)]
            fn draw(page: Page) -> AnyView {
                match page {
                    $(Page::$variant => view! { <$page/> }.into_any()),*
                }
            }

            impl leptos_router::ChooseView for Page {
                async fn choose(self) -> AnyView {
                    draw(self).await
                }

                async fn preload(&self) {
                    // The split module exists only in the browser's build.
                    #[cfg(target_arch = "wasm32")]
                    __preload_draw().await;
                }
            }
        }
    };
}

use crate::accounts::pages::{
    ForgotPasswordPage, LoginPage, MyAreaPage, PendingIdentityPage, RegisterPage,
    ResetPasswordPage, SignInFailedPage, VerificationsPage, VerifyEmailPage,
};
use crate::applications::pages::{MyApplicationsPage, ReceivedApplicationsPage};
use crate::candidates::pages::{CandidatePage, CandidatesPage, MyProfilePage, ShortlistsPage};
use crate::catalogue::pages::{
    CoursePage, CoursesPage, MeetingPage, MeetingsPage, MyCalendarPage, NewActivityPage,
    OrganisePage, ReviewActivitiesPage, RosterPage,
};
use crate::cv::help::pages::DeskHelpPage;
use crate::cv::letter::pages::{LetterEditorPage, NewLetterPage};
use crate::cv::pages::{CvEditorPage, InterviewGuidePage, MyCvsPage};
use crate::desk::pages::{AgendaPage, BookingPage};
use crate::membership::pages::{AdhesionsPage, InvitationPage, JoinPage};
use crate::network::pages::{ComunePage, ComuniPage, RetePage, SportelliPage};
use crate::offers::pages::{
    EditOfferPage, MyAlertsPage, MyOffersPage, NewOfferPage, OfferPage, OffersPage,
    ReviewOffersPage,
};
use crate::orientation::pages::{OrientationPage, PathPage, RulesPage};
use crate::pages::{AccessibilityPage, PrivacyPage};
use crate::staff::pages::{AuditLogPage, DashboardPage};

// What anyone opens without signing in: the offers, courses and meetings
// with their filters, maps and lists; the network, its comuni and desks;
// orientation; the rules; joining the network.
crate::page_bundle!(public:
    Offers => OffersPage,
    Offer => OfferPage,
    Courses => CoursesPage,
    Course => CoursePage,
    Meetings => MeetingsPage,
    Meeting => MeetingPage,
    Rete => RetePage,
    Comuni => ComuniPage,
    Comune => ComunePage,
    Sportelli => SportelliPage,
    Privacy => PrivacyPage,
    Accessibility => AccessibilityPage,
    Orientation => OrientationPage,
    Path => PathPage,
    InterviewGuide => InterviewGuidePage,
    Join => JoinPage,
    Invitation => InvitationPage,
);

// A person's own pages: the account, the CVs, applications, alerts, the
// calendar and the desk booking.
crate::page_bundle!(personal:
    Register => RegisterPage,
    Login => LoginPage,
    VerifyEmail => VerifyEmailPage,
    ForgotPassword => ForgotPasswordPage,
    ResetPassword => ResetPasswordPage,
    PendingIdentity => PendingIdentityPage,
    SignInFailed => SignInFailedPage,
    MyArea => MyAreaPage,
    MyCvs => MyCvsPage,
    CvEditor => CvEditorPage,
    NewLetter => NewLetterPage,
    LetterEditor => LetterEditorPage,
    MyApplications => MyApplicationsPage,
    MyAlerts => MyAlertsPage,
    MyProfile => MyProfilePage,
    MyCalendar => MyCalendarPage,
    Booking => BookingPage,
);

// The pages of businesses, member bodies and staff.
crate::page_bundle!(work:
    MyOffers => MyOffersPage,
    NewOffer => NewOfferPage,
    EditOffer => EditOfferPage,
    ReceivedApplications => ReceivedApplicationsPage,
    ReviewOffers => ReviewOffersPage,
    Candidates => CandidatesPage,
    Candidate => CandidatePage,
    Shortlists => ShortlistsPage,
    Organise => OrganisePage,
    NewActivity => NewActivityPage,
    Roster => RosterPage,
    ReviewActivities => ReviewActivitiesPage,
    Adhesions => AdhesionsPage,
    Verifications => VerificationsPage,
    Dashboard => DashboardPage,
    AuditLog => AuditLogPage,
    Agenda => AgendaPage,
    DeskHelp => DeskHelpPage,
    OrientationRules => RulesPage,
);
