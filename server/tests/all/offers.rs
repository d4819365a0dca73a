//! Offers on SQLite and PostgreSQL: the publishers' form, moderation, the
//! search staying consistent with the database (also across two server
//! processes on one database), expiry, alerts, feeds and the demo generator.

use crate::common::{count, person, text, with_state};
use app::error::AppError;
use app::kernel::access::domain::Role;
use app::offers::domain::{OfferInput, OfferQuery, Status};
use app::offers::{alerts, engine::Search, gen_demo, repo, service};
use app::state::AppState;
use axum::body::Body;
use http::{Request, StatusCode};
use tower::ServiceExt;

fn form(title: &str) -> OfferInput {
    OfferInput {
        kind: "lavoro".into(),
        title: title.into(),
        description: "Carico e scarico merci nel deposito di Sarzana, uso del carrello elevatore, turni dal lunedì al venerdì.".into(),
        comune: "sarzana".into(),
        remote: "no".into(),
        sector: "H".into(),
        profession: "8".into(),
        contract: "determinato".into(),
        working_time: "pieno".into(),
        education: "2".into(),
        positions: "2".into(),
        pay_min: "22000".into(),
        pay_max: "25.000".into(),
        action: "revisione".into(),
        // Read only when staff publish for someone.
        organisation: "Logistica Spezzina".into(),
        ..OfferInput::default()
    }
}

fn search(state: &AppState, q: &str) -> Vec<String> {
    service::search(
        state,
        &OfferQuery {
            q: q.into(),
            ..OfferQuery::default()
        },
    )
    .items
    .into_iter()
    .map(|o| o.title)
    .collect()
}

async fn a_reviewed_offer_is_found_and_a_withdrawn_one_is_not(state: AppState) {
    let business = person(&state, Role::Impresa, "impresa@esempio.it").await;
    let operator = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let id = service::save(&state, &business, &form("Magazziniere notturno"))
        .await
        .unwrap();
    assert_eq!(
        repo::offer(&state.db, id).await.unwrap().unwrap().status,
        Status::Revisione
    );
    assert!(
        search(&state, "magazzinieri").is_empty(),
        "not before review"
    );

    // Sent back with a reason: a draft again, and the publisher is told by email.
    let refused = service::decide(&state, &operator, id, false, "")
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Validation { ref field, .. } if field == "reason"));
    service::decide(&state, &operator, id, false, "Indicate l'orario di lavoro.")
        .await
        .unwrap();
    let stored = repo::offer(&state.db, id).await.unwrap().unwrap();
    assert_eq!(
        (stored.status, stored.review_reason.as_str()),
        (Status::Bozza, "Indicate l'orario di lavoro.")
    );
    assert_eq!(count(&state, "SELECT COUNT(*) FROM outbox WHERE recipient = 'impresa@esempio.it' AND subject LIKE 'Offerta da correggere%'").await, 1);

    // Corrected, submitted, approved: found at once, in Italian.
    let mut corrected = form("Magazziniere notturno");
    corrected.id = id.to_string();
    service::save(&state, &business, &corrected).await.unwrap();
    service::decide(&state, &operator, id, true, "")
        .await
        .unwrap();
    assert_eq!(search(&state, "magazzinieri"), ["Magazziniere notturno"]);
    let second = service::decide(&state, &operator, id, true, "")
        .await
        .unwrap_err();
    assert!(matches!(second, AppError::Conflict { .. }), "{second:?}");

    // A published offer is no longer editable; withdrawing removes it from the search.
    let edit = service::save(&state, &business, &corrected)
        .await
        .unwrap_err();
    assert!(matches!(edit, AppError::Conflict { .. }), "{edit:?}");
    service::close(&state, &business, id, false).await.unwrap();
    assert!(search(&state, "magazziniere").is_empty());
    // The operator's two decisions are in the audit log.
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'offerta_%'"
        )
        .await,
        2
    );
}

async fn only_the_publisher_and_staff_manage_an_offer(state: AppState) {
    let business = person(&state, Role::Impresa, "impresa@esempio.it").await;
    let other = person(&state, Role::Impresa, "altra@esempio.it").await;
    let id = service::save(
        &state,
        &business,
        &OfferInput {
            action: "bozza".into(),
            ..form("Cuoco")
        },
    )
    .await
    .unwrap();
    let mut hijack = form("Cuoco rubato");
    hijack.id = id.to_string();
    assert!(matches!(
        service::save(&state, &other, &hijack).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        service::close(&state, &other, id, false).await,
        Err(AppError::Forbidden)
    ));
    // A draft is not public: visitors and other businesses do not find its page.
    assert!(matches!(
        service::detail(&state, id, None).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        service::detail(&state, id, Some(other)).await,
        Err(AppError::NotFound)
    ));
    assert!(
        service::detail(&state, id, Some(business))
            .await
            .unwrap()
            .can_manage
    );
}

async fn bad_input_is_refused_on_its_field(state: AppState) {
    let business = person(&state, Role::Impresa, "impresa@esempio.it").await;
    type Spoil = fn(&mut OfferInput);
    let cases: [(&str, Spoil); 7] = [
        ("title", |f| f.title = "Ok".into()),
        ("description", |f| f.description = "Breve.".into()),
        ("comune", |f| f.comune = "atlantide".into()),
        ("contract", |f| {
            f.kind = "tirocinio".into();
            f.contract = "indeterminato".into();
        }),
        ("pay_max", |f| f.pay_max = "1000".into()),
        ("positions", |f| f.positions = "0".into()),
        ("expires_on", |f| f.expires_on = "2099-01-01".into()),
    ];
    for (field, spoil) in cases {
        let mut input = form("Commesso");
        spoil(&mut input);
        match service::save(&state, &business, &input).await {
            Err(AppError::Validation {
                field: f, message, ..
            }) => {
                assert_eq!(f, field, "{message}");
                assert!(!message.is_empty());
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM offers").await,
        0,
        "nothing saved"
    );
    // Fully remote work needs no comune.
    let remote = OfferInput {
        comune: String::new(),
        remote: "totale".into(),
        ..form("Operatore call center")
    };
    service::save(&state, &business, &remote).await.unwrap();
}

async fn a_second_server_on_the_same_database_follows_within_a_second(state: AppState) {
    // Another process's index: built from the same database.
    let replica = Search::load(&state.db).await.unwrap();
    let staff = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let id = service::save(&state, &staff, &form("Saldatore a filo"))
        .await
        .unwrap();
    let find = |s: &Search| {
        s.read()
            .search(
                &OfferQuery {
                    q: "saldatori".into(),
                    ..OfferQuery::default()
                },
                app::kernel::clock::now(),
            )
            .total
    };
    assert_eq!(find(&state.offers), 1, "published by staff at once");
    replica.sync(&state.db).await.unwrap();
    assert_eq!(
        find(&replica),
        1,
        "the replica's next sync (every second) sees it"
    );
    service::close(&state, &staff, id, true).await.unwrap();
    replica.sync(&state.db).await.unwrap();
    assert_eq!(find(&replica), 0, "and sees it filled");
}

async fn offers_leave_the_search_on_their_expiry_date(state: AppState) {
    let staff = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let id = service::save(&state, &staff, &form("Bagnino"))
        .await
        .unwrap();
    let at = app::kernel::clock::now();
    let expires = repo::offer(&state.db, id)
        .await
        .unwrap()
        .unwrap()
        .row
        .expires_at;
    let query = OfferQuery {
        q: "bagnino".into(),
        ..OfferQuery::default()
    };
    assert_eq!(state.offers.read().search(&query, at).total, 1);
    assert_eq!(
        state.offers.read().search(&query, expires + 1).total,
        0,
        "gone without anyone acting"
    );
    assert_eq!(repo::expire_due(&state.db, expires + 1).await.unwrap(), 1);
    assert_eq!(
        repo::offer(&state.db, id).await.unwrap().unwrap().status,
        Status::Scaduta
    );
}

async fn a_saved_search_mails_its_new_offers_once(state: AppState) {
    let citizen = person(&state, Role::Cittadino, "anna@esempio.it").await;
    let staff = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let query = OfferQuery {
        q: "cuoco".into(),
        comune: vec!["lerici".into()],
        km: "15".into(),
        ..OfferQuery::default()
    };
    alerts::save(&state, &citizen, &query).await.unwrap();
    alerts::save(&state, &citizen, &query).await.unwrap();
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM saved_searches").await,
        1,
        "saved once"
    );
    // Published a second later than the search was saved.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    service::save(&state, &staff, &form("Aiuto cuoco"))
        .await
        .unwrap();
    service::save(&state, &staff, &form("Commesso"))
        .await
        .unwrap();
    let mine = alerts::mine(&state, &citizen).await.unwrap();
    assert_eq!(mine[0].new_offers, 1);
    let later = app::kernel::clock::now() + 86_400;
    assert_eq!(alerts::send_digests(&state, later).await.unwrap(), 1);
    assert_eq!(
        alerts::send_digests(&state, later).await.unwrap(),
        0,
        "once a day"
    );
    let body: String =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = 'anna@esempio.it'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
    assert!(
        body.contains("Aiuto cuoco") && !body.contains("Commesso"),
        "{body}"
    );
    let token = body
        .split("/avvisi/annulla/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert!(alerts::unsubscribe(&state.db, token).await.unwrap());
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM saved_searches").await,
        0
    );
}

async fn the_page_feed_and_sitemap_describe_the_offer(state: AppState) {
    let staff = person(&state, Role::Operatore, "operatore@esempio.it").await;
    let id = service::save(&state, &staff, &form("Magazziniere & carrellista"))
        .await
        .unwrap();
    let detail = service::detail(&state, id, None).await.unwrap();
    let ld: serde_json::Value = serde_json::from_str(&detail.json_ld).unwrap();
    for key in [
        "title",
        "description",
        "datePosted",
        "validThrough",
        "hiringOrganization",
        "jobLocation",
        "employmentType",
    ] {
        assert!(ld.get(key).is_some(), "JobPosting lacks {key}: {ld}");
    }
    assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Sarzana");
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 25000);
    let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    let router = server::build_router(state.clone());
    let feed = router
        .clone()
        .oneshot(get("/offerte/feed.xml?comune=sarzana&km=5"))
        .await
        .unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    let feed = text(feed).await;
    assert!(feed.contains("Magazziniere &amp; carrellista"), "{feed}");
    // What a feed reader finds: the offer, its page, its publisher and place.
    let read = atom_syndication::Feed::read_from(feed.as_bytes()).unwrap();
    assert_eq!(read.lang.as_deref(), Some("it"));
    // A reader tells two subscriptions apart by their titles, and finds the
    // feed's own address in it.
    assert_eq!(
        read.title.value,
        "Offerte di lavoro e tirocini a Sarzana, entro 5 km — InfoLavoro"
    );
    let itself = read
        .links
        .iter()
        .find(|l| l.rel == "self")
        .unwrap_or_else(|| panic!("{feed}"));
    assert_eq!(
        itself.href,
        format!(
            "{}/offerte/feed.xml?comune=sarzana&km=5",
            state.config.public_url
        )
    );
    let entry = read
        .entries
        .iter()
        .find(|e| e.title.value == "Magazziniere & carrellista")
        .unwrap_or_else(|| panic!("{feed}"));
    assert!(entry.links[0].href.ends_with(&format!("/offerte/{id}")));
    assert!(!entry.authors[0].name.is_empty());
    let summary = &entry.summary.as_ref().unwrap().value;
    assert!(summary.starts_with("Sarzana — "), "{summary}");
    let elsewhere = text(
        router
            .clone()
            .oneshot(get("/offerte/feed.xml?comune=levanto"))
            .await
            .unwrap(),
    )
    .await;
    let elsewhere = atom_syndication::Feed::read_from(elsewhere.as_bytes()).unwrap();
    assert!(elsewhere.entries.is_empty(), "{elsewhere:?}");
    let sitemap = text(router.clone().oneshot(get("/sitemap.xml")).await.unwrap()).await;
    assert!(
        sitemap.contains(&format!("/offerte/{id}</loc>")),
        "{sitemap}"
    );
    let page = router
        .clone()
        .oneshot(get(&format!("/offerte/{id}")))
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = text(page).await;
    assert!(
        html.contains("application/ld+json") && html.contains("\"JobPosting\""),
        "the page carries the JSON-LD"
    );
    use crate::findable::meta_contents;
    assert_eq!(
        meta_contents(&html, "property", "og:title"),
        ["Magazziniere &amp; carrellista"]
    );
    assert_eq!(meta_contents(&html, "property", "og:description").len(), 1);
    assert!(meta_contents(&html, "name", "robots").is_empty());
    // Marked as demo content, the same offer leaves search engines: no
    // JobPosting, `noindex`, out of the sitemap.
    // A change made beside the server's requests (here straight in the
    // database, as another server would) reaches its anonymous visitors as
    // soon as the index's sync takes it in: the kept page is stale then.
    sqlx::query("UPDATE offers SET demo = 1, updated_at = updated_at + 1 WHERE id = $1")
        .bind(id)
        .execute(state.db.pool())
        .await
        .unwrap();
    assert!(state.offers.sync(&state.db).await.unwrap() >= 1);
    let html = text(
        router
            .clone()
            .oneshot(get(&format!("/offerte/{id}")))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(meta_contents(&html, "name", "robots"), ["noindex"]);
    assert!(
        !html.contains("application/ld+json"),
        "no JobPosting for a demo offer"
    );
    let sitemap = text(router.clone().oneshot(get("/sitemap.xml")).await.unwrap()).await;
    assert!(
        !sitemap.contains(&format!("/offerte/{id}</loc>")),
        "{sitemap}"
    );
    sqlx::query("UPDATE offers SET demo = 0 WHERE id = $1")
        .bind(id)
        .execute(state.db.pool())
        .await
        .unwrap();
    // Another business reads the public page, not the publisher's one.
    let other = crate::common::account_with_session(
        &state,
        Role::Impresa,
        app::kernel::access::domain::AccountStatus::Attivo,
        "altra@esempio.it",
    )
    .await;
    let (status, _) = crate::catalogue::get(&state, &format!("/offerte/{id}"), Some(&other)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) =
        crate::catalogue::get(&state, &format!("/pubblica/{id}"), Some(&other)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.contains("Ritira l"), "no publisher's buttons");
}

async fn gen_demo_is_idempotent(state: AppState) {
    assert_eq!(gen_demo::generate(&state.db, 1500).await.unwrap(), 1500);
    assert_eq!(gen_demo::generate(&state.db, 1500).await.unwrap(), 1500);
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM offers WHERE demo = 2").await,
        1500
    );
    state.offers.sync(&state.db).await.unwrap();
    let all = state
        .offers
        .read()
        .search(&OfferQuery::default(), app::kernel::clock::now());
    assert_eq!(all.total, 1500);
    // Comuni weighted by population: La Spezia has the most.
    let top = all.per_comune.iter().max_by_key(|(_, n)| *n).unwrap();
    assert_eq!(top.0, "la-spezia");
}

on_both_engines!(with_state =>
    a_reviewed_offer_is_found_and_a_withdrawn_one_is_not,
    only_the_publisher_and_staff_manage_an_offer,
    bad_input_is_refused_on_its_field,
    a_second_server_on_the_same_database_follows_within_a_second,
    offers_leave_the_search_on_their_expiry_date,
    a_saved_search_mails_its_new_offers_once,
    the_page_feed_and_sitemap_describe_the_offer,
    gen_demo_is_idempotent,
);
