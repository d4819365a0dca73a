//! `/cv/{id}`: the wizard. The step is in the address (`?passo=3`), so a
//! reload or a shared link opens the same step; the form is on the left,
//! the live preview and the completeness meter on the right (below on a
//! phone); the save state is always in view.

use super::draft::{Draft, SaveState};
use super::preview::CvPreview;
use super::step_about::{PersonalStep, ProfileStep};
use super::step_digital::DigitalStep;
use super::step_education::EducationStep;
use super::step_experience::ExperienceStep;
use super::step_finish::FinishStep;
use super::step_languages::LanguagesStep;
use super::step_other::OtherStep;
use super::steps::STEPS;
use crate::components::async_data::with_data;
use crate::components::form::field_message;
use crate::components::use_id_param;
use crate::cv::api::{get_cv, RenameCv};
use crate::cv::checks::{completeness, parts};
use crate::cv::domain::{parse_month, CvLanguage, CvRecord};
use crate::cv::help::pages::DeskNotes;
use crate::cv::layout::build;
use crate::i18n::*;
use crate::kernel::labels::pick;
use crate::network::api::list_comuni;
use crate::network::domain::Comune;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CvEditorPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = use_id_param();
    let record = Resource::new(move || id.get(), get_cv);
    let comuni = Resource::new(|| (), |_| list_comuni());
    view! {
        <Title text=td_string!(l, cv_editor.your_cv)/>
        {with_data(record, move |record| view! {
            {with_data(comuni, move |comuni| view! { <Editor record=record.clone() comuni/> })}
        })}
    }
}

#[component]
fn Editor(record: CvRecord, comuni: Vec<Comune>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let today = parse_month(&record.today).unwrap_or((2026, 1));
    let draft = Draft::new(&record, today, english);
    draft.start();
    let query = use_query_map();
    let step = Memo::new(move |_| {
        query
            .read()
            .get("passo")
            .and_then(|p| p.parse::<usize>().ok())
            .filter(|s| (1..=STEPS.len()).contains(s))
            .unwrap_or(1)
    });
    let names: Vec<(String, String)> = comuni
        .iter()
        .map(|c| (c.slug.clone(), c.name.clone()))
        .collect();
    let layout = Memo::new(move |_| {
        let doc = draft.doc.read();
        let comune = names
            .iter()
            .find(|(slug, _)| *slug == doc.personal.comune)
            .map(|(_, name)| name.as_str())
            .unwrap_or("");
        build(&doc, draft.language.get(), comune)
    });
    let id = record.id;
    let photo = Signal::derive(move || {
        let v = draft.photo_version.get();
        (v > 0).then(|| format!("/api/cv/{id}/foto.jpg?v={v}"))
    });
    let imported = {
        let q = query.read_untracked();
        q.get("importato")
            .map(|_| q.get("rivedi").unwrap_or_default())
    };
    view! {
        <p class="mb-2"><A href="/cv">{td_string!(l, cv_editor.all_your_cvs)}</A></p>
        {imported.map(|review| view! { <ImportedNotice review/> })}
        <DeskNotes record=record.clone()/>
        <Header record=record.clone() draft/>
        <SaveStatus draft/>
        <nav aria-label=td_string!(l, cv_editor.cv_steps)>
            <ol class="stepper">
                {STEPS.iter().enumerate().map(|(i, s)| {
                    let n = i + 1;
                    view! { <li><a href=format!("?passo={n}") aria-current=move || (step.get() == n).then_some("step")>{format!("{n}. {}", pick(s.title, english))}</a></li> }
                }).collect_view()}
            </ol>
        </nav>
        <div class="grid gap-8 lg:grid-cols-2">
            <div>
                {move || {
                    let n = step.get();
                    let s = &STEPS[n - 1];
                    view! {
                        <h2 class="section-title">{format!("{} {n} {} {}: {}", td_string!(l, cv_editor.step), td_string!(l, cv_editor.of), STEPS.len(), pick(s.title, english))}</h2>
                        <div class="notice mb-6">
                            <p class="mb-2">{pick(s.what, english)}</p>
                            {(!(s.example)(l).is_empty()).then(|| view! { <p class="mb-2"><strong>{td_string!(l, cv_editor.example)}</strong>{pick(s.example, english)}</p> })}
                            <ul class="list-disc pl-6">{s.tips.iter().map(|t| view! { <li>{pick(*t, english)}</li> }).collect_view()}</ul>
                        </div>
                    }
                }}
                {
                    let comuni = comuni.clone();
                    move || match step.get() {
                        1 => view! { <PersonalStep draft comuni=comuni.clone()/> }.into_any(),
                        2 => view! { <ProfileStep draft/> }.into_any(),
                        3 => view! { <ExperienceStep draft/> }.into_any(),
                        4 => view! { <EducationStep draft/> }.into_any(),
                        5 => view! { <LanguagesStep draft/> }.into_any(),
                        6 => view! { <DigitalStep draft/> }.into_any(),
                        7 => view! { <OtherStep draft/> }.into_any(),
                        _ => view! { <FinishStep draft/> }.into_any(),
                    }
                }
                <div class="mt-8 flex flex-wrap justify-between gap-4">
                    {move || (step.get() > 1).then(|| view! { <a class="btn-secondary" href=format!("?passo={}", step.get() - 1)>{td_string!(l, cv_editor.back)}</a> })}
                    {move || (step.get() < STEPS.len()).then(|| view! { <a class="btn-primary" href=format!("?passo={}", step.get() + 1)>{td_string!(l, cv_editor.next)}</a> })}
                </div>
            </div>
            <aside aria-label=td_string!(l, cv_editor.preview_and_completeness)>
                <Meter draft/>
                <h2 class="section-title">{td_string!(l, cv_editor.preview)}</h2>
                <CvPreview layout=layout.into() photo label=td_string!(l, cv_editor.cv_preview)/>
            </aside>
        </div>
    }
}

/// The CV's name and language, which can be changed here.
#[component]
fn Header(record: CvRecord, draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let name = RwSignal::new(record.name.clone());
    // What the form holds, to show once the server has taken it.
    let typed_name = RwSignal::new(record.name.clone());
    let typed_language = RwSignal::new(record.language);
    let rename = ServerAction::<RenameCv>::new();
    let result = rename.value();
    Effect::new(move |_| {
        if let Some(Ok(())) = result.get() {
            name.set(typed_name.get_untracked().trim().to_string());
            draft.language.set(typed_language.get_untracked());
        }
    });
    let language = record.language;
    view! {
        <h1 class="page-title">{move || name.get()}</h1>
        <details class="mb-4">
            <summary class="cursor-pointer font-semibold text-primary-dark">{td_string!(l, cv_editor.change_the_cvs_name)}</summary>
            <ActionForm action=rename attr:class="mt-3 max-w-xl">
                <input type="hidden" name="id" value=record.id/>
                <div class="mb-4 flex flex-col">
                    <label for="campo-name" class="font-semibold">{td_string!(l, cv_editor.cv_name_only_you)}</label>
                    <input id="campo-name" name="name" class="input" value=record.name.clone() aria-describedby="campo-name-errore"
                        on:input=move |ev| typed_name.set(event_target_value(&ev))/>
                    <p id="campo-name-errore" class="field-error">{move || field_message(result.get(), "name")}</p>
                </div>
                <div class="mb-4 flex flex-col">
                    <label for="campo-language" class="font-semibold">{td_string!(l, cv_editor.cv_language_headings_and)}</label>
                    <select id="campo-language" name="language" class="input"
                        on:change=move |ev| typed_language.set(CvLanguage::from_code(&event_target_value(&ev)).unwrap_or_default())>
                        <option value="it" selected=language == CvLanguage::It>"Italiano"</option>
                        <option value="en" selected=language == CvLanguage::En>"English"</option>
                    </select>
                </div>
                <button type="submit" class="btn-secondary">{td_string!(l, cv_editor.save_name_and_language)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn SaveStatus(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let text = move || match draft.state.get() {
        SaveState::Saved => td_string!(l, cv_editor.saved).to_string(),
        SaveState::Pending => td_string!(l, cv_editor.editing).to_string(),
        SaveState::Saving => td_string!(l, cv_editor.saving).to_string(),
        SaveState::Retrying { attempt } => format!(
            "{} ({} {attempt})",
            td_string!(l, cv_editor.no_connection_not_saved),
            td_string!(l, cv_editor.attempt)
        ),
        SaveState::Refused(note) => format!(
            "{} {}",
            td_string!(l, cv_editor.not_saved_fix_the),
            note.message
        ),
        SaveState::Conflict(message) => message,
    };
    let trouble = move || {
        matches!(
            draft.state.get(),
            SaveState::Retrying { .. } | SaveState::Refused(_) | SaveState::Conflict(_)
        )
    };
    view! {
        <div class="sticky top-0 z-10 mb-4 border-b border-slate-300 bg-white py-2">
            <p role="status" data-testid="stato-salvataggio" class=move || if trouble() { "field-error" } else { "font-semibold text-green-800" }>{text}</p>
            {move || draft.recovered.get().then(|| view! {
                <p class="notice mt-2">{td_string!(l, cv_editor.we_restored_the_changes)}</p>
            })}
        </div>
    }
}

/// How complete the CV is, and what is still missing (with its step).
#[component]
fn Meter(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let percent = Memo::new(move |_| completeness(&draft.doc.read()));
    view! {
        <section class="card mb-6" aria-labelledby="completezza">
            <h2 id="completezza" class="text-xl font-bold">{move || format!("{} {}%", td_string!(l, cv_editor.cv_completeness), percent.get())}</h2>
            // Drawn in SVG: the CSP allows no inline styles.
            <svg class="meter my-2" viewBox="0 0 100 4" preserveAspectRatio="none" role="progressbar" aria-labelledby="completezza"
                aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || percent.get()>
                <rect class="meter-fill" x="0" y="0" height="4" width=move || percent.get()></rect>
            </svg>
            {move || {
                let missing: Vec<_> = parts(&draft.doc.read()).into_iter().filter(|p| !p.done).collect();
                (!missing.is_empty()).then(|| view! {
                    <p class="mt-2">{td_string!(l, cv_editor.to_complete_it_add)}</p>
                    <ul class="list-disc pl-6">
                        {missing.into_iter().map(|p| view! { <li><a href=format!("?passo={}", p.step)>{pick(p.label, english)}</a></li> }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// After an import: check each step; the languages whose level the file did
/// not state in a way we could place are named, to be chosen on step 5.
#[component]
fn ImportedNotice(review: String) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let languages: Vec<String> = review
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    view! {
        <div role="status" class="notice mb-4" data-testid="cv-importato">
            <p>{td_string!(l, cv_editor.imported_check_each_step)}</p>
            {(!languages.is_empty()).then(|| view! {
                <p class="mt-2">
                    {td_string!(l, cv_editor.imported_levels_unknown)} " "
                    <strong>{languages.join(", ")}</strong>". "
                    <a href="?passo=5">{td_string!(l, cv_editor.imported_choose_levels)}</a>
                </p>
            })}
        </div>
    }
}
