//! schema.org `JobPosting` for an offer's page, with every property Google
//! requires (title, description, datePosted, validThrough, hiringOrganization,
//! jobLocation or the remote fields, employmentType).

use super::domain::{Contract, RemoteMode, WorkingTime};
use super::repo::Stored;
use crate::kernel::dates::rfc3339;
use serde_json::{json, Value};

/// Google's employment types for our contracts and working time.
fn employment_type(contract: Contract, working_time: WorkingTime) -> Vec<&'static str> {
    let hours = match working_time {
        WorkingTime::Parziale => "PART_TIME",
        WorkingTime::Pieno => "FULL_TIME",
    };
    match contract {
        Contract::Indeterminato => vec![hours],
        Contract::Tirocinio | Contract::Apprendistato => vec![hours, "INTERN"],
        Contract::Determinato | Contract::Stagionale | Contract::Somministrazione => {
            vec![hours, "TEMPORARY"]
        }
        Contract::Collaborazione => vec![hours, "CONTRACTOR"],
    }
}

/// The JSON-LD, ready to sit in a `<script type="application/ld+json">`.
pub fn job_posting(s: &Stored, base: &str) -> String {
    let r = &s.row;
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": r.title,
        "description": r.description.split("\n\n").map(|p| format!("<p>{}</p>", crate::offers::feeds::xml(p))).collect::<String>(),
        "identifier": { "@type": "PropertyValue", "name": "InfoLavoro", "value": s.summary.id.to_string() },
        "url": format!("{base}/offerte/{}", s.summary.id),
        "datePosted": rfc3339(s.summary.published_at),
        "validThrough": rfc3339(r.expires_at),
        "employmentType": employment_type(r.contract, r.working_time),
        "hiringOrganization": { "@type": "Organization", "name": r.organisation },
        "totalJobOpenings": r.positions,
        "directApply": false,
    });
    let fields = posting.as_object_mut().expect("an object");
    if r.remote == RemoteMode::Totale {
        fields.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        fields.insert(
            "applicantLocationRequirements".into(),
            json!({ "@type": "Country", "name": "Italia" }),
        );
    }
    if !s.summary.comune_name.is_empty() {
        let mut address = json!({
            "@type": "PostalAddress",
            "addressLocality": s.summary.comune_name,
            "addressRegion": "SP",
            "postalCode": s.postal_code,
            "addressCountry": "IT",
        });
        if !r.address.is_empty() {
            address["streetAddress"] = Value::from(r.address.clone());
        }
        fields.insert(
            "jobLocation".into(),
            json!({ "@type": "Place", "address": address }),
        );
    }
    if let Some(min) = r.pay_min {
        fields.insert(
            "baseSalary".into(),
            json!({ "@type": "MonetaryAmount", "currency": "EUR",
                "value": { "@type": "QuantitativeValue", "minValue": min, "maxValue": r.pay_max.unwrap_or(min), "unitText": "YEAR" } }),
        );
    }
    // `</` would end the script element early.
    posting.to_string().replace("</", "<\\/")
}
