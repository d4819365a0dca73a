//! The CV's Europass XML on SQLite and PostgreSQL, through the real router:
//! the export is valid against Cedefop's schema (read by xmllint) and comes
//! back as a new CV; a CV made on the Europass site (Cedefop's own example)
//! comes into the wizard; a broken file is refused and changes nothing.

use crate::common::{count, with_state};
use crate::cv::{anna_with_the_complete_cv, citizen, get, import_as, multipart, send};
use app::cv::domain::{CvDocument, CvLanguage};
use app::cv::sample;
use app::state::AppState;
use http::{header, StatusCode};

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/europass/schema/EuropassSchema.xsd"
);
const CEDEFOP_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/europass/Europass_CV_V3.4.0_Example.xml"
);

/// What xmllint says of `xml` against the Europass schema: Ok, or its errors.
fn validate(xml: &[u8]) -> Result<(), String> {
    let file = std::env::temp_dir().join(format!("cv-europass-{}.xml", std::process::id()));
    std::fs::write(&file, xml).unwrap();
    let output = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema", SCHEMA])
        .arg(&file)
        .output()
        .expect("xmllint (libxml2-utils) must be installed: scripts/setup.sh --tests");
    let _ = std::fs::remove_file(&file);
    match output.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&output.stderr).into_owned()),
    }
}

async fn the_europass_export_is_valid_and_comes_back(state: AppState) {
    let (anna, session, id) = anna_with_the_complete_cv(&state).await;
    let (status, xml, headers) =
        send(&state, get(&format!("/api/cv/{id}/cv.xml"), Some(&session))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/xml");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("CV-giulia-ferrari-europass.xml"));
    validate(&xml).unwrap_or_else(|errors| {
        panic!(
            "the export is not valid Europass XML:\n{errors}\n{}",
            String::from_utf8_lossy(&xml)
        )
    });
    // The check can fail: an element out of the schema's order is refused.
    let swapped = String::from_utf8_lossy(&xml)
        .replacen("<FirstName>Giulia</FirstName>\n", "", 1)
        .replacen(
            "<Surname>Ferrari</Surname>",
            "<Surname>Ferrari</Surname><FirstName>Giulia</FirstName>",
            1,
        );
    assert!(validate(swapped.as_bytes()).is_err());

    let imported = import_as(&state, &session, anna.id, &xml).await;
    assert_ne!(imported.id, id);
    // All but what Europass has no place for: the job wishes, the own vehicle.
    let expected = CvDocument {
        wishes: Default::default(),
        own_vehicle: false,
        ..sample::complete()
    };
    assert_eq!(imported.document, expected);
}

async fn a_cv_from_the_europass_site_comes_into_the_wizard(state: AppState) {
    let (anna, session) = citizen(&state, "anna@esempio.it").await;
    let example = std::fs::read(CEDEFOP_EXAMPLE).unwrap();
    validate(&example).expect("Cedefop's example is valid against its schema");
    let cv = import_as(&state, &session, anna.id, &example).await;
    assert_eq!(cv.name, "CV importato – Chuck NORRIS");
    assert_eq!(cv.language, CvLanguage::En);
    let doc = cv.document;
    let p = &doc.personal;
    assert_eq!(
        (p.first_name.as_str(), p.last_name.as_str()),
        ("Chuck", "NORRIS")
    );
    assert_eq!(p.email, "chuck@chucknorrisfacts.com");
    assert_eq!(p.phone, "+44 123456789");
    assert_eq!(p.birth_date, "1940-03-10");
    assert_eq!(p.nationality, "American, Australian, Citizen of the world");
    // London is no comune of the province: it stays in the address.
    assert_eq!(
        (p.address.as_str(), p.comune.as_str()),
        ("12 Strawberry Hille, 12345 London", "")
    );
    assert_eq!(doc.headline, "Chuck Norris law enforcement");
    let job = &doc.experience[0];
    assert_eq!(
        (job.role.as_str(), job.employer.as_str()),
        ("Martial Arts Instructor", "School of Ninjutsu")
    );
    assert_eq!((job.from.as_str(), job.current), ("2001-01", true));
    // The Europass editor's HTML list, one activity per line.
    assert!(
        job.activities.starts_with(
            "Main activities and responsibilities:\nPreparing class plans in advance.\n"
        ),
        "{}",
        job.activities
    );
    assert!(
        job.activities.contains("students' progress"),
        "{}",
        job.activities
    );
    assert_eq!(doc.education[0].eqf, 6);
    assert_eq!(doc.mother_tongues, ["English", "Elvish"]);
    let japanese = &doc.languages[0];
    assert_eq!(
        (japanese.language.as_str(), japanese.overall()),
        ("Japanese", "C1")
    );
    assert_eq!(
        japanese.certificates,
        "Cambridge Proficiency\nMichigan Proficiency"
    );
    assert_eq!(
        doc.digital.levels(),
        ["base", "intermedio", "avanzato", "avanzato", "avanzato"]
    );
    assert_eq!(doc.licences, ["A", "B", "BE"]);
    assert_eq!(doc.certifications.len(), 2, "{:?}", doc.certifications);
    assert!(doc
        .other_skills
        .contains("Bla bla multinational environment."));
    assert!(
        doc.other_skills.contains("Projects: Bla Bla my projects."),
        "{}",
        doc.other_skills
    );

    // A broken file is refused with its reason, and no CV is made.
    let before = count(&state, "SELECT COUNT(*) FROM cvs").await;
    let broken = &example[..example.len() / 2];
    let (status, body, _) = send(
        &state,
        multipart("/api/cv/importa", &session, "file", broken, true),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        String::from_utf8_lossy(&body).contains("non è un XML leggibile"),
        "{}",
        String::from_utf8_lossy(&body)
    );
    let (status, body, _) = send(
        &state,
        multipart(
            "/api/cv/importa",
            &session,
            "file",
            b"<?xml version=\"1.0\"?><rss/>",
            true,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(String::from_utf8_lossy(&body).contains("non un CV Europass"));
    assert_eq!(count(&state, "SELECT COUNT(*) FROM cvs").await, before);
}

on_both_engines!(with_state =>
    the_europass_export_is_valid_and_comes_back,
    a_cv_from_the_europass_site_comes_into_the_wizard,
);
