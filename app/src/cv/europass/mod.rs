//! Europass XML (the Europass CV schema v3.4, Cedefop) both ways: the file's
//! shape here, our CV into it in `export`, a file into a CV in `import`.
//!
//! The shape names only what the CV has a place for; a file from the Europass
//! site brings more (photo, attachments, printing preferences, sectors),
//! which reading skips. The field order is the schema's element order: the
//! serializer writes fields in order, and `xs:sequence` is checked.
//!
//! What Europass has no element for (the profile, volunteering, interests)
//! travels in achievements with our own title, which the import recognises;
//! certifications and courses are achievements of their codes. The job
//! wishes and the own vehicle stay in the portal (JSON Resume carries them).
//!
//! The tests validate the export against the official XSD with xmllint
//! (`server/tests/europass/`, where the schema and its licence are).

mod export;
mod import;
#[cfg(test)]
mod tests;

pub use export::export;
pub use import::{import, looks_like_xml, plain_text, ImportError, Imported};

use serde::{Deserialize, Serialize};

pub const NAMESPACE: &str = "http://europass.cedefop.europa.eu/Europass";

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillsPassport {
    #[serde(rename = "@xmlns")]
    pub xmlns: String,
    #[serde(rename = "@locale")]
    pub locale: String,
    #[serde(rename = "DocumentInfo")]
    pub document_info: DocumentInfo,
    #[serde(rename = "LearnerInfo")]
    pub learner_info: Option<LearnerInfo>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DocumentInfo {
    pub document_type: String,
    pub creation_date: String,
    pub last_update_date: String,
    #[serde(rename = "XSDVersion")]
    pub xsd_version: String,
    pub generator: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct LearnerInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identification: Option<Identification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<Headline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work_experience_list: Option<WorkList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education_list: Option<EducationList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Skills>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement_list: Option<AchievementList>,
}

/// A code and its words (`<Code>`, `<Label>`), both optional in the schema.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Coded {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
}

impl Coded {
    pub fn label(label: &str) -> Self {
        Self {
            label: label.trim().to_string(),
            ..Default::default()
        }
    }

    /// The words, or the code when the file gave no words.
    pub fn words(&self) -> String {
        match self.label.trim() {
            "" => self.code.trim().to_string(),
            label => label.to_string(),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Identification {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_name: Option<PersonName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_info: Option<ContactInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demographics: Option<Demographics>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PersonName {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub surname: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ContactInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressHolder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Contact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telephone_list: Option<TelephoneList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website_list: Option<WebsiteList>,
}

/// An e-mail address, a telephone or a website: the schema's `<Contact>`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Contact {
    pub contact: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct TelephoneList {
    pub telephone: Vec<Contact>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct WebsiteList {
    pub website: Vec<Contact>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AddressHolder {
    pub contact: Address,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Address {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address_line: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address_line2: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub municipality: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Coded>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Demographics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationality_list: Option<NationalityList>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NationalityList {
    pub nationality: Vec<Coded>,
}

/// A date as the schema writes it: `year="2019" month="--03" day="---07"`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Date {
    #[serde(rename = "@year")]
    pub year: String,
    #[serde(rename = "@month", skip_serializing_if = "String::is_empty")]
    pub month: String,
    #[serde(rename = "@day", skip_serializing_if = "String::is_empty")]
    pub day: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Headline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<Coded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Coded>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<bool>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct WorkList {
    pub work_experience: Vec<Work>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Work {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Coded>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub activities: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<Organisation>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Organisation {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_info: Option<OrganisationContact>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct OrganisationContact {
    pub address: Option<AddressHolder>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct EducationList {
    pub education: Vec<Study>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Study {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub activities: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Organisation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Coded>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Skills {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linguistic: Option<Linguistic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communication: Option<Described>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisational: Option<Described>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_related: Option<Described>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computer: Option<Computer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driving: Option<Driving>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<Described>,
}

/// A skill told in words (`<Description>`).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Described {
    pub description: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Linguistic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mother_tongue_list: Option<MotherTongueList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foreign_language_list: Option<ForeignLanguageList>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MotherTongueList {
    pub mother_tongue: Vec<MotherTongue>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MotherTongue {
    pub description: Coded,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ForeignLanguageList {
    pub foreign_language: Vec<ForeignLanguage>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ForeignLanguage {
    pub description: Coded,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency_level: Option<Cefr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_by: Option<Certificates>,
}

/// The CEFR self-assessment grid.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Cefr {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub listening: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reading: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub spoken_interaction: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub spoken_production: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub writing: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Certificates {
    pub certificate: Vec<Certificate>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Certificate {
    pub title: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Computer {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency_level: Option<DigitalGrid>,
}

/// The five DigComp areas, each `A` (basic), `B` (independent) or `C` (proficient).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DigitalGrid {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub information: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub communication: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub content_creation: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub safety: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub problem_solving: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Driving {
    pub description: Licences,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Licences {
    pub licence: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AchievementList {
    pub achievement: Vec<Achievement>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Achievement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Coded>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// DigComp levels: ours and the schema's letters, in the same order.
const DIGITAL_LEVELS: [(&str, &str); 3] = [("base", "A"), ("intermedio", "B"), ("avanzato", "C")];
