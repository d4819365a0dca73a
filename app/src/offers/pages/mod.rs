//! The pages of offers: the search, an offer, the publishers' pages, the
//! operators' review queue and one's saved searches.

mod detail;
mod my_alerts;
mod publish;
mod results;
mod review;
mod search;

pub use detail::OfferPage;
pub use my_alerts::MyAlertsPage;
pub use publish::{EditOfferPage, MyOffersPage, NewOfferPage};
pub use review::ReviewOffersPage;
pub use search::OffersPage;

use super::domain::{OfferSummary, RemoteMode};
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::decimals::fixed;
use crate::kernel::labels::pick;
use leptos::prelude::*;

/// "Sarzana · 3 km" or "Da remoto".
pub fn place_of(o: &OfferSummary, l: Locale) -> String {
    let english = l == Locale::en;
    let mut place = if o.comune_name.is_empty() {
        td_string!(l, offers.remote).to_string()
    } else {
        o.comune_name.clone()
    };
    if let Some(km) = o.distance_km.filter(|km| *km >= 0.5) {
        place.push_str(&format!(" · {} km", fixed(km, 0)));
    }
    if o.remote == RemoteMode::Ibrido {
        place.push_str(&format!(" · {}", pick(RemoteMode::Ibrido.label(), english)));
    }
    place
}

/// One offer in a list: title, who, where, contract, when it was posted.
#[component]
pub fn OfferCard(offer: OfferSummary) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let o = offer;
    view! {
        <li class="card" data-testid="offerta">
            <p class="text-base font-semibold uppercase tracking-wide text-slate-700">{pick(o.kind.label(), english)}</p>
            <h3 class="card-title"><a href=format!("/offerte/{}", o.id)>{o.title.clone()}</a></h3>
            {o.demo.then(|| view! { <p class="mb-2"><span class="badge badge-demo">{td_string!(l, offers.demo_content)}</span></p> })}
            <dl class="facts">
                <dt>{td_string!(l, offers.employer)}</dt><dd>{o.organisation.clone()}</dd>
                <dt>{td_string!(l, offers.where_text)}</dt><dd data-testid="luogo">{place_of(&o, l)}</dd>
                <dt>{td_string!(l, offers.contract)}</dt>
                <dd>{format!("{} · {}", pick(o.contract.label(), english), pick(o.working_time.label(), english))}</dd>
                <dt>{td_string!(l, offers.posted)}</dt><dd>{italian_date(o.published_at)}</dd>
            </dl>
            <p class="mt-2">{o.snippet.clone()}</p>
        </li>
    }
}

/// A description as people write it: paragraphs split by blank lines, and
/// lines starting with "-" or "•" as a list. Plain text only, so nothing a
/// publisher types can become markup.
pub fn rich_text(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<&str> = block.lines().map(str::trim).collect();
            let bullet = |l: &&str| l.starts_with("- ") || l.starts_with("• ");
            if lines.iter().all(bullet) {
                view! {
                    <ul class="mb-4 list-disc pl-6">
                        {lines.iter().map(|l| view! { <li>{l[l.char_indices().nth(2).map_or(0, |(i, _)| i)..].to_string()}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            } else {
                view! { <p class="mb-4 whitespace-pre-line">{block.to_string()}</p> }.into_any()
            }
        })
        .collect_view()
}
