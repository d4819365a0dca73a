//! Step 4: schools, qualifications and courses.

use super::draft::Draft;
use super::inputs::{item_lens, item_toggle, DocArea, DocSelect, DocText, EntryList, Lens, Period};
use crate::components::tr;
use crate::cv::domain::CvDocument;
use crate::kernel::labels::pick;
use crate::offers::domain::EDUCATION;
use crate::{flag, list, part};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EducationStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <EntryList draft list=list!(education) name=tr(l, "Titolo o corso", "Qualification or course")
            add_label=tr(l, "Aggiungi un titolo di studio o un corso", "Add a qualification or course") render=study/>
    }
}

fn study(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let list = list!(education);
    let prefix = format!("education.{i}");
    let mut levels = vec![(
        String::new(),
        tr(l, "Non so / non indicato", "Don't know / not given").to_string(),
    )];
    levels.extend(
        EDUCATION
            .iter()
            .filter(|(code, _)| *code != "0")
            .map(|(code, label)| (code.to_string(), pick(*label, english).to_string())),
    );
    let eqf = Lens {
        get: Arc::new(move |d: &CvDocument| {
            d.education
                .get(i)
                .filter(|e| e.eqf > 0)
                .map(|e| e.eqf.to_string())
                .unwrap_or_default()
        }),
        set: Arc::new(move |d: &mut CvDocument, v: String| {
            if let Some(e) = d.education.get_mut(i) {
                e.eqf = v.parse().unwrap_or(0);
            }
        }),
    };
    let current = item_toggle(list, i, flag!(current));
    view! {
        <DocText draft field=format!("{prefix}.title") label=tr(l, "Titolo o nome del corso", "Qualification or course name") lens=item_lens(list, i, part!(title))/>
        <DocText draft field=format!("{prefix}.institution") label=tr(l, "Scuola, università o ente", "School, university or training body") lens=item_lens(list, i, part!(institution))/>
        <DocText draft field=format!("{prefix}.place") label=tr(l, "Luogo", "Place") lens=item_lens(list, i, part!(place))/>
        <DocSelect draft field=format!("{prefix}.eqf") label=tr(l, "Livello (EQF)", "Level (EQF)") options=levels lens=eqf/>
        <Period draft prefix=prefix.clone() from=item_lens(list, i, part!(from)) to=item_lens(list, i, part!(to)) current/>
        <DocArea draft field=format!("{prefix}.details") label=tr(l, "Materie o cosa hai imparato (facoltativo)", "Subjects or what you learnt (optional)") rows=3 lens=item_lens(list, i, part!(details))/>
    }
    .into_any()
}
