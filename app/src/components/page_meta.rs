//! What a page says about itself to search engines and to the apps a link is
//! shared in: its title, a one-sentence description and the Open Graph tags
//! built from them. The tags that are the same on every page (site name,
//! type, picture) are in the document shell.

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Every public page names itself with this instead of a bare `<Title>`.
/// `noindex` keeps a page out of search engines (demo content).
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    #[prop(optional)] noindex: bool,
) -> impl IntoView {
    let locale = match crate::i18n_switch::locale() {
        Locale::en => "en_GB",
        Locale::it => "it_IT",
    };
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let url = format!("{}{path}", origin());
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        <Meta property="og:locale" content=locale/>
        {noindex.then(|| view! { <Meta name="robots" content="noindex"/> })}
    }
}

/// The portal's own address: `PUBLIC_URL` on the server, where crawlers read
/// the tags; the page's origin in the browser, which is the same address.
fn origin() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::state::app_state()
            .map(|state| state.config.public_url.clone())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        window().location().origin().unwrap_or_default()
    }
}
