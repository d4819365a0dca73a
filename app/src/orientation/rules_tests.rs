//! The shipped rules against the three personas of the brief, and each rule's
//! own condition.

use super::*;

fn rules() -> Vec<Rule> {
    shipped_rules()
        .into_iter()
        .enumerate()
        .map(|(i, s)| Rule {
            id: i as i64 + 1,
            code: s.code,
            active: true,
            content: s.content,
        })
        .collect()
}

use crate::orientation::personas::{amina, franco, giulia, marco};

fn path(a: &Answers) -> Vec<String> {
    let rules = rules();
    let profile = parse_answers(a).expect("valid answers");
    applicable(&rules, &profile)
        .into_iter()
        .map(|r| r.code.clone())
        .collect()
}

#[test]
fn every_shipped_rule_is_valid_and_named_once() {
    let rules = shipped_rules();
    let mut codes: Vec<_> = rules.iter().map(|r| r.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), rules.len(), "rule codes repeat");
    for r in &rules {
        let c = &r.content;
        assert_eq!(
            check_target(c.kind, &c.target).as_deref(),
            Ok(c.target.as_str()),
            "{}",
            r.code
        );
        assert!(c.reason.len() > 20, "{} explains itself", r.code);
    }
}

#[test]
fn the_young_first_job_seeker_in_sarzana_is_pointed_to_youth_programmes_and_internships() {
    let p = path(&giulia());
    for code in [
        "garanzia-giovani",
        "tirocini",
        "corsi-giovani",
        "agenzie",
        "offerte",
        "cv",
        "enti-pubblici",
    ] {
        assert!(p.contains(&code.to_string()), "{code} missing from {p:?}");
    }
    for code in [
        "gol",
        "sindacati",
        "italiano-cpia",
        "corsi-over50",
        "impresa-associazioni",
        "diritti",
    ] {
        assert!(
            !p.contains(&code.to_string()),
            "{code} should not be in {p:?}"
        );
    }
}

#[test]
fn the_55_year_old_who_lost_a_job_gets_rights_retraining_and_gol() {
    let p = path(&franco());
    for code in [
        "gol",
        "sindacati",
        "diritti",
        "corsi-over50",
        "corsi-digitali",
        "impresa-associazioni",
        "impresa-sportello",
    ] {
        assert!(p.contains(&code.to_string()), "{code} missing from {p:?}");
    }
    for code in [
        "garanzia-giovani",
        "tirocini",
        "corsi-giovani",
        "italiano-cpia",
        "corsi-italiano",
    ] {
        assert!(
            !p.contains(&code.to_string()),
            "{code} should not be in {p:?}"
        );
    }
}

#[test]
fn the_newcomer_in_follo_starts_with_italian_and_reception() {
    let p = path(&amina());
    for code in [
        "italiano-cpia",
        "corsi-italiano",
        "accoglienza",
        "tirocini",
        "agenzie",
    ] {
        assert!(p.contains(&code.to_string()), "{code} missing from {p:?}");
    }
    // Italian comes before the offers: the language is the first step.
    let at = |c: &str| p.iter().position(|x| x == c).unwrap();
    assert!(at("corsi-italiano") < at("offerte"));
    for code in [
        "garanzia-giovani",
        "gol",
        "sindacati",
        "corsi-over50",
        "corsi",
    ] {
        assert!(
            !p.contains(&code.to_string()),
            "{code} should not be in {p:?}"
        );
    }
}

#[test]
fn the_three_paths_differ() {
    let (a, b, c) = (path(&giulia()), path(&franco()), path(&amina()));
    assert_ne!(a, b);
    assert_ne!(b, c);
    assert_ne!(a, c);
}

#[test]
fn every_rule_applies_to_someone_and_not_to_everyone_unless_it_says_so() {
    let rules = rules();
    let personas = [giulia(), franco(), amina(), marco()];
    for rule in &rules {
        let reached = personas
            .iter()
            .filter(|a| matches(&rule.content.when, &parse_answers(a).unwrap()))
            .count();
        assert!(reached > 0, "{} reaches none of the personas", rule.code);
        if rule.content.when != Condition::default() {
            assert!(
                reached < personas.len(),
                "{} has a condition but reaches everyone",
                rule.code
            );
        }
    }
}

#[test]
fn an_inactive_rule_is_left_out_and_order_follows_position() {
    let mut rules = rules();
    rules.iter_mut().find(|r| r.code == "cv").unwrap().active = false;
    rules
        .iter_mut()
        .find(|r| r.code == "colloquio")
        .unwrap()
        .content
        .position = 1;
    let profile = parse_answers(&giulia()).unwrap();
    let p: Vec<_> = applicable(&rules, &profile)
        .into_iter()
        .map(|r| r.code.as_str())
        .collect();
    assert!(!p.contains(&"cv"));
    assert_eq!(p[0], "colloquio");
}

#[test]
fn education_bounds_need_an_answer() {
    let when = Condition {
        istruzione_max: Some(3),
        ..Condition::default()
    };
    let mut a = amina();
    assert!(
        !matches(&when, &parse_answers(&a).unwrap()),
        "no answer, no match"
    );
    a.istruzione = "1".into();
    assert!(matches(&when, &parse_answers(&a).unwrap()));
    a.istruzione = "6".into();
    assert!(!matches(&when, &parse_answers(&a).unwrap()));
}

#[test]
fn bad_answers_are_named_on_their_question() {
    let field = |a: &Answers| match parse_answers(a) {
        Err(AppError::Validation { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    };
    let mut a = giulia();
    a.situazione.clear();
    assert_eq!(field(&a), "situazione");
    let mut a = giulia();
    a.comune.clear();
    assert_eq!(field(&a), "comune");
    let mut a = giulia();
    a.km = "1000".into();
    assert_eq!(field(&a), "km");
    let mut a = giulia();
    a.settore = vec!["A".into(), "C".into(), "G".into(), "I".into()];
    assert_eq!(field(&a), "settore");
    let mut a = giulia();
    a.italiano = "forse".into();
    assert_eq!(field(&a), "italiano");
    let mut a = giulia();
    a.impresa.clear();
    assert_eq!(field(&a), "impresa");
}

#[test]
fn the_rule_form_is_parsed_and_checked() {
    let mut form: BTreeMap<String, String> = [
        ("title", "Corsi per stranieri"),
        ("reason", "Corsi pensati per chi è arrivato da poco."),
        ("kind", "corsi"),
        ("target", "target=stranieri&topic=lingue"),
        ("position", "85"),
        ("active", "on"),
        ("italiano.da_migliorare", "on"),
        ("situazione.primo_lavoro", "on"),
        ("situazione.rientro", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let draft = parse_rule_form(&form).unwrap();
    assert_eq!(draft.content.kind, AdviceKind::Corsi);
    assert_eq!(
        draft.content.when.situazione,
        vec!["primo_lavoro", "rientro"]
    );
    assert_eq!(draft.content.when.italiano, vec!["da_migliorare"]);
    assert!(draft.content.when.eta.is_empty());
    assert!(draft.active);
    form.insert("target".into(), "topic=cucina".into());
    assert!(
        matches!(parse_rule_form(&form), Err(AppError::Validation { field, .. }) if field == "target")
    );
    form.insert("kind".into(), "passo".into());
    form.insert("target".into(), "https://example.org".into());
    assert!(
        matches!(parse_rule_form(&form), Err(AppError::Validation { field, .. }) if field == "target")
    );
    form.insert("target".into(), "/cv".into());
    form.insert("istruzione_min".into(), "6".into());
    form.insert("istruzione_max".into(), "4".into());
    assert!(
        matches!(parse_rule_form(&form), Err(AppError::Validation { field, .. }) if field == "istruzione_max")
    );
}
