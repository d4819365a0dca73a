//! Inputs bound to a part of the CV being edited: each reads its value from
//! the draft, writes every change back, and shows the message for its field
//! (linked for screen readers), like the portal's other form fields.

use super::draft::Draft;
use crate::cv::domain::CvDocument;
use crate::i18n::td_string;
use leptos::prelude::*;
use std::sync::Arc;

type Reader<V> = Arc<dyn Fn(&CvDocument) -> V + Send + Sync>;
type Writer<V> = Arc<dyn Fn(&mut CvDocument, V) + Send + Sync>;

/// Reads and writes one piece of text of the document.
#[derive(Clone)]
pub struct Lens {
    pub get: Reader<String>,
    pub set: Writer<String>,
}

/// `lens!(headline)`, `lens!(personal.email)`: a text of the document.
#[macro_export]
macro_rules! lens {
    ($($path:ident).+) => {
        $crate::cv::pages::inputs::Lens {
            get: std::sync::Arc::new(|d: &$crate::cv::domain::CvDocument| d.$($path).+.clone()),
            set: std::sync::Arc::new(|d: &mut $crate::cv::domain::CvDocument, v: String| d.$($path).+ = v),
        }
    };
}

/// One list of the document (`list!(experience)`).
pub struct List<T: 'static> {
    pub get: fn(&CvDocument) -> &Vec<T>,
    pub get_mut: fn(&mut CvDocument) -> &mut Vec<T>,
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<T> {}

#[macro_export]
macro_rules! list {
    ($name:ident) => {
        $crate::cv::pages::inputs::List {
            get: |d| &d.$name,
            get_mut: |d| &mut d.$name,
        }
    };
}

/// One text of an entry (`part!(role)`).
pub type Part<T> = (fn(&T) -> &String, fn(&mut T) -> &mut String);

#[macro_export]
macro_rules! part {
    ($name:ident) => {
        (|e| &e.$name, |e| &mut e.$name)
    };
}

/// A yes/no of the document: how to read it, how to set it.
pub type Toggle = (Reader<bool>, Writer<bool>);

/// A yes/no of an entry: how to read it, how to reach it.
pub type Flag<T> = (fn(&T) -> bool, fn(&mut T) -> &mut bool);

/// A yes/no of entry `i` of a list (`flag!(current)`).
pub fn item_toggle<T: Send + Sync + 'static>(list: List<T>, i: usize, flag: Flag<T>) -> Toggle {
    (
        Arc::new(move |d: &CvDocument| (list.get)(d).get(i).is_some_and(flag.0)),
        Arc::new(move |d: &mut CvDocument, on: bool| {
            if let Some(e) = (list.get_mut)(d).get_mut(i) {
                *flag.1(e) = on;
            }
        }),
    )
}

#[macro_export]
macro_rules! flag {
    ($name:ident) => {
        (|e| e.$name, |e| &mut e.$name)
    };
}

/// A text of entry `i` of a list (an entry that is gone reads as empty).
pub fn item_lens<T: Send + Sync + 'static>(list: List<T>, i: usize, part: Part<T>) -> Lens {
    Lens {
        get: Arc::new(move |d: &CvDocument| {
            (list.get)(d)
                .get(i)
                .map(|e| part.0(e).clone())
                .unwrap_or_default()
        }),
        set: Arc::new(move |d: &mut CvDocument, v: String| {
            if let Some(e) = (list.get_mut)(d).get_mut(i) {
                *part.1(e) = v;
            }
        }),
    }
}

/// `experience.0.role` → `campo-experience-0-role`.
pub fn field_id(field: &str) -> String {
    format!("campo-{}", field.replace('.', "-"))
}

fn described_by(
    id: &str,
    hint: bool,
    has_error: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-aiuto"), format!("{id}-errore"));
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(hint_id.clone());
        }
        if has_error() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The label, the hint, the control and its message.
#[component]
fn Frame(
    field: String,
    label: String,
    hint: Option<String>,
    message: Memo<Option<String>>,
    children: Children,
) -> impl IntoView {
    let id = field_id(&field);
    view! {
        <div class="mb-5 flex flex-col">
            <label for=id.clone() class="font-semibold">{label}</label>
            {hint.map(|hint| view! { <p id=format!("{id}-aiuto") class="text-base text-slate-700">{hint}</p> })}
            {children()}
            <p id=format!("{id}-errore") class="field-error" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

#[component]
pub fn DocText(
    draft: Draft,
    #[prop(into)] field: String,
    #[prop(into)] label: String,
    lens: Lens,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, default = "text".to_string())] kind: String,
    #[prop(into, optional)] autocomplete: Option<String>,
) -> impl IntoView {
    let id = field_id(&field);
    let f = field.clone();
    let message = Memo::new(move |_| draft.message(&f));
    let invalid = move || message.read().is_some();
    let described = described_by(&id, hint.is_some(), invalid);
    let Lens { get, set } = lens;
    // The attribute for the page as the server sends it; the property for every change after.
    let initial = get(&draft.doc.read_untracked());
    view! {
        <Frame field label hint message>
            <input
                id=id
                type=kind
                class="input"
                autocomplete=autocomplete
                value=initial
                prop:value=move || get(&draft.doc.read())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let set = set.clone();
                    draft.edit(move |d| set(d, value));
                }
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
            />
        </Frame>
    }
}

#[component]
pub fn DocArea(
    draft: Draft,
    #[prop(into)] field: String,
    #[prop(into)] label: String,
    lens: Lens,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let id = field_id(&field);
    let f = field.clone();
    let message = Memo::new(move |_| draft.message(&f));
    let invalid = move || message.read().is_some();
    let described = described_by(&id, hint.is_some(), invalid);
    let Lens { get, set } = lens;
    let initial = get(&draft.doc.read_untracked());
    view! {
        <Frame field label hint message>
            <textarea
                id=id
                rows=rows
                class="input"
                prop:value=move || get(&draft.doc.read())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let set = set.clone();
                    draft.edit(move |d| set(d, value));
                }
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
            >{initial}</textarea>
        </Frame>
    }
}

/// A drop-down list; `options` are (value, text), the first usually "".
#[component]
pub fn DocSelect(
    draft: Draft,
    #[prop(into)] field: String,
    #[prop(into)] label: String,
    lens: Lens,
    options: Vec<(String, String)>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    let id = field_id(&field);
    let f = field.clone();
    let message = Memo::new(move |_| draft.message(&f));
    let invalid = move || message.read().is_some();
    let described = described_by(&id, hint.is_some(), invalid);
    let Lens { get, set } = lens;
    let current = get.clone();
    view! {
        <Frame field label hint message>
            <select
                id=id
                class="input"
                prop:value=move || current(&draft.doc.read())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let set = set.clone();
                    draft.edit(move |d| set(d, value));
                }
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
            >
                {options.into_iter().map(|(value, text)| {
                    let get = get.clone();
                    let v = value.clone();
                    view! { <option value=value selected=move || get(&draft.doc.read()) == v>{text}</option> }
                }).collect_view()}
            </select>
        </Frame>
    }
}

/// A checkbox for a yes/no of the document.
#[component]
pub fn DocCheck(
    draft: Draft,
    #[prop(into)] field: String,
    #[prop(into)] label: String,
    toggle: Toggle,
) -> impl IntoView {
    let (id, target) = (field_id(&field), field_id(&field));
    let (get, set) = toggle;
    view! {
        <label class="choice mb-4" for=target>
            <input id=id type="checkbox" prop:checked=move || get(&draft.doc.read())
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let set = set.clone();
                    draft.edit(move |d| set(d, on));
                }/>
            <span>{label}</span>
        </label>
    }
}

/// The entries of one list (jobs, courses, languages…), each in its own
/// fieldset with a way to move it up or remove it, and a button to add one.
#[component]
pub fn EntryList<T: Default + Send + Sync + 'static>(
    draft: Draft,
    list: List<T>,
    /// "Esperienza" gives the legends "Esperienza 1", "Esperienza 2"…
    #[prop(into)]
    name: String,
    #[prop(into)] add_label: String,
    render: fn(Draft, usize) -> AnyView,
) -> impl IntoView {
    let l = crate::kernel::labels::locale_of(draft.english);
    let count = Memo::new(move |_| (list.get)(&draft.doc.read()).len());
    let entry = move |i: usize| {
        let legend = format!("{name} {}", i + 1);
        let up = format!("{} {legend}", td_string!(l, cv_inputs.move_up));
        let remove = format!("{} {legend}", td_string!(l, cv_inputs.remove));
        view! {
            <fieldset class="card mb-4" data-testid="voce">
                <legend class="px-1 text-lg font-bold">{legend}</legend>
                {render(draft, i)}
                <div class="flex flex-wrap gap-3">
                    {(i > 0).then(|| view! {
                        <button type="button" class="btn-secondary" on:click=move |_| draft.edit(|d| (list.get_mut)(d).swap(i - 1, i))>{up}</button>
                    })}
                    <button type="button" class="btn-secondary" on:click=move |_| draft.edit(|d| {
                        let entries = (list.get_mut)(d);
                        if i < entries.len() {
                            entries.remove(i);
                        }
                    })>{remove}</button>
                </div>
            </fieldset>
        }
    };
    view! {
        <For each=move || 0..count.get() key=|i| *i let:i>
            {entry(i)}
        </For>
        <button type="button" class="btn-primary mb-6" on:click=move |_| draft.edit(|d| (list.get_mut)(d).push(T::default()))>
            {add_label}
        </button>
    }
}

/// "da" and "a" months with "in corso", shared by jobs, studies, volunteering.
#[component]
pub fn Period(
    draft: Draft,
    /// `experience.0`: the fields are `experience.0.from`, `.to`, `.current`.
    #[prop(into)]
    prefix: String,
    from: Lens,
    to: Lens,
    current: Toggle,
) -> impl IntoView {
    let l = crate::kernel::labels::locale_of(draft.english);
    let hint = td_string!(l, cv_inputs.month_and_year);
    let ongoing = current.0.clone();
    let (from_field, to_field, current_field) = (
        format!("{prefix}.from"),
        format!("{prefix}.to"),
        format!("{prefix}.current"),
    );
    view! {
        <div class="grid gap-x-4 sm:grid-cols-2">
            <DocText draft field=from_field label=td_string!(l, cv_inputs.from) kind="month" hint=hint lens=from/>
            <Show when=move || !ongoing(&draft.doc.read())>
                <DocText draft field=to_field.clone() label=td_string!(l, cv_inputs.to) kind="month" hint=hint lens=to.clone()/>
            </Show>
        </div>
        <DocCheck draft field=current_field label=td_string!(l, cv_inputs.ongoing) toggle=current/>
    }
}
