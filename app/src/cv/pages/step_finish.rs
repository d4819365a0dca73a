//! Step 8: what is still missing, the downloads, and whether businesses may
//! find the person (with the job wishes their profile shows).

use super::draft::Draft;
use super::inputs::{DocCheck, DocSelect, DocText, Lens, Toggle};
use crate::components::form::field_message;
use crate::cv::api::SetCvVisibility;
use crate::cv::domain::{CvDocument, Template, VISIBILITY_CONSENT};
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use crate::lens;
use crate::offers::domain::CONTRACTS;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FinishStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = draft.id;
    let english = draft.english;
    // A PDF the server cannot make brings the person back here with why.
    let refused = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("errore");
    // The PDFs are plain links (no `download`): a refusal is then a page to
    // come back to, not a broken file. The server sends them as attachments.
    let downloads = Template::ALL
        .into_iter()
        .map(|t| {
            (
                format!("/api/cv/{id}/cv.pdf?modello={}", t.code()),
                format!(
                    "PDF – {} {}",
                    td_string!(l, cv_step_finish.template),
                    pick(t.label(), english)
                ),
                false,
            )
        })
        .chain([
            (
                format!("/api/cv/{id}/cv.docx"),
                td_string!(l, cv_step_finish.word_docx_to_edit).to_string(),
                true,
            ),
            (
                format!("/api/cv/{id}/cv.xml"),
                td_string!(l, cv_step_finish.europass_xml_for).to_string(),
                true,
            ),
            (
                format!("/api/cv/{id}/cv.json"),
                td_string!(l, cv_step_finish.json_resume_for_other).to_string(),
                true,
            ),
        ])
        .collect::<Vec<_>>();
    view! {
        <section class="mb-8" aria-labelledby="scarica">
            <h3 id="scarica" class="mb-2 text-xl font-bold">{td_string!(l, cv_step_finish.download_the_cv)}</h3>
            <p class="mb-3">{td_string!(l, cv_step_finish.the_file_holds_the)}</p>
            {refused.map(|message| view! { <p class="field-error mb-3" role="alert" data-testid="pdf-rifiutato">{message}</p> })}
            <ul class="grid gap-2">
                {downloads.into_iter().map(|(href, label, download)| view! {
                    <li><a class="btn-secondary" href=href download=download.then_some("") rel="external">{label}</a></li>
                }).collect_view()}
            </ul>
        </section>
        <Visibility draft/>
        <section class="mb-8" aria-labelledby="dopo">
            <h3 id="dopo" class="mb-2 text-xl font-bold">{td_string!(l, cv_step_finish.what_next)}</h3>
            <ul class="list-disc space-y-1 pl-6">
                <li><a href="/guida-colloquio">{td_string!(l, cv_step_finish.getting_ready_for_the)}</a></li>
                <li><a href="/sportelli/la-spezia/prenota">{td_string!(l, cv_step_finish.book_a_desk_appointment)}</a></li>
                <li><a href="/offerte">{td_string!(l, cv_step_finish.search_jobs_and_internships)}</a></li>
            </ul>
        </section>
    }
}

#[component]
fn Visibility(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let action = ServerAction::<SetCvVisibility>::new();
    let result = action.value();
    // The form always asks for the opposite of what is shown: a success flips it.
    Effect::new(move |_| {
        if let Some(Ok(())) = result.get() {
            draft.visible.update(|v| *v = !*v);
        }
    });
    let distances: Vec<(String, String)> = [0u16, 5, 10, 15, 25, 50, 100]
        .iter()
        .map(|km| {
            (
                km.to_string(),
                if *km == 0 {
                    td_string!(l, cv_step_finish.only_in_my_municipality).to_string()
                } else {
                    format!("{km} km")
                },
            )
        })
        .collect();
    let travel = Lens {
        get: Arc::new(|d: &CvDocument| d.wishes.travel_km.to_string()),
        set: Arc::new(|d: &mut CvDocument, v: String| d.wishes.travel_km = v.parse().unwrap_or(0)),
    };
    view! {
        <section class="card mb-8" aria-labelledby="visibilita">
            <h3 id="visibilita" class="mb-2 text-xl font-bold">{td_string!(l, cv_step_finish.make_it_visible_to)}</h3>
            <p class="mb-2">{td_string!(l, cv_step_finish.verified_businesses_of_the)}</p>
            <p class="mb-4">{td_string!(l, cv_step_finish.only_one_cv_at)}</p>
            <DocText draft field="wishes.roles" label=td_string!(l, cv_step_finish.what_work_you_look) hint=td_string!(l, cv_step_finish.for_example_warehouse_worker) lens=lens!(wishes.roles)/>
            <DocSelect draft field="wishes.travel_km" label=td_string!(l, cv_step_finish.how_far_you_will) options=distances lens=travel/>
            <DocText draft field="wishes.available_from" label=td_string!(l, cv_step_finish.available_from_empty_now) kind="date" lens=lens!(wishes.available_from)/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{td_string!(l, cv_step_finish.contracts_you_are_interested)}</legend>
                {CONTRACTS.iter().map(|(code, label)| {
                    let toggle: Toggle = (
                        Arc::new(move |d: &CvDocument| d.wishes.contracts.iter().any(|c| c == code)),
                        Arc::new(move |d: &mut CvDocument, on| {
                            d.wishes.contracts.retain(|c| c != code);
                            if on {
                                d.wishes.contracts.push(code.to_string());
                            }
                        }),
                    );
                    view! { <DocCheck draft field=format!("wishes.contracts.{code}") label=pick(*label, english) toggle/> }
                }).collect_view()}
            </fieldset>
            {move || if draft.visible.get() {
                view! {
                    <p class="notice mb-4" role="status" data-testid="visibilita">{td_string!(l, cv_step_finish.your_profile_is_visible)}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=draft.id/>
                        <input type="hidden" name="visible" value="false"/>
                        <button type="submit" class="btn-secondary">{td_string!(l, cv_step_finish.hide_the_profile_from)}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <p class="mb-2" data-testid="visibilita">{td_string!(l, cv_step_finish.the_profile_is_not)}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=draft.id/>
                        <input type="hidden" name="visible" value="true"/>
                        <label class="choice mb-2" for="campo-consent">
                            <input id="campo-consent" type="checkbox" name="consent" aria-describedby="campo-consent-errore"/>
                            <span>{pick(VISIBILITY_CONSENT, english)}</span>
                        </label>
                        <p id="campo-consent-errore" class="field-error" aria-live="polite">{move || field_message(result.get(), "consent")}</p>
                        <button type="submit" class="btn-primary">{td_string!(l, cv_step_finish.make_it_visible_to)}</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}
