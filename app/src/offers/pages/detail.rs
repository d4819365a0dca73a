//! `/offerte/{id}`: one offer, with its schema.org `JobPosting` for search
//! engines. Its publisher and staff also see it before publication, with its
//! state and the operator's reason.

use super::{place_of, rich_text};
use crate::applications::pages::ApplyBox;
use crate::components::async_data::with_data;
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::labels::{label_of, pick};
use crate::offers::api::get_offer;
use crate::offers::domain::{
    OfferDetail, Status, CONTRACTS, EDUCATION, KINDS, PROFESSIONS, SECTORS, WORKING_TIMES,
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn OfferPage() -> impl IntoView {
    let id = crate::components::use_id_param();
    let offer = Resource::new(move || id.get(), get_offer);
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
            tr(l, "lordi all'anno", "gross a year")
        )),
        (Some(min), _) => Some(format!(
            "{} {}",
            euros(min),
            tr(l, "lordi all'anno", "gross a year")
        )),
        _ => None,
    };
    let optional = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
    };
    view! {
        <Title text=o.title.clone()/>
        <Meta name="description" content=o.snippet.clone()/>
        <script type="application/ld+json" inner_html=d.json_ld.clone()></script>
        <p class="mb-2"><a href="/offerte">{tr(l, "← Tutte le offerte", "← All offers")}</a></p>
        <p class="text-base font-semibold uppercase tracking-wide text-slate-700">{label_of(&KINDS, &o.kind, english)}</p>
        <h1 class="page-title">{o.title.clone()}</h1>
        <p class="lead mb-4">{format!("{} · {}", o.organisation, place_of(&o, l))}</p>
        {o.demo.then(|| view! { <p class="mb-4"><span class="badge badge-demo">{tr(l, "Contenuto dimostrativo: non è un'offerta reale", "Demo content: not a real offer")}</span></p> })}
        {d.can_manage.then(|| view! {
            <div class="notice mb-6" data-testid="stato-offerta">
                <p><strong>{tr(l, "Stato:", "State:")}</strong>" "{pick(d.status.label(), english)}</p>
                {(!d.review_reason.is_empty() && d.status == Status::Bozza).then(|| view! {
                    <p>{format!("{} {}", tr(l, "Da correggere:", "To fix:"), d.review_reason)}</p>
                })}
                <p><a href=format!("/pubblica/{}", o.id)>{tr(l, "Gestisci l'offerta", "Manage the offer")}</a></p>
            </div>
        })}
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <div>
                <h2 class="section-title">{tr(l, "L'offerta", "The offer")}</h2>
                <div class="lead">{rich_text(&d.description)}</div>
                <div class="mt-8">
                    {(d.status == Status::Pubblicata).then(|| view! { <ApplyBox offer=o.id/> })}
                </div>
            </div>
            <aside class="card">
                <dl class="facts">
                    <dt>{tr(l, "Contratto", "Contract")}</dt><dd>{label_of(&CONTRACTS, &o.contract, english)}</dd>
                    <dt>{tr(l, "Orario", "Working time")}</dt><dd>{label_of(&WORKING_TIMES, &o.working_time, english)}</dd>
                    {optional(tr(l, "Indirizzo", "Address"), d.address.clone())}
                    <dt>{tr(l, "Settore", "Sector")}</dt><dd>{label_of(&SECTORS, &d.sector, english)}</dd>
                    <dt>{tr(l, "Professione", "Occupation")}</dt><dd>{label_of(&PROFESSIONS, &d.profession, english)}</dd>
                    <dt>{tr(l, "Titolo di studio", "Education")}</dt><dd>{label_of(&EDUCATION, &d.education.to_string(), english)}</dd>
                    {optional(tr(l, "Lingue", "Languages"), d.languages.clone())}
                    {optional(tr(l, "Patente", "Driving licence"), d.licence.clone())}
                    {optional(tr(l, "Retribuzione", "Pay"), pay.unwrap_or_default())}
                    <dt>{tr(l, "Posti", "Positions")}</dt><dd>{d.positions}</dd>
                    <dt>{tr(l, "Pubblicata il", "Posted on")}</dt><dd>{if o.published_at > 0 { italian_date(o.published_at) } else { "—".into() }}</dd>
                    <dt>{tr(l, "Scade il", "Closes on")}</dt><dd>{italian_date(o.expires_at)}</dd>
                </dl>
            </aside>
        </div>
    }
}
