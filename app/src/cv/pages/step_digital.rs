//! Step 6: the five DigComp areas, the tools, the driving licences.

use super::draft::Draft;
use super::inputs::{DocCheck, DocSelect, DocText, Lens, Toggle};
use crate::components::tr;
use crate::cv::domain::{CvDocument, DIGCOMP_AREAS, DIGCOMP_LEVELS, LICENCES};
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
        tr(l, "Non indicato", "Not given").to_string(),
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
            <legend class="mb-2 text-xl font-bold">{tr(l, "Competenze digitali (DigComp)", "Digital skills (DigComp)")}</legend>
            {areas.into_iter().zip(DIGCOMP_AREAS).map(|((field, lens), label)| view! {
                <DocSelect draft field label=pick(label, english) options=levels.clone() lens/>
            }).collect_view()}
            <DocText draft field="digital.tools" label=tr(l, "Programmi e strumenti che sai usare", "Programs and tools you can use")
                hint=tr(l, "Separali con una virgola: Excel, posta elettronica, gestionale di magazzino", "Separate them with commas: Excel, email, warehouse software") lens=lens!(digital.tools)/>
        </fieldset>
        <fieldset class="mb-6">
            <legend class="mb-2 text-xl font-bold">{tr(l, "Patente di guida", "Driving licence")}</legend>
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
            <DocCheck draft field="own_vehicle" label=tr(l, "Ho un mezzo mio (automunito/a)", "I have my own vehicle") toggle=own_vehicle/>
        </fieldset>
    }
}
