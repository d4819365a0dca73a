//! Step 5: the mother tongue(s) and the CEFR self-assessment grid.

use super::draft::Draft;
use super::inputs::{item_lens, DocSelect, DocText, EntryList, Lens, Part};
use crate::components::tr;
use crate::cv::domain::{LanguageSkill, CEFR_LEVELS, CEFR_SKILLS};
use crate::kernel::labels::pick;
use crate::{list, part};
use leptos::prelude::*;

#[component]
pub fn LanguagesStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <h3 class="mb-2 text-xl font-bold">{tr(l, "Lingua madre", "Mother tongue")}</h3>
        <EntryList draft list=list!(mother_tongues) name=tr(l, "Lingua madre", "Mother tongue")
            add_label=tr(l, "Aggiungi una lingua madre", "Add a mother tongue") render=tongue/>
        <h3 class="mb-2 text-xl font-bold">{tr(l, "Altre lingue", "Other languages")}</h3>
        <details class="mb-4 rounded border border-slate-300 p-3">
            <summary class="cursor-pointer font-semibold">{tr(l, "Cosa vogliono dire A1, B1, C1?", "What do A1, B1, C1 mean?")}</summary>
            <ul class="mt-2 list-disc pl-6">
                <li>{tr(l, "A1–A2: capisci e usi frasi semplici di tutti i giorni.", "A1–A2: you understand and use simple everyday sentences.")}</li>
                <li>{tr(l, "B1–B2: te la cavi al lavoro e in viaggio, parli con una certa scioltezza.", "B1–B2: you get by at work and when travelling, you speak fairly fluently.")}</li>
                <li>{tr(l, "C1–C2: capisci quasi tutto e ti esprimi come un madrelingua.", "C1–C2: you understand nearly everything and express yourself like a native speaker.")}</li>
            </ul>
        </details>
        <EntryList draft list=list!(languages) name=tr(l, "Lingua", "Language")
            add_label=tr(l, "Aggiungi una lingua", "Add a language") render=language/>
    }
}

fn tongue(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let itself: Part<String> = (|s| s, |s| s);
    view! {
        <DocText draft field=format!("mother_tongues.{i}") label=tr(l, "Lingua", "Language") lens=item_lens(list!(mother_tongues), i, itself)/>
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
        <DocText draft field=format!("{prefix}.language") label=tr(l, "Lingua", "Language") lens=item_lens(list, i, part!(language))/>
        <div class="grid grid-cols-2 gap-x-4 sm:grid-cols-3">
            {skills.into_iter().zip(CEFR_SKILLS).map(|((name, part), label)| {
                let lens: Lens = item_lens(list, i, part);
                view! { <DocSelect draft field=format!("{prefix}.{name}") label=pick(label, english) options=levels.clone() lens/> }
            }).collect_view()}
        </div>
        <DocText draft field=format!("{prefix}.certificates") label=tr(l, "Certificati (facoltativo)", "Certificates (optional)")
            hint=tr(l, "Per esempio: PET, DELF B1, CILS", "For example: PET, DELF B1, CILS") lens=item_lens(list, i, part!(certificates))/>
    }
    .into_any()
}
