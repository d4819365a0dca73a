//! Forms: the message for one field, next to that field, from the result of
//! the server function the form posts to.

use crate::error::AppError;
use leptos::prelude::*;

/// The message the last submission left for `field`, if any.
pub fn field_message(result: Option<Result<(), AppError>>, field: &str) -> Option<String> {
    match result {
        Some(Err(AppError::Validation { field: f, message })) if f == field => Some(message),
        _ => None,
    }
}

/// An error of the last submission that belongs to no field of this form.
pub fn form_message(result: Option<Result<(), AppError>>, fields: &[&str]) -> Option<String> {
    match result {
        Some(Err(AppError::Validation { field, .. })) if fields.contains(&field.as_str()) => None,
        Some(Err(error)) => Some(error.user_message()),
        _ => None,
    }
}

/// A labelled input with its error message, linked for screen readers.
#[component]
pub fn Field(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, default = "text".to_string())] kind: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
    /// The name the value is posted under when it differs from `name`
    /// (a server function taking a struct reads `form[title]`).
    #[prop(into, optional)]
    post_as: Option<String>,
    /// The message for this field, from the last submission.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("campo-{name}");
    let name = post_as.unwrap_or(name);
    let error_id = format!("{id}-errore");
    let hint_id = format!("{id}-aiuto");
    let described = {
        let (error_id, hint_id, has_hint) = (error_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="mb-5 flex flex-col">
            <label for=id.clone() class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="text-base text-slate-700">{hint}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                class="input"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}
