//! The CV photo: a plain multipart form (it works without JavaScript and
//! comes back with the outcome in the address); in the browser the upload
//! goes through gloo-net, so the page and what is being typed stay put.

use super::draft::Draft;
use crate::components::tr;
use crate::cv::api::DeleteCvPhoto;
use crate::error::AppError;
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
                    tr(
                        l,
                        "Connessione assente: la foto non è arrivata. Riprova.",
                        "No connection: the photo did not arrive. Try again.",
                    )
                    .to_string(),
                )),
            }
            uploading.set(false);
        });
    };
    view! {
        <section class="mb-6" aria-labelledby="foto-titolo">
            <h3 id="foto-titolo" class="text-xl font-bold">{tr(l, "Foto (facoltativa)", "Photo (optional)")}</h3>
            {move || (draft.photo_version.get() > 0).then(|| view! {
                <div class="my-3 flex items-center gap-4">
                    <img src=format!("/api/cv/{id}/foto.jpg?v={}", draft.photo_version.get()) alt=tr(l, "La tua foto nel CV", "Your photo in the CV") class="h-28 w-24 rounded object-cover"/>
                    <ActionForm action=remove>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="btn-secondary">{tr(l, "Togli la foto", "Remove the photo")}</button>
                    </ActionForm>
                </div>
            })}
            <form method="post" enctype="multipart/form-data" action=format!("/api/cv/{id}/foto") on:submit=upload>
                <div class="mb-3 flex flex-col">
                    <label for="campo-photo" class="font-semibold">{tr(l, "Scegli una foto", "Choose a photo")}</label>
                    <p id="campo-photo-aiuto" class="text-base text-slate-700">{tr(l, "JPEG o PNG, fino a 5 MB. La rimpiccioliamo e togliamo i dati nascosti nel file (come il luogo dello scatto).", "JPEG or PNG, up to 5 MB. We shrink it and remove the data hidden in the file (such as where it was taken).")}</p>
                    <input id="campo-photo" name="photo" type="file" accept="image/jpeg,image/png" class="mt-1" aria-describedby="campo-photo-aiuto campo-photo-errore"/>
                    <p id="campo-photo-errore" class="field-error" aria-live="polite">{move || error.get()}</p>
                </div>
                <button type="submit" class="btn-secondary" disabled=move || uploading.get()>
                    {move || if uploading.get() { tr(l, "Caricamento della foto…", "Uploading the photo…") } else { tr(l, "Carica la foto", "Upload the photo") }}
                </button>
            </form>
        </section>
    }
}
