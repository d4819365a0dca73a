//! Signing in with SPID and CIE against a real OpenID Connect provider
//! (`oidc-provider` from npm, started by each test on a free loopback port
//! and configured like a SPID/CIE gateway: PKCE required, `private_key_jwt`,
//! `acr`, `fiscal_number`), on SQLite and PostgreSQL. The provider's pages
//! are walked as a browser would (reqwest with cookies); the portal's routes
//! are called through its router.

use crate::common::{form, text, with_settings, Engine};
use app::kernel::access::domain::{AccountStatus, Role};
use app::state::AppState;
use axum::body::Body;
use http::{header, Request, Response, StatusCode};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use tower::ServiceExt;

const GOOD_PASSWORD: &str = "gabbiani sul molo di lerici";
const FISCAL_CODE: &str = "RSSMRA80A01E463K";

/// A running test provider; stopped when dropped.
struct TestProvider {
    child: Child,
    issuer: String,
}

impl TestProvider {
    fn start(rogue: bool) -> TestProvider {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/oidc/provider.mjs");
        let mut command = Command::new("node");
        command.args([script, "--port", "0"]);
        if rogue {
            command.arg("--rogue");
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs the test provider (scripts/setup.sh --tests installs it)");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let port = lines
            .find_map(|line| line.ok()?.strip_prefix("READY ").map(str::to_string))
            .expect("the test provider says READY");
        // Keep reading: the provider's notices would otherwise hit a closed pipe.
        std::thread::spawn(move || lines.for_each(drop));
        TestProvider {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        }
    }

    fn settings(&self) -> Vec<(&'static str, String)> {
        let key = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../end2end/oidc/rp-test-key.pem"
        );
        vec![
            ("OIDC_PROVIDERS", "spid".into()),
            ("OIDC_SPID_ISSUER", self.issuer.clone()),
            ("OIDC_SPID_CLIENT_ID", "infolavoro".into()),
            ("OIDC_SPID_KEY_FILE", key.into()),
            ("OIDC_TIMEOUT_SECONDS", "6".into()),
        ]
    }
}

impl Drop for TestProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Who signs in at the provider's page, and how.
struct Person {
    subject: &'static str,
    email: &'static str,
    fiscal: &'static str,
    level: &'static str,
    ttl: &'static str,
    /// How late the provider's token endpoint answers (seconds).
    delay: &'static str,
}

const MARIO: Person = Person {
    subject: "spid-rossi-mario",
    email: "mario.rossi@example.org",
    fiscal: "TINIT-RSSMRA80A01E463K",
    level: "https://www.spid.gov.it/SpidL2",
    ttl: "3600",
    delay: "0",
};

async fn portal(state: &AppState, request: http::request::Builder, body: Body) -> Response<Body> {
    server::build_router(state.clone())
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap()
}

fn location(response: &Response<Body>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// `name=value` of each cookie the response sets (not those it clears).
fn cookies(response: &Response<Body>) -> Vec<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| c.split(';').next())
        .filter(|c| !c.ends_with('='))
        .map(str::to_string)
        .collect()
}

fn cookie_named(response: &Response<Body>, name: &str) -> Option<String> {
    cookies(response)
        .into_iter()
        .find(|c| c.starts_with(&format!("{name}=")))
}

/// The provider's answer for `who`, walked from the portal's button: the
/// portal's return address with its query, and the browser's trip cookie.
async fn at_provider(state: &AppState, who: &Person, cancel: bool) -> (String, String) {
    let start = portal(state, Request::get("/accesso/oidc/spid"), Body::empty()).await;
    assert_eq!(
        start.status(),
        StatusCode::SEE_OTHER,
        "{}",
        location(&start)
    );
    let trip = cookie_named(&start, "accesso_oidc").expect("the trip cookie");
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut url = location(&start);
    assert!(url.contains("code_challenge="), "PKCE: {url}");
    assert!(url.contains("nonce="), "nonce: {url}");
    assert!(url.contains("acr_values="), "level: {url}");
    let base = url.split("/auth").next().unwrap().to_string();
    // Out to the provider's sign-in page.
    let page = browser.get(&url).send().await.unwrap();
    let interaction = page.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let interaction = if interaction.starts_with('/') {
        format!("{base}{interaction}")
    } else {
        interaction
    };
    let action = if cancel { "abort" } else { "login" };
    let form = [
        ("subject", who.subject),
        ("given_name", "Mario"),
        ("family_name", "Rossi"),
        ("email", who.email),
        ("fiscal_number", who.fiscal),
        ("acr", who.level),
        ("ttl", who.ttl),
        ("delay", who.delay),
    ];
    let mut next = browser
        .post(format!("{interaction}/{action}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    // Through the provider's redirects until it sends the browser back.
    for _ in 0..5 {
        url = next.headers()[header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        if url.starts_with('/') {
            url = format!("{base}{url}");
        }
        if url.contains("/accesso/oidc/ritorno") {
            let path = url.trim_start_matches("http://127.0.0.1:3000").to_string();
            return (path, trip);
        }
        next = browser.get(&url).send().await.unwrap();
    }
    panic!("the provider never sent the browser back: {url}");
}

async fn come_back(state: &AppState, path: &str, trip: &str) -> Response<Body> {
    portal(
        state,
        Request::get(path).header(header::COOKIE, trip),
        Body::empty(),
    )
    .await
}

async fn post(state: &AppState, path: &str, body: String, cookie: &str) -> Response<Body> {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie);
    portal(state, request, Body::from(body)).await
}

/// The sign-in through the provider up to the portal's answer.
async fn sign_in(state: &AppState, who: &Person) -> Response<Body> {
    let (path, trip) = at_provider(state, who, false).await;
    come_back(state, &path, &trip).await
}

/// A first sign-in, consented: the new account's session cookie.
async fn first_sign_in(state: &AppState, who: &Person) -> String {
    let back = sign_in(state, who).await;
    assert_eq!(location(&back), "/accesso/identita");
    let pending = cookie_named(&back, "identita_in_attesa").expect("the waiting sign-in");
    let page = portal(
        state,
        Request::get("/api/get_pending_identity").header(header::COOKIE, &pending),
        Body::empty(),
    )
    .await;
    let shown = text(page).await;
    assert!(
        shown.contains("Mario") && shown.contains(FISCAL_CODE),
        "{shown}"
    );
    let created = post(
        state,
        "/api/create_account_from_identity",
        "privacy=on".into(),
        &pending,
    )
    .await;
    assert!(
        created.status().is_success() || created.status() == StatusCode::FOUND,
        "{}",
        created.status()
    );
    cookie_named(&created, "sessione").expect("signed in at once")
}

async fn who_is(
    state: &AppState,
    session: &str,
) -> Option<app::kernel::access::domain::SessionUser> {
    let secret = session.trim_start_matches("sessione=");
    app::kernel::access::auth::user_of_session(state, secret)
        .await
        .unwrap()
}

async fn identities(state: &AppState) -> Vec<(i64, String, Option<String>)> {
    sqlx::query_as("SELECT user_id, subject, fiscal_code FROM identities ORDER BY id")
        .fetch_all(state.db.pool())
        .await
        .unwrap()
}

async fn count(state: &AppState, sql: &str) -> i64 {
    crate::common::count(state, sql).await
}

fn on_provider<F, Fut>(
    engine: Engine,
    rogue: bool,
    test: F,
) -> impl std::future::Future<Output = ()>
where
    F: FnOnce(AppState) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let provider = TestProvider::start(rogue);
    async move {
        with_settings(engine, &provider.settings(), test).await;
        drop(provider);
    }
}

async fn honest(
    engine: Engine,
    test: fn(AppState) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>,
) {
    on_provider(engine, false, test).await;
}

macro_rules! provider_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                fn run(state: app::state::AppState) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
                    Box::pin(super::$name(state))
                }
                #[tokio::test]
                async fn sqlite() {
                    super::honest(crate::common::Engine::Sqlite, run).await;
                }
                #[tokio::test]
                async fn postgres() {
                    super::honest(crate::common::Engine::Postgres, run).await;
                }
            }
        )*
    };
}

provider_tests!(
    the_first_sign_in_creates_a_citizen_and_the_second_signs_into_it,
    an_existing_password_account_is_linked_once_its_password_is_confirmed,
    a_fiscal_code_already_linked_elsewhere_is_refused,
    cancelling_at_the_provider_creates_nothing,
    a_wrong_or_replayed_state_is_refused,
    an_insufficient_level_is_refused,
    an_expired_id_token_is_refused,
    signing_out_ends_the_providers_session_too,
    citizens_keep_the_password_only_until_they_link,
);

async fn the_first_sign_in_creates_a_citizen_and_the_second_signs_into_it(state: AppState) {
    let session = first_sign_in(&state, &MARIO).await;
    let user = who_is(&state, &session).await.expect("a session");
    assert_eq!(user.role, Role::Cittadino);
    assert_eq!(user.status, AccountStatus::Attivo);
    assert_eq!(user.display_name, "Mario Rossi");
    assert_eq!(user.email, MARIO.email);
    assert!(
        user.email_verified,
        "the provider's email counts as confirmed"
    );
    let linked = identities(&state).await;
    assert_eq!(
        linked,
        vec![(
            user.id,
            MARIO.subject.to_string(),
            Some(FISCAL_CODE.to_string())
        )]
    );
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM consents WHERE purpose = 'informativa_privacy'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &state,
            "SELECT COUNT(*) FROM users WHERE password_hash IS NULL"
        )
        .await,
        1
    );

    // The second time: straight into the same account.
    let again = sign_in(&state, &MARIO).await;
    assert_eq!(location(&again), "/area");
    let second = cookie_named(&again, "sessione").expect("a new session");
    assert_ne!(second, session);
    assert_eq!(who_is(&state, &second).await.unwrap().id, user.id);
    assert_eq!(count(&state, "SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM pending_identities").await,
        0
    );

    // The same person through CIE (another subject, the same fiscal code) is the same account.
    let cie = Person {
        subject: "cie-rossi-mario",
        ..MARIO
    };
    let through_cie = sign_in(&state, &cie).await;
    assert_eq!(location(&through_cie), "/area");
    let third = cookie_named(&through_cie, "sessione").unwrap();
    assert_eq!(who_is(&state, &third).await.unwrap().id, user.id);

    // The person sees their identities and may unlink one, never the last.
    let listed = portal(
        &state,
        Request::get("/api/list_my_identities").header(header::COOKIE, &third),
        Body::empty(),
    )
    .await;
    let listed = text(listed).await;
    assert!(listed.contains(FISCAL_CODE), "{listed}");
    let ids = identities(&state).await;
    assert_eq!(ids.len(), 2);
    let first_id: i64 = sqlx::query_scalar("SELECT id FROM identities ORDER BY id LIMIT 1")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    let unlinked = post(
        &state,
        "/api/unlink_identity",
        format!("identity={first_id}"),
        &third,
    )
    .await;
    assert!(
        unlinked.status().is_success() || unlinked.status().is_redirection(),
        "{}",
        unlinked.status()
    );
    let last: i64 = sqlx::query_scalar("SELECT id FROM identities")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    let refused = post(
        &state,
        "/api/unlink_identity",
        format!("identity={last}"),
        &third,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(text(refused).await.contains("unico modo"));
    assert_eq!(identities(&state).await.len(), 1);
}

async fn password_account(state: &AppState, email: &str) -> i64 {
    let hash = state
        .hasher
        .hash(
            &app::accounts::domain::NewPassword::parse(GOOD_PASSWORD, "password").unwrap(),
            "password",
        )
        .await
        .unwrap();
    let mut tx = state.db.begin_write().await.unwrap();
    let id = app::accounts::repo::insert_user(
        &mut tx,
        &app::accounts::repo::NewUser {
            email,
            desk_istat: None,
            password_hash: Some(&hash),
            display_name: "Mario Rossi",
            organisation: None,
            role: Role::Cittadino,
            status: AccountStatus::Attivo,
            email_verified: true,
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn an_existing_password_account_is_linked_once_its_password_is_confirmed(state: AppState) {
    let existing = password_account(&state, MARIO.email).await;
    let back = sign_in(&state, &MARIO).await;
    let pending = cookie_named(&back, "identita_in_attesa").unwrap();
    let shown = text(
        portal(
            &state,
            Request::get("/api/get_pending_identity").header(header::COOKIE, &pending),
            Body::empty(),
        )
        .await,
    )
    .await;
    assert!(shown.contains("\"email_taken\":true"), "{shown}");
    // Creating a second account with the same email is refused, with the way to link.
    let created = post(
        &state,
        "/api/create_account_from_identity",
        "privacy=on".into(),
        &pending,
    )
    .await;
    assert_eq!(created.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A wrong password links nothing.
    let wrong = post(
        &state,
        "/api/link_identity",
        form(&[
            ("email", MARIO.email),
            ("password", "non è la password giusta"),
        ]),
        &pending,
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(identities(&state).await.is_empty());
    let linked = post(
        &state,
        "/api/link_identity",
        form(&[("email", MARIO.email), ("password", GOOD_PASSWORD)]),
        &pending,
    )
    .await;
    let session = cookie_named(&linked, "sessione").expect("signed in");
    assert_eq!(who_is(&state, &session).await.unwrap().id, existing);
    assert_eq!(identities(&state).await.len(), 1);
    // Next time the provider alone is enough.
    assert_eq!(location(&sign_in(&state, &MARIO).await), "/area");
    assert_eq!(count(&state, "SELECT COUNT(*) FROM users").await, 1);
}

async fn a_fiscal_code_already_linked_elsewhere_is_refused(state: AppState) {
    // Someone has an old password account and starts signing in with SPID;
    // before they confirm, their fiscal code is used for a new account from
    // another sign-in (a second browser). Linking the first is then refused.
    password_account(&state, "altro@example.org").await;
    let other = Person {
        subject: "altro-soggetto",
        email: "altro@example.org",
        ..MARIO
    };
    let back = sign_in(&state, &other).await;
    let pending = cookie_named(&back, "identita_in_attesa").expect("a first sign-in");
    let owner = who_is(&state, &first_sign_in(&state, &MARIO).await)
        .await
        .unwrap();
    let refused = post(
        &state,
        "/api/link_identity",
        form(&[("email", "altro@example.org"), ("password", GOOD_PASSWORD)]),
        &pending,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(text(refused)
        .await
        .contains("già collegato a un altro account"));
    let linked = identities(&state).await;
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].0, owner.id);
    // From now on that fiscal code signs into its account, whichever the
    // provider's subject (SPID, then CIE).
    let again = sign_in(&state, &other).await;
    let session = cookie_named(&again, "sessione").expect("signed in");
    assert_eq!(who_is(&state, &session).await.unwrap().id, owner.id);
}

async fn failure_of(response: &Response<Body>) -> String {
    let at = location(response);
    assert!(at.starts_with("/accesso/errore?motivo="), "{at}");
    assert!(cookie_named(response, "sessione").is_none());
    at.trim_start_matches("/accesso/errore?motivo=").to_string()
}

async fn nothing_created(state: &AppState) {
    assert_eq!(count(state, "SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(count(state, "SELECT COUNT(*) FROM identities").await, 0);
    assert_eq!(
        count(state, "SELECT COUNT(*) FROM pending_identities").await,
        0
    );
    assert_eq!(count(state, "SELECT COUNT(*) FROM sessions").await, 0);
}

async fn cancelling_at_the_provider_creates_nothing(state: AppState) {
    let (path, trip) = at_provider(&state, &MARIO, true).await;
    assert!(path.contains("error=access_denied"), "{path}");
    let back = come_back(&state, &path, &trip).await;
    assert_eq!(failure_of(&back).await, "annullato");
    nothing_created(&state).await;
    // The error page explains it in words.
    let page = text(
        portal(
            &state,
            Request::get("/accesso/errore?motivo=annullato"),
            Body::empty(),
        )
        .await,
    )
    .await;
    assert!(
        page.contains("Hai annullato l&#x27;accesso") || page.contains("Hai annullato l'accesso"),
        "{page}"
    );
}

async fn a_wrong_or_replayed_state_is_refused(state: AppState) {
    let (path, trip) = at_provider(&state, &MARIO, false).await;
    // Another browser (without the trip cookie) cannot use the answer.
    let elsewhere = portal(&state, Request::get(&path), Body::empty()).await;
    assert_eq!(failure_of(&elsewhere).await, "richiesta_non_valida");
    // A forged state.
    let forged = path.replace("state=", "state=x");
    let forged = come_back(&state, &forged, &trip).await;
    assert_eq!(failure_of(&forged).await, "richiesta_non_valida");
    nothing_created(&state).await;
    // The rightful return works once, and once only.
    let (path, trip) = at_provider(&state, &MARIO, false).await;
    assert_eq!(
        location(&come_back(&state, &path, &trip).await),
        "/accesso/identita"
    );
    let replayed = come_back(&state, &path, &trip).await;
    assert_eq!(failure_of(&replayed).await, "richiesta_non_valida");
    // A request without any query at all.
    let bare = portal(&state, Request::get("/accesso/oidc/ritorno"), Body::empty()).await;
    assert_eq!(failure_of(&bare).await, "richiesta_non_valida");
}

async fn an_insufficient_level_is_refused(state: AppState) {
    let low = Person {
        level: "https://www.spid.gov.it/SpidL1",
        ..MARIO
    };
    assert_eq!(
        failure_of(&sign_in(&state, &low).await).await,
        "livello_insufficiente"
    );
    nothing_created(&state).await;
    let high = Person {
        level: "https://www.spid.gov.it/SpidL3",
        ..MARIO
    };
    assert_eq!(location(&sign_in(&state, &high).await), "/accesso/identita");
}

async fn an_expired_id_token_is_refused(state: AppState) {
    // Valid for a second, delivered two seconds late: expired on arrival.
    let late = Person {
        ttl: "1",
        delay: "2",
        ..MARIO
    };
    let back = sign_in(&state, &late).await;
    assert_eq!(failure_of(&back).await, "token_non_valido");
    nothing_created(&state).await;
}

async fn signing_out_ends_the_providers_session_too(state: AppState) {
    let session = first_sign_in(&state, &MARIO).await;
    let out = post(&state, "/api/log_out", String::new(), &session).await;
    // Leptos names the next address in `Location` for its client and plain
    // forms alike.
    let to = location(&out);
    assert!(to.contains("/session/end"), "{} {to:?}", out.status());
    assert!(to.contains("id_token_hint="), "{to}");
    assert!(to.contains("post_logout_redirect_uri="), "{to}");
    assert!(
        who_is(&state, &session).await.is_none(),
        "the portal's session ended"
    );
    assert_eq!(
        count(&state, "SELECT COUNT(*) FROM identity_sessions").await,
        0
    );
    // The provider accepts the request (its confirmation page).
    let provider_page = reqwest::get(&to).await.unwrap();
    assert_eq!(provider_page.status(), reqwest::StatusCode::OK);
}

async fn citizens_keep_the_password_only_until_they_link(state: AppState) {
    password_account(&state, MARIO.email).await;
    let log_in = |state: AppState| async move {
        post(
            &state,
            "/api/log_in",
            form(&[("email", MARIO.email), ("password", GOOD_PASSWORD)]),
            "",
        )
        .await
    };
    // Not yet linked: the password still opens the account (to link it).
    assert!(cookie_named(&log_in(state.clone()).await, "sessione").is_some());
    // Registering a new citizen with a password is closed.
    let registered = post(
        &state,
        "/api/register_account",
        form(&[
            ("role", "cittadino"),
            ("email", "nuova@example.org"),
            ("password", GOOD_PASSWORD),
            ("display_name", "Nuova Persona"),
            ("privacy", "on"),
        ]),
        "",
    )
    .await;
    assert_eq!(registered.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(registered).await.contains("SPID o CIE"));
    // Linked: from now on SPID/CIE only.
    let back = sign_in(&state, &MARIO).await;
    let pending = cookie_named(&back, "identita_in_attesa").unwrap();
    post(
        &state,
        "/api/link_identity",
        form(&[("email", MARIO.email), ("password", GOOD_PASSWORD)]),
        &pending,
    )
    .await;
    let refused = log_in(state.clone()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(refused).await.contains("SPID o CIE"));
}

/// A provider that signs its ID tokens with a key it does not publish.
mod unpublished_key {
    use super::*;

    async fn refused(engine: Engine) {
        super::on_provider(engine, true, |state| async move {
            let back = sign_in(&state, &MARIO).await;
            assert_eq!(failure_of(&back).await, "token_non_valido");
            nothing_created(&state).await;
        })
        .await;
    }

    #[tokio::test]
    async fn sqlite() {
        refused(Engine::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        refused(Engine::Postgres).await;
    }
}

/// A provider that does not answer: a clear page once the wait is over.
#[tokio::test]
async fn an_unreachable_provider_is_a_clear_page() {
    // A listener that accepts and never answers.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", silent.local_addr().unwrap());
    let key = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../end2end/oidc/rp-test-key.pem"
    );
    let settings = [
        ("OIDC_PROVIDERS", "spid".to_string()),
        ("OIDC_SPID_ISSUER", issuer),
        ("OIDC_SPID_CLIENT_ID", "infolavoro".into()),
        ("OIDC_SPID_KEY_FILE", key.into()),
        ("OIDC_TIMEOUT_SECONDS", "1".into()),
    ];
    with_settings(Engine::Sqlite, &settings, |state| async move {
        let started = std::time::Instant::now();
        let start = portal(&state, Request::get("/accesso/oidc/spid"), Body::empty()).await;
        assert_eq!(failure_of(&start).await, "gestore_non_raggiungibile");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let unknown = portal(&state, Request::get("/accesso/oidc/nessuno"), Body::empty()).await;
        assert_eq!(failure_of(&unknown).await, "gestore_sconosciuto");
        // The buttons name the configured provider; with none, there are none.
        let buttons = text(
            portal(
                &state,
                Request::get("/api/sign_in_providers"),
                Body::empty(),
            )
            .await,
        )
        .await;
        assert!(buttons.contains("\"spid\""), "{buttons}");
    })
    .await;
    drop(silent);
    crate::common::with_state(Engine::Sqlite, |state| async move {
        let buttons = text(
            portal(
                &state,
                Request::get("/api/sign_in_providers"),
                Body::empty(),
            )
            .await,
        )
        .await;
        assert_eq!(buttons, "[]");
    })
    .await;
}
