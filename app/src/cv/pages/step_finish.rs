//! Step 8: what is still missing, the downloads, and whether businesses may
//! find the person (with the job wishes their profile shows).

use super::draft::Draft;
use super::inputs::{DocCheck, DocSelect, DocText, Lens, Toggle};
use crate::components::form::field_message;
use crate::components::tr;
use crate::cv::api::SetCvVisibility;
use crate::cv::domain::{CvDocument, Template, VISIBILITY_CONSENT};
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
    let downloads = Template::ALL
        .into_iter()
        .map(|t| {
            (
                format!("/api/cv/{id}/cv.pdf?modello={}", t.code()),
                format!(
                    "PDF – {} {}",
                    tr(l, "modello", "template"),
                    pick(t.label(), english)
                ),
            )
        })
        .chain([
            (
                format!("/api/cv/{id}/cv.docx"),
                tr(l, "Word (DOCX), da modificare", "Word (DOCX), to edit").to_string(),
            ),
            (
                format!("/api/cv/{id}/cv.json"),
                tr(
                    l,
                    "JSON Resume, per altri siti e programmi",
                    "JSON Resume, for other sites and programs",
                )
                .to_string(),
            ),
        ])
        .collect::<Vec<_>>();
    view! {
        <section class="mb-8" aria-labelledby="scarica">
            <h3 id="scarica" class="mb-2 text-xl font-bold">{tr(l, "Scarica il CV", "Download the CV")}</h3>
            <p class="mb-3">{tr(l, "Il file contiene l'ultima versione salvata.", "The file holds the last saved version.")}</p>
            <ul class="grid gap-2">
                {downloads.into_iter().map(|(href, label)| view! {
                    <li><a class="btn-secondary" href=href download="" rel="external">{label}</a></li>
                }).collect_view()}
            </ul>
        </section>
        <Visibility draft/>
        <section class="mb-8" aria-labelledby="dopo">
            <h3 id="dopo" class="mb-2 text-xl font-bold">{tr(l, "E adesso?", "What next?")}</h3>
            <ul class="list-disc space-y-1 pl-6">
                <li><a href="/guida-colloquio">{tr(l, "Prepararsi al colloquio: guida e lista di controllo", "Getting ready for the interview: guide and checklist")}</a></li>
                <li><a href="/sportelli/la-spezia/prenota">{tr(l, "Prenota un appuntamento allo sportello per rivedere il CV insieme", "Book a desk appointment to go through the CV together")}</a></li>
                <li><a href="/offerte">{tr(l, "Cerca offerte di lavoro e tirocini", "Search jobs and internships")}</a></li>
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
                    tr(l, "Solo nel mio comune", "Only in my municipality").to_string()
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
            <h3 id="visibilita" class="mb-2 text-xl font-bold">{tr(l, "Rendi visibile alle imprese", "Make it visible to businesses")}</h3>
            <p class="mb-2">{tr(l, "Le imprese verificate della Rete cercano candidati: possono trovarti senza vedere chi sei, e chiederti un contatto che tu accetti o rifiuti.", "Verified businesses of the network look for candidates: they can find you without seeing who you are, and ask to contact you; you accept or decline.")}</p>
            <p class="mb-4">{tr(l, "Un solo CV alla volta è visibile. Nel profilo e nelle esperienze non scrivere il tuo nome né altri dati che ti fanno riconoscere: le imprese li vedono solo se accetti.", "Only one CV at a time is visible. Do not write your name or anything that identifies you in the profile and experience: businesses see that only if you accept.")}</p>
            <DocText draft field="wishes.roles" label=tr(l, "Che lavoro cerchi", "What work you look for") hint=tr(l, "Per esempio: magazziniere, carrellista", "For example: warehouse worker, forklift driver") lens=lens!(wishes.roles)/>
            <DocSelect draft field="wishes.travel_km" label=tr(l, "Quanto sei disposto/a a spostarti", "How far you will travel") options=distances lens=travel/>
            <DocText draft field="wishes.available_from" label=tr(l, "Disponibile dal (vuoto: subito)", "Available from (empty: now)") kind="date" lens=lens!(wishes.available_from)/>
            <fieldset class="mb-5">
                <legend class="font-semibold">{tr(l, "Contratti che ti interessano", "Contracts you are interested in")}</legend>
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
                    <p class="notice mb-4" role="status" data-testid="visibilita">{tr(l, "Il tuo profilo è visibile alle imprese verificate, senza i tuoi dati personali.", "Your profile is visible to verified businesses, without your personal data.")}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=draft.id/>
                        <input type="hidden" name="visible" value="false"/>
                        <button type="submit" class="btn-secondary">{tr(l, "Nascondi il profilo alle imprese", "Hide the profile from businesses")}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <p class="mb-2" data-testid="visibilita">{tr(l, "Il profilo ora non è visibile a nessuna impresa.", "The profile is not visible to any business now.")}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=draft.id/>
                        <input type="hidden" name="visible" value="true"/>
                        <label class="choice mb-2" for="campo-consent">
                            <input id="campo-consent" type="checkbox" name="consent" aria-describedby="campo-consent-errore"/>
                            <span>{pick(VISIBILITY_CONSENT, english)}</span>
                        </label>
                        <p id="campo-consent-errore" class="field-error" aria-live="polite">{move || field_message(result.get(), "consent")}</p>
                        <button type="submit" class="btn-primary">{tr(l, "Rendi visibile alle imprese", "Make it visible to businesses")}</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}
