//! Step 5: the mother tongue(s) and the CEFR self-assessment grid.

use super::draft::Draft;
use super::inputs::{item_lens, DocSelect, DocText, EntryList, Lens, Part};
use crate::cv::domain::{LanguageSkill, CEFR_LEVELS, CEFR_SKILLS};
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use crate::{list, part};
use leptos::prelude::*;

#[component]
pub fn LanguagesStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <h3 class="mb-2 text-xl font-bold">{td_string!(l, cv_step_languages.mother_tongue)}</h3>
        <EntryList draft list=list!(mother_tongues) name=td_string!(l, cv_step_languages.mother_tongue)
            add_label=td_string!(l, cv_step_languages.add_a_mother_tongue) render=tongue/>
        <h3 class="mb-2 text-xl font-bold">{td_string!(l, cv_step_languages.other_languages)}</h3>
        <details class="mb-4 rounded border border-slate-300 p-3">
            <summary class="cursor-pointer font-semibold">{td_string!(l, cv_step_languages.what_do_a1_b1)}</summary>
            <ul class="mt-2 list-disc pl-6">
                <li>{td_string!(l, cv_step_languages.a1_a2_you_understand)}</li>
                <li>{td_string!(l, cv_step_languages.b1_b2_you_get)}</li>
                <li>{td_string!(l, cv_step_languages.c1_c2_you_understand)}</li>
            </ul>
        </details>
        <EntryList draft list=list!(languages) name=td_string!(l, cv_step_languages.language)
            add_label=td_string!(l, cv_step_languages.add_a_language) render=language/>
    }
}

fn tongue(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let itself: Part<String> = (|s| s, |s| s);
    view! {
        <DocText draft field=format!("mother_tongues.{i}") label=td_string!(l, cv_step_languages.language) lens=item_lens(list!(mother_tongues), i, itself)/>
    }
    .into_any()
}

fn language(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let list = list!(languages);
    let prefix = format!("languages.{i}");
    let mut levels = vec![(String::new(), "–".to_string())];
    levels.extend(CEFR_LEVELS.iter().map(|c| (c.to_string(), c.to_string())));
    let skills: [(&str, Part<LanguageSkill>); 5] = [
        ("listening", part!(listening)),
        ("reading", part!(reading)),
        ("interaction", part!(interaction)),
        ("production", part!(production)),
        ("writing", part!(writing)),
    ];
    view! {
        <DocText draft field=format!("{prefix}.language") label=td_string!(l, cv_step_languages.language) lens=item_lens(list, i, part!(language))/>
        <div class="grid grid-cols-2 gap-x-4 sm:grid-cols-3">
            {skills.into_iter().zip(CEFR_SKILLS).map(|((name, part), label)| {
                let lens: Lens = item_lens(list, i, part);
                view! { <DocSelect draft field=format!("{prefix}.{name}") label=pick(label, english) options=levels.clone() lens/> }
            }).collect_view()}
        </div>
        <DocText draft field=format!("{prefix}.certificates") label=td_string!(l, cv_step_languages.certificates_optional)
            hint=td_string!(l, cv_step_languages.for_example_pet_delf) lens=item_lens(list, i, part!(certificates))/>
    }
    .into_any()
}
