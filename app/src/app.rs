//! The document shell and the router: every page's address lives here.

use crate::components::layout::Layout;
use crate::i18n::*;
use crate::i18n_switch::language_from_cookie;
use crate::lazy::personal::{
    BookingRoute, CvEditorRoute, ForgotPasswordRoute, LoginRoute, MyAlertsRoute,
    MyApplicationsRoute, MyAreaRoute, MyCalendarRoute, MyCvsRoute, MyProfileRoute,
    PendingIdentityRoute, RegisterRoute, ResetPasswordRoute, SignInFailedRoute, VerifyEmailRoute,
};
use crate::lazy::public::{
    AccessibilityRoute, ComuneRoute, ComuniRoute, CourseRoute, CoursesRoute, InterviewGuideRoute,
    InvitationRoute, JoinRoute, MeetingRoute, MeetingsRoute, OfferRoute, OffersRoute,
    OrientationRoute, PathRoute, PrivacyRoute, ReteRoute, SportelliRoute,
};
use crate::lazy::work::{
    AdhesionsRoute, AgendaRoute, AuditLogRoute, CandidateRoute, CandidatesRoute, DashboardRoute,
    EditOfferRoute, MyOffersRoute, NewActivityRoute, NewOfferRoute, OrganiseRoute,
    OrientationRulesRoute, ReceivedApplicationsRoute, ReviewActivitiesRoute, ReviewOffersRoute,
    RosterRoute, ShortlistsRoute, VerificationsRoute,
};
use crate::network::pages::HomePage;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, ParamSegment, SsrMode, StaticSegment};
use leptos_use::UseLocalesOptions;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0066cc"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // The Open Graph tags every page shares; each public page adds
                // its title, description and address (components::page_meta).
                <meta property="og:site_name" content="InfoLavoro"/>
                <meta property="og:type" content="website"/>
                // Every weight the first screen uses (body 400, navigation and
                // labels 600, headings 700): 36 KB, so that the swap comes early.
                <link rel="preload" href="/fonts/titillium-web-latin-400-normal.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="preload" href="/fonts/titillium-web-latin-600-normal.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="preload" href="/fonts/titillium-web-latin-700-normal.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <crate::shell_scripts::HydrationScripts options/>
                <MetaTags/>
            </head>
            <body class="bg-white text-slate-900">
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Italian first: the page is Italian unless the visitor chose English
    // (a cookie), whatever language the browser asks for.
    let italian_unless_chosen =
        UseLocalesOptions::default().ssr_lang_header_getter(language_from_cookie);
    view! {
        <I18nContextProvider ssr_lang_header_getter=italian_unless_chosen>
            <Title formatter=|page: String| if page.is_empty() { "InfoLavoro".to_string() } else { format!("{page} — InfoLavoro") }/>
            <Router>
                <Layout>
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("rete") view={Lazy::<ReteRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("rete"), StaticSegment("aderisci")) view={Lazy::<JoinRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("invito") view={Lazy::<InvitationRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("adesioni")) view={Lazy::<AdhesionsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("attivita")) view={Lazy::<ReviewActivitiesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("comuni") view={Lazy::<ComuniRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("comuni"), ParamSegment("slug")) view={Lazy::<ComuneRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("sportelli") view={Lazy::<SportelliRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("sportelli"), ParamSegment("comune"), StaticSegment("prenota")) view={Lazy::<BookingRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("offerte") view={Lazy::<OffersRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("offerte"), ParamSegment("id")) view={Lazy::<OfferRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("pubblica") view={Lazy::<MyOffersRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), StaticSegment("nuova")) view={Lazy::<NewOfferRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), ParamSegment("id")) view={Lazy::<EditOfferRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), ParamSegment("id"), StaticSegment("candidature")) view={Lazy::<ReceivedApplicationsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("candidati")) view={Lazy::<CandidatesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("candidati"), ParamSegment("id")) view={Lazy::<CandidateRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("liste")) view={Lazy::<ShortlistsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("profilo")) view={Lazy::<MyProfileRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("candidature")) view={Lazy::<MyApplicationsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("offerte")) view={Lazy::<ReviewOffersRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("avvisi")) view={Lazy::<MyAlertsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("cv") view={Lazy::<MyCvsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("cv"), ParamSegment("id")) view={Lazy::<CvEditorRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("orientamento") view={Lazy::<OrientationRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("orientamento"), StaticSegment("percorso")) view={Lazy::<PathRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("orientamento")) view={Lazy::<OrientationRulesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("guida-colloquio") view={Lazy::<InterviewGuideRoute>::new()}/>
                        <Route path=StaticSegment("corsi") view={Lazy::<CoursesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("corsi"), ParamSegment("id")) view={Lazy::<CourseRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("incontri") view={Lazy::<MeetingsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("incontri"), ParamSegment("id")) view={Lazy::<MeetingRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("calendario")) view={Lazy::<MyCalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("organizza") view={Lazy::<OrganiseRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("organizza"), StaticSegment("nuova")) view={Lazy::<NewActivityRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("organizza"), ParamSegment("id")) view={Lazy::<RosterRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("staff") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("agenda")) view={Lazy::<AgendaRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("privacy") view={Lazy::<PrivacyRoute>::new()}/>
                        <Route path=StaticSegment("accessibilita") view={Lazy::<AccessibilityRoute>::new()}/>
                        <Route path=StaticSegment("registrazione") view={Lazy::<RegisterRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("accesso") view={Lazy::<LoginRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("accesso"), StaticSegment("identita")) view={Lazy::<PendingIdentityRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("accesso"), StaticSegment("errore")) view={Lazy::<SignInFailedRoute>::new()}/>
                        <Route path=StaticSegment("verifica-email") view={Lazy::<VerifyEmailRoute>::new()}/>
                        <Route path=StaticSegment("password-dimenticata") view={Lazy::<ForgotPasswordRoute>::new()}/>
                        <Route path=StaticSegment("reimposta-password") view={Lazy::<ResetPasswordRoute>::new()}/>
                        <Route path=StaticSegment("area") view={Lazy::<MyAreaRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("verifiche")) view={Lazy::<VerificationsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("registro")) view={Lazy::<AuditLogRoute>::new()} ssr=SsrMode::Async/>
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
