//! Step 3, work experience, and the volunteering of step 7: the same entry.

use super::draft::Draft;
use super::inputs::{item_lens, item_toggle, DocArea, DocText, EntryList, List, Period};
use super::steps::ACTION_VERBS;
use crate::cv::domain::Experience;
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use crate::{flag, list, part};
use leptos::prelude::*;

#[component]
pub fn ExperienceStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <EntryList draft list=list!(experience) name=td_string!(l, cv_step_experience.experience)
            add_label=td_string!(l, cv_step_experience.add_a_job) render=|draft, i| job(draft, list!(experience), "experience", i)/>
    }
}

/// One job or volunteering role; `name` is the list's field name.
pub fn job(draft: Draft, list: List<Experience>, name: &'static str, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let prefix = format!("{name}.{i}");
    let activities = item_lens(list, i, part!(activities));
    let add_verb = activities.set.clone();
    let read = activities.get.clone();
    let (employer, role) = if name == "volunteering" {
        (
            td_string!(l, cv_step_experience.organisation),
            td_string!(l, cv_step_experience.role),
        )
    } else {
        (
            td_string!(l, cv_step_experience.employer),
            td_string!(l, cv_step_experience.job_title),
        )
    };
    let current = item_toggle(list, i, flag!(current));
    view! {
        <DocText draft field=format!("{prefix}.role") label=role lens=item_lens(list, i, part!(role))/>
        <DocText draft field=format!("{prefix}.employer") label=employer lens=item_lens(list, i, part!(employer))/>
        <DocText draft field=format!("{prefix}.place") label=td_string!(l, cv_step_experience.place) lens=item_lens(list, i, part!(place))/>
        <Period draft prefix=prefix.clone() from=item_lens(list, i, part!(from)) to=item_lens(list, i, part!(to)) current/>
        <DocArea draft field=format!("{prefix}.activities") label=td_string!(l, cv_step_experience.what_you_did_one) rows=5 lens=activities/>
        <div class="-mt-3 mb-5">
            <p class="text-base text-slate-700">{td_string!(l, cv_step_experience.to_start_a_line)}</p>
            <ul class="flex flex-wrap gap-2">
                {ACTION_VERBS.iter().map(|verb| {
                    let word = pick(*verb, english);
                    let (add, read) = (add_verb.clone(), read.clone());
                    view! { <li><button type="button" class="verb-chip" on:click=move |_| {
                        let (add, read) = (add.clone(), read.clone());
                        draft.edit(move |d| {
                            let now = read(d);
                            let joined = if now.trim().is_empty() { format!("{word} ") } else { format!("{}\n{word} ", now.trim_end()) };
                            add(d, joined);
                        });
                    }>{word}</button></li> }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
