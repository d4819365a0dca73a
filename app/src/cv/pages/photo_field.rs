//! The CV photo: a plain multipart form (it works without JavaScript and
//! comes back with the outcome in the address); in the browser the upload
//! goes through gloo-net, so the page and what is being typed stay put.

use super::draft::Draft;
use crate::cv::api::DeleteCvPhoto;
use crate::error::AppError;
use crate::i18n::td_string;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PhotoField(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = draft.id;
    let query = use_query_map();
    let error = RwSignal::new(query.read_untracked().get("errore"));
    let uploading = RwSignal::new(false);
    let remove = ServerAction::<DeleteCvPhoto>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            draft.photo_version.set(0);
        }
    });
    let upload = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        ev.prevent_default();
        uploading.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let sent = gloo_net::http::Request::post(&format!("/api/cv/{id}/foto"))
                .header("Accept", "application/json")
                .body(data);
            let outcome = match sent {
                Ok(request) => request.send().await.ok(),
                Err(_) => None,
            };
            match outcome {
                Some(response) if response.ok() => {
                    draft.photo_version.update(|v| *v += 1);
                    form.reset();
                }
                Some(response) => {
                    let message = response
                        .json::<AppError>()
                        .await
                        .map(|e| e.user_message())
                        .unwrap_or_else(|_| AppError::Internal.user_message());
                    error.set(Some(message));
                }
                None => error.set(Some(
                    td_string!(l, cv_photo_field.no_connection_the_photo).to_string(),
                )),
            }
            uploading.set(false);
        });
    };
    view! {
        <section class="mb-6" aria-labelledby="foto-titolo">
            <h3 id="foto-titolo" class="text-xl font-bold">{td_string!(l, cv_photo_field.photo_optional)}</h3>
            {move || (draft.photo_version.get() > 0).then(|| view! {
                <div class="my-3 flex items-center gap-4">
                    <img src=format!("/api/cv/{id}/foto.jpg?v={}", draft.photo_version.get()) alt=td_string!(l, cv_photo_field.your_photo_in_the) class="h-28 w-24 rounded object-cover"/>
                    <ActionForm action=remove>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="btn-secondary">{td_string!(l, cv_photo_field.remove_the_photo)}</button>
                    </ActionForm>
                </div>
            })}
            <form method="post" enctype="multipart/form-data" action=format!("/api/cv/{id}/foto") on:submit=upload>
                <div class="mb-3 flex flex-col">
                    <label for="campo-photo" class="font-semibold">{td_string!(l, cv_photo_field.choose_a_photo)}</label>
                    <p id="campo-photo-aiuto" class="text-base text-slate-700">{td_string!(l, cv_photo_field.jpeg_or_png_up)}</p>
                    <input id="campo-photo" name="photo" type="file" accept="image/jpeg,image/png" class="mt-1" aria-describedby="campo-photo-aiuto campo-photo-errore"/>
                    <p id="campo-photo-errore" class="field-error" aria-live="polite">{move || error.get()}</p>
                </div>
                <button type="submit" class="btn-secondary" disabled=move || uploading.get()>
                    {move || if uploading.get() { td_string!(l, cv_photo_field.uploading_the_photo) } else { td_string!(l, cv_photo_field.upload_the_photo) }}
                </button>
            </form>
        </section>
    }
}
