use super::*;
use crate::cv::domain::CvLanguage;
use crate::cv::sample::complete;

fn comune_of(name: &str) -> Option<String> {
    (name == "La Spezia").then(|| "la-spezia".to_string())
}

#[test]
fn our_cv_comes_back_whole() {
    let mut doc = complete();
    // One line per interest and per other skill: how JSON Resume lists them.
    doc.interests = "Vela\nTrekking alle Cinque Terre".into();
    let resume = export(&doc, CvLanguage::En, "La Spezia");
    let text = serde_json::to_string_pretty(&resume).unwrap();
    let Imported {
        doc: back,
        language,
        unplaced,
    } = import(&text, comune_of).unwrap();
    assert!(unplaced.is_empty());
    assert_eq!(language, CvLanguage::En);
    assert_eq!(back, doc);
}

#[test]
fn a_json_resume_file_survives_the_round_trip_through_a_cv() {
    let original = serde_json::json!({
        "basics": {
            "name": "Amina Diallo",
            "label": "Aiuto cuoca",
            "email": "amina@example.org",
            "phone": "+39 333 1234567",
            "url": "https://example.org/amina",
            "summary": "Cucina e pasticceria.",
            "location": { "address": "Via Roma 3", "city": "La Spezia", "region": "SP", "countryCode": "IT" }
        },
        "work": [{
            "name": "Trattoria del Porto", "position": "Aiuto cuoca", "location": "Lerici",
            "startDate": "2022-05", "endDate": "2024-09",
            "highlights": ["Preparazione dei primi", "Ordini ai fornitori"]
        }],
        "volunteer": [{ "organization": "Caritas", "position": "Volontaria", "startDate": "2021-01", "highlights": ["Mensa"] }],
        "education": [{ "institution": "CPIA La Spezia", "area": "Licenza media", "startDate": "2020-09", "endDate": "2021-06", "courses": ["Italiano L2"] }],
        "certificates": [{ "name": "HACCP", "issuer": "ASL 5", "date": "2022-03" }],
        "skills": [{ "name": "Pasticceria" }],
        "languages": [{ "language": "Francese", "fluency": "Madrelingua" }, { "language": "Italiano", "fluency": "B1" }],
        "interests": [{ "name": "Cucito" }]
    });
    let doc = import(&original.to_string(), comune_of).unwrap().doc;
    assert_eq!(doc.personal.comune, "la-spezia");
    assert_eq!(
        doc.experience[0].activities,
        "Preparazione dei primi\nOrdini ai fornitori"
    );
    assert_eq!(doc.mother_tongues, ["Francese"]);
    assert_eq!(doc.languages[0].overall(), "B1");
    let again = serde_json::to_value(export(&doc, CvLanguage::It, "La Spezia")).unwrap();
    for pointer in [
        "/basics/name",
        "/basics/label",
        "/basics/email",
        "/basics/phone",
        "/basics/url",
        "/basics/summary",
        "/basics/location/address",
        "/basics/location/city",
        "/work/0/name",
        "/work/0/position",
        "/work/0/location",
        "/work/0/startDate",
        "/work/0/endDate",
        "/work/0/highlights",
        "/volunteer/0/organization",
        "/volunteer/0/position",
        "/volunteer/0/startDate",
        "/volunteer/0/highlights",
        "/education/0/institution",
        "/education/0/area",
        "/education/0/startDate",
        "/education/0/endDate",
        "/education/0/courses",
        "/certificates/0",
        "/skills/0/name",
        "/languages/0",
        "/languages/1/language",
        "/languages/1/fluency",
        "/interests/0",
    ] {
        assert_eq!(
            again.pointer(pointer),
            original.pointer(pointer),
            "{pointer}"
        );
    }
}

#[test]
fn a_bad_file_says_what_is_wrong() {
    assert_eq!(
        import("{\n  \"basics\": { non è json", comune_of),
        Err(ImportError::NotJson { line: 2 })
    );
    assert_eq!(import("[1, 2]", comune_of), Err(ImportError::NotAResume));
    assert_eq!(
        import(r#"{"name": "x"}"#, comune_of),
        Err(ImportError::NotAResume)
    );
    assert_eq!(
        import(
            r#"{"basics": {}, "work": [{"startDate": 2019}]}"#,
            comune_of
        ),
        Err(ImportError::WrongShape {
            path: "work[0].startDate".into()
        })
    );
}

#[test]
fn profiles_and_free_text_levels_are_placed_and_the_rest_is_named() {
    let file = serde_json::json!({
        "basics": {
            "name": "Li Wei",
            "profiles": [
                { "network": "LinkedIn", "username": "liwei", "url": "https://www.linkedin.com/in/liwei" },
                { "network": "GitHub", "username": "liwei", "url": "https://github.com/liwei" }
            ]
        },
        "languages": [
            { "language": "Inglese", "fluency": "Full Professional Proficiency" },
            { "language": "Spagnolo", "fluency": "Upper intermediate" },
            { "language": "Tedesco", "fluency": "B1 - intermedio" },
            { "language": "Francese", "fluency": "scolastico" },
            { "language": "Portoghese", "fluency": "un po'" },
            { "language": "Cinese", "fluency": "Native speaker" }
        ]
    });
    let imported = import(&file.to_string(), comune_of).unwrap();
    let doc = imported.doc;
    assert_eq!(doc.personal.website, "https://www.linkedin.com/in/liwei");
    assert_eq!(doc.other_skills, "GitHub: https://github.com/liwei");
    let level = |name: &str| {
        doc.languages
            .iter()
            .find(|l| l.language == name)
            .unwrap()
            .overall()
    };
    assert_eq!(level("Inglese"), "C1");
    assert_eq!(level("Spagnolo"), "B2");
    assert_eq!(level("Tedesco"), "B1");
    assert_eq!(level("Francese"), "A2");
    assert_eq!(doc.mother_tongues, ["Cinese"]);
    assert_eq!(
        imported.unplaced,
        ["Portoghese"],
        "what it could not place is named"
    );
}
