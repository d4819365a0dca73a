//! Cover letters on SQLite and PostgreSQL: a first draft written from the
//! CV and the offer, saved within its limits, only ever the owner's; sent
//! with an application as it was, which only the offer's publisher reads
//! and downloads; and erased with the person.

use crate::applications::published_offer;
use crate::common::{count, person, with_state};
use app::applications::service as applications;
use app::cv::domain::{CvLanguage, LetterDocument};
use app::cv::letter::{repo, service};
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::state::AppState;

async fn a_letter_is_drafted_from_the_cv_and_the_offer_and_sent_with_an_application(
    state: AppState,
) {
    let business = person(&state, Role::Impresa, "trattoria@esempio.it").await;
    let offer = published_offer(&state, &business, "Aiuto cuoco a Lerici").await;
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let cv = app::cv::service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let sample = app::cv::sample::complete();
    app::cv::service::save(&state, &anna, cv, 1, sample.clone())
        .await
        .unwrap();

    // The first draft speaks of the offer and of the CV.
    let id = service::create(&state, &anna, cv, Some(offer))
        .await
        .unwrap();
    let letter = service::mine(&state, &anna, id).await.unwrap();
    assert_eq!(letter.offer_id, Some(offer));
    assert_eq!(letter.offer_title.as_deref(), Some("Aiuto cuoco a Lerici"));
    let draft = &letter.document;
    assert!(draft.subject.contains("Aiuto cuoco a Lerici"), "{draft:?}");
    assert!(draft.why_this_job.contains("Lerici"), "{draft:?}");
    assert!(draft.sender.contains(&sample.personal.email), "{draft:?}");
    assert!(
        draft
            .what_i_bring
            .contains(sample.experience[0].role.trim()),
        "{draft:?}"
    );

    // Too long a paragraph is refused on its field, and nothing changes.
    let long = LetterDocument {
        who_i_am: "parole ".repeat(300),
        closing: "x".repeat(201),
        ..draft.clone()
    };
    match service::save(&state, &anna, id, long).await.unwrap_err() {
        AppError::Validation { field, also, .. } => {
            assert_eq!(field, "who_i_am");
            assert_eq!(also.len(), 1);
            assert_eq!(also[0].field, "closing");
        }
        other => panic!("{other:?}"),
    }
    let edited = LetterDocument {
        why_this_job: "  Amo la cucina di pesce e il vostro ristorante.  ".into(),
        ..draft.clone()
    };
    service::save(&state, &anna, id, edited).await.unwrap();
    let saved = service::mine(&state, &anna, id).await.unwrap().document;
    assert_eq!(
        saved.why_this_job,
        "Amo la cucina di pesce e il vostro ristorante."
    );

    // Nobody else reaches it, nor writes from someone else's CV.
    let bruno = person(&state, Role::Cittadino, "bruno@esempio.it").await;
    assert_eq!(
        service::mine(&state, &bruno, id).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        service::save(&state, &bruno, id, LetterDocument::default())
            .await
            .unwrap_err(),
        AppError::NotFound
    );
    assert!(matches!(
        service::pdf(&state, &bruno, id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        service::create(&state, &bruno, cv, None).await,
        Err(AppError::Validation { .. })
    ));
    assert!(repo::list(&state.db, bruno.id).await.unwrap().is_empty());

    // Its files.
    let (stem, pdf) = service::pdf(&state, &anna, id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        stem,
        format!(
            "Lettera-{}",
            app::kernel::text::slugify(&sample.full_name())
        )
    );
    let (_, docx) = service::docx(&state, &anna, id).await.unwrap();
    assert!(docx.starts_with(b"PK"));

    // The apply box offers it first; applying with it freezes a copy.
    match applications::apply_state(&state, Some(&anna), offer)
        .await
        .unwrap()
    {
        app::applications::domain::ApplyState::Ready {
            letters,
            letter_for_offer,
            ..
        } => {
            assert_eq!(letter_for_offer, Some(id));
            assert_eq!(letters[0].0, id);
        }
        other => panic!("{other:?}"),
    }
    let bruno_cv = app::cv::service::create(&state, &bruno, "CV", CvLanguage::It)
        .await
        .unwrap();
    assert_eq!(
        applications::apply(&state, &bruno, offer, bruno_cv, "", Some(id))
            .await
            .unwrap_err(),
        AppError::validation(
            "letter",
            "choose_one_of_your_letters",
            "Scegli una delle tue lettere, o nessuna."
        )
    );
    applications::apply(&state, &anna, offer, cv, "", Some(id))
        .await
        .unwrap();
    service::delete(&state, &anna, id).await.unwrap();
    let received = applications::received(&state, &business, offer)
        .await
        .unwrap();
    let sent = received.applications[0]
        .letter
        .as_ref()
        .expect("the letter");
    assert_eq!(
        sent.why_this_job,
        "Amo la cucina di pesce e il vostro ristorante."
    );
    let application = received.applications[0].id;
    let (_, pdf) = applications::letter_pdf(&state, &business, application)
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let other = person(&state, Role::Impresa, "altra@esempio.it").await;
    assert_eq!(
        applications::letter_pdf(&state, &other, application)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );

    // A letter for an offer nobody can read is refused.
    app::offers::service::close(&state, &business, offer, false)
        .await
        .unwrap();
    assert!(matches!(
        service::create(&state, &anna, cv, Some(offer)).await,
        Err(AppError::Validation { field, .. }) if field == "offer"
    ));

    // Erasure takes her letters.
    service::create(&state, &anna, cv, None).await.unwrap();
    app::privacy::erase_person(&state, anna.id).await.unwrap();
    assert_eq!(count(&state, "SELECT COUNT(*) FROM cover_letters").await, 0);
}

/// A person keeps at most `MAX_LETTERS` letters: the next one is refused
/// with a message, and deleting one makes room.
async fn letters_are_bounded_per_person(state: AppState) {
    let anna = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let cv = app::cv::service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let mut last = 0;
    for _ in 0..repo::MAX_LETTERS {
        last = service::create(&state, &anna, cv, None).await.unwrap();
    }
    let refused = service::create(&state, &anna, cv, None).await.unwrap_err();
    assert!(matches!(refused, AppError::Conflict { .. }), "{refused:?}");
    service::delete(&state, &anna, last).await.unwrap();
    service::create(&state, &anna, cv, None).await.unwrap();
}

on_both_engines!(
    with_state => a_letter_is_drafted_from_the_cv_and_the_offer_and_sent_with_an_application,
    letters_are_bounded_per_person
);
