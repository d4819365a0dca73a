//! The CV being edited in the browser, and its autosave.
//!
//! Every change goes into `doc`; about a second after the last keystroke the
//! whole document is sent (`save_cv`) with the revision it was based on.
//! Until the server confirms, the change also sits in the browser's local
//! storage, so a reload or a lost connection loses nothing: the page retries
//! on its own, says so, and on the next visit puts back what was not saved.
//! The effects and handlers here run only in the browser.

use crate::cv::api::save_cv;
use crate::cv::checks::{checks, FieldNote};
use crate::cv::domain::{CvDocument, CvLanguage, CvRecord};
use crate::error::AppError;
use crate::i18n::td_string;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long after the last change the document is sent.
const QUIET: Duration = Duration::from_millis(700);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Changed, waiting for a pause in the typing.
    Pending,
    Saving,
    /// The last attempt failed (no connection?): retrying by itself.
    Retrying {
        attempt: u32,
    },
    /// The server refused this version (the message is on its field); the
    /// previous version stays saved.
    Refused(FieldNote),
    /// Saved meanwhile from another window: stop, and ask for a reload.
    Conflict(String),
}

/// What is kept in local storage until the server has it.
#[derive(Serialize, Deserialize)]
struct Unsaved {
    revision: i64,
    document: CvDocument,
}

#[derive(Clone, Copy)]
pub struct Draft {
    pub id: i64,
    pub doc: RwSignal<CvDocument>,
    pub state: RwSignal<SaveState>,
    pub language: RwSignal<CvLanguage>,
    pub photo_version: RwSignal<i64>,
    pub visible: RwSignal<bool>,
    /// True when unsaved changes from an earlier visit were put back.
    pub recovered: RwSignal<bool>,
    /// The interface's language (not the CV's).
    pub english: bool,
    notes: Memo<Vec<FieldNote>>,
    revision: StoredValue<i64>,
    /// Counts changes, so a save knows whether more came while it ran.
    edits: StoredValue<u64>,
    saving: StoredValue<bool>,
}

impl Draft {
    pub fn new(record: &CvRecord, today: (i32, u8), english: bool) -> Draft {
        let doc = RwSignal::new(record.document.clone());
        Draft {
            id: record.id,
            doc,
            state: RwSignal::new(SaveState::Saved),
            language: RwSignal::new(record.language),
            photo_version: RwSignal::new(record.photo_version),
            visible: RwSignal::new(record.visible),
            recovered: RwSignal::new(false),
            english,
            notes: Memo::new(move |_| checks(&doc.read(), today, english)),
            revision: StoredValue::new(record.revision),
            edits: StoredValue::new(0),
            saving: StoredValue::new(false),
        }
    }

    /// Starts the autosave (in the browser), after putting back what an
    /// earlier visit could not save.
    pub fn start(self) {
        Effect::watch(
            move || self.doc.track(),
            move |_, _, _| self.changed(),
            false,
        );
        Effect::new(move |_| self.recover());
    }

    /// The message for a field: the server's refusal first, then the advice.
    pub fn message(self, field: &str) -> Option<String> {
        if let SaveState::Refused(note) = self.state.get() {
            if note.field == field {
                return Some(note.message);
            }
        }
        self.notes
            .read()
            .iter()
            .find(|n| n.field == field)
            .map(|n| n.message.clone())
    }

    /// Changes the document.
    pub fn edit(self, change: impl FnOnce(&mut CvDocument)) {
        self.doc.update(change);
    }

    fn key(self) -> String {
        format!("infolavoro-cv-{}", self.id)
    }

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    fn recover(self) {
        let Some(storage) = Self::storage() else {
            return;
        };
        let Some(unsaved) = storage
            .get_item(&self.key())
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Unsaved>(&text).ok())
        else {
            return;
        };
        if unsaved.revision == self.revision.get_value()
            && unsaved.document != self.doc.get_untracked()
        {
            self.recovered.set(true);
            self.doc.set(unsaved.document);
        } else {
            // The server has a newer version, or the same one.
            let _ = storage.remove_item(&self.key());
        }
    }

    fn keep_locally(self) {
        let unsaved = Unsaved {
            revision: self.revision.get_value(),
            document: self.doc.get_untracked(),
        };
        if let (Some(storage), Ok(text)) = (Self::storage(), serde_json::to_string(&unsaved)) {
            let _ = storage.set_item(&self.key(), &text);
        }
    }

    fn changed(self) {
        if matches!(self.state.get_untracked(), SaveState::Conflict(_)) {
            return;
        }
        self.edits.update_value(|n| *n += 1);
        self.keep_locally();
        if !matches!(self.state.get_untracked(), SaveState::Retrying { .. }) {
            self.state.set(SaveState::Pending);
        }
        let edits = self.edits.get_value();
        set_timeout(
            move || {
                if self.edits.get_value() == edits {
                    self.save_now();
                }
            },
            QUIET,
        );
    }

    fn save_now(self) {
        if self.saving.get_value() || matches!(self.state.get_untracked(), SaveState::Conflict(_)) {
            return;
        }
        self.saving.set_value(true);
        let edits = self.edits.get_value();
        let document = self.doc.get_untracked();
        let attempt = match self.state.get_untracked() {
            SaveState::Retrying { attempt } => attempt,
            _ => 0,
        };
        if attempt == 0 {
            self.state.set(SaveState::Saving);
        }
        leptos::task::spawn_local(async move {
            let result = save_cv(self.id, self.revision.get_value(), document).await;
            self.saving.set_value(false);
            match result {
                Ok(revision) => {
                    self.revision.set_value(revision);
                    if self.edits.get_value() == edits {
                        self.state.set(SaveState::Saved);
                        if let Some(storage) = Self::storage() {
                            let _ = storage.remove_item(&self.key());
                        }
                    } else {
                        self.keep_locally();
                        self.save_now();
                    }
                }
                Err(AppError::Validation { field, message, .. }) => {
                    self.state
                        .set(SaveState::Refused(FieldNote { field, message }));
                }
                Err(AppError::Conflict { message, .. }) => {
                    self.state.set(SaveState::Conflict(message))
                }
                // A desk operator whose permission ended (or was taken back).
                Err(AppError::Forbidden) => self.state.set(SaveState::Conflict(
                    td_string!(
                        crate::i18n_switch::request_locale(),
                        messages.desk_help_has_ended
                    )
                    .to_string(),
                )),
                Err(AppError::Unauthorized) => self.state.set(SaveState::Conflict(
                    td_string!(
                        crate::i18n_switch::request_locale(),
                        messages.session_expired_cv_kept
                    )
                    .to_string(),
                )),
                Err(_) => {
                    let attempt = attempt + 1;
                    self.state.set(SaveState::Retrying { attempt });
                    // 1, 2, 4, 8, then every 15 seconds.
                    let wait = Duration::from_secs((1u64 << (attempt - 1).min(4)).min(15));
                    set_timeout(move || self.save_now(), wait);
                }
            }
        });
    }
}
