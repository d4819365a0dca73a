//! `/privacy`: the privacy notice (GDPR art. 13). Later features add the
//! processing they bring (accounts, CVs, applications) to this text.

use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::domain::DESK_EMAIL;
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <PageMeta title=td_string!(l, privacy.title) description=crate::kernel::text::first_words(td_string!(l, privacy.intro), 160)/>
        <article class="prose-page">
            <h1 class="page-title">{td_string!(l, privacy.heading)}</h1>
            <p class="lead">{td_string!(l, privacy.intro)}</p>
            <h2 class="section-title">{td_string!(l, privacy.controller_title)}</h2>
            <p>{td_string!(l, privacy.controller_text)} " " <a href=format!("mailto:{DESK_EMAIL}")>{DESK_EMAIL}</a></p>
            <h2 class="section-title">{td_string!(l, privacy.data_title)}</h2>
            <p>{td_string!(l, privacy.data_text)}</p>
            <h2 class="section-title">{td_string!(l, privacy.cookies_title)}</h2>
            <p>{td_string!(l, privacy.cookies_text)}</p>
            <h2 class="section-title">{td_string!(l, privacy.rights_title)}</h2>
            <p>{td_string!(l, privacy.rights_text)}</p>
            <p class="mt-6 text-base">{td_string!(l, privacy.version)}</p>
        </article>
    }
}
