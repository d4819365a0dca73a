//! Step 4: schools, qualifications and courses.

use super::draft::Draft;
use super::inputs::{item_lens, item_toggle, DocArea, DocSelect, DocText, EntryList, Lens, Period};
use crate::cv::domain::CvDocument;
use crate::i18n::td_string;
use crate::kernel::labels::pick;
use crate::offers::domain::EDUCATION;
use crate::{flag, list, part};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EducationStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <EntryList draft list=list!(education) name=td_string!(l, cv_step_education.qualification_or_course)
            add_label=td_string!(l, cv_step_education.add_a_qualification_or) render=study/>
    }
}

fn study(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let english = draft.english;
    let list = list!(education);
    let prefix = format!("education.{i}");
    let mut levels = vec![(
        String::new(),
        td_string!(l, cv_step_education.dont_know_not_given).to_string(),
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
        <DocText draft field=format!("{prefix}.title") label=td_string!(l, cv_step_education.qualification_or_course_name) lens=item_lens(list, i, part!(title))/>
        <DocText draft field=format!("{prefix}.institution") label=td_string!(l, cv_step_education.school_university_or_training) lens=item_lens(list, i, part!(institution))/>
        <DocText draft field=format!("{prefix}.place") label=td_string!(l, cv_step_education.place) lens=item_lens(list, i, part!(place))/>
        <DocSelect draft field=format!("{prefix}.eqf") label=td_string!(l, cv_step_education.level_eqf) options=levels lens=eqf/>
        <Period draft prefix=prefix.clone() from=item_lens(list, i, part!(from)) to=item_lens(list, i, part!(to)) current/>
        <DocArea draft field=format!("{prefix}.details") label=td_string!(l, cv_step_education.subjects_or_what_you) rows=3 lens=item_lens(list, i, part!(details))/>
    }
    .into_any()
}
