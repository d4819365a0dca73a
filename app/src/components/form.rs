//! Forms: the message for one field, next to that field, from the result of
//! the server function the form posts to. Refused without JavaScript, each
//! field shows again what was typed (`kernel::refused_form`).

use crate::error::AppError;
use crate::kernel::refused_form::{echoed, echoed_choice};
use leptos::prelude::*;

/// The message the last submission left for `field`, if any.
pub fn field_message(result: Option<Result<(), AppError>>, field: &str) -> Option<String> {
    let Some(Err(error)) = result else {
        return None;
    };
    error
        .field_problems()
        .into_iter()
        .find(|(f, _)| *f == field)
        .map(|(_, message)| message.to_string())
}

/// When a submission refused more than one field: the GOV.UK error summary,
/// at the top of the form, each message a link to its field.
#[component]
pub fn ErrorSummary(result: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let problems = move || {
        let Some(Err(error)) = result.get() else {
            return Vec::new();
        };
        error
            .field_problems()
            .into_iter()
            .map(|(field, message)| (field.to_string(), message.to_string()))
            .collect::<Vec<_>>()
    };
    move || {
        let problems = problems();
        (problems.len() > 1).then(|| {
            let title = crate::i18n::td_string!(l, form.there_are_problems, n = problems.len());
            view! {
                <div class="error-summary mb-6" role="alert" data-testid="riepilogo-errori">
                    <h2 class="text-xl font-bold">{title}</h2>
                    <ul class="list-disc pl-6">
                        {problems.into_iter().map(|(field, message)| view! {
                            <li><a href=format!("#campo-{field}")>{message}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
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
    /// What the field holds when the page opens (editing something saved).
    #[prop(optional_no_strip)]
    value: Option<String>,
    /// The message for this field, from the last submission.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("campo-{name}");
    let name = post_as.unwrap_or(name);
    let value = echoed(&name).or(value);
    let error_id = format!("{id}-errore");
    let hint_id = format!("{id}-aiuto");
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class="mb-5 flex flex-col">
            <label for=id.clone() class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="text-base text-slate-700">{hint}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                value=value
                class="input"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The ids a field's `aria-describedby` names: its hint, and its error when there is one.
fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    let (hint_id, error_id) = (format!("{id}-aiuto"), format!("{id}-errore"));
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
}

/// A labelled drop-down list with its error message. `options` are (value, text).
#[component]
pub fn SelectField(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    #[prop(into, optional)] post_as: Option<String>,
    #[prop(into, optional)] hint: Option<String>,
    /// The text of the empty first choice.
    #[prop(into, default = "Scegli…".to_string())]
    placeholder: String,
    #[prop(optional_no_strip)] value: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("campo-{name}");
    let described = described_by(&id, hint.is_some(), error);
    let (error_id, hint_id) = (format!("{id}-errore"), format!("{id}-aiuto"));
    let name = post_as.unwrap_or(name);
    let current = echoed(&name).or(value).unwrap_or_default();
    view! {
        <div class="mb-5 flex flex-col">
            <label for=id.clone() class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="text-base text-slate-700">{hint}</p> })}
            <select id=id name=name class="input" aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")>
                <option value="">{placeholder}</option>
                {options.into_iter().map(|(v, t)| {
                    let selected = v == current;
                    view! { <option value=v selected=selected>{t}</option> }
                }).collect_view()}
            </select>
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A labelled multi-line text box with its error message.
#[component]
pub fn TextArea(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] post_as: Option<String>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, default = "4".to_string())] rows: String,
    #[prop(optional_no_strip)] value: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("campo-{name}");
    let described = described_by(&id, hint.is_some(), error);
    let (error_id, hint_id) = (format!("{id}-errore"), format!("{id}-aiuto"));
    let name = post_as.unwrap_or(name);
    let value = echoed(&name).or(value);
    view! {
        <div class="mb-5 flex flex-col">
            <label for=id.clone() class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="text-base text-slate-700">{hint}</p> })}
            <textarea id=id name=name rows=rows class="input" aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")>{value.unwrap_or_default()}</textarea>
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A checkbox (a consent, an acceptance) with its error message; `children`
/// is its label's text.
#[component]
pub fn CheckField(
    #[prop(into)] name: String,
    #[prop(into, optional)] post_as: Option<String>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let error_id = format!("campo-{name}-errore");
    let name = post_as.unwrap_or(name);
    let checked = echoed_choice(&name, "on", false);
    view! {
        <div class="mb-5">
            <label class="choice">
                <input
                    type="checkbox"
                    name=name
                    value="on"
                    checked=checked
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=error_id.clone()
                />
                <span>{children()}</span>
            </label>
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// For a GET `<Form>`: Leptos adds the button that submitted the form to the
/// query even when it has no name, so addresses ended in `&=`. This drops
/// that empty pair (`on_form_data=without_unnamed_fields()`).
pub fn without_unnamed_fields() -> std::sync::Arc<dyn Fn(&leptos::web_sys::FormData)> {
    std::sync::Arc::new(|data| data.delete(""))
}
