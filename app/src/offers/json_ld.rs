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

/// The offer's text as the HTML Google reads: a paragraph per blank-line
/// block, a list where every line of a block starts with "- " or "• ", a
/// line break where the writer pressed Enter.
fn description_html(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<&str> = block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let item = |line: &str| {
                line.strip_prefix("- ")
                    .or_else(|| line.strip_prefix("• "))
                    .map(str::to_string)
            };
            let items: Option<Vec<String>> = lines.iter().map(|l| item(l)).collect();
            match items {
                Some(items) => format!(
                    "<ul>{}</ul>",
                    items
                        .iter()
                        .map(|i| format!("<li>{}</li>", crate::offers::feeds::xml(i)))
                        .collect::<String>()
                ),
                None => format!(
                    "<p>{}</p>",
                    lines
                        .iter()
                        .map(|l| crate::offers::feeds::xml(l))
                        .collect::<Vec<_>>()
                        .join("<br>")
                ),
            }
        })
        .collect()
}

/// The JSON-LD, ready to sit in a `<script type="application/ld+json">`.
pub fn job_posting(s: &Stored, base: &str) -> String {
    let r = &s.row;
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": r.title,
        "description": description_html(&r.description),
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

#[cfg(test)]
mod tests {
    use super::description_html;

    #[test]
    fn lists_and_line_breaks_become_html() {
        let text = "Cerchiamo un magazziniere.\nSede a Sarzana.\n\n- carico e scarico\n- inventario\n\nOrario <pieno>";
        assert_eq!(
            description_html(text),
            "<p>Cerchiamo un magazziniere.<br>Sede a Sarzana.</p>\
             <ul><li>carico e scarico</li><li>inventario</li></ul>\
             <p>Orario &lt;pieno&gt;</p>"
        );
    }
}
