//! `/orientamento/percorso?…`: the personal path made of the answers in the
//! address (or, with none, of a citizen's kept answers). An answer missing
//! brings the questionnaire back with the message on that question.

use super::questionnaire::{answers_in_address, Questionnaire};
use crate::catalogue::domain::ActivitySummary;
use crate::components::async_data::with_data;
use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::decimals::fixed;
use crate::network::api::list_comuni;
use crate::offers::domain::OfferSummary;
use crate::orientation::api::{get_orientation_path, KeepOrientation};
use crate::orientation::domain::{
    label_of, Advice, AdviceKind, Answers, OrientationPath, PathViewer, SITUATIONS,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PathPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let answers = answers_in_address();
    let keep = ServerAction::<KeepOrientation>::new();
    let just_saved = use_query_map().read_untracked().get("salvato").is_some();
    // The outcome itself is the data: a missing answer is shown, not thrown.
    let path = Resource::new(
        move || (answers.get(), keep.version().get()),
        |(a, _)| async move { Ok::<_, AppError>(get_orientation_path(a).await) },
    );
    let comuni = Resource::new(|| (), |_| list_comuni());
    let title = td_string!(l, orientation_path.your_path);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {just_saved.then(|| view! { <p role="status" class="notice mb-6">{td_string!(l, orientation_path.your_path_is_saved)}</p> })}
        {with_data(path, move |outcome| match outcome {
            Ok(Some(path)) => view! { <PathView path keep/> }.into_any(),
            Ok(None) => view! {
                <p class="mb-4">{td_string!(l, orientation_path.you_have_not_answered)}</p>
                <a class="btn-primary" href="/orientamento">{td_string!(l, orientation_path.answer_the_questions)}</a>
            }.into_any(),
            Err(error @ AppError::Validation { .. }) => {
                let a = answers.get_untracked();
                view! {
                    {with_data(comuni, move |comuni| view! { <Questionnaire comuni answers=a.clone() error=Some(error.clone())/> })}
                }.into_any()
            }
            Err(other) => view! { <p role="alert" class="field-error">{other.user_message()}</p> }.into_any(),
        })}
    }
}

#[component]
fn PathView(path: OrientationPath, keep: ServerAction<KeepOrientation>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let situation = label_of(&SITUATIONS, &path.answers.situazione, english).unwrap_or_default();
    let change = format!("/orientamento?{}", path.answers.to_query_string());
    view! {
        <p class="lead mb-2">{format!("{situation} · {} · {} {} km", path.comune_name, td_string!(l, orientation_path.within), path.km)}</p>
        <p class="mb-6"><a href=change>{td_string!(l, orientation_path.change_your_answers)}</a></p>
        <SaveBox viewer=path.viewer answers=path.answers.clone() keep/>
        <ol class="grid gap-6" data-testid="percorso">
            {path.advice.into_iter().enumerate().map(|(i, a)| view! { <AdviceCard number=i + 1 advice=a km=path.km/> }).collect_view()}
        </ol>
    }
}

/// Keeping the path: saved for a citizen, through registration for a visitor.
#[component]
fn SaveBox(
    viewer: PathViewer,
    answers: Answers,
    keep: ServerAction<KeepOrientation>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let failed = move || {
        keep.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.user_message())
    };
    let hidden = hidden_answers(&answers);
    match viewer {
        PathViewer::Citizen { saved: true } => view! {
            <p class="notice mb-6" data-testid="percorso-salvato">{td_string!(l, orientation_path.this_is_the_path)}</p>
        }.into_any(),
        PathViewer::Citizen { saved: false } => view! {
            <ActionForm action=keep attr:class="mb-6">
                {hidden}
                <button type="submit" class="btn-primary">{td_string!(l, orientation_path.save_the_path_in)}</button>
                <p role="alert" class="field-error">{failed}</p>
            </ActionForm>
        }.into_any(),
        PathViewer::Visitor => view! {
            <div class="notice mb-6">
                <p class="mb-3">{td_string!(l, orientation_path.want_to_find_this)}</p>
                <ActionForm action=keep>
                    {hidden}
                    <button type="submit" class="btn-secondary">{td_string!(l, orientation_path.register_and_save_the)}</button>
                    <p role="alert" class="field-error">{failed}</p>
                </ActionForm>
            </div>
        }.into_any(),
        PathViewer::Other => ().into_any(),
    }
}

/// The answers as the hidden fields of `keep_orientation`'s form.
fn hidden_answers(a: &Answers) -> impl IntoView {
    let mut fields: Vec<(String, String)> = [
        ("situazione", &a.situazione),
        ("eta", &a.eta),
        ("istruzione", &a.istruzione),
        ("comune", &a.comune),
        ("mezzo", &a.mezzo),
        ("km", &a.km),
        ("italiano", &a.italiano),
        ("impresa", &a.impresa),
    ]
    .into_iter()
    .map(|(k, v)| (format!("answers[{k}]"), v.clone()))
    .collect();
    fields.extend(
        a.settore
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("answers[settore][{i}]"), s.clone())),
    );
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}

#[component]
fn AdviceCard(number: usize, advice: Advice, km: u32) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let body = match advice.kind {
        AdviceKind::Ente => view! {
            <ul class="mb-3 list-disc pl-6">
                {advice.bodies.iter().map(|b| view! { <li>{b.name.clone()}</li> }).collect_view()}
            </ul>
            <a href=advice.href.clone()>{td_string!(l, orientation_path.how_to_reach_them)}</a>
        }.into_any(),
        AdviceKind::Corsi | AdviceKind::Incontri => {
            let none = if advice.kind == AdviceKind::Corsi { td_string!(l, orientation_path.no_courses_are_open) } else { td_string!(l, orientation_path.no_meetings_within_this) };
            view! {
                {advice.activities.is_empty().then(|| view! { <p class="mb-3">{none}</p> })}
                <ul class="mb-3 grid gap-2">{advice.activities.iter().map(activity_line).collect_view()}</ul>
                <a href=advice.href.clone()>{format!("{} ({})", td_string!(l, orientation_path.see_all), advice.total)}</a>
            }.into_any()
        }
        AdviceKind::Offerte => view! {
            {advice.offers.is_empty().then(|| view! { <p class="mb-3">{format!("{} {km} km.", td_string!(l, orientation_path.no_offers_of_this))}</p> })}
            <ul class="mb-3 grid gap-2">{advice.offers.iter().map(offer_line).collect_view()}</ul>
            <a href=advice.href.clone()>{format!("{} ({})", td_string!(l, orientation_path.see_all_offers), advice.total)}</a>
        }.into_any(),
        AdviceKind::Programma => {
            let external = advice.href.starts_with("https://");
            view! {
                <a href=advice.href.clone() rel=external.then_some("noopener")>
                    {format!("{}{}", td_string!(l, orientation_path.about_the_programme), if external { td_string!(l, orientation_path.external_site) } else { "" })}
                </a>
            }.into_any()
        }
        AdviceKind::Passo => view! { <a class="btn-secondary" href=advice.href.clone()>{advice.title.clone()}</a> }.into_any(),
    };
    view! {
        <li class="card" data-testid="consiglio">
            <h2 class="card-title">{format!("{number}. {}", advice.title)}</h2>
            <p class="mb-3">{advice.reason.clone()}</p>
            {body}
        </li>
    }
}

fn activity_line(a: &ActivitySummary) -> impl IntoView {
    view! {
        <li>
            <a href=a.href()>{a.title.clone()}</a>
            {format!(" — {}, {}, {}", a.organiser_name, a.comune_name, italian_date(a.first_starts_at))}
        </li>
    }
}

fn offer_line(o: &OfferSummary) -> impl IntoView {
    let place = if o.comune_name.is_empty() {
        "da remoto".to_string()
    } else {
        o.comune_name.clone()
    };
    let distance = o
        .distance_km
        .map(|d| format!(" ({} km)", fixed(d, 0)))
        .unwrap_or_default();
    view! {
        <li>
            <a href=format!("/offerte/{}", o.id)>{o.title.clone()}</a>
            {format!(" — {}, {place}{distance}", o.organisation)}
        </li>
    }
}
