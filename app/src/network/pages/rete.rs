//! `/rete`: the member bodies by category, the network's comuni and mayors,
//! the protocol's validity and how to join.
//!
//! The category filter lives in the URL (`?categoria=sindacato`): plain links
//! that work without JavaScript, and that the router follows without a reload
//! once the page is hydrated.

use crate::components::async_data::with_data;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::network::api::{list_comuni, list_member_bodies};
use crate::network::domain::{category_label, Category, MemberBody};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RetePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = use_query_map();
    let selected = Memo::new(move |_| {
        query
            .read()
            .get("categoria")
            .and_then(|c| Category::from_code(&c))
    });
    let bodies = Resource::new(|| (), |_| list_member_bodies());
    let comuni = Resource::new(|| (), |_| list_comuni());
    view! {
        <PageMeta title=td_string!(l, rete.title) description=crate::kernel::text::first_words(td_string!(l, rete.lead), 160)/>
        <h1 class="page-title">{td_string!(l, rete.heading)}</h1>
        <p class="lead mb-8">{td_string!(l, rete.lead)}</p>

        <section aria-labelledby="enti" class="mb-12">
            <h2 id="enti" class="section-title">{td_string!(l, rete.bodies_title)}</h2>
            {with_data(bodies, move |bodies| view! { <BodiesByCategory bodies selected/> })}
        </section>

        <section aria-labelledby="comuni-rete" class="mb-12">
            <h2 id="comuni-rete" class="section-title">{td_string!(l, rete.comuni_title)}</h2>
            {with_data(comuni, move |comuni| view! {
                <ul class="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="comuni-rete">
                    {comuni.into_iter().filter(|c| c.in_network()).map(|c| view! {
                        <li class="card-link">
                            <a href=format!("/comuni/{}", c.slug) class="font-semibold">{c.name.clone()}</a>
                            <span>{td_string!(l, rete.mayor)} " " {c.mayor.clone().unwrap_or_default()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>

        <section aria-labelledby="protocollo" class="mb-12 max-w-3xl">
            <h2 id="protocollo" class="section-title">{td_string!(l, rete.protocol_title)}</h2>
            <p>{td_string!(l, rete.protocol_text)}</p>
        </section>

        <section aria-labelledby="aderire-titolo" id="aderire" class="card max-w-3xl">
            <h2 id="aderire-titolo" class="section-title">{td_string!(l, rete.join_title)}</h2>
            <p>{td_string!(l, rete.join_text)}</p>
            <p class="mt-3"><a class="btn-primary" href="/rete/aderisci">{td_string!(l, rete.join_link)}</a></p>
        </section>
    }
}

#[component]
fn BodiesByCategory(bodies: Vec<MemberBody>, selected: Memo<Option<Category>>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let total = bodies.len();
    let count_in = {
        let bodies = bodies.clone();
        move |c: Category| bodies.iter().filter(|b| b.category == c).count()
    };
    let filters = Category::ALL
        .into_iter()
        .map(|c| {
            let count = count_in(c);
            let href = format!("/rete?categoria={}", c.code());
            view! {
                <li>
                    <a
                        href=href
                        class="filter-chip"
                        aria-current=move || (selected.get() == Some(c)).then_some("true")
                    >
                        {category_label(c, l)} " (" {count} ")"
                    </a>
                </li>
            }
        })
        .collect_view();
    let shown_count = {
        let count_in = count_in.clone();
        move || selected.get().map_or(total, &count_in)
    };
    let groups = move || {
        Category::ALL
            .into_iter()
            .filter(|c| selected.get().is_none_or(|s| s == *c))
            .map(|c| {
                let names: Vec<String> =
                    bodies.iter().filter(|b| b.category == c).map(|b| b.name.clone()).collect();
                view! {
                    <section class="mb-6" data-categoria=c.code()>
                        <h3 class="card-title">{category_label(c, l)}</h3>
                        <ul class="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                            {names.into_iter().map(|n| view! { <li class="body-item">{n}</li> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <nav aria-label=td_string!(l, rete.filter_label)>
            <ul class="mb-4 flex flex-wrap gap-2">
                <li>
                    <a href="/rete" class="filter-chip" aria-current=move || selected.get().is_none().then_some("true")>
                        {td_string!(l, rete.all)} " (" {total} ")"
                    </a>
                </li>
                {filters}
            </ul>
        </nav>
        <p aria-live="polite" class="mb-4 font-semibold" data-testid="conteggio-enti">
            {move || td_string!(l, rete.shown, shown = shown_count(), total = total)}
        </p>
        {groups}
    }
}
