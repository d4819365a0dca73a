//! `/cv/lettere/{id}`: the letter's parts one under the other, each with a
//! line of advice and, for the four paragraphs, an example to read; saved
//! with one button (a plain form, so it works without JavaScript too), then
//! downloaded as PDF or Word.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, ErrorSummary, Field, TextArea};
use crate::components::use_id_param;
use crate::cv::letter::api::{get_letter, SaveLetter};
use crate::cv::letter::domain::{LetterRecord, Part, PARTS};
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LetterEditorPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = use_id_param();
    let letter = Resource::new(move || id.get(), get_letter);
    let title = td_string!(l, cv_letter_editor.cover_letter);
    view! {
        <Title text=title/>
        <p class="mb-2"><a href="/cv">{td_string!(l, cv_letter_editor.your_cvs_and_letters)}</a></p>
        <h1 class="page-title">{title}</h1>
        {with_data(letter, |letter| view! { <Editor letter/> })}
    }
}

#[component]
fn Editor(letter: LetterRecord) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let save = ServerAction::<SaveLetter>::new();
    let result = save.value();
    let saved_at = italian_datetime(letter.updated_at);
    // Typing after a save makes "Lettera salvata." untrue until the next one.
    let edited = RwSignal::new(false);
    Effect::watch(
        move || result.get(),
        move |_, _, _| edited.set(false),
        false,
    );
    let saved = move || match result.get() {
        _ if edited.get() => td_string!(l, cv_letter_editor.changes_not_saved_yet).to_string(),
        Some(Ok(())) => td_string!(l, cv_letter_editor.letter_saved).to_string(),
        _ => format!("{} {saved_at}", td_string!(l, cv_letter_editor.last_saved)),
    };
    let id = letter.id;
    let doc = letter.document;
    // A PDF refused (a character no font draws) comes back here with its message.
    let download_error = use_query_map().read_untracked().get("errore");
    view! {
        {letter.offer_id.map(|offer| view! {
            <p class="notice mb-6">
                {format!("{} ", td_string!(l, cv_letter_editor.for_the_offer))}
                <a href=format!("/offerte/{offer}#candidati")>{letter.offer_title.clone().unwrap_or_else(|| format!("n. {offer}"))}</a>
                {format!(". {}", td_string!(l, cv_letter_editor.once_saved_attach_it))}
            </p>
        })}
        <p class="lead mb-6">{td_string!(l, cv_letter_editor.four_short_paragraphs)}</p>
        <ActionForm action=save attr:class="max-w-3xl" attr:data-testid="lettera-form">
            <input type="hidden" name="id" value=id/>
            <ErrorSummary result=Signal::derive(move || result.get())/>
            <p role="alert" class="field-error">{move || form_message(result.get(), &PARTS.iter().map(|p| p.field).collect::<Vec<_>>())}</p>
            <div on:input=move |_| edited.set(true)>
                {PARTS.iter().map(|part| view! { <PartField part value=doc.part(part.field).to_string() save/> }).collect_view()}
            </div>
            <div class="sticky bottom-0 -mx-2 flex flex-wrap items-center gap-4 border-t border-slate-300 bg-white px-2 py-3">
                <button type="submit" class="btn-primary">{td_string!(l, cv_letter_editor.save_the_letter)}</button>
                <p role="status" data-testid="stato-lettera">{saved}</p>
            </div>
        </ActionForm>
        <section class="card mt-8 max-w-3xl" aria-labelledby="scarica-lettera">
            <h2 id="scarica-lettera" class="section-title">{td_string!(l, cv_letter_editor.download)}</h2>
            <p class="mb-3">{td_string!(l, cv_letter_editor.save_before_downloading)}</p>
            <p role="alert" class="field-error">{download_error}</p>
            <p class="flex flex-wrap gap-3">
                <a class="btn-secondary" href=format!("/api/cv/lettere/{id}/lettera.pdf") download="" rel="external">{td_string!(l, cv_letter_editor.download_pdf)}</a>
                <a class="btn-secondary" href=format!("/api/cv/lettere/{id}/lettera.docx") download="" rel="external">{td_string!(l, cv_letter_editor.download_word)}</a>
            </p>
        </section>
    }
}

/// One part of the letter: a line for the place, a box for the others, and
/// the example under the box.
#[component]
fn PartField(part: &'static Part, value: String, save: ServerAction<SaveLetter>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let error = Signal::derive(move || field_message(save.value().get(), part.field));
    let (label, hint) = ((part.label)(l), (part.hint)(l));
    // Posted as `letter[who_i_am]`: the server function takes the whole letter.
    let post_as = format!("letter[{}]", part.field);
    let input = if part.rows == 1 {
        view! { <Field name=part.field post_as label hint value=Some(value) error/> }.into_any()
    } else {
        view! { <TextArea name=part.field post_as label hint rows=part.rows.to_string() value=Some(value) error/> }.into_any()
    };
    view! {
        {input}
        {part.example.map(|example| view! {
            <details class="-mt-3 mb-6">
                <summary class="cursor-pointer font-semibold text-primary-dark">{td_string!(l, cv_letter_editor.see_an_example)}</summary>
                <p class="mt-2 border-l-4 border-slate-300 pl-3 italic">{example(l)}</p>
            </details>
        })}
    }
}
