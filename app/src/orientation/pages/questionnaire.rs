//! `/orientamento`: seven short questions in a plain GET form (it works
//! without JavaScript and without an account); the answers become the
//! address of the path, `/orientamento/percorso?…`.

use crate::components::async_data::with_data;
use crate::components::page_meta::PageMeta;
use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::labels::Label;
use crate::network::api::list_comuni;
use crate::network::domain::Comune;
use crate::offers::domain::SECTORS;
use crate::orientation::domain::{
    Answers, AGE_BANDS, BUSINESS, DISTANCES, EDUCATION, ITALIAN, SITUATIONS, TRAVEL,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The answers in the page's address (to come back and change them).
pub fn answers_in_address() -> Memo<Answers> {
    let query = use_query_map();
    Memo::new(move |_| {
        let map = query.read();
        let mut pairs: Vec<(&str, String)> = [
            "situazione",
            "eta",
            "istruzione",
            "comune",
            "mezzo",
            "km",
            "italiano",
            "impresa",
        ]
        .into_iter()
        .map(|k| (k, map.get(k).unwrap_or_default()))
        .collect();
        pairs.extend(
            map.get_all("settore")
                .unwrap_or_default()
                .into_iter()
                .map(|s| ("settore", s)),
        );
        Answers::from_pairs(pairs)
    })
}

#[component]
pub fn OrientationPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let answers = answers_in_address();
    let comuni = Resource::new(|| (), |_| list_comuni());
    let title = td_string!(l, orientation_questionnaire.guidance_your_path_to);
    view! {
        <PageMeta title description=crate::kernel::text::first_words(td_string!(l, orientation_questionnaire.seven_short_questions_five), 160)/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, orientation_questionnaire.seven_short_questions_five)}</p>
        {with_data(comuni, move |comuni| view! {
            <Questionnaire comuni answers=answers.get_untracked() error=None/>
        })}
    }
}

/// The message for `field` in `error`, if it is about that question.
fn message_for(error: &Option<AppError>, field: &str) -> Option<String> {
    match error {
        Some(AppError::Validation {
            field: f, message, ..
        }) if f == field => Some(message.clone()),
        _ => None,
    }
}

#[component]
pub fn Questionnaire(
    comuni: Vec<Comune>,
    answers: Answers,
    error: Option<AppError>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let pick = move |label: Label| label(l);
    let options = move |list: &[(&'static str, Label)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(c, label)| (c.to_string(), pick(*label).to_string()))
            .collect()
    };
    let sectors: Vec<(String, String)> = options(&SECTORS);
    let comune_error = message_for(&error, "comune");
    let km = if answers.km.is_empty() {
        "15".to_string()
    } else {
        answers.km.clone()
    };
    view! {
        <form method="get" action="/orientamento/percorso" class="max-w-3xl" data-testid="questionario">
            {error.as_ref().map(|_| view! {
                <p role="alert" class="notice mb-6">{td_string!(l, orientation_questionnaire.some_answers_are_missing)}</p>
            })}
            <Choices name="situazione" number=1 legend=td_string!(l, orientation_questionnaire.what_is_your_situation)
                options=options(&SITUATIONS) chosen=answers.situazione.clone() error=message_for(&error, "situazione")/>
            <Choices name="eta" number=2 legend=td_string!(l, orientation_questionnaire.how_old_are_you)
                hint=td_string!(l, orientation_questionnaire.only_used_to_point)
                options={let mut o = options(&AGE_BANDS); o.push((String::new(), td_string!(l, orientation_questionnaire.i_prefer_not_to).into())); o}
                chosen=answers.eta.clone() error=message_for(&error, "eta")/>
            <fieldset class="question" aria-describedby="campo-istruzione-errore">
                <legend class="question-title">{format!("3. {}", td_string!(l, orientation_questionnaire.what_is_your_highest))}</legend>
                <label for="campo-istruzione" class="font-semibold">{td_string!(l, orientation_questionnaire.qualification)}</label>
                <select id="campo-istruzione" name="istruzione" class="input">
                    <option value="">{td_string!(l, orientation_questionnaire.i_prefer_not_to)}</option>
                    {options(&EDUCATION).into_iter().map(|(v, t)| { let s = v == answers.istruzione; view! { <option value=v selected=s>{t}</option> } }).collect_view()}
                </select>
                <p id="campo-istruzione-errore" class="field-error" aria-live="polite">{message_for(&error, "istruzione")}</p>
            </fieldset>
            <fieldset class="question" aria-describedby="campo-comune-errore">
                <legend class="question-title">{format!("4. {}", td_string!(l, orientation_questionnaire.where_do_you_live))}</legend>
                <div class="mb-4 flex flex-col">
                    <label for="campo-comune" class="font-semibold">{td_string!(l, orientation_questionnaire.your_municipality)}</label>
                    <select id="campo-comune" name="comune" class="input" aria-invalid=comune_error.is_some().then_some("true")>
                        <option value="">{td_string!(l, orientation_questionnaire.choose)}</option>
                        {comuni.into_iter().map(|c| { let s = c.slug == answers.comune; view! { <option value=c.slug selected=s>{c.name}</option> } }).collect_view()}
                    </select>
                    <p id="campo-comune-errore" class="field-error" aria-live="polite">{comune_error.clone()}</p>
                </div>
                <p class="font-semibold">{td_string!(l, orientation_questionnaire.how_do_you_get)}</p>
                <div class="mb-4">
                    {options(&TRAVEL).into_iter().map(|(v, t)| { let c = v == answers.mezzo; view! { <label class="choice"><input type="radio" name="mezzo" value=v checked=c/> {t}</label> } }).collect_view()}
                </div>
                <div class="flex flex-col">
                    <label for="campo-km" class="font-semibold">{td_string!(l, orientation_questionnaire.how_far_can_you)}</label>
                    <select id="campo-km" name="km" class="input">
                        {DISTANCES.into_iter().map(|d| view! { <option value=d selected=d == km>{format!("{} {d} km", td_string!(l, orientation_questionnaire.within))}</option> }).collect_view()}
                    </select>
                </div>
            </fieldset>
            <fieldset class="question" aria-describedby="campo-settore-aiuto campo-settore-errore">
                <legend class="question-title">{format!("5. {}", td_string!(l, orientation_questionnaire.which_sectors_would_you))}</legend>
                <p id="campo-settore-aiuto" class="mb-2">{td_string!(l, orientation_questionnaire.pick_up_to_three)}</p>
                <div class="grid gap-x-6 sm:grid-cols-2">
                    {sectors.into_iter().map(|(v, t)| { let c = answers.settore.contains(&v); view! { <label class="choice"><input type="checkbox" name="settore" value=v checked=c/> {t}</label> } }).collect_view()}
                </div>
                <p id="campo-settore-errore" class="field-error" aria-live="polite">{message_for(&error, "settore")}</p>
            </fieldset>
            <Choices name="italiano" number=6 legend=td_string!(l, orientation_questionnaire.how_well_do_you)
                options=options(&ITALIAN) chosen=answers.italiano.clone() error=message_for(&error, "italiano")/>
            <Choices name="impresa" number=7 legend=td_string!(l, orientation_questionnaire.are_you_thinking_of)
                options=options(&BUSINESS) chosen=answers.impresa.clone() error=message_for(&error, "impresa")/>
            <button type="submit" class="btn-primary">{td_string!(l, orientation_questionnaire.show_my_path)}</button>
        </form>
    }
}

/// One question answered by a single choice.
#[component]
fn Choices(
    name: &'static str,
    number: u8,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<(String, String)>,
    chosen: String,
    error: Option<String>,
) -> impl IntoView {
    let (hint_id, error_id) = (
        format!("campo-{name}-aiuto"),
        format!("campo-{name}-errore"),
    );
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <fieldset class="question" aria-describedby=described>
            <legend class="question-title">{format!("{number}. {legend}")}</legend>
            {hint.map(|h| view! { <p id=hint_id class="mb-2">{h}</p> })}
            {options.into_iter().map(|(v, t)| {
                let checked = v == chosen;
                view! { <label class="choice"><input type="radio" name=name value=v checked=checked/> {t}</label> }
            }).collect_view()}
            <p id=error_id class="field-error" aria-live="polite">{error}</p>
        </fieldset>
    }
}
