//! The CV builder on SQLite and PostgreSQL, through the real router: the
//! autosave (revisions, refusals that keep the saved version), ownership,
//! the photo upload, the three exports (the DOCX opened by LibreOffice, the
//! PDF read back by pdftotext), the JSON Resume import, and visibility with
//! its consent.

use crate::common::{account_with_session, count, with_state};
use app::cv::domain::{CvLanguage, Experience};
use app::cv::{repo, sample, service};
use app::error::AppError;
use app::kernel::access::domain::{AccountStatus, Role};
use app::state::AppState;
use axum::body::{to_bytes, Body};
use http::{header, Request, StatusCode};
use tower::ServiceExt;

pub(crate) async fn citizen(
    state: &AppState,
    email: &str,
) -> (app::kernel::access::domain::SessionUser, String) {
    let secret = account_with_session(state, Role::Cittadino, AccountStatus::Attivo, email).await;
    let user = crate::common::user_of(state, &secret).await;
    (user, secret)
}

pub(crate) async fn send(
    state: &AppState,
    request: Request<Body>,
) -> (StatusCode, Vec<u8>, http::HeaderMap) {
    let response = server::build_router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let body = to_bytes(response.into_body(), 16 << 20)
        .await
        .unwrap()
        .to_vec();
    (status, body, headers)
}

pub(crate) fn get(path: &str, session: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(secret) = session {
        request = request.header(header::COOKIE, format!("sessione={secret}"));
    }
    request.body(Body::empty()).unwrap()
}

pub(crate) fn multipart(
    path: &str,
    session: &str,
    field: &str,
    file: &[u8],
    json: bool,
) -> Request<Body> {
    let boundary = "----infolavoro-test";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = Request::post(path)
        .header(header::COOKIE, format!("sessione={session}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        );
    if json {
        request = request.header(header::ACCEPT, "application/json");
    }
    request.body(Body::from(body)).unwrap()
}

async fn autosave_keeps_the_saved_version_when_it_refuses(state: AppState) {
    let (anna, _) = citizen(&state, "anna@esempio.it").await;
    let id = service::create(&state, &anna, "Il mio CV", CvLanguage::It)
        .await
        .unwrap();
    let cv = repo::get(&state.db, anna.id, id).await.unwrap().unwrap();
    // The account's name and email are already there.
    assert_eq!(cv.document.personal.email, "anna@esempio.it");
    let mut doc = sample::complete();
    let revision = service::save(&state, &anna, id, cv.revision, doc.clone())
        .await
        .unwrap();
    assert_eq!(revision, cv.revision + 1);
    // A save from an older revision (another window) is refused, nothing overwritten.
    let mut stale = doc.clone();
    stale.headline = "Da un'altra finestra".into();
    let refused = service::save(&state, &anna, id, cv.revision, stale)
        .await
        .unwrap_err();
    assert!(matches!(refused, AppError::Conflict { .. }), "{refused:?}");
    // A version breaking a limit is refused on its field; the saved one stays.
    doc.experience.push(Experience {
        role: "x".repeat(201),
        ..Default::default()
    });
    let refused = service::save(&state, &anna, id, revision, doc)
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        AppError::validation(
            "experience.2.role",
            "at_most_chars",
            "Al massimo 200 caratteri."
        )
    );
    let stored = repo::get(&state.db, anna.id, id).await.unwrap().unwrap();
    assert_eq!(stored.document, sample::complete());
    assert_eq!(stored.revision, revision);
    let listed = repo::list(&state.db, anna.id).await.unwrap();
    assert_eq!(listed[0].completeness, 100);
}

async fn nobody_reaches_another_persons_cv(state: AppState) {
    let (anna, anna_session) = citizen(&state, "anna@esempio.it").await;
    let (_, bruno_session) = citizen(&state, "bruno@esempio.it").await;
    let business = account_with_session(
        &state,
        Role::Impresa,
        AccountStatus::Attivo,
        "impresa@esempio.it",
    )
    .await;
    let id = service::create(&state, &anna, "CV di Anna", CvLanguage::It)
        .await
        .unwrap();
    for file in ["cv.pdf", "cv.docx", "cv.json", "cv.xml"] {
        let path = format!("/api/cv/{id}/{file}");
        assert_eq!(
            send(&state, get(&path, Some(&anna_session))).await.0,
            StatusCode::OK,
            "{path}"
        );
        assert_eq!(
            send(&state, get(&path, Some(&bruno_session))).await.0,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            send(&state, get(&path, Some(&business))).await.0,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            send(&state, get(&path, None)).await.0,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    let request = Request::get(format!("/api/get_cv?id={id}"))
        .header(header::COOKIE, format!("sessione={bruno_session}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&state, request).await.0, StatusCode::NOT_FOUND);
    let save = Request::post("/api/save_cv")
        .header(header::COOKIE, format!("sessione={bruno_session}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(format!(
            r#"{{"id":{id},"revision":1,"document":{{"personal":{{}},"headline":"preso"}}}}"#
        )))
        .unwrap();
    assert_eq!(send(&state, save).await.0, StatusCode::NOT_FOUND);
    let photo = multipart(
        &format!("/api/cv/{id}/foto"),
        &bruno_session,
        "photo",
        &jpeg(),
        true,
    );
    assert_eq!(send(&state, photo).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        repo::get(&state.db, anna.id, id)
            .await
            .unwrap()
            .unwrap()
            .revision,
        1
    );
}

pub(crate) fn jpeg() -> Vec<u8> {
    let mut out = Vec::new();
    let picture = image::RgbImage::from_pixel(900, 1200, image::Rgb([30, 90, 160]));
    image::codecs::jpeg::JpegEncoder::new(&mut out)
        .encode_image(&picture)
        .unwrap();
    out
}

async fn the_photo_is_reencoded_and_bad_files_get_a_message(state: AppState) {
    let (anna, session) = citizen(&state, "anna@esempio.it").await;
    let id = service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let path = format!("/api/cv/{id}/foto");
    let (status, body, _) = send(&state, multipart(&path, &session, "photo", &jpeg(), true)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let (status, stored, headers) = send(
        &state,
        get(&format!("/api/cv/{id}/foto.jpg"), Some(&session)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
    let back = image::load_from_memory(&stored).unwrap();
    assert_eq!((back.width(), back.height()), (450, 600));
    // Not an image: the message, in Italian, on the photo field; without
    // JavaScript, back to the step with the message in the address.
    let (status, body, _) = send(
        &state,
        multipart(&path, &session, "photo", b"GIF89a....", true),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let error: AppError = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        error,
        AppError::validation(
            "photo",
            "photo_not_an_image",
            "La foto deve essere un file JPEG o PNG."
        )
    );
    let (status, _, headers) = send(
        &state,
        multipart(&path, &session, "photo", b"%PDF-1.7", false),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = headers[header::LOCATION].to_str().unwrap();
    assert!(
        location.starts_with(&format!("/cv/{id}?passo=1&errore=La+foto")),
        "{location}"
    );
    // The good photo is still there.
    assert_eq!(
        send(
            &state,
            get(&format!("/api/cv/{id}/foto.jpg"), Some(&session))
        )
        .await
        .1,
        stored
    );
}

/// The text LibreOffice reads from a DOCX (Debian's libreoffice-writer-nogui).
fn libreoffice_text(docx: &[u8]) -> String {
    // LibreOffice now and then aborts while it sets up a new profile
    // ("WrappedTargetRuntimeException", before it reads any file): one more
    // start, with a profile of its own, tells that apart from a DOCX it
    // cannot open, which fails both times.
    libreoffice_try(docx).unwrap_or_else(|status| {
        eprintln!("LibreOffice stopped at its first start, trying once more: {status:?}");
        libreoffice_try(docx)
            .unwrap_or_else(|status| panic!("LibreOffice could not open the DOCX: {status:?}"))
    })
}

fn libreoffice_try(docx: &[u8]) -> Result<String, std::process::Output> {
    let dir =
        std::env::temp_dir().join(format!("cv-docx-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cv.docx");
    std::fs::write(&file, docx).unwrap();
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args(["--headless", "--convert-to", "txt:Text"])
        .arg("--outdir")
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("LibreOffice (soffice) must be installed: scripts/setup.sh --tests");
    let text = std::fs::read_to_string(dir.join("cv.txt")).map_err(|_| status);
    let _ = std::fs::remove_dir_all(&dir);
    text
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// Anna, signed in, with the complete sample CV saved: its id.
pub(crate) async fn anna_with_the_complete_cv(
    state: &AppState,
) -> (app::kernel::access::domain::SessionUser, String, i64) {
    let (anna, session) = citizen(state, "anna@esempio.it").await;
    let id = service::create(state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    service::save(state, &anna, id, 1, sample::complete())
        .await
        .unwrap();
    (anna, session, id)
}

/// The id of the CV an import made, from the editor's address it leads to.
pub(crate) fn imported_id(headers: &http::HeaderMap) -> i64 {
    headers[header::LOCATION]
        .to_str()
        .unwrap()
        .trim_start_matches("/cv/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Imports `file` as `owner` through the import form, as a person would:
/// the new CV as stored.
pub(crate) async fn import_as(
    state: &AppState,
    session: &str,
    owner: i64,
    file: &[u8],
) -> app::cv::domain::CvRecord {
    let (status, body, headers) = send(
        state,
        multipart("/api/cv/importa", session, "file", file, false),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let id = imported_id(&headers);
    repo::get(&state.db, owner, id).await.unwrap().unwrap()
}

async fn the_exports_open_in_the_programs_people_use(state: AppState) {
    let (anna, session, id) = anna_with_the_complete_cv(&state).await;
    send(
        &state,
        multipart(
            &format!("/api/cv/{id}/foto"),
            &session,
            "photo",
            &jpeg(),
            true,
        ),
    )
    .await;

    let (status, docx, headers) = send(
        &state,
        get(&format!("/api/cv/{id}/cv.docx"), Some(&session)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"CV-giulia-ferrari.docx\""
    );
    let text = libreoffice_text(&docx);
    for expected in [
        "Giulia Ferrari",
        "ESPERIENZA LAVORATIVA",
        "Capoturno di magazzino",
        "marzo 2019 – in corso",
        "Inglese",
        "PET Cambridge",
        "Autorizzo il trattamento",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the DOCX text: {text}"
        );
    }

    for template in ["europass", "moderno"] {
        let (status, pdf, headers) = send(
            &state,
            get(
                &format!("/api/cv/{id}/cv.pdf?modello={template}"),
                Some(&session),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        // With the photo embedded, the file is bigger than the text alone.
        assert!(pdf.len() > 20_000, "{template}: {} bytes", pdf.len());
    }

    let (status, json, _) = send(
        &state,
        get(&format!("/api/cv/{id}/cv.json"), Some(&session)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let resume: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(resume["basics"]["name"], "Giulia Ferrari");
    assert_eq!(resume["work"][0]["startDate"], "2019-03");
    assert_eq!(resume["basics"]["location"]["city"], "La Spezia");

    // Imported back, it is a new CV equal to the first; a bad file changes nothing.
    let imported = import_as(&state, &session, anna.id, &json).await;
    assert_ne!(imported.id, id);
    assert_eq!(imported.document, sample::complete());
    let before = count(&state, "SELECT COUNT(*) FROM cvs").await;
    let (status, body, _) = send(
        &state,
        multipart("/api/cv/importa", &session, "file", b"{\"basics\": ", true),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(String::from_utf8_lossy(&body).contains("non è un JSON valido"));
    assert_eq!(count(&state, "SELECT COUNT(*) FROM cvs").await, before);
}

async fn visibility_needs_consent_and_goes_with_the_account(state: AppState) {
    let (anna, _) = citizen(&state, "anna@esempio.it").await;
    let id = service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let refused = service::set_visibility(&state, &anna, id, true, false)
        .await
        .unwrap_err();
    assert!(matches!(&refused, AppError::Validation { field, .. } if field == "consent"));
    service::set_visibility(&state, &anna, id, true, true)
        .await
        .unwrap();
    assert!(
        repo::get(&state.db, anna.id, id)
            .await
            .unwrap()
            .unwrap()
            .visible
    );
    let consents = app::accounts::repo::list_consents(&state.db, anna.id)
        .await
        .unwrap();
    assert!(consents
        .iter()
        .any(|c| c.purpose == "visibilita_cv" && c.withdrawn_at.is_none()));
    service::set_visibility(&state, &anna, id, false, false)
        .await
        .unwrap();
    let consents = app::accounts::repo::list_consents(&state.db, anna.id)
        .await
        .unwrap();
    assert!(consents
        .iter()
        .any(|c| c.purpose == "visibilita_cv" && c.withdrawn_at.is_some()));
    // A copy keeps the photo; deleting the account deletes every CV and photo.
    let copy = service::duplicate(&state, &anna, id).await.unwrap();
    assert_eq!(
        repo::get(&state.db, anna.id, copy)
            .await
            .unwrap()
            .unwrap()
            .name,
        "Copia di CV"
    );
    app::privacy::erase_person(&state, anna.id).await.unwrap();
    assert_eq!(count(&state, "SELECT COUNT(*) FROM cvs").await, 0);
}

/// Arabic and Chinese names make a PDF; a character no font has (an
/// Egyptian hieroglyph) is refused with a message naming the text and the
/// step, as a page for a person and as a 422 for a script, while the Word
/// and JSON exports keep working.
async fn every_alphabet_makes_a_pdf_and_an_undrawable_character_is_named(state: AppState) {
    let (anna, session) = citizen(&state, "anna@esempio.it").await;
    let id = service::create(&state, &anna, "CV", CvLanguage::It)
        .await
        .unwrap();
    let mut doc = sample::complete();
    doc.personal.first_name = "محمد 王".into();
    doc.experience[0].role = "Cuoco 🍝 عامل".into();
    let revision = service::save(&state, &anna, id, 1, doc.clone())
        .await
        .unwrap();
    let pdf_path = format!("/api/cv/{id}/cv.pdf");
    let (status, pdf, _) = send(&state, get(&pdf_path, Some(&session))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with(b"%PDF-"));

    doc.experience[0].role = "Scriba 𓀀".into();
    service::save(&state, &anna, id, revision, doc)
        .await
        .unwrap();
    let (status, body, _) = send(&state, get(&pdf_path, Some(&session))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = String::from_utf8(body).unwrap();
    for expected in [
        "«𓀀»",
        "U+13000",
        "«Scriba 𓀀»",
        "«Esperienze di lavoro»",
        "Word",
    ] {
        assert!(
            message.contains(expected),
            "{expected:?} not in {message:?}"
        );
    }
    let mut page = get(&pdf_path, Some(&session));
    page.headers_mut().insert(
        header::ACCEPT,
        "text/html,application/xhtml+xml".parse().unwrap(),
    );
    let (status, _, headers) = send(&state, page).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let back = headers[header::LOCATION].to_str().unwrap();
    assert!(
        back.starts_with(&format!("/cv/{id}?passo=8&errore=")),
        "{back}"
    );
    for other in ["cv.docx", "cv.json", "cv.xml"] {
        let (status, _, _) = send(
            &state,
            get(&format!("/api/cv/{id}/{other}"), Some(&session)),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{other}");
    }
}

on_both_engines!(with_state =>
    every_alphabet_makes_a_pdf_and_an_undrawable_character_is_named,
    autosave_keeps_the_saved_version_when_it_refuses,
    nobody_reaches_another_persons_cv,
    the_photo_is_reencoded_and_bad_files_get_a_message,
    the_exports_open_in_the_programs_people_use,
    visibility_needs_consent_and_goes_with_the_account,
);
