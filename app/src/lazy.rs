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

/// `page_bundle!(name: RouteName => PageComponent, …)` declares the module
/// `name` with one lazy route per page, for `<Route view={Lazy::<RouteName>::new()}/>`,
/// all of whose views are one lazy function, so one split module.
#[macro_export]
macro_rules! page_bundle {
    ($bundle:ident: $($route:ident => $page:ident),* $(,)?) => {
        pub mod $bundle {
            use super::*;
            use leptos::prelude::*;

            /// The bundle's pages: what the one lazy function is asked to draw.
            #[derive(Clone, Copy)]
            pub enum Page {
                $($route),*
            }

            #[leptos::lazy($bundle)]
            fn draw(page: Page) -> AnyView {
                match page {
                    $(Page::$route => view! { <$page/> }.into_any()),*
                }
            }

            $(
                pub struct $route;

                impl leptos_router::LazyRoute for $route {
                    fn data() -> Self {
                        $route
                    }

                    async fn view(_this: Self) -> AnyView {
                        draw(Page::$route).await
                    }

                    async fn preload() {
                        // The split module exists only in the browser's build.
                        #[cfg(target_arch = "wasm32")]
                        __preload_draw().await;
                    }
                }
            )*
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
    OffersRoute => OffersPage,
    OfferRoute => OfferPage,
    CoursesRoute => CoursesPage,
    CourseRoute => CoursePage,
    MeetingsRoute => MeetingsPage,
    MeetingRoute => MeetingPage,
    ReteRoute => RetePage,
    ComuniRoute => ComuniPage,
    ComuneRoute => ComunePage,
    SportelliRoute => SportelliPage,
    PrivacyRoute => PrivacyPage,
    AccessibilityRoute => AccessibilityPage,
    OrientationRoute => OrientationPage,
    PathRoute => PathPage,
    InterviewGuideRoute => InterviewGuidePage,
    JoinRoute => JoinPage,
    InvitationRoute => InvitationPage,
);

// A person's own pages: the account, the CVs, applications, alerts, the
// calendar and the desk booking.
crate::page_bundle!(personal:
    RegisterRoute => RegisterPage,
    LoginRoute => LoginPage,
    VerifyEmailRoute => VerifyEmailPage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetPasswordRoute => ResetPasswordPage,
    PendingIdentityRoute => PendingIdentityPage,
    SignInFailedRoute => SignInFailedPage,
    MyAreaRoute => MyAreaPage,
    MyCvsRoute => MyCvsPage,
    CvEditorRoute => CvEditorPage,
    MyApplicationsRoute => MyApplicationsPage,
    MyAlertsRoute => MyAlertsPage,
    MyProfileRoute => MyProfilePage,
    MyCalendarRoute => MyCalendarPage,
    BookingRoute => BookingPage,
);

// The pages of businesses, member bodies and staff.
crate::page_bundle!(work:
    MyOffersRoute => MyOffersPage,
    NewOfferRoute => NewOfferPage,
    EditOfferRoute => EditOfferPage,
    ReceivedApplicationsRoute => ReceivedApplicationsPage,
    ReviewOffersRoute => ReviewOffersPage,
    CandidatesRoute => CandidatesPage,
    CandidateRoute => CandidatePage,
    ShortlistsRoute => ShortlistsPage,
    OrganiseRoute => OrganisePage,
    NewActivityRoute => NewActivityPage,
    RosterRoute => RosterPage,
    ReviewActivitiesRoute => ReviewActivitiesPage,
    AdhesionsRoute => AdhesionsPage,
    VerificationsRoute => VerificationsPage,
    DashboardRoute => DashboardPage,
    AuditLogRoute => AuditLogPage,
    AgendaRoute => AgendaPage,
    OrientationRulesRoute => RulesPage,
);
