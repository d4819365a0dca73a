//! A complete CV with every section filled in: the reference document of the
//! export tests and of the PDF benchmark.

use super::domain::{
    Certification, CvDocument, DigitalSkills, Education, Experience, JobWishes, LanguageSkill,
    Personal,
};

pub fn complete() -> CvDocument {
    let s = |t: &str| t.to_string();
    CvDocument {
        personal: Personal {
            first_name: s("Giulia"),
            last_name: s("Ferrari"),
            email: s("giulia.ferrari@example.it"),
            phone: s("+39 0187 555 0123"),
            address: s("Via del Prione 12"),
            comune: s("la-spezia"),
            birth_date: s("1991-04-23"),
            nationality: s("Italiana"),
            website: s("https://example.it/giulia"),
        },
        headline: s("Addetta alla logistica e al magazzino"),
        profile: s("Dieci anni di lavoro in magazzino e nella logistica portuale.\nPrecisa, abituata ai turni e al lavoro in squadra."),
        experience: vec![
            Experience {
                role: s("Capoturno di magazzino"),
                employer: s("Logistica del Golfo Srl"),
                place: s("Santo Stefano di Magra"),
                from: s("2019-03"),
                to: String::new(),
                current: true,
                activities: s("Coordinato una squadra di sei persone\nGestito inventari e spedizioni con il gestionale"),
            },
            Experience {
                role: s("Magazziniera"),
                employer: s("Porto Mercantile Spezzino"),
                place: s("La Spezia"),
                from: s("2014-06"),
                to: s("2019-02"),
                current: false,
                activities: s("Carico e scarico container con carrello elevatore"),
            },
        ],
        education: vec![
            Education {
                title: s("Diploma di perito commerciale"),
                institution: s("Istituto Tecnico Fossati-Da Passano"),
                place: s("La Spezia"),
                eqf: 4,
                from: s("2005-09"),
                to: s("2010-07"),
                current: false,
                details: s("Indirizzo amministrazione, finanza e marketing"),
            },
            Education {
                title: s("Corso per addetti alla conduzione di carrelli elevatori"),
                institution: s("Ente Scuola Edile Spezzino"),
                place: s("Sarzana"),
                eqf: 0,
                from: s("2014-02"),
                to: s("2014-03"),
                current: false,
                details: String::new(),
            },
        ],
        mother_tongues: vec![s("Italiano")],
        languages: vec![
            LanguageSkill {
                language: s("Inglese"),
                listening: s("B2"),
                reading: s("B2"),
                interaction: s("B1"),
                production: s("B1"),
                writing: s("B1"),
                certificates: s("PET Cambridge"),
            },
            LanguageSkill {
                language: s("Francese"),
                listening: s("A2"),
                reading: s("A2"),
                interaction: s("A1"),
                production: s("A1"),
                writing: s("A1"),
                certificates: String::new(),
            },
        ],
        digital: DigitalSkills {
            information: s("intermedio"),
            communication: s("intermedio"),
            content: s("base"),
            safety: s("base"),
            problem_solving: s("intermedio"),
            tools: s("Excel, gestionali di magazzino, lettori di codici a barre"),
        },
        licences: vec![s("B"), s("C1")],
        own_vehicle: true,
        other_skills: s("Primo soccorso aziendale; addetta antincendio"),
        certifications: vec![Certification {
            name: s("Patentino per carrelli elevatori"),
            issuer: s("Ente Scuola Edile Spezzino"),
            date: s("2014-03"),
        }],
        volunteering: vec![Experience {
            role: s("Volontaria"),
            employer: s("Pubblica Assistenza"),
            place: s("Lerici"),
            from: s("2016-01"),
            to: String::new(),
            current: true,
            activities: s("Servizio di trasporto sociale il sabato"),
        }],
        interests: s("Vela, trekking alle Cinque Terre"),
        wishes: JobWishes {
            roles: s("magazziniera, capoturno logistica"),
            travel_km: 25,
            available_from: String::new(),
            contracts: vec![s("indeterminato"), s("determinato")],
        },
    }
}
