//! Step 6: the five DigComp areas, the tools, the driving licences.

use super::draft::Draft;
use super::inputs::{DocCheck, DocSelect, DocText, Lens, Toggle};
use crate::cv::domain::{CvDocument, DIGCOMP_AREAS, DIGCOMP_LEVELS, LICENCES};
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use crate::lens;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DigitalStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let mut levels = vec![(
        String::new(),
        td_string!(l, cv_step_digital.not_given).to_string(),
    )];
    levels.extend(
        DIGCOMP_LEVELS
            .iter()
            .map(|(c, label)| (c.to_string(), pick(*label, english).to_string())),
    );
    let areas: [(&str, Lens); 5] = [
        ("digital.information", lens!(digital.information)),
        ("digital.communication", lens!(digital.communication)),
        ("digital.content", lens!(digital.content)),
        ("digital.safety", lens!(digital.safety)),
        ("digital.problem_solving", lens!(digital.problem_solving)),
    ];
    let own_vehicle: Toggle = (
        Arc::new(|d: &CvDocument| d.own_vehicle),
        Arc::new(|d: &mut CvDocument, on| d.own_vehicle = on),
    );
    view! {
        <fieldset class="mb-6">
            <legend class="mb-2 text-xl font-bold">{td_string!(l, cv_step_digital.digital_skills_digcomp)}</legend>
            {areas.into_iter().zip(DIGCOMP_AREAS).map(|((field, lens), label)| view! {
                <DocSelect draft field label=pick(label, english) options=levels.clone() lens/>
            }).collect_view()}
            <DocText draft field="digital.tools" label=td_string!(l, cv_step_digital.programs_and_tools_you)
                hint=td_string!(l, cv_step_digital.separate_them_with_commas) lens=lens!(digital.tools)/>
        </fieldset>
        <fieldset class="mb-6">
            <legend class="mb-2 text-xl font-bold">{td_string!(l, cv_step_digital.driving_licence)}</legend>
            <ul class="grid grid-cols-3 gap-x-4 sm:grid-cols-5">
                {LICENCES.iter().map(|code| {
                    let toggle: Toggle = (
                        Arc::new(move |d: &CvDocument| d.licences.iter().any(|l| l == code)),
                        Arc::new(move |d: &mut CvDocument, on| {
                            d.licences.retain(|l| l != code);
                            if on {
                                d.licences.push(code.to_string());
                                // Keep the EU order, whatever the order of the clicks.
                                d.licences.sort_by_key(|l| LICENCES.iter().position(|c| c == l));
                            }
                        }),
                    );
                    view! { <li><DocCheck draft field=format!("licences.{code}") label=*code toggle/></li> }
                }).collect_view()}
            </ul>
            <DocCheck draft field="own_vehicle" label=td_string!(l, cv_step_digital.i_have_my_own) toggle=own_vehicle/>
        </fieldset>
    }
}
