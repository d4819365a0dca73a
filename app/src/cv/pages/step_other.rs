//! Step 7: other skills, certifications, volunteering, interests.

use super::draft::Draft;
use super::inputs::{item_lens, DocArea, DocText, EntryList};
use super::step_experience::job;
use crate::i18n::td_string;
use crate::{lens, list, part};
use leptos::prelude::*;

#[component]
pub fn OtherStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <DocArea draft field="other_skills" label=td_string!(l, cv_step_other.other_skills) rows=4 lens=lens!(other_skills)
            hint=td_string!(l, cv_step_other.one_per_line_first)/>
        <h3 class="mb-2 text-xl font-bold">{td_string!(l, cv_step_other.certifications)}</h3>
        <EntryList draft list=list!(certifications) name=td_string!(l, cv_step_other.certification)
            add_label=td_string!(l, cv_step_other.add_a_certification) render=certification/>
        <h3 class="mb-2 text-xl font-bold">{td_string!(l, cv_step_other.volunteering)}</h3>
        <EntryList draft list=list!(volunteering) name=td_string!(l, cv_step_other.volunteering)
            add_label=td_string!(l, cv_step_other.add_volunteering) render=|draft, i| job(draft, list!(volunteering), "volunteering", i)/>
        <DocArea draft field="interests" label=td_string!(l, cv_step_other.interests) rows=3 lens=lens!(interests)
            hint=td_string!(l, cv_step_other.one_per_line)/>
    }
}

fn certification(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let list = list!(certifications);
    let prefix = format!("certifications.{i}");
    view! {
        <DocText draft field=format!("{prefix}.name") label=td_string!(l, cv_step_other.name) lens=item_lens(list, i, part!(name))/>
        <DocText draft field=format!("{prefix}.issuer") label=td_string!(l, cv_step_other.issued_by) lens=item_lens(list, i, part!(issuer))/>
        <DocText draft field=format!("{prefix}.date") label=td_string!(l, cv_step_other.date) kind="month" hint=td_string!(l, cv_step_other.month_and_year) lens=item_lens(list, i, part!(date))/>
    }
    .into_any()
}
