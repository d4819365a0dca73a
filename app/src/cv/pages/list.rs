//! `/cv`: the person's CVs (open, duplicate, delete), a new one, or one
//! imported from a JSON Resume file.

use crate::components::error_view::{ErrorList, Loading};
use crate::components::form::{field_message, Field, SelectField};
use crate::components::tr;
use crate::cv::api::{list_my_cvs, CreateCv, DeleteCv, DuplicateCv};
use crate::cv::domain::{CvLanguage, CvSummary};
use crate::error::AppError;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyCvsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let duplicate = ServerAction::<DuplicateCv>::new();
    let delete = ServerAction::<DeleteCv>::new();
    let cvs = Resource::new(
        move || (duplicate.version().get(), delete.version().get()),
        |_| list_my_cvs(),
    );
    let title = tr(l, "Il tuo curriculum (CV)", "Your CV");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{tr(l, "Scrivi il CV passo per passo, con esempi e consigli: si salva da solo mentre scrivi e lo scarichi in PDF, Word o JSON.", "Write your CV step by step, with examples and tips: it saves itself as you type and you download it as PDF, Word or JSON.")}</p>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || cvs.get().map(|result| match result {
                Ok(list) => view! { <Cvs list duplicate delete/> }.into_any(),
                Err(AppError::Unauthorized) => view! {
                    <p class="notice">{tr(l, "Per scrivere e salvare il tuo CV ", "To write and save your CV ")}<a href="/accesso">{tr(l, "accedi", "sign in")}</a>{tr(l, " oppure ", " or ")}<a href="/registrazione">{tr(l, "registrati", "register")}</a>{tr(l, ": è gratuito.", ": it is free.")}</p>
                }.into_any(),
                Err(e) => {
                    let errors = ArcRwSignal::new(Errors::default());
                    errors.update(|list| list.insert_with_default_key(e));
                    view! { <ErrorList errors/> }.into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn Cvs(
    list: Vec<CvSummary>,
    duplicate: ServerAction<DuplicateCv>,
    delete: ServerAction<DeleteCv>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let create = ServerAction::<CreateCv>::new();
    let created = create.value();
    let import_error = use_query_map().read_untracked().get("errore");
    let duplicate_error = move || match duplicate.value().get() {
        Some(Err(e)) => Some(e.user_message()),
        _ => None,
    };
    view! {
        <p role="alert" class="field-error mb-4">{duplicate_error}</p>
        {list.is_empty().then(|| view! { <p class="mb-4">{tr(l, "Non hai ancora un CV: comincia qui sotto.", "You have no CV yet: start below.")}</p> })}
        <ul class="mb-8 grid gap-4 md:grid-cols-2">
            {list.into_iter().map(|cv| {
                let language = if cv.language == CvLanguage::En { "English" } else { "Italiano" };
                let duplicate_label = format!("{} {}", tr(l, "Duplica", "Duplicate"), cv.name);
                let delete_label = format!("{} {}", tr(l, "Elimina definitivamente", "Delete for good"), cv.name);
                view! {
                    <li class="card" data-testid="cv">
                        <h2 class="card-title"><a href=format!("/cv/{}", cv.id)>{cv.name.clone()}</a></h2>
                        <p>{format!("{language} · {} {}", tr(l, "modificato il", "edited on"), italian_datetime(cv.updated_at))}</p>
                        <p>{format!("{} {}%", tr(l, "Completezza", "Completeness"), cv.completeness)}</p>
                        {cv.visible.then(|| view! { <p><span class="badge">{tr(l, "Visibile alle imprese", "Visible to businesses")}</span></p> })}
                        <div class="mt-3 flex flex-wrap gap-3">
                            <a class="btn-primary" href=format!("/cv/{}", cv.id)>{tr(l, "Apri", "Open")}</a>
                            <ActionForm action=duplicate>
                                <input type="hidden" name="id" value=cv.id/>
                                <button type="submit" class="btn-secondary" aria-label=duplicate_label>{tr(l, "Duplica", "Duplicate")}</button>
                            </ActionForm>
                            <details>
                                <summary class="btn-secondary cursor-pointer">{tr(l, "Elimina…", "Delete…")}</summary>
                                <ActionForm action=delete attr:class="mt-2">
                                    <input type="hidden" name="id" value=cv.id/>
                                    <button type="submit" class="btn-danger" aria-label=delete_label>{tr(l, "Sì, elimina questo CV", "Yes, delete this CV")}</button>
                                </ActionForm>
                            </details>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
        <div class="grid gap-8 md:grid-cols-2">
            <section class="card" aria-labelledby="nuovo-cv">
                <h2 id="nuovo-cv" class="section-title">{tr(l, "Nuovo CV", "New CV")}</h2>
                <ActionForm action=create>
                    <p role="alert" class="field-error">{move || match created.get() {
                        Some(Err(e @ AppError::Conflict(_))) => Some(e.user_message()),
                        _ => None,
                    }}</p>
                    <Field name="name" label=tr(l, "Nome del CV (lo vedi solo tu)", "CV name (only you see it)") value=Some(tr(l, "Il mio CV", "My CV").to_string())
                        error=Signal::derive(move || field_message(created.get(), "name"))/>
                    <SelectField name="language" label=tr(l, "Lingua del CV", "CV language") placeholder=tr(l, "Scegli…", "Choose…")
                        options=vec![("it".into(), "Italiano".into()), ("en".into(), "English".into())] value=Some("it".to_string())
                        error=Signal::derive(move || field_message(created.get(), "language"))/>
                    <button type="submit" class="btn-primary">{tr(l, "Crea un nuovo CV", "Create a new CV")}</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="importa-cv">
                <h2 id="importa-cv" class="section-title">{tr(l, "Importa un CV", "Import a CV")}</h2>
                <form method="post" enctype="multipart/form-data" action="/api/cv/importa">
                    <div class="mb-4 flex flex-col">
                        <label for="campo-file" class="font-semibold">{tr(l, "File JSON Resume (.json)", "JSON Resume file (.json)")}</label>
                        <p id="campo-file-aiuto" class="text-base text-slate-700">{tr(l, "Il formato aperto usato da molti siti di CV. Diventa un CV nuovo: quelli che hai non cambiano.", "The open format many CV sites use. It becomes a new CV: yours stay as they are.")}</p>
                        <input id="campo-file" name="file" type="file" accept=".json,application/json" class="mt-1" aria-describedby="campo-file-aiuto campo-file-errore"/>
                        <p id="campo-file-errore" class="field-error" role="alert">{import_error}</p>
                    </div>
                    <button type="submit" class="btn-secondary">{tr(l, "Importa", "Import")}</button>
                </form>
            </section>
        </div>
    }
}
