//! `/cv`: the person's CVs (open, duplicate, delete), a new one, or one
//! imported from a JSON Resume file.

use crate::components::error_view::{ErrorList, Loading};
use crate::components::form::{field_message, Field, SelectField};
use crate::cv::api::{list_my_cvs, CreateCv, DeleteCv, DuplicateCv};
use crate::cv::domain::{CvLanguage, CvSummary};
use crate::cv::help::pages::DeskHelpPanel;
use crate::cv::letter::pages::MyLetters;
use crate::error::AppError;
use crate::i18n::td_string;
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
    let title = td_string!(l, cv_list.your_cv);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, cv_list.write_your_cv_step)}</p>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || cvs.get().map(|result| match result {
                Ok(list) => view! { <Cvs list duplicate delete/> <MyLetters/> <DeskHelpPanel/> }.into_any(),
                Err(AppError::Unauthorized) => view! {
                    <p class="notice">{td_string!(l, cv_list.to_write_and_save)}<a href="/accesso">{td_string!(l, cv_list.sign_in)}</a>{td_string!(l, cv_list.or)}<a href="/registrazione">{td_string!(l, cv_list.register)}</a>{td_string!(l, cv_list.it_is_free)}</p>
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
        {list.is_empty().then(|| view! { <p class="mb-4">{td_string!(l, cv_list.you_have_no_cv)}</p> })}
        <ul class="mb-8 grid gap-4 md:grid-cols-2">
            {list.into_iter().map(|cv| {
                let language = if cv.language == CvLanguage::En { "English" } else { "Italiano" };
                let duplicate_label = format!("{} {}", td_string!(l, cv_list.duplicate), cv.name);
                let delete_label = format!("{} {}", td_string!(l, cv_list.delete_for_good), cv.name);
                view! {
                    <li class="card" data-testid="cv">
                        <h2 class="card-title"><a href=format!("/cv/{}", cv.id)>{cv.name.clone()}</a></h2>
                        <p>{format!("{language} · {} {}", td_string!(l, cv_list.edited_on), italian_datetime(cv.updated_at))}</p>
                        <p>{format!("{} {}%", td_string!(l, cv_list.completeness), cv.completeness)}</p>
                        {cv.visible.then(|| view! { <p><span class="badge">{td_string!(l, cv_list.visible_to_businesses)}</span></p> })}
                        <div class="mt-3 flex flex-wrap gap-3">
                            <a class="btn-primary" href=format!("/cv/{}", cv.id)>{td_string!(l, cv_list.open)}</a>
                            <ActionForm action=duplicate>
                                <input type="hidden" name="id" value=cv.id/>
                                <button type="submit" class="btn-secondary" aria-label=duplicate_label>{td_string!(l, cv_list.duplicate)}</button>
                            </ActionForm>
                            <details>
                                <summary class="btn-secondary cursor-pointer">{td_string!(l, cv_list.delete)}</summary>
                                <ActionForm action=delete attr:class="mt-2">
                                    <input type="hidden" name="id" value=cv.id/>
                                    <button type="submit" class="btn-danger" aria-label=delete_label>{td_string!(l, cv_list.yes_delete_this_cv)}</button>
                                </ActionForm>
                            </details>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
        <div class="grid gap-8 md:grid-cols-2">
            <section class="card" aria-labelledby="nuovo-cv">
                <h2 id="nuovo-cv" class="section-title">{td_string!(l, cv_list.new_cv)}</h2>
                <ActionForm action=create>
                    <p role="alert" class="field-error">{move || match created.get() {
                        Some(Err(e @ AppError::Conflict { .. })) => Some(e.user_message()),
                        _ => None,
                    }}</p>
                    <Field name="name" label=td_string!(l, cv_list.cv_name_only_you) value=Some(td_string!(l, cv_list.my_cv).to_string())
                        error=Signal::derive(move || field_message(created.get(), "name"))/>
                    <SelectField name="language" label=td_string!(l, cv_list.cv_language) placeholder=td_string!(l, cv_list.choose)
                        options=vec![("it".into(), "Italiano".into()), ("en".into(), "English".into())] value=Some("it".to_string())
                        error=Signal::derive(move || field_message(created.get(), "language"))/>
                    <button type="submit" class="btn-primary">{td_string!(l, cv_list.create_a_new_cv)}</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="importa-cv">
                <h2 id="importa-cv" class="section-title">{td_string!(l, cv_list.import_a_cv)}</h2>
                <form method="post" enctype="multipart/form-data" action="/api/cv/importa">
                    <div class="mb-4 flex flex-col">
                        <label for="campo-file" class="font-semibold">{td_string!(l, cv_list.json_resume_file_json)}</label>
                        <p id="campo-file-aiuto" class="text-base text-slate-700">{td_string!(l, cv_list.the_open_format_many)}</p>
                        <input id="campo-file" name="file" type="file" accept=".xml,.json,application/xml,text/xml,application/json" class="mt-1" aria-describedby="campo-file-aiuto campo-file-errore"/>
                        <p id="campo-file-errore" class="field-error" role="alert">{import_error}</p>
                    </div>
                    <button type="submit" class="btn-secondary">{td_string!(l, cv_list.import)}</button>
                </form>
            </section>
        </div>
    }
}
