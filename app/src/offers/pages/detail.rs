//! `/offerte/{id}`: one offer, with its schema.org `JobPosting` for search
//! engines. Its publisher and staff also see it before publication, with its
//! state and the operator's reason.

use super::{place_of, rich_text};
use crate::applications::api::shared::ApplyBox;
use crate::components::async_data::with_data;
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::labels::{label_of, pick};
use crate::offers::api::get_offer;
use crate::offers::domain::{OfferDetail, Status, EDUCATION, PROFESSIONS, SECTORS};
use leptos::prelude::*;

#[component]
pub fn OfferPage() -> impl IntoView {
    let id = crate::components::use_id_param();
    let offer = Resource::new(move || id.get(), |id| get_offer(id, false));
    view! { {with_data(offer, move |offer| view! { <Offer offer/> })} }
}

fn euros(n: i64) -> String {
    // 24000 → "24.000"
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("{out} €")
}

#[component]
fn Offer(offer: OfferDetail) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let d = offer;
    let o = d.summary.clone();
    let pay = match (d.pay_min, d.pay_max) {
        (Some(min), Some(max)) if max > min => Some(format!(
            "{} – {} {}",
            euros(min),
            euros(max),
            td_string!(l, offers_detail.gross_a_year)
        )),
        (Some(min), _) => Some(format!(
            "{} {}",
            euros(min),
            td_string!(l, offers_detail.gross_a_year)
        )),
        _ => None,
    };
    let optional = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
    };
    view! {
        <PageMeta title=o.title.clone() description=o.snippet.clone() noindex=o.demo/>
        {(!o.demo).then(|| view! { <script type="application/ld+json" inner_html=d.json_ld.clone()></script> })}
        <p class="mb-2"><a href="/offerte">{td_string!(l, offers_detail.all_offers)}</a></p>
        <p class="text-base font-semibold uppercase tracking-wide text-slate-700">{pick(o.kind.label(), english)}</p>
        <h1 class="page-title">{o.title.clone()}</h1>
        <p class="lead mb-4">{format!("{} · {}", o.organisation, place_of(&o, l))}</p>
        {o.demo.then(|| view! { <p class="mb-4"><span class="badge badge-demo">{td_string!(l, offers_detail.demo_content_not_a)}</span></p> })}
        {d.can_manage.then(|| view! {
            <div class="notice mb-6" data-testid="stato-offerta">
                <p><strong>{td_string!(l, offers_detail.state)}</strong>" "{pick(d.status.label(), english)}</p>
                {(!d.review_reason.is_empty() && d.status == Status::Bozza).then(|| view! {
                    <p>{format!("{} {}", td_string!(l, offers_detail.to_fix), d.review_reason)}</p>
                })}
                <p><a href=format!("/pubblica/{}", o.id)>{td_string!(l, offers_detail.manage_the_offer)}</a></p>
            </div>
        })}
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <div>
                <h2 class="section-title">{td_string!(l, offers_detail.the_offer)}</h2>
                <div class="lead">{rich_text(&d.description)}</div>
                <div class="mt-8">
                    {(d.status == Status::Pubblicata).then(|| view! { <ApplyBox offer=o.id/> })}
                </div>
            </div>
            <aside class="card">
                <dl class="facts">
                    <dt>{td_string!(l, offers_detail.contract)}</dt><dd>{pick(o.contract.label(), english)}</dd>
                    <dt>{td_string!(l, offers_detail.working_time)}</dt><dd>{pick(o.working_time.label(), english)}</dd>
                    {optional(td_string!(l, offers_detail.address), d.address.clone())}
                    <dt>{td_string!(l, offers_detail.sector)}</dt><dd>{label_of(&SECTORS, &d.sector, english)}</dd>
                    <dt>{td_string!(l, offers_detail.occupation)}</dt><dd>{label_of(&PROFESSIONS, &d.profession, english)}</dd>
                    <dt>{td_string!(l, offers_detail.education)}</dt><dd>{label_of(&EDUCATION, &d.education.to_string(), english)}</dd>
                    {optional(td_string!(l, offers_detail.languages), d.languages.clone())}
                    {optional(td_string!(l, offers_detail.driving_licence), d.licence.clone())}
                    {optional(td_string!(l, offers_detail.pay), pay.unwrap_or_default())}
                    <dt>{td_string!(l, offers_detail.positions)}</dt><dd>{d.positions}</dd>
                    <dt>{td_string!(l, offers_detail.posted_on)}</dt><dd>{if o.published_at > 0 { italian_date(o.published_at) } else { "—".into() }}</dd>
                    <dt>{td_string!(l, offers_detail.closes_on)}</dt><dd>{italian_date(o.expires_at)}</dd>
                </dl>
            </aside>
        </div>
    }
}
