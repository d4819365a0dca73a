//! Applying to offers on SQLite and PostgreSQL: one application per person
//! and offer, with a copy of the CV as it was; only the offer's publisher
//! (and staff) see the applications and move them on; each side is emailed.

use crate::common::{count, person, with_state};
use app::applications::domain::{ApplyState, Stage};
use app::applications::{repo, service};
use app::cv::domain::CvLanguage;
use app::error::AppError;
use app::kernel::access::domain::{Role, SessionUser};
use app::offers::domain::OfferInput;
use app::state::AppState;

pub(crate) async fn published_offer(state: &AppState, business: &SessionUser, title: &str) -> i64 {
    let operator = person(
        state,
        Role::Operatore,
        &format!("op-{}@esempio.it", title.len()),
    )
    .await;
    let form = OfferInput {
        kind: "lavoro".into(),
        title: title.into(),
        description: "Accoglienza dei clienti, prenotazioni e gestione della cassa nella struttura di Lerici.".into(),
        comune: "lerici".into(),
        remote: "no".into(),
        sector: "I".into(),
        profession: "4".into(),
        contract: "stagionale".into(),
        working_time: "pieno".into(),
        education: "4".into(),
        positions: "1".into(),
        action: "revisione".into(),
        ..OfferInput::default()
    };
    let id = app::offers::service::save(state, business, &form)
        .await
        .unwrap();
    app::offers::service::decide(state, &operator, id, true, "")
        .await
        .unwrap();
    id
}

async fn a_citizen_applies_once_and_follows_the_stages(state: AppState) {
    let business = person(&state, Role::Impresa, "hotel@esempio.it").await;
    let offer = published_offer(&state, &business, "Receptionist stagionale").await;
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    assert_eq!(
        service::apply_state(&state, Some(&anna), offer)
            .await
            .unwrap(),
        ApplyState::NoCv
    );
    let cv = app::cv::service::create(&state, &anna, "CV", CvLanguage::En)
        .await
        .unwrap();
    app::cv::service::save(&state, &anna, cv, 1, app::cv::sample::complete())
        .await
        .unwrap();
    assert!(matches!(
        service::apply_state(&state, Some(&anna), offer)
            .await
            .unwrap(),
        ApplyState::Ready { .. }
    ));

    // Someone else's CV cannot be sent.
    let bruno = person(&state, Role::Cittadino, "bruno@esempio.it").await;
    assert_eq!(
        service::apply(&state, &bruno, offer, cv, "", None)
            .await
            .unwrap_err(),
        AppError::validation("cv", "choose_one_of_your_cvs", "Scegli uno dei tuoi CV.")
    );
    service::apply(&state, &anna, offer, cv, "Disponibile da subito.", None)
        .await
        .unwrap();
    let again = service::apply(&state, &anna, offer, cv, "", None)
        .await
        .unwrap_err();
    assert!(matches!(again, AppError::Conflict { .. }), "{again:?}");
    assert_eq!(count(&state, "SELECT COUNT(*) FROM outbox WHERE subject = 'Nuova candidatura: Receptionist stagionale'").await, 1);
    assert_eq!(count(&state, "SELECT COUNT(*) FROM outbox WHERE subject = 'Candidatura inviata: Receptionist stagionale'").await, 1);

    // What the publisher received stays as it was sent, even if the CV changes.
    app::cv::service::save(&state, &anna, cv, 2, app::cv::domain::CvDocument::default())
        .await
        .unwrap();
    let received = service::received(&state, &business, offer).await.unwrap();
    assert_eq!(received.applications.len(), 1);
    let a = &received.applications[0];
    assert_eq!(a.cv, app::cv::sample::complete());
    assert_eq!(
        (a.message.as_str(), a.stage, a.email.as_str()),
        ("Disponibile da subito.", Stage::Ricevuta, "anna@esempio.it")
    );

    // Another business neither sees nor moves it.
    let other = person(&state, Role::Impresa, "altra@esempio.it").await;
    assert_eq!(
        service::received(&state, &other, offer).await.unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        service::set_stage(&state, &other, a.id, "assunta")
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert!(matches!(
        service::cv_pdf(&state, &other, a.id).await,
        Err(AppError::Forbidden)
    ));

    service::set_stage(&state, &business, a.id, "colloquio")
        .await
        .unwrap();
    let mine = repo::mine(&state.db, anna.id).await.unwrap();
    assert_eq!(mine[0].stage, Stage::Colloquio);
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'La tua candidatura per «Receptionist stagionale»: Colloquio'").await,
        1
    );
    assert_eq!(
        service::set_stage(&state, &business, a.id, "promossa")
            .await
            .unwrap_err(),
        AppError::validation(
            "stage",
            "choose_a_status_from",
            "Scegli uno stato dall'elenco."
        )
    );
    let (_, pdf) = service::cv_pdf(&state, &business, a.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    // A withdrawn offer takes no more applications.
    app::offers::service::close(&state, &business, offer, false)
        .await
        .unwrap();
    let late = service::apply(&state, &bruno, offer, cv, "", None)
        .await
        .unwrap_err();
    assert!(matches!(late, AppError::Conflict { .. }), "{late:?}");

    // Deleting her account takes her applications with it.
    app::privacy::erase_person(&state, anna.id).await.unwrap();
    assert_eq!(count(&state, "SELECT COUNT(*) FROM applications").await, 0);
}

on_both_engines!(with_state => a_citizen_applies_once_and_follows_the_stages);
