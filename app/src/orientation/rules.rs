//! Server only: the answers parsed, the rules matched against them, and the
//! rules' own form parsed. The rules themselves are data (the
//! `orientation_rules` table, first filled from `default_rules.json`).

use super::domain::{
    AdviceKind, Answers, Condition, Rule, RuleContent, AGE_BANDS, BUSINESS, DISTANCES, EDUCATION,
    ITALIAN, MAX_SECTORS, SITUATIONS, TRAVEL,
};
use crate::error::AppError;
use crate::kernel::labels::Label;
use crate::network::domain::Category;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The answers, checked: every code is one the questionnaire offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub situation: String,
    pub age: Option<String>,
    pub education: Option<u8>,
    pub comune: String,
    pub travel: Option<String>,
    pub km: u32,
    pub sectors: Vec<String>,
    pub italian: String,
    pub business: String,
}

fn one_of(list: &[(&str, Label)], value: &str) -> bool {
    list.iter().any(|(code, _)| *code == value)
}

fn required(
    list: &[(&str, Label)],
    value: &str,
    missing: impl FnOnce() -> AppError,
) -> Result<String, AppError> {
    if one_of(list, value) {
        Ok(value.to_string())
    } else {
        Err(missing())
    }
}

fn optional(list: &[(&str, Label)], value: &str, field: &str) -> Result<Option<String>, AppError> {
    match value {
        "" => Ok(None),
        v if one_of(list, v) => Ok(Some(v.to_string())),
        _ => Err(crate::invalid!(field, choose_one_of_the)),
    }
}

/// Parses the questionnaire. The comune's existence is checked by the caller
/// (it needs the database); here only that one was chosen.
pub fn parse_answers(a: &Answers) -> Result<Profile, AppError> {
    let situation = required(&SITUATIONS, &a.situazione, || {
        crate::invalid!("situazione", choose_the_sentence_that)
    })?;
    let age = optional(&AGE_BANDS, &a.eta, "eta")?;
    let education = optional(&EDUCATION, &a.istruzione, "istruzione")?
        .map(|code| code.parse::<u8>().unwrap_or_default());
    if a.comune.trim().is_empty() {
        return Err(crate::invalid!("comune", choose_the_comune_where_you));
    }
    let travel = optional(&TRAVEL, &a.mezzo, "mezzo")?;
    let km = match a.km.as_str() {
        "" => 15,
        v if DISTANCES.contains(&v) => v.parse().unwrap_or(15),
        _ => return Err(crate::invalid!("km", choose_one_of_the_distances)),
    };
    let sectors = a.settore.clone();
    if sectors.len() > MAX_SECTORS {
        return Err(crate::invalid!("settore", choose_at_most_3));
    }
    if let Some(bad) = sectors
        .iter()
        .find(|s| !one_of(&crate::offers::domain::SECTORS, s))
    {
        tracing::debug!(sector = %bad, "unknown sector in the questionnaire");
        return Err(crate::invalid!("settore", choose_the_sectors_from));
    }
    let italian = required(&ITALIAN, &a.italiano, || {
        crate::invalid!("italiano", tell_us_how_you)
    })?;
    let business = required(&BUSINESS, &a.impresa, || {
        crate::invalid!("impresa", tell_us_whether_you)
    })?;
    Ok(Profile {
        situation,
        age,
        education,
        comune: a.comune.trim().to_string(),
        travel,
        km,
        sectors,
        italian,
        business,
    })
}

fn accepts(list: &[String], answer: Option<&str>) -> bool {
    list.is_empty() || answer.is_some_and(|a| list.iter().any(|x| x == a))
}

/// Whether a rule's condition holds for a profile.
pub fn matches(when: &Condition, p: &Profile) -> bool {
    accepts(&when.situazione, Some(&p.situation))
        && accepts(&when.eta, p.age.as_deref())
        && accepts(&when.mezzo, p.travel.as_deref())
        && accepts(&when.italiano, Some(&p.italian))
        && accepts(&when.impresa, Some(&p.business))
        && when
            .istruzione_min
            .is_none_or(|min| p.education.is_some_and(|e| e >= min))
        && when
            .istruzione_max
            .is_none_or(|max| p.education.is_some_and(|e| e <= max))
}

/// The active rules that hold for a profile, in their order.
pub fn applicable<'r>(rules: &'r [Rule], p: &Profile) -> Vec<&'r Rule> {
    let mut found: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.active && matches(&r.content.when, p))
        .collect();
    found.sort_by_key(|r| (r.content.position, r.id));
    found
}

/// The keys a filter target may set, per kind.
fn filter_keys(kind: AdviceKind) -> &'static [&'static str] {
    match kind {
        AdviceKind::Corsi | AdviceKind::Incontri => &["topic", "target", "mode"],
        AdviceKind::Offerte => &["tipo", "contratto", "orario", "remoto"],
        _ => &[],
    }
}

/// A filter target (`topic=lingue&target=stranieri`) as pairs.
pub fn filter_pairs(target: &str) -> Vec<(String, String)> {
    target
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn known_filter_value(key: &str, value: &str) -> bool {
    use crate::catalogue::domain as c;
    use crate::offers::domain as o;
    match key {
        "topic" => one_of(&c::TOPICS, value),
        "target" => one_of(&c::TARGET_GROUPS, value),
        "mode" => one_of(&c::MODES, value),
        "tipo" => one_of(&o::KINDS, value),
        "contratto" => one_of(&o::CONTRACTS, value),
        "orario" => one_of(&o::WORKING_TIMES, value),
        "remoto" => one_of(&o::REMOTE_MODES, value),
        _ => false,
    }
}

/// Checks a target for its kind.
pub fn check_target(kind: AdviceKind, target: &str) -> Result<String, AppError> {
    let target = target.trim();
    match kind {
        AdviceKind::Ente => Category::from_code(target)
            .map(|c| c.code().to_string())
            .ok_or_else(|| crate::invalid!("target", choose_the_category_of)),
        AdviceKind::Programma => {
            if target.starts_with("https://") || target.starts_with('/') {
                Ok(target.to_string())
            } else {
                Err(crate::invalid!("target", write_the_address_of))
            }
        }
        AdviceKind::Passo => {
            if target.starts_with('/') && !target.starts_with("//") {
                Ok(target.to_string())
            } else {
                Err(crate::invalid!("target", write_an_address_of))
            }
        }
        AdviceKind::Corsi | AdviceKind::Incontri | AdviceKind::Offerte => {
            let keys = filter_keys(kind);
            let pairs = filter_pairs(target);
            let ok = target.is_empty()
                || (!pairs.is_empty()
                    && pairs.len() == target.split('&').filter(|p| !p.is_empty()).count()
                    && pairs
                        .iter()
                        .all(|(k, v)| keys.contains(&k.as_str()) && known_filter_value(k, v)));
            if ok {
                Ok(pairs
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("&"))
            } else {
                Err(crate::invalid!(
                    "target",
                    invalid_target_filter,
                    keys = keys.join(", ")
                ))
            }
        }
    }
}

/// A rule as staff submit it: a new one has no id yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDraft {
    pub id: Option<i64>,
    pub active: bool,
    pub content: RuleContent,
}

/// The condition's checkboxes are posted as `<dimension>.<code>` = `on`.
fn chosen(form: &BTreeMap<String, String>, dimension: &str, list: &[(&str, Label)]) -> Vec<String> {
    list.iter()
        .filter(|(code, _)| form.contains_key(&format!("{dimension}.{code}")))
        .map(|(code, _)| code.to_string())
        .collect()
}

fn education_bound(form: &BTreeMap<String, String>, key: &str) -> Result<Option<u8>, AppError> {
    match form.get(key).map(|s| s.trim()).unwrap_or("") {
        "" => Ok(None),
        v if one_of(&EDUCATION, v) => Ok(v.parse().ok()),
        _ => Err(crate::invalid!(key, choose_a_qualification_from)),
    }
}

/// Parses the staff's rule form.
pub fn parse_rule_form(form: &BTreeMap<String, String>) -> Result<RuleDraft, AppError> {
    let get = |k: &str| {
        form.get(k)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let id = match get("id").as_str() {
        "" => None,
        v => Some(v.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let title = get("title");
    if title.chars().count() < 3 || title.chars().count() > 120 {
        return Err(crate::invalid!("title", write_a_title_between));
    }
    let reason = get("reason");
    if reason.chars().count() < 10 || reason.chars().count() > 600 {
        return Err(crate::invalid!("reason", explain_why_in_one));
    }
    let kind = AdviceKind::from_code(&get("kind"))
        .ok_or_else(|| crate::invalid!("kind", choose_what_the_rule))?;
    let target = check_target(kind, &get("target"))?;
    let position = match get("position").as_str() {
        "" => 1000,
        v => v
            .parse::<i64>()
            .ok()
            .filter(|p| (0..=100_000).contains(p))
            .ok_or_else(|| crate::invalid!("position", write_a_whole_number))?,
    };
    let when = Condition {
        situazione: chosen(form, "situazione", &SITUATIONS),
        eta: chosen(form, "eta", &AGE_BANDS),
        mezzo: chosen(form, "mezzo", &TRAVEL),
        italiano: chosen(form, "italiano", &ITALIAN),
        impresa: chosen(form, "impresa", &BUSINESS),
        istruzione_min: education_bound(form, "istruzione_min")?,
        istruzione_max: education_bound(form, "istruzione_max")?,
    };
    if let (Some(min), Some(max)) = (when.istruzione_min, when.istruzione_max) {
        if min > max {
            return Err(crate::invalid!(
                "istruzione_max",
                the_highest_qualification_comes
            ));
        }
    }
    Ok(RuleDraft {
        id,
        active: form.contains_key("active"),
        content: RuleContent {
            position,
            when,
            kind,
            target,
            title,
            reason,
        },
    })
}

/// A rule as shipped in `default_rules.json`.
#[derive(Debug, Deserialize)]
pub struct ShippedRule {
    pub code: String,
    #[serde(flatten)]
    pub content: RuleContent,
}

/// The rules the portal starts with.
pub fn shipped_rules() -> Vec<ShippedRule> {
    // A broken shipped file is a build defect, caught by the tests below.
    serde_json::from_str(include_str!("default_rules.json")).expect("default_rules.json is valid")
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
