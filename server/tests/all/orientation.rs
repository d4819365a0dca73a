//! Orientation on SQLite and PostgreSQL: the shipped rules make sensible,
//! different paths for the three personas, with the courses and bodies near
//! them; staff's edits change the paths at once and survive a restart; a
//! citizen keeps a path.

use crate::common::{person, with_state};
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::orientation::domain::{Advice, OrientationPath, PathViewer};
use app::orientation::personas::{amina, franco, giulia};
use app::orientation::{repo, service};
use app::state::AppState;
use std::collections::BTreeMap;

fn titles(path: &OrientationPath) -> Vec<&str> {
    path.advice.iter().map(|a| a.title.as_str()).collect()
}

fn advice<'p>(path: &'p OrientationPath, title: &str) -> &'p Advice {
    path.advice
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no «{title}» in {:?}", titles(path)))
}

async fn the_personas_get_their_own_paths_with_what_is_near_them(state: AppState) {
    app::catalogue::demo::seed_demo(&state.db).await.unwrap();

    let young = service::path(&state, &giulia(), None).await.unwrap();
    assert_eq!(young.comune_name, "Sarzana");
    assert!(titles(&young).contains(&"Garanzia Giovani"));
    assert!(titles(&young).contains(&"Tirocini vicino a te"));
    assert!(!titles(&young)
        .iter()
        .any(|t| t.starts_with("Programma GOL")));
    assert_eq!(young.viewer, PathViewer::Visitor);

    let lost = service::path(&state, &franco(), None).await.unwrap();
    assert!(titles(&lost).iter().any(|t| t.starts_with("Programma GOL")));
    let over50 = advice(&lost, "Corsi per chi ha più di 50 anni");
    assert!(over50
        .activities
        .iter()
        .any(|a| a.title.starts_with("Competenze digitali di base")));
    let unions = advice(&lost, "Sindacati e patronati");
    assert!(unions.bodies.iter().any(|b| b.name == "CGIL"));
    assert!(!titles(&lost).contains(&"Garanzia Giovani"));

    let newcomer = service::path(&state, &amina(), None).await.unwrap();
    let italian = advice(&newcomer, "Corsi di italiano vicino a te");
    assert_eq!(
        italian
            .activities
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        ["Italiano per il lavoro (livello A2)"]
    );
    assert!(italian
        .href
        .starts_with("/corsi?comune=follo&km=10&tema=lingue"));
    let school = advice(&newcomer, "Imparare l'italiano: il CPIA e le scuole");
    assert!(school
        .bodies
        .iter()
        .any(|b| b.name.starts_with("CPIA La Spezia")));
    assert!(!titles(&newcomer).contains(&"Sindacati e patronati"));

    assert_ne!(titles(&young), titles(&lost));
    assert_ne!(titles(&lost), titles(&newcomer));
    assert_ne!(titles(&young), titles(&newcomer));
}

async fn a_missing_answer_or_an_unknown_comune_is_named(state: AppState) {
    let mut a = giulia();
    a.italiano.clear();
    assert!(matches!(
        service::path(&state, &a, None).await,
        Err(AppError::Validation { field, .. }) if field == "italiano"
    ));
    let mut a = giulia();
    a.comune = "atlantide".into();
    assert!(matches!(
        service::path(&state, &a, None).await,
        Err(AppError::Validation { field, .. }) if field == "comune"
    ));
}

/// The form the staff page posts for an existing rule, unchanged.
fn form_of(rule: &app::orientation::domain::Rule) -> BTreeMap<String, String> {
    let mut form: BTreeMap<String, String> = [
        ("id", rule.id.to_string()),
        ("title", rule.content.title.clone()),
        ("reason", rule.content.reason.clone()),
        ("kind", rule.content.kind.code().to_string()),
        ("target", rule.content.target.clone()),
        ("position", rule.content.position.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if rule.active {
        form.insert("active".into(), "on".into());
    }
    for (dimension, codes) in [
        ("situazione", &rule.content.when.situazione),
        ("eta", &rule.content.when.eta),
        ("mezzo", &rule.content.when.mezzo),
        ("italiano", &rule.content.when.italiano),
        ("impresa", &rule.content.when.impresa),
    ] {
        for code in codes {
            form.insert(format!("{dimension}.{code}"), "on".into());
        }
    }
    form
}

async fn staff_edits_change_the_paths_and_survive_a_restart(state: AppState) {
    let operator = person(&state, Role::Operatore, "sportello@esempio.it").await;
    let rules = repo::list_rules(&state.db).await.unwrap();
    let youth = rules.iter().find(|r| r.code == "garanzia-giovani").unwrap();

    // Switched off: gone from the path, and a restart does not bring it back.
    let mut form = form_of(youth);
    form.remove("active");
    service::save_rule(&state, &operator, &form).await.unwrap();
    app::orientation::repo::seed_rules(&state.db).await.unwrap();
    let path = service::path(&state, &giulia(), None).await.unwrap();
    assert!(!titles(&path).contains(&"Garanzia Giovani"));

    // A new rule for young people reaches Giulia, first.
    let mut new: BTreeMap<String, String> = [
        ("title", "Servizio civile universale"),
        ("reason", "Un anno in un progetto del territorio, con un assegno mensile: per chi ha tra 18 e 28 anni."),
        ("kind", "programma"),
        ("target", "https://www.politichegiovanili.gov.it/"),
        ("position", "1"),
        ("active", "on"),
        ("eta.15_29", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    service::save_rule(&state, &operator, &new).await.unwrap();
    let path = service::path(&state, &giulia(), None).await.unwrap();
    assert_eq!(titles(&path)[0], "Servizio civile universale");
    let path = service::path(&state, &franco(), None).await.unwrap();
    assert!(!titles(&path).contains(&"Servizio civile universale"));

    // A bad target is named on its field and nothing is saved.
    new.insert("target".into(), "politichegiovanili.gov.it".into());
    let before = repo::list_rules(&state.db).await.unwrap().len();
    assert!(matches!(
        service::save_rule(&state, &operator, &new).await,
        Err(AppError::Validation { field, .. }) if field == "target"
    ));
    assert_eq!(repo::list_rules(&state.db).await.unwrap().len(), before);
    // A rule that does not exist is not created by editing it.
    let mut ghost = form_of(youth);
    ghost.insert("id".into(), "999999".into());
    assert_eq!(
        service::save_rule(&state, &operator, &ghost).await,
        Err(AppError::NotFound)
    );
}

async fn a_citizen_keeps_the_path_and_sees_it_is_theirs(state: AppState) {
    let citizen = person(&state, Role::Cittadino, "giulia@esempio.it").await;
    assert_eq!(
        repo::saved_answers(&state.db, citizen.id).await.unwrap(),
        None
    );
    service::keep(&state, &citizen, &giulia()).await.unwrap();
    assert_eq!(
        repo::saved_answers(&state.db, citizen.id).await.unwrap(),
        Some(giulia())
    );
    let path = service::path(&state, &giulia(), Some(&citizen))
        .await
        .unwrap();
    assert_eq!(path.viewer, PathViewer::Citizen { saved: true });
    let other = service::path(&state, &franco(), Some(&citizen))
        .await
        .unwrap();
    assert_eq!(other.viewer, PathViewer::Citizen { saved: false });
    // Keeping other answers replaces the first.
    service::keep(&state, &citizen, &franco()).await.unwrap();
    assert_eq!(
        repo::saved_answers(&state.db, citizen.id).await.unwrap(),
        Some(franco())
    );
    // Bad answers are never kept.
    let mut bad = franco();
    bad.situazione = "pensionato".into();
    assert!(service::keep(&state, &citizen, &bad).await.is_err());
    assert_eq!(
        repo::saved_answers(&state.db, citizen.id).await.unwrap(),
        Some(franco())
    );
}

on_both_engines!(with_state =>
    the_personas_get_their_own_paths_with_what_is_near_them,
    a_missing_answer_or_an_unknown_comune_is_named,
    staff_edits_change_the_paths_and_survive_a_restart,
    a_citizen_keeps_the_path_and_sees_it_is_theirs,
);
