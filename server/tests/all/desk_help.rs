//! Help at the desk on SQLite and PostgreSQL: a citizen's code lets one
//! desk operator reach that person's CVs, and nothing else, until it ends
//! or is taken back; every change is logged with the steps it touched and
//! shown to the citizen with the operator's name.

use crate::common::{count, person, with_state};
use app::cv::domain::CvLanguage;
use app::cv::help::service as help;
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::state::AppState;

async fn an_operator_edits_a_cv_only_while_its_owner_allows_it(state: AppState) {
    let chiara = person(&state, Role::Cittadino, "chiara@esempio.it").await;
    let operator = person(&state, Role::Operatore, "sportello@comune.sp.it").await;
    let other = person(&state, Role::Operatore, "altro@comune.sp.it").await;
    let cv = app::cv::service::create(&state, &chiara, "CV", CvLanguage::It)
        .await
        .unwrap();
    app::cv::service::save(&state, &chiara, cv, 1, app::cv::sample::complete())
        .await
        .unwrap();
    let neighbour = person(&state, Role::Cittadino, "vicina@esempio.it").await;
    let not_hers = app::cv::service::create(&state, &neighbour, "CV", CvLanguage::It)
        .await
        .unwrap();

    // Without permission the operator reaches nothing.
    assert_eq!(
        app::cv::service::open(&state, &operator, cv)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    help::grant(&state, &chiara).await.unwrap();
    let code = help::mine(&state, &chiara)
        .await
        .unwrap()
        .unwrap()
        .code
        .unwrap();
    assert!(matches!(
        help::claim(&state, &operator, "KMRT-4XQ0").await,
        Err(AppError::Validation { .. })
    ));
    help::claim(&state, &operator, &code.to_lowercase())
        .await
        .unwrap();
    // Used once: another operator cannot use it again.
    assert!(matches!(
        help::claim(&state, &other, &code).await,
        Err(AppError::Validation { .. })
    ));
    let mine = help::mine(&state, &chiara).await.unwrap().unwrap();
    assert_eq!(
        (mine.code, mine.operator.as_deref()),
        (None, Some(operator.display_name.as_str()))
    );

    // The operator opens and edits her CV, not her neighbour's, not as another operator.
    let opened = app::cv::service::open(&state, &operator, cv).await.unwrap();
    assert_eq!(
        opened.assisted.as_ref().unwrap().owner_name,
        chiara.display_name
    );
    assert!(
        opened.desk_changes.is_empty(),
        "the operator does not read the log"
    );
    assert_eq!(
        app::cv::service::open(&state, &operator, not_hers)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        app::cv::service::open(&state, &other, cv)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    let helped = help::helped(&state, &operator).await.unwrap();
    assert_eq!(helped.len(), 1);
    assert_eq!(helped[0].cvs, vec![(cv, "CV".to_string())]);
    let mut document = opened.document.clone();
    document.experience[0].role = "Magazziniera".into();
    let revision = app::cv::service::save(&state, &operator, cv, opened.revision, document.clone())
        .await
        .unwrap();
    // The autosave's next save, minutes later in the same sitting, is the same change.
    document.languages.clear();
    let revision = app::cv::service::save(&state, &operator, cv, revision, document)
        .await
        .unwrap();
    let (_, pdf) =
        app::cv::service::pdf(&state, &operator, cv, app::cv::domain::Template::Europass)
            .await
            .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    // Chiara sees the change, who made it and in which step.
    let seen = app::cv::service::open(&state, &chiara, cv).await.unwrap();
    assert_eq!(seen.document.experience[0].role, "Magazziniera");
    assert_eq!(seen.desk_changes.len(), 1);
    assert_eq!(seen.desk_changes[0].operator, operator.display_name);
    assert_eq!(seen.desk_changes[0].steps, vec![3, 5]);

    // She takes it back: the operator is refused at once, saving too.
    help::revoke(&state, &chiara).await.unwrap();
    assert!(help::mine(&state, &chiara).await.unwrap().is_none());
    assert_eq!(
        app::cv::service::open(&state, &operator, cv)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        app::cv::service::save(&state, &operator, cv, revision, seen.document)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert!(help::helped(&state, &operator).await.unwrap().is_empty());

    // A new permission replaces any running one; erasure takes both tables' rows.
    help::grant(&state, &chiara).await.unwrap();
    help::grant(&state, &chiara).await.unwrap();
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM cv_help_grants WHERE revoked_at IS NULL"
        )
        .await,
        1
    );
    app::privacy::erase_person(&state, chiara.id).await.unwrap();
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM cv_help_grants").await,
        0
    );
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM cv_help_changes").await,
        0
    );
}

on_both_engines!(with_state => an_operator_edits_a_cv_only_while_its_owner_allows_it);
