//! The live preview: the same layout the PDF is typeset from (see
//! `cv::layout`), drawn as HTML in the Europass look, beside the form on a
//! wide screen and below it on a phone.

use crate::cv::layout::{Block, CvLayout};
use leptos::prelude::*;

#[component]
pub fn CvPreview(
    layout: Signal<CvLayout>,
    /// The photo's address, when there is one.
    photo: Signal<Option<String>>,
    #[prop(into)] label: String,
) -> impl IntoView {
    view! {
        <section class="cv-sheet" aria-label=label data-testid="anteprima">
            {move || {
                let cv = layout.get();
                view! {
                    <div class="cv-head" lang=cv.lang.clone()>
                        {move || photo.get().map(|src| view! { <img class="cv-photo" src=src alt=""/> })}
                        <div>
                            <p class="cv-name">{cv.name.clone()}</p>
                            {(!cv.headline.is_empty()).then(|| view! { <p class="cv-headline">{cv.headline.clone()}</p> })}
                            <dl class="cv-pairs">
                                {cv.contacts.iter().map(|c| view! { <dt>{c.label.clone()}</dt><dd>{c.value.clone()}</dd> }).collect_view()}
                            </dl>
                        </div>
                    </div>
                    {cv.sections.iter().map(|s| view! {
                        <div class="cv-section" lang=cv.lang.clone()>
                            <p class="cv-section-title">{s.title.clone()}</p>
                            {s.blocks.iter().map(block).collect_view()}
                        </div>
                    }).collect_view()}
                    <p class="cv-privacy" lang=cv.lang.clone()>{cv.privacy.clone()}</p>
                }
            }}
        </section>
    }
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Text { paragraphs } => paragraphs
            .iter()
            .map(|p| view! { <p class="mb-1">{p.clone()}</p> })
            .collect_view()
            .into_any(),
        Block::Pairs { pairs } => view! {
            <dl class="cv-pairs">
                {pairs.iter().map(|p| view! { <dt>{p.label.clone()}</dt><dd>{p.value.clone()}</dd> }).collect_view()}
            </dl>
        }
        .into_any(),
        Block::Entries { entries } => entries
            .iter()
            .map(|e| {
                view! {
                    <div class="cv-entry">
                        {(!e.when.is_empty()).then(|| view! { <p class="cv-when">{e.when.clone()}</p> })}
                        {(!e.title.is_empty()).then(|| view! { <p class="font-bold">{e.title.clone()}</p> })}
                        {(!e.subtitle.is_empty()).then(|| view! { <p class="italic">{e.subtitle.clone()}</p> })}
                        {(!e.lines.is_empty()).then(|| view! {
                            <ul class="list-disc pl-5">{e.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        })}
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        Block::Grid { headers, rows } => view! {
            <div class="overflow-x-auto">
                <table class="cv-grid">
                    <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.iter().map(|r| view! {
                            <tr>{r.iter().enumerate().map(|(i, v)| if i == 0 {
                                view! { <th scope="row">{v.clone()}</th> }.into_any()
                            } else {
                                view! { <td>{v.clone()}</td> }.into_any()
                            }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}
