//! The document shell and the router: every page's address lives here.

use crate::components::layout::Layout;
use crate::i18n::*;
use crate::i18n_switch::language_from_cookie;
use crate::lazy::{personal::Page as Personal, public::Page as Public, work::Page as Work};
use crate::network::pages::HomePage;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};
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
                        <Route path=StaticSegment("rete") view=Public::Rete ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("rete"), StaticSegment("aderisci")) view=Public::Join ssr=SsrMode::Async/>
                        <Route path=StaticSegment("invito") view=Public::Invitation ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("adesioni")) view=Work::Adhesions ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("attivita")) view=Work::ReviewActivities ssr=SsrMode::Async/>
                        <Route path=StaticSegment("comuni") view=Public::Comuni ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("comuni"), ParamSegment("slug")) view=Public::Comune ssr=SsrMode::Async/>
                        <Route path=StaticSegment("sportelli") view=Public::Sportelli ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("sportelli"), ParamSegment("comune"), StaticSegment("prenota")) view=Personal::Booking ssr=SsrMode::Async/>
                        <Route path=StaticSegment("offerte") view=Public::Offers ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("offerte"), ParamSegment("id")) view=Public::Offer ssr=SsrMode::Async/>
                        <Route path=StaticSegment("pubblica") view=Work::MyOffers ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), StaticSegment("nuova")) view=Work::NewOffer ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), ParamSegment("id")) view=Work::EditOffer ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("pubblica"), ParamSegment("id"), StaticSegment("candidature")) view=Work::ReceivedApplications ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("candidati")) view=Work::Candidates ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("candidati"), ParamSegment("id")) view=Work::Candidate ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("imprese"), StaticSegment("liste")) view=Work::Shortlists ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("profilo")) view=Personal::MyProfile ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("candidature")) view=Personal::MyApplications ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("offerte")) view=Work::ReviewOffers ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("avvisi")) view=Personal::MyAlerts ssr=SsrMode::Async/>
                        <Route path=StaticSegment("cv") view=Personal::MyCvs ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("cv"), ParamSegment("id")) view=Personal::CvEditor ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("cv"), StaticSegment("lettere"), StaticSegment("nuova")) view=Personal::NewLetter ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("cv"), StaticSegment("lettere"), ParamSegment("id")) view=Personal::LetterEditor ssr=SsrMode::Async/>
                        <Route path=StaticSegment("orientamento") view=Public::Orientation ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("orientamento"), StaticSegment("percorso")) view=Public::Path ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("orientamento")) view=Work::OrientationRules ssr=SsrMode::Async/>
                        <Route path=StaticSegment("guida-colloquio") view=Public::InterviewGuide/>
                        <Route path=StaticSegment("corsi") view=Public::Courses ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("corsi"), ParamSegment("id")) view=Public::Course ssr=SsrMode::Async/>
                        <Route path=StaticSegment("incontri") view=Public::Meetings ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("incontri"), ParamSegment("id")) view=Public::Meeting ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("area"), StaticSegment("calendario")) view=Personal::MyCalendar ssr=SsrMode::Async/>
                        <Route path=StaticSegment("organizza") view=Work::Organise ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("organizza"), StaticSegment("nuova")) view=Work::NewActivity ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("organizza"), ParamSegment("id")) view=Work::Roster ssr=SsrMode::Async/>
                        <Route path=StaticSegment("staff") view=Work::Dashboard ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("agenda")) view=Work::Agenda ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("sportello-cv")) view=Work::DeskHelp ssr=SsrMode::Async/>
                        <Route path=StaticSegment("privacy") view=Public::Privacy/>
                        <Route path=StaticSegment("accessibilita") view=Public::Accessibility/>
                        <Route path=StaticSegment("registrazione") view=Personal::Register ssr=SsrMode::Async/>
                        <Route path=StaticSegment("accesso") view=Personal::Login ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("accesso"), StaticSegment("identita")) view=Personal::PendingIdentity ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("accesso"), StaticSegment("errore")) view=Personal::SignInFailed/>
                        <Route path=StaticSegment("verifica-email") view=Personal::VerifyEmail/>
                        <Route path=StaticSegment("password-dimenticata") view=Personal::ForgotPassword/>
                        <Route path=StaticSegment("reimposta-password") view=Personal::ResetPassword/>
                        <Route path=StaticSegment("area") view=Personal::MyArea ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("verifiche")) view=Work::Verifications ssr=SsrMode::Async/>
                        <Route path=(StaticSegment("staff"), StaticSegment("registro")) view=Work::AuditLog ssr=SsrMode::Async/>
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
