//! `/staff/orientamento`: the rules that make the paths, one form each, and a
//! form for a new rule. A rule is switched off rather than deleted, so the
//! shipped ones never come back by themselves.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, Field, SelectField, TextArea};
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::labels::Label;
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
    let title = tr(l, "Regole dell'orientamento", "Guidance rules");
    let categories = Category::ALL
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{tr(l, "Ogni regola aggiunge un consiglio al percorso di chi risponde al questionario di orientamento, quando le risposte soddisfano le sue condizioni. Una condizione senza caselle scelte vale per tutti.", "Each rule adds a piece of advice to the path of whoever answers the guidance questionnaire, when the answers meet its conditions. A condition with no boxes ticked applies to everyone.")}</p>
        <p class="mb-6">{tr(l, "Cosa scrivere in «Destinazione»: per gli enti la categoria (", "What to write in \"Target\": for bodies the category (")}{categories}{tr(l, "); per corsi e incontri un filtro come topic=lingue o target=giovani; per le offerte un filtro come tipo=tirocinio (vuoto: tutte); per un programma il suo indirizzo https://…; per un passo un indirizzo del portale, come /cv.", "); for courses and meetings a filter such as topic=lingue or target=giovani; for offers a filter such as tipo=tirocinio (empty: all); for a programme its https://… address; for a step an address on the portal, such as /cv.")} " " <a href="/orientamento">{tr(l, "Prova il questionario", "Try the questionnaire")}</a></p>
        {with_data(rules, move |rules| view! {
            <ul class="mb-10 grid gap-4" data-testid="regole">
                {rules.into_iter().map(|rule| view! { <li><RuleForm rule=Some(rule)/></li> }).collect_view()}
            </ul>
        })}
        <h2 class="section-title">{tr(l, "Nuova regola", "New rule")}</h2>
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
                tr(l, " (disattivata)", " (switched off)")
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
    let saved = move || matches!(result.get(), Some(Ok(()))).then(|| tr(l, "Salvato.", "Saved."));
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
            <Field name=k("titolo") post_as="form[title]" label=tr(l, "Titolo del consiglio", "Title of the advice") value=content.as_ref().map(|c| c.title.clone()) error=message("title")/>
            <TextArea name=k("perche") post_as="form[reason]" label=tr(l, "Perché (lo legge chi risponde)", "Why (what the person reads)") rows="3" value=content.as_ref().map(|c| c.reason.clone()) error=message("reason")/>
            <div class="grid gap-x-6 sm:grid-cols-3">
                <SelectField name=k("tipo") post_as="form[kind]" label=tr(l, "Cosa aggiunge", "What it adds") options=kinds value=content.as_ref().map(|c| c.kind.code().to_string()) error=message("kind")/>
                <Field name=k("destinazione") post_as="form[target]" label=tr(l, "Destinazione", "Target") value=content.as_ref().map(|c| c.target.clone()) error=message("target")/>
                <Field name=k("ordine") post_as="form[position]" kind="number" label=tr(l, "Ordine nel percorso", "Order in the path") value=content.as_ref().map(|c| c.position.to_string()) error=message("position")/>
            </div>
            <ConditionBoxes key=key.clone() dimension="situazione" legend=tr(l, "Situazione", "Situation") list=&SITUATIONS chosen=when.situazione.clone()/>
            <ConditionBoxes key=key.clone() dimension="eta" legend=tr(l, "Età", "Age") list=&AGE_BANDS chosen=when.eta.clone()/>
            <ConditionBoxes key=key.clone() dimension="mezzo" legend=tr(l, "Come si sposta", "How they travel") list=&TRAVEL chosen=when.mezzo.clone()/>
            <ConditionBoxes key=key.clone() dimension="italiano" legend=tr(l, "Italiano", "Italian") list=&ITALIAN chosen=when.italiano.clone()/>
            <ConditionBoxes key=key.clone() dimension="impresa" legend=tr(l, "Avviare un'impresa", "Starting a business") list=&BUSINESS chosen=when.impresa.clone()/>
            <div class="grid gap-x-6 sm:grid-cols-2">
                <SelectField name=k("istruzione-min") post_as="form[istruzione_min]" label=tr(l, "Titolo di studio almeno", "Education at least") placeholder=tr(l, "Qualsiasi", "Any") options=education.clone() value=when.istruzione_min.map(|e| e.to_string()) error=message("istruzione_min")/>
                <SelectField name=k("istruzione-max") post_as="form[istruzione_max]" label=tr(l, "Titolo di studio al massimo", "Education at most") placeholder=tr(l, "Qualsiasi", "Any") options=education value=when.istruzione_max.map(|e| e.to_string()) error=message("istruzione_max")/>
            </div>
            <label class="choice mb-4"><input type="checkbox" name="form[active]" value="on" checked=active/> {tr(l, "Attiva: entra nei percorsi", "Active: used in paths")}</label>
            <p role="alert" class="field-error">{move || form_message(result.get(), &FIELDS)}</p>
            <button type="submit" class="btn-primary">{if rule.is_some() { tr(l, "Salva la regola", "Save the rule") } else { tr(l, "Aggiungi la regola", "Add the rule") }}</button>
            <span role="status" class="ml-3 font-semibold">{saved}</span>
        </ActionForm>
    }
}

fn pick((it, en): Label, english: bool) -> &'static str {
    if english {
        en
    } else {
        it
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
            <legend class="font-semibold">{format!("{legend} {}", tr(l, "(nessuna casella: tutti)", "(no box: everyone)"))}</legend>
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
