//! `/accessibilita`: the accessibility statement an Italian public body
//! publishes (AgID model, Legge 4/2004), with the way to report a problem.

use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::domain::DESK_EMAIL;
use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <PageMeta title=td_string!(l, accessibility.title) description=crate::kernel::text::first_words(td_string!(l, accessibility.intro), 160)/>
        <article class="prose-page">
            <h1 class="page-title">{td_string!(l, accessibility.heading)}</h1>
            <p class="lead">{td_string!(l, accessibility.intro)}</p>
            <h2 class="section-title">{td_string!(l, accessibility.status_title)}</h2>
            <p>{td_string!(l, accessibility.status_text)}</p>
            <h2 class="section-title">{td_string!(l, accessibility.method_title)}</h2>
            <p>{td_string!(l, accessibility.method_text)}</p>
            <h2 class="section-title">{td_string!(l, accessibility.feedback_title)}</h2>
            <p>{td_string!(l, accessibility.feedback_text)} " " <a href=format!("mailto:{DESK_EMAIL}")>{DESK_EMAIL}</a></p>
            <h2 class="section-title">{td_string!(l, accessibility.enforcement_title)}</h2>
            <p>{td_string!(l, accessibility.enforcement_text)}</p>
            <p class="mt-6 text-base">{td_string!(l, accessibility.date)}</p>
        </article>
    }
}
