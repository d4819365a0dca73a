//! Businesses find candidates, on SQLite and PostgreSQL, through the real
//! router: who may search, profiles that are blind until the candidate
//! accepts (in the JSON of every server function and in the HTML pages),
//! hiding that takes effect at once, the search's filters, the daily limit
//! of profile views, shortlists and the contact request.

use crate::common::{account_with_session, count, with_state};
use app::candidates::domain::{CandidateQuery, RequestState, DAILY_VIEWS};
use app::candidates::{repo, service};
use app::cv::domain::{CvDocument, CvLanguage, Experience, JobWishes, LanguageSkill};
use app::error::AppError;
use app::kernel::access::domain::{AccountStatus, Role, SessionUser};
use app::state::AppState;
use axum::body::{to_bytes, Body};
use http::{header, Request, StatusCode};
use tower::ServiceExt;

/// Who the candidate is: none of it may reach a business before acceptance.
const PERSONAL: [&str; 7] = [
    "Zelinda",
    "Quartararo",
    "zelinda.q@esempio.it",
    "347 998 1122",
    "Via dei Mille 44",
    "1986-02-14",
    "Capoverdiana",
];

fn candidate_cv() -> CvDocument {
    let mut doc = CvDocument::default();
    doc.personal.first_name = "Zelinda".into();
    doc.personal.last_name = "Quartararo".into();
    doc.personal.email = "zelinda.q@esempio.it".into();
    doc.personal.phone = "347 998 1122".into();
    doc.personal.address = "Via dei Mille 44".into();
    doc.personal.comune = "sarzana".into();
    doc.personal.birth_date = "1986-02-14".into();
    doc.personal.nationality = "Capoverdiana".into();
    doc.headline = "Magazziniera con patentino".into();
    doc.experience = vec![Experience {
        role: "Magazziniera".into(),
        employer: "Logistica Val di Magra".into(),
        place: "Sarzana".into(),
        from: "2019-01".into(),
        current: true,
        activities: "Carico e scarico con carrello elevatore".into(),
        ..Default::default()
    }];
    doc.languages = vec![LanguageSkill {
        language: "Inglese".into(),
        listening: "B2".into(),
        reading: "B2".into(),
        interaction: "B1".into(),
        production: "B1".into(),
        writing: "B2".into(),
        certificates: String::new(),
    }];
    doc.licences = vec!["B".into(), "C".into()];
    doc.wishes = JobWishes {
        roles: "magazziniera, carrellista".into(),
        travel_km: 20,
        available_from: String::new(),
        contracts: vec!["indeterminato".into()],
    };
    doc
}

async fn citizen_with_visible_cv(
    state: &AppState,
    email: &str,
    doc: CvDocument,
) -> (SessionUser, i64) {
    let user = crate::common::person(state, Role::Cittadino, email).await;
    let cv = app::cv::service::create(state, &user, "CV", CvLanguage::It)
        .await
        .unwrap();
    app::cv::service::save(state, &user, cv, 1, doc)
        .await
        .unwrap();
    app::cv::service::set_visibility(state, &user, cv, true, true)
        .await
        .unwrap();
    (user, cv)
}

fn query(q: &str) -> CandidateQuery {
    CandidateQuery {
        q: q.into(),
        ..CandidateQuery::default()
    }
}

async fn call(state: &AppState, session: &str, path: &str) -> (StatusCode, String) {
    let request = Request::get(path)
        .header(header::COOKIE, format!("sessione={session}"))
        .body(Body::empty())
        .unwrap();
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let body = to_bytes(response.into_body(), 8 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn only_verified_businesses_search(state: AppState) {
    let (_, cv) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    let verified = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::Attivo,
        "verificata@esempio.it",
    )
    .await;
    let pending = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::InAttesa,
        "attesa@esempio.it",
    )
    .await;
    let citizen = account_with_session(
        &state,
        Role::Cittadino,
        AccountStatus::Attivo,
        "curiosa@esempio.it",
    )
    .await;
    let search = "/api/search_candidates?query%5Bq%5D=magazziniera";
    assert_eq!(call(&state, &verified, search).await.0, StatusCode::OK);
    assert_eq!(
        call(&state, &pending, search).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&state, &citizen, search).await.0,
        StatusCode::FORBIDDEN
    );
    // The page too: the citizen gets the refusal, not the profiles.
    let (_, page) = call(&state, &citizen, "/imprese/candidati").await;
    assert!(!page.contains("Magazziniera con patentino"));
    assert_eq!(
        call(&state, &pending, &format!("/api/get_candidate?id={cv}"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
}

async fn profiles_are_blind_until_the_candidate_accepts(state: AppState) {
    let (zelinda, cv) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    let session = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::Attivo,
        "cantiere@esempio.it",
    )
    .await;
    let business = crate::common::user_of(&state, &session).await;
    service::open(&state, &business, cv).await.unwrap();
    let responses = [
        call(
            &state,
            &session,
            "/api/search_candidates?query%5Bq%5D=magazziniera",
        )
        .await,
        call(&state, &session, &format!("/api/get_candidate?id={cv}")).await,
        call(
            &state,
            &session,
            "/imprese/candidati?q=magazziniera&comune=sarzana&km=10",
        )
        .await,
        call(&state, &session, &format!("/imprese/candidati/{cv}")).await,
    ];
    for (status, body) in &responses {
        assert_eq!(*status, StatusCode::OK, "{body}");
        assert!(
            body.contains("Magazziniera con patentino"),
            "the profile is there"
        );
        for personal in PERSONAL {
            assert!(
                !body.contains(personal),
                "{personal} leaked to a business: {body}"
            );
        }
    }
    // The whole CV as a PDF waits for acceptance too.
    assert_eq!(
        call(&state, &session, &format!("/api/candidati/{cv}/cv.pdf"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );

    // Contact: the candidate is told, accepts, and the business sees who they are.
    service::request_contact(
        &state,
        &business,
        cv,
        "Buongiorno, cerchiamo una magazziniera a Sarzana.",
        None,
    )
    .await
    .unwrap();
    let again = service::request_contact(&state, &business, cv, "Ancora noi, ci risponda.", None)
        .await
        .unwrap_err();
    assert!(matches!(again, AppError::Conflict { .. }));
    assert_eq!(count(&state, "SELECT COUNT(*) FROM outbox WHERE recipient = 'zelinda@esempio.it' AND subject LIKE '%vorrebbe contattarti'").await, 1);
    let mine = service::my_visibility(&state, &zelinda).await.unwrap();
    assert_eq!(mine.requests.len(), 1);
    assert_eq!(mine.requests[0].state, RequestState::Pending);
    assert_eq!(mine.views[0].0, "Organizzazione di prova");
    // Only she answers her requests.
    let other = crate::common::person(&state, Role::Cittadino, "altra@esempio.it").await;
    assert!(matches!(
        service::answer(&state, &other, mine.requests[0].id, true).await,
        Err(AppError::NotFound)
    ));
    service::answer(&state, &zelinda, mine.requests[0].id, true)
        .await
        .unwrap();
    let (_, body) = call(&state, &session, &format!("/api/get_candidate?id={cv}")).await;
    for personal in ["Zelinda Quartararo", "zelinda.q@esempio.it", "347 998 1122"] {
        assert!(
            body.contains(personal),
            "{personal} missing after acceptance: {body}"
        );
    }
    let (status, pdf) = call(&state, &session, &format!("/api/candidati/{cv}/cv.pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with("%PDF-"));
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%ha accettato il contatto'"
        )
        .await,
        1
    );
}

async fn hiding_a_profile_takes_it_out_at_once(state: AppState) {
    let (zelinda, cv) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    let business = crate::common::person(&state, Role::Impresa, "impresa@esempio.it").await;
    assert_eq!(
        service::search(&state, &business, &query("carrellista"))
            .await
            .unwrap()
            .total,
        1
    );
    app::cv::service::set_visibility(&state, &zelinda, cv, false, false)
        .await
        .unwrap();
    assert_eq!(
        service::search(&state, &business, &query("carrellista"))
            .await
            .unwrap()
            .total,
        0
    );
    // Not even by its id.
    assert!(matches!(
        service::open(&state, &business, cv).await,
        Err(AppError::NotFound)
    ));
    // A second CV made visible replaces the first.
    app::cv::service::set_visibility(&state, &zelinda, cv, true, true)
        .await
        .unwrap();
    let copy = app::cv::service::duplicate(&state, &zelinda, cv)
        .await
        .unwrap();
    app::cv::service::set_visibility(&state, &zelinda, copy, true, true)
        .await
        .unwrap();
    let found = service::search(&state, &business, &query("carrellista"))
        .await
        .unwrap();
    assert_eq!(found.items.iter().map(|c| c.id).collect::<Vec<_>>(), [copy]);
    // Deleting the account takes the profile out too.
    app::privacy::erase_person(&state, zelinda.id)
        .await
        .unwrap();
    assert_eq!(
        service::search(&state, &business, &query("carrellista"))
            .await
            .unwrap()
            .total,
        0
    );
}

async fn filters_follow_what_the_candidate_can_do(state: AppState) {
    let business = crate::common::person(&state, Role::Impresa, "impresa@esempio.it").await;
    // Zelinda: Sarzana, travels 20 km, English B1 overall, licences B and C.
    let (_, zelinda) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    // Bruno: Levanto, travels 5 km, no English, licence B only.
    let mut bruno_cv = candidate_cv();
    bruno_cv.personal.comune = "levanto".into();
    bruno_cv.wishes.travel_km = 5;
    bruno_cv.languages.clear();
    bruno_cv.licences = vec!["B".into()];
    bruno_cv.wishes.roles = "magazziniere".into();
    let (_, bruno) = citizen_with_visible_cv(&state, "bruno@esempio.it", bruno_cv).await;
    let ids = |q: CandidateQuery| {
        let state = state.clone();
        let business = business.clone();
        async move {
            let mut ids: Vec<i64> = service::search(&state, &business, &q)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|c| c.id)
                .collect();
            ids.sort_unstable();
            ids
        }
    };
    assert_eq!(ids(query("magazzinieri")).await, [zelinda, bruno]);
    let near_arcola = CandidateQuery {
        comune: "arcola".into(),
        km: "25".into(),
        ..query("")
    };
    // Arcola is ~8 km from Sarzana (within her 20 km) and ~40 km from Levanto.
    assert_eq!(ids(near_arcola.clone()).await, [zelinda]);
    let english = CandidateQuery {
        lingua: "inglese".into(),
        livello: "B1".into(),
        ..query("")
    };
    assert_eq!(ids(english.clone()).await, [zelinda]);
    assert_eq!(
        ids(CandidateQuery {
            livello: "B2".into(),
            ..english
        })
        .await,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(CandidateQuery {
            patente: "C".into(),
            ..query("")
        })
        .await,
        [zelinda]
    );
    // Italian as a mother tongue is above any level asked.
    let results = service::search(
        &state,
        &business,
        &CandidateQuery {
            patente: "B".into(),
            ..query("")
        },
    )
    .await
    .unwrap();
    assert_eq!(
        results.per_licence,
        [("B".to_string(), 2), ("C".to_string(), 1)]
    );
}

async fn views_are_logged_and_limited(state: AppState) {
    let (zelinda, cv) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    let session = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::Attivo,
        "impresa@esempio.it",
    )
    .await;
    let business = crate::common::user_of(&state, &session).await;
    let views = "SELECT COUNT(*) FROM profile_views";

    // Following a link, even the page's own, spends nothing: the business
    // is asked to open the profile, with what it has left today.
    let (status, closed) = call(&state, &session, &format!("/api/get_candidate?id={cv}")).await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert!(
        closed.contains(&format!("\"views_left\":{DAILY_VIEWS}")),
        "{closed}"
    );
    let (_, page) = call(&state, &session, &format!("/imprese/candidati/{cv}")).await;
    assert!(page.contains("Apri il profilo") && !page.contains("Magazziniera con patentino"));
    // Another site's form cannot open it either.
    let cross = Request::post("/api/open_candidate")
        .header(header::COOKIE, format!("sessione={session}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://altro-sito.example")
        .body(Body::from(format!("id={cv}")))
        .unwrap();
    let answer = server::build_router(state.clone())
        .oneshot(cross)
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&state, views).await, 0);

    // Opening counts once a day, however often the profile is read.
    service::open(&state, &business, cv).await.unwrap();
    service::open(&state, &business, cv).await.unwrap();
    let (_, open) = call(&state, &session, &format!("/api/get_candidate?id={cv}")).await;
    assert!(open.contains("Magazziniera con patentino"), "{open}");
    assert_eq!(count(&state, views).await, 1);

    // Near the limit, six profiles opened at once: exactly the three left
    // are opened, on both engines.
    for _ in 1..DAILY_VIEWS - 3 {
        repo::log_view(&state.db, business.id, zelinda.id, cv)
            .await
            .unwrap();
    }
    let mut others = Vec::new();
    for i in 0..6 {
        others.push(
            citizen_with_visible_cv(&state, &format!("altra{i}@esempio.it"), candidate_cv())
                .await
                .1,
        );
    }
    let opened = futures::future::join_all(
        others
            .iter()
            .map(|&other| service::open(&state, &business, other)),
    )
    .await;
    let refused: Vec<_> = opened.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(refused.len(), 3, "{opened:?}");
    assert!(
        matches!(refused[0], AppError::Conflict { message: m, .. } if m.contains("massimo giornaliero")),
        "{refused:?}"
    );
    assert_eq!(count(&state, views).await, DAILY_VIEWS);
    // What was opened today stays open.
    service::open(&state, &business, cv).await.unwrap();
    assert_eq!(
        service::search(&state, &business, &query(""))
            .await
            .unwrap()
            .views_left,
        0
    );

    // Shortlists belong to their business.
    let list = service::create_shortlist(&state, &business, "Estate 2027")
        .await
        .unwrap();
    service::save_to_shortlist(&state, &business, list, cv, "Sentire a gennaio")
        .await
        .unwrap();
    service::save_to_shortlist(&state, &business, list, cv, "Sentire a febbraio")
        .await
        .unwrap();
    let lists = service::shortlists(&state, &business).await.unwrap();
    assert_eq!(lists[0].entries.len(), 1);
    assert_eq!(lists[0].entries[0].note, "Sentire a febbraio");
    let other = crate::common::person(&state, Role::Impresa, "altra@esempio.it").await;
    assert!(matches!(
        service::save_to_shortlist(&state, &other, list, cv, "").await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        service::create_shortlist(&state, &business, "Estate 2027").await,
        Err(AppError::Validation { .. })
    ));
}

/// Contact requests email a person: no more than the recipient's limits
/// (the requests past them wait in the person's area, without email), and
/// no more than MAIL_REQUESTS_PER_HOUR from one business.
async fn contact_requests_cannot_mail_bomb(mut state: AppState) {
    use app::kernel::mail_limits::PER_RECIPIENT_HOUR;
    let (zelinda, cv) = citizen_with_visible_cv(&state, "zelinda@esempio.it", candidate_cv()).await;
    for i in 0..=PER_RECIPIENT_HOUR {
        let business =
            crate::common::person(&state, Role::Impresa, &format!("impresa{i}@esempio.it")).await;
        service::request_contact(
            &state,
            &business,
            cv,
            "Buongiorno, cerchiamo una magazziniera.",
            None,
        )
        .await
        .unwrap();
    }
    let mails = "SELECT COUNT(*) FROM outbox WHERE recipient = 'zelinda@esempio.it'";
    assert_eq!(count(&state, mails).await, PER_RECIPIENT_HOUR);
    let mine = service::my_visibility(&state, &zelinda).await.unwrap();
    assert_eq!(
        mine.requests.len() as i64,
        PER_RECIPIENT_HOUR + 1,
        "every request waits in her area"
    );

    let mut config = (*state.config).clone();
    config.mail_requests_per_hour = 2;
    state.config = std::sync::Arc::new(config);
    let business = crate::common::person(&state, Role::Impresa, "insistente@esempio.it").await;
    let mut answers = Vec::new();
    for i in 0..3 {
        let (_, other) =
            citizen_with_visible_cv(&state, &format!("persona{i}@esempio.it"), candidate_cv())
                .await;
        answers.push(
            service::request_contact(
                &state,
                &business,
                other,
                "Buongiorno, cerchiamo personale.",
                None,
            )
            .await,
        );
    }
    assert!(answers[..2].iter().all(Result::is_ok), "{answers:?}");
    assert_eq!(answers[2], Err(AppError::RateLimited));
}

on_both_engines!(with_state =>
    contact_requests_cannot_mail_bomb,
    only_verified_businesses_search,
    profiles_are_blind_until_the_candidate_accepts,
    hiding_a_profile_takes_it_out_at_once,
    filters_follow_what_the_candidate_can_do,
    views_are_logged_and_limited,
);
