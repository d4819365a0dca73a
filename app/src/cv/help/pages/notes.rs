//! In the wizard: to a desk operator, whose CV they are editing and until
//! when; to the citizen, what operators changed, by whom and when.

use crate::cv::domain::CvRecord;
use crate::cv::pages::steps::STEPS;
use crate::i18n::*;
use crate::kernel::dates::{italian_datetime, italian_time};
use crate::kernel::labels::pick;
use leptos::prelude::*;

#[component]
pub fn DeskNotes(record: CvRecord) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let assisted = record.assisted.map(|a| {
        let until = italian_time(a.until);
        view! {
            <p class="notice mb-6" data-testid="aiuto-operatore">
                {td_string!(l, cv_help_notes.you_are_helping, name = a.owner_name, until = until)}
            </p>
        }
    });
    let changes = (!record.desk_changes.is_empty()).then(|| {
        view! {
            <details class="card mb-6" data-testid="modifiche-sportello" open>
                <summary class="cursor-pointer font-semibold">{td_string!(l, cv_help_notes.changes_made_at_the_desk)}</summary>
                <ul class="mt-2 list-disc pl-6">
                    {record.desk_changes.into_iter().map(|c| {
                        let steps: Vec<&str> = c.steps.iter()
                            .filter_map(|n| STEPS.get(usize::from(*n).wrapping_sub(1)))
                            .map(|s| pick(s.title, english))
                            .collect();
                        view! {
                            <li>{td_string!(l, cv_help_notes.change, when = italian_datetime(c.at), operator = c.operator, steps = steps.join(", "))}</li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    });
    view! { {assisted} {changes} }
}
