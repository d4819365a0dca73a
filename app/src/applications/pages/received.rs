//! `/pubblica/{id}/candidature`: the applications to one's offer, each with
//! the CV and the cover letter as they were sent and the stage, which the
//! publisher moves on.

use crate::applications::api::{list_offer_applications, SetApplicationStage};
use crate::applications::domain::{ReceivedApplication, Stage};
use crate::components::async_data::with_data;
use crate::components::use_id_param;
use crate::cv::api::shared::build_layout;
use crate::cv::api::shared::CvPreview;
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use crate::kernel::labels::pick;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReceivedApplicationsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = use_id_param();
    let stage = ServerAction::<SetApplicationStage>::new();
    let received = Resource::new(
        move || (id.get(), stage.version().get()),
        |(id, _)| list_offer_applications(id),
    );
    view! {
        <Title text=td_string!(l, applications_received.applications_received)/>
        {with_data(received, move |r| view! {
            <p class="mb-2"><a href=format!("/pubblica/{}", r.offer_id)>{td_string!(l, applications_received.the_offer)}</a></p>
            <h1 class="page-title">{format!("{}: {}", td_string!(l, applications_received.applications), r.offer_title)}</h1>
            {r.applications.is_empty().then(|| view! { <p>{td_string!(l, applications_received.no_applications_yet)}</p> })}
            <ul class="grid gap-6">
                {r.applications.into_iter().map(|a| view! { <Application a stage/> }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn Application(a: ReceivedApplication, stage: ServerAction<SetApplicationStage>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let layout = build_layout(&a.cv, a.cv_language, "");
    let select_id = format!("stato-{}", a.id);
    let select_for = select_id.clone();
    view! {
        <li class="card" data-testid="candidatura-ricevuta">
            <h2 class="card-title">{a.name.clone()}</h2>
            <p><a href=format!("mailto:{}", a.email)>{a.email.clone()}</a>{format!(" · {} {}", td_string!(l, applications_received.sent_on), italian_datetime(a.sent_at))}</p>
            {(!a.message.is_empty()).then(|| view! { <blockquote class="my-3 border-l-4 border-slate-400 pl-3 whitespace-pre-line">{a.message.clone()}</blockquote> })}
            <p class="my-3 flex flex-wrap gap-3">
                <a class="btn-secondary" href=format!("/api/candidature/{}/cv.pdf", a.id) download="" rel="external">{td_string!(l, applications_received.download_the_cv_pdf)}</a>
                {a.letter.is_some().then(|| view! {
                    <a class="btn-secondary" href=format!("/api/candidature/{}/lettera.pdf", a.id) download="" rel="external">{td_string!(l, applications_received.download_the_letter_pdf)}</a>
                })}
            </p>
            {a.letter.clone().map(|letter| view! {
                <details class="mb-3" data-testid="lettera-ricevuta">
                    <summary class="cursor-pointer font-semibold text-primary-dark">{td_string!(l, applications_received.read_the_cover_letter)}</summary>
                    <div class="mt-2 border-l-4 border-slate-300 pl-3">
                        {(!letter.subject.is_empty()).then(|| view! { <p class="mb-2 font-semibold">{letter.subject.clone()}</p> })}
                        {letter.body().into_iter().filter(|p| !p.is_empty()).map(|p| view! { <p class="mb-2 whitespace-pre-line">{p.to_string()}</p> }).collect_view()}
                        <p class="whitespace-pre-line">{letter.closing.clone()}</p>
                    </div>
                </details>
            })}
            <details class="mb-3">
                <summary class="cursor-pointer font-semibold text-primary-dark">{td_string!(l, applications_received.read_the_cv_here)}</summary>
                <CvPreview layout=Signal::stored(layout) photo=Signal::stored(None) label=format!("{} {}", td_string!(l, applications_received.cv_of), a.name)/>
            </details>
            <ActionForm action=stage attr:class="flex flex-wrap items-end gap-3">
                <input type="hidden" name="id" value=a.id/>
                <div class="flex flex-col">
                    <label for=select_for class="font-semibold">{td_string!(l, applications_received.application_state)}</label>
                    <select id=select_id name="stage" class="input">
                        {Stage::ALL.into_iter().map(|s| view! { <option value=s.code() selected=s == a.stage>{pick(s.label(), english)}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn-primary">{td_string!(l, applications_received.update_and_notify)}</button>
            </ActionForm>
        </li>
    }
}
