use super::*;
use crate::cv::domain::{CvLanguage, Experience};
use crate::cv::sample::complete;

fn comune_of(name: &str) -> Option<String> {
    (name == "La Spezia").then(|| "la-spezia".to_string())
}

#[test]
fn our_cv_comes_back_whole_but_for_what_europass_has_no_place_for() {
    let mut doc = complete();
    doc.volunteering.push(Experience {
        role: "Volontaria".into(),
        employer: "Croce Rossa".into(),
        place: "Sarzana".into(),
        from: "2016-01".into(),
        to: "2018-12".into(),
        current: false,
        activities: "Trasporto anziani\nTurni notturni".into(),
    });
    let xml = export(&doc, CvLanguage::En, "La Spezia", 1_780_000_000).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SkillsPassport"));
    assert!(xml.contains("<Current>true</Current>"), "{xml}");
    let Imported {
        doc: back,
        language,
    } = import(&xml, comune_of).unwrap();
    assert_eq!(language, CvLanguage::En);
    // The job wishes and the own vehicle stay in the portal.
    let expected = crate::cv::domain::CvDocument {
        wishes: Default::default(),
        own_vehicle: false,
        ..doc
    };
    assert_eq!(back, expected);
}

#[test]
fn the_europass_editors_html_becomes_lines() {
    assert_eq!(
        plain_text("<p>Main activities:</p>\n<ul><li>Preparing &amp; teaching</li><li>Students&#39; progress</li></ul>"),
        "Main activities:\nPreparing & teaching\nStudents' progress"
    );
    // Plain text, even with a "<", passes unchanged.
    assert_eq!(plain_text("Carichi < 20 kg"), "Carichi < 20 kg");
}

#[test]
fn what_is_not_a_europass_cv_is_refused_with_its_reason() {
    assert!(matches!(
        import("<SkillsPassport><LearnerInfo>", comune_of),
        Err(ImportError::NotXml { .. })
    ));
    assert_eq!(
        import("<?xml version=\"1.0\"?><rss/>", comune_of),
        Err(ImportError::NotEuropass)
    );
    assert!(looks_like_xml("\u{feff}  <?xml version=\"1.0\"?>"));
    assert!(!looks_like_xml("{\"basics\": {}}"));
}

#[test]
fn certifications_and_volunteering_read_back_by_their_lines() {
    let doc = crate::cv::domain::CvDocument {
        certifications: vec![crate::cv::domain::Certification {
            name: "HACCP".into(),
            issuer: String::new(),
            date: "2023-02".into(),
        }],
        volunteering: vec![Experience {
            role: "Animatore".into(),
            from: "2024-06".into(),
            current: true,
            ..Default::default()
        }],
        ..Default::default()
    };
    let xml = export(&doc, CvLanguage::It, "", 0).unwrap();
    assert!(xml.contains("HACCP · 2023-02"), "{xml}");
    assert!(xml.contains("Animatore · 2024-06 –"), "{xml}");
    let back = import(&xml, comune_of).unwrap().doc;
    assert_eq!(back.certifications, doc.certifications);
    assert_eq!(back.volunteering, doc.volunteering);
}
