//! `/guida-colloquio`: getting ready for a job interview, with a checklist
//! and the way to rehearse it at the desk.

use crate::components::page_meta::PageMeta;
use crate::i18n::td_string;
use crate::kernel::labels::Label;
use leptos::prelude::*;

const BEFORE: [Label; 6] = [
    |l| td_string!(l, cv_guide.reread_the_offer_and),
    |l| td_string!(l, cv_guide.look_up_the_business),
    |l| td_string!(l, cv_guide.prepare_two_or_three),
    |l| td_string!(l, cv_guide.prepare_one_or_two),
    |l| td_string!(l, cv_guide.check_the_route_and),
    |l| td_string!(l, cv_guide.bring_an_id_a),
];

const DURING: [Label; 5] = [
    |l| td_string!(l, cv_guide.greet_introduce_yourself_and),
    |l| td_string!(l, cv_guide.answer_with_real_examples),
    |l| td_string!(l, cv_guide.if_you_dont_know),
    |l| td_string!(l, cv_guide.dont_speak_badly_of),
    |l| td_string!(l, cv_guide.at_the_end_ask),
];

#[component]
pub fn InterviewGuidePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let title = td_string!(l, cv_guide.getting_ready_for_a);
    let checklist = |id: &'static str, items: &'static [Label]| {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let (input, target) = (format!("{id}-{i}"), format!("{id}-{i}"));
                view! { <li><label class="choice" for=target><input id=input type="checkbox"/><span>{item(l)}</span></label></li> }
            })
            .collect_view()
    };
    view! {
        <PageMeta title description=crate::kernel::text::first_words(td_string!(l, cv_guide.prepare_an_interview_like), 160)/>
        <div class="prose-page">
            <h1 class="page-title">{title}</h1>
            <p class="lead mb-6">{td_string!(l, cv_guide.prepare_an_interview_like)}</p>
            <h2 class="section-title">{td_string!(l, cv_guide.before_the_interview)}</h2>
            <ul class="mb-6">{checklist("prima", &BEFORE)}</ul>
            <h2 class="section-title">{td_string!(l, cv_guide.during_the_interview)}</h2>
            <ul class="mb-6">{checklist("durante", &DURING)}</ul>
            <h2 class="section-title">{td_string!(l, cv_guide.common_questions)}</h2>
            <ul class="mb-6 list-disc pl-6">
                <li>{td_string!(l, cv_guide.tell_me_about_yourself)}</li>
                <li>{td_string!(l, cv_guide.why_do_you_want)}</li>
                <li>{td_string!(l, cv_guide.what_are_your_weaknesses)}</li>
            </ul>
            <div class="notice">
                <p class="mb-2">{td_string!(l, cv_guide.at_the_infolavoro_desk)}</p>
                <a class="btn-primary" href="/sportelli/la-spezia/prenota?tema=colloquio">{td_string!(l, cv_guide.book_a_job_interview)}</a>
            </div>
        </div>
    }
}
