//! `/staff/orientamento`: the rules that make the paths, one form each, and a
//! form for a new rule. A rule is switched off rather than deleted, so the
//! shipped ones never come back by themselves.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, Field, SelectField, TextArea};
use crate::i18n::*;
use crate::kernel::labels::{pick, Label};
use crate::network::domain::Category;
use crate::orientation::api::{list_orientation_rules, SaveOrientationRule};
use crate::orientation::domain::{
    AdviceKind, Rule, AGE_BANDS, BUSINESS, EDUCATION, ITALIAN, SITUATIONS, TRAVEL,
};
use leptos::prelude::*;
use leptos_meta::Title;

const FIELDS: [&str; 7] = [
    "title",
    "reason",
    "kind",
    "target",
    "position",
    "istruzione_min",
    "istruzione_max",
];

#[component]
pub fn RulesPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let create = ServerAction::<SaveOrientationRule>::new();
    let rules = Resource::new(move || create.version().get(), |_| list_orientation_rules());
    let title = td_string!(l, orientation_rules.guidance_rules);
    let categories = Category::ALL
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{td_string!(l, orientation_rules.each_rule_adds_a)}</p>
        <p class="mb-6">{td_string!(l, orientation_rules.what_to_write_in)}{categories}{td_string!(l, orientation_rules.for_courses_and_meetings)} " " <a href="/orientamento">{td_string!(l, orientation_rules.try_the_questionnaire)}</a></p>
        {with_data(rules, move |rules| view! {
            <ul class="mb-10 grid gap-4" data-testid="regole">
                {rules.into_iter().map(|rule| view! { <li><RuleForm rule=Some(rule)/></li> }).collect_view()}
            </ul>
        })}
        <h2 class="section-title">{td_string!(l, orientation_rules.new_rule)}</h2>
        <RuleEditor rule=None action=create/>
    }
}

/// A saved rule, folded: its form opens on demand.
#[component]
fn RuleForm(rule: Option<Rule>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let save = ServerAction::<SaveOrientationRule>::new();
    let summary = rule.as_ref().map(|r| {
        format!(
            "{} · {}{}",
            r.content.position,
            r.content.title,
            if r.active {
                ""
            } else {
                td_string!(l, orientation_rules.switched_off)
            }
        )
    });
    view! {
        <details class="card">
            <summary class="cursor-pointer font-semibold">{summary}</summary>
            <div class="mt-4"><RuleEditor rule action=save/></div>
        </details>
    }
}

#[component]
fn RuleEditor(rule: Option<Rule>, action: ServerAction<SaveOrientationRule>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let result = action.value();
    let message =
        move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let saved = move || {
        matches!(result.get(), Some(Ok(()))).then(|| td_string!(l, orientation_rules.saved))
    };
    // Ids must be unique on the page: every rule's fields carry its id.
    let key = rule
        .as_ref()
        .map(|r| r.id.to_string())
        .unwrap_or_else(|| "nuova".into());
    let content = rule.as_ref().map(|r| r.content.clone());
    let when = content.as_ref().map(|c| c.when.clone()).unwrap_or_default();
    let kinds: Vec<(String, String)> = AdviceKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), pick(k.label(), english).to_string()))
        .collect();
    let education: Vec<(String, String)> = EDUCATION
        .iter()
        .map(|(c, label)| (c.to_string(), pick(*label, english).to_string()))
        .collect();
    let active = rule.as_ref().is_none_or(|r| r.active);
    let k = {
        let key = key.clone();
        move |name: &str| format!("{name}-{key}")
    };
    view! {
        <ActionForm action=action>
            <input type="hidden" name="form[id]" value=rule.as_ref().map(|r| r.id.to_string()).unwrap_or_default()/>
            <Field name=k("titolo") post_as="form[title]" label=td_string!(l, orientation_rules.title_of_the_advice) value=content.as_ref().map(|c| c.title.clone()) error=message("title")/>
            <TextArea name=k("perche") post_as="form[reason]" label=td_string!(l, orientation_rules.why_what_the_person) rows="3" value=content.as_ref().map(|c| c.reason.clone()) error=message("reason")/>
            <div class="grid gap-x-6 sm:grid-cols-3">
                <SelectField name=k("tipo") post_as="form[kind]" label=td_string!(l, orientation_rules.what_it_adds) options=kinds value=content.as_ref().map(|c| c.kind.code().to_string()) error=message("kind")/>
                <Field name=k("destinazione") post_as="form[target]" label=td_string!(l, orientation_rules.target) value=content.as_ref().map(|c| c.target.clone()) error=message("target")/>
                <Field name=k("ordine") post_as="form[position]" kind="number" label=td_string!(l, orientation_rules.order_in_the_path) value=content.as_ref().map(|c| c.position.to_string()) error=message("position")/>
            </div>
            <ConditionBoxes key=key.clone() dimension="situazione" legend=td_string!(l, orientation_rules.situation) list=&SITUATIONS chosen=when.situazione.clone()/>
            <ConditionBoxes key=key.clone() dimension="eta" legend=td_string!(l, orientation_rules.age) list=&AGE_BANDS chosen=when.eta.clone()/>
            <ConditionBoxes key=key.clone() dimension="mezzo" legend=td_string!(l, orientation_rules.how_they_travel) list=&TRAVEL chosen=when.mezzo.clone()/>
            <ConditionBoxes key=key.clone() dimension="italiano" legend=td_string!(l, orientation_rules.italian) list=&ITALIAN chosen=when.italiano.clone()/>
            <ConditionBoxes key=key.clone() dimension="impresa" legend=td_string!(l, orientation_rules.starting_a_business) list=&BUSINESS chosen=when.impresa.clone()/>
            <div class="grid gap-x-6 sm:grid-cols-2">
                <SelectField name=k("istruzione-min") post_as="form[istruzione_min]" label=td_string!(l, orientation_rules.education_at_least) placeholder=td_string!(l, orientation_rules.any) options=education.clone() value=when.istruzione_min.map(|e| e.to_string()) error=message("istruzione_min")/>
                <SelectField name=k("istruzione-max") post_as="form[istruzione_max]" label=td_string!(l, orientation_rules.education_at_most) placeholder=td_string!(l, orientation_rules.any) options=education value=when.istruzione_max.map(|e| e.to_string()) error=message("istruzione_max")/>
            </div>
            <label class="choice mb-4"><input type="checkbox" name="form[active]" value="on" checked=active/> {td_string!(l, orientation_rules.active_used_in_paths)}</label>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <button type="submit" class="btn-primary">{if rule.is_some() { td_string!(l, orientation_rules.save_the_rule) } else { td_string!(l, orientation_rules.add_the_rule) }}</button>
            <span role="status" class="ml-3 font-semibold">{saved}</span>
        </ActionForm>
    }
}

/// One dimension of a condition: a box per answer (`form[dimension.code]`).
#[component]
fn ConditionBoxes(
    key: String,
    dimension: &'static str,
    legend: &'static str,
    list: &'static [(&'static str, Label)],
    chosen: Vec<String>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    view! {
        <fieldset class="mb-4">
            <legend class="font-semibold">{format!("{legend} {}", td_string!(l, orientation_rules.no_box_everyone))}</legend>
            <div class="flex flex-wrap gap-x-6">
                {list.iter().map(|(code, label)| {
                    let checked = chosen.iter().any(|c| c == code);
                    let id = format!("cond-{key}-{dimension}-{code}");
                    view! {
                        <span class="choice">
                            <input type="checkbox" id=id.clone() name=format!("form[{dimension}.{code}]") value="on" checked=checked/>
                            <label for=id>{pick(*label, english)}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
