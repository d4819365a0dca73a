//! A moderation decision, as every staff queue asks it (accounts to verify,
//! offers, courses and meetings, requests to join): approve or reject, a
//! reason the applicant reads, and the button that records it.
//!
//! A refused decision (a rejection without its reason) leaves the queue as it
//! was, with the choice and the text still there, and its message sits on the
//! reason box of the item that was decided, not on every item's.

use super::form::{field_message, form_message, TextArea};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::i18n::Locale;
use leptos::prelude::*;

/// What a queue page keeps about the decisions made on it.
#[derive(Clone, Copy)]
pub struct Decisions {
    /// The item whose button was pressed last.
    item: RwSignal<Option<i64>>,
    result: Signal<Option<Result<(), AppError>>>,
    /// Moves when a decision is recorded or refused for a reason other than
    /// the form's content: the queue is read again then, and only then.
    pub settled: Memo<usize>,
}

impl Decisions {
    /// From a `ServerAction`'s `version()` and `value()`.
    pub fn new(
        version: impl Get<Value = usize> + Clone + Send + Sync + 'static,
        result: impl Get<Value = Option<Result<(), AppError>>> + Clone + Send + Sync + 'static,
    ) -> Self {
        let result = Signal::derive(move || result.get());
        let settled = Memo::new(move |previous: Option<&usize>| {
            let version = version.get();
            match result.get() {
                Some(Err(AppError::Validation { .. })) => previous.copied().unwrap_or(version),
                _ => version,
            }
        });
        Decisions {
            item: RwSignal::new(None),
            result,
            settled,
        }
    }

    /// A refusal that belongs to no item's reason (the item was decided
    /// meanwhile by someone else, the session ended…): shown above the queue.
    pub fn page_message(self) -> Option<String> {
        form_message(self.result.get(), &["reason"])
    }

    /// The message of the last decision for `item`'s field `field`.
    fn message_for(self, item: i64, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            (self.item.get() == Some(item))
                .then(|| field_message(self.result.get(), field))
                .flatten()
        })
    }
}

/// The texts of one queue's decision form, in the page's language.
#[derive(Clone, Copy)]
pub struct DecisionTexts {
    pub legend: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub reason: &'static str,
    pub submit: &'static str,
}

impl DecisionTexts {
    /// This queue's choices and reason, under the usual legend and button.
    pub fn confirm(
        l: Locale,
        approve: &'static str,
        reject: &'static str,
        reason: &'static str,
    ) -> Self {
        DecisionTexts {
            legend: td_string!(l, components_decision.decision),
            approve,
            reject,
            reason,
            submit: td_string!(l, components_decision.confirm_the_decision),
        }
    }
}

/// The inside of one item's `ActionForm` (which holds the item's hidden id):
/// the choice, the reason and the button. Posts `decision` (`approva` or
/// `respingi`) and `reason`.
#[component]
pub fn DecisionFields(item: i64, texts: DecisionTexts, decisions: Decisions) -> impl IntoView {
    let DecisionTexts {
        legend,
        approve,
        reject,
        reason,
        submit,
    } = texts;
    view! {
        <fieldset class="mb-3">
            <legend class="font-semibold">{legend}</legend>
            <label class="choice"><input type="radio" name="decision" value="approva" checked/> {approve}</label>
            <label class="choice"><input type="radio" name="decision" value="respingi"/> {reject}</label>
        </fieldset>
        <TextArea
            name=format!("motivo-{item}")
            post_as="reason"
            label=reason
            rows="3"
            error=decisions.message_for(item, "reason")
        />
        <button type="submit" class="btn-primary" on:click=move |_| decisions.item.set(Some(item))>
            {submit}
        </button>
    }
}
