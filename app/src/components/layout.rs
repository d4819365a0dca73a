//! The frame around every page: skip link, header with navigation and the
//! language switch, footer with the desk's contact.

use crate::i18n::*;
use crate::i18n_switch::language_switch_href;
use crate::network::domain::DESK_EMAIL;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let announced = focus_each_new_page();
    // Before the page's forms are made: they read a refused submission.
    crate::kernel::refused_form::provide_for_page();
    let location = use_location();
    view! {
        <a href="#contenuto" class="skip-link">{td_string!(l, skip_to_content)}</a>
        <p class="sr-only" aria-live="polite" data-testid="annuncio-pagina">{move || announced.get()}</p>
        <header class="bg-primary text-white">
            <div class="border-b border-white/20 bg-primary-dark">
                <div class="container-page flex items-center justify-between gap-4 py-1 text-sm sm:py-2 sm:text-base">
                    <span>{td_string!(l, header.owner)}</span>
                    <LanguageSwitch/>
                </div>
            </div>
            <div class="container-page py-3 sm:py-5">
                <A href="/" attr:class="inline-block text-white no-underline hover:underline">
                    <span class="block text-2xl font-bold sm:text-4xl">"InfoLavoro"</span>
                    <span class="block text-base sm:text-lg">{td_string!(l, header.tagline)}</span>
                </A>
            </div>
            <nav aria-label=td_string!(l, nav.label) class="bg-primary">
                // On a phone the links fold behind "Menu" (a `<details>`, so
                // without JavaScript too), closed again on every new page.
                <details class="nav-fold" prop:open=move || { location.pathname.track(); false }>
                    <summary class="nav-fold-button">{td_string!(l, nav.menu)}</summary>
                    <ul class="container-page flex flex-col gap-x-1 pb-2 text-lg font-semibold md:flex-row md:flex-wrap">
                        <li><A href="/" exact=true attr:class="nav-link">{td_string!(l, nav.home)}</A></li>
                        <li><A href="/offerte" attr:class="nav-link">{td_string!(l, nav.offers)}</A></li>
                        <li><A href="/rete" attr:class="nav-link">{td_string!(l, nav.network)}</A></li>
                        <li><A href="/comuni" attr:class="nav-link">{td_string!(l, nav.comuni)}</A></li>
                        <li><A href="/sportelli" attr:class="nav-link">{td_string!(l, nav.desks)}</A></li>
                        <li><A href="/corsi" attr:class="nav-link">{td_string!(l, nav.courses)}</A></li>
                        <li><A href="/incontri" attr:class="nav-link">{td_string!(l, nav.meetings)}</A></li>
                        <li class="md:ml-auto"><AccountLink/></li>
                    </ul>
                </details>
            </nav>
        </header>
        <main id="contenuto" tabindex="-1" class="container-page py-5 focus:outline-none sm:py-8">
            {children()}
        </main>
        <footer class="mt-12 bg-slate-800 py-8 text-white">
            <div class="container-page grid gap-6 sm:grid-cols-2">
                <div>
                    <p class="text-xl font-bold">"InfoLavoro"</p>
                    <p>{td_string!(l, footer.coordinated_by)}</p>
                    <p>
                        {td_string!(l, footer.contact)} " "
                        <a class="text-white underline" href=format!("mailto:{DESK_EMAIL}")>{DESK_EMAIL}</a>
                    </p>
                </div>
                <ul class="space-y-2">
                    <li><A href="/privacy" attr:class="text-white underline">{td_string!(l, footer.privacy)}</A></li>
                    <li><A href="/accessibilita" attr:class="text-white underline">{td_string!(l, footer.accessibility)}</A></li>
                    <li><A href="/sportelli" attr:class="text-white underline">{td_string!(l, nav.desks)}</A></li>
                </ul>
            </div>
        </footer>
    }
}

/// After a change of page inside the app, focus moves to the page's main
/// content, as a full load would start there: Tab goes to its first link
/// rather than on from the old one. `main` rather than its heading: with
/// lazily loaded pages, the old heading can still be there for a moment, and
/// focus would fall with it. The new page's title is then said in a polite
/// live region (what a screen reader says on a full load), once the page
/// has set it.
fn focus_each_new_page() -> RwSignal<String> {
    let location = use_location();
    let announced = RwSignal::new(String::new());
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("contenuto") {
                use leptos::wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<leptos::web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
            set_timeout(
                move || announced.set(document().title()),
                std::time::Duration::from_millis(600),
            );
        }
        path
    });
    announced
}

/// The pages after which the person may be signed in or out: signing in,
/// registering, an invitation, an email link, the personal area (signing
/// out, deleting the account).
const SIGN_IN_CHANGES_ON: [&str; 6] = [
    "/accesso",
    "/registrazione",
    "/invito",
    "/verifica-email",
    "/reimposta-password",
    "/area",
];

/// The way in: "Accedi" and "Registrati" for a visitor, the person's name
/// (their area) once signed in. The server's answer comes with the page;
/// inside the app it is asked again only on leaving a page where signing in
/// or out happens, not at every change of page.
#[component]
fn AccountLink() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let location = use_location();
    let asked = RwSignal::new(0_u32);
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if let Some(previous) = previous {
            if previous != path && SIGN_IN_CHANGES_ON.iter().any(|p| previous.starts_with(p)) {
                asked.update(|n| *n += 1);
            }
        }
        path
    });
    let name = Resource::new(
        move || asked.get(),
        |_| crate::accounts::api::get_signed_in_name(),
    );
    let links = move || {
        name.get().map(|result| match result.ok().flatten() {
            Some(name) => view! { <A href="/area" attr:class="nav-link">{name}</A> }.into_any(),
            None => view! {
                <A href="/accesso" attr:class="nav-link">{td_string!(l, nav.sign_in)}</A>
                <A href="/registrazione" attr:class="nav-link">{td_string!(l, nav.register)}</A>
            }
            .into_any(),
        })
    };
    // A transition, not a suspense: the links stay while the next page's
    // answer comes, instead of blinking out at each change of page.
    view! { <Transition fallback=|| ()>{links}</Transition> }
}

/// Links to the other language. It is a plain link to a server function that
/// stores the choice in a cookie and sends the visitor back to the same page,
/// so it works without JavaScript and every page is rendered in one language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = crate::i18n_switch::locale();
    let other = match current {
        Locale::it => Locale::en,
        Locale::en => Locale::it,
    };
    let location = use_location();
    let href = move || {
        // The router's `search` comes without its leading `?`.
        let search = location.search.get();
        let back = if search.is_empty() {
            location.pathname.get()
        } else {
            format!(
                "{}?{}",
                location.pathname.get(),
                search.trim_start_matches('?')
            )
        };
        language_switch_href(other, &back)
    };
    view! {
        <a
            href=href
            rel="external"
            class="rounded border-2 border-white px-3 py-1 font-semibold text-white no-underline hover:bg-white hover:text-primary-dark"
            lang=other.as_str()
            hreflang=other.as_str()
            aria-label=td_string!(other, lang.switch_label)
        >
            {td_string!(other, lang.name)}
        </a>
    }
}
