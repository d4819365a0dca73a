//! `server gen-demo --profiles N`: demo candidates for trying the
//! businesses' search and for its benchmark. Each is a demo account (it
//! cannot sign in: no password) with one visible CV: roles, comune weighted
//! by population, reach, jobs with dates, education, languages on the CEFR
//! grid, licences, contracts. Idempotent: a run replaces the profiles of the
//! previous one, and the same N gives the same profiles.

use crate::cv::api::shared::completeness;
use crate::cv::domain::{
    CvDocument, DigitalSkills, Education, Experience, JobWishes, LanguageSkill, CEFR_LEVELS,
};
use crate::db::placeholders;
use crate::db::Db;
use crate::kernel::clock::now;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The demo accounts' addresses end so: nothing real can be confused with them.
pub const DEMO_DOMAIN: &str = "@demo.infolavoro.invalid";

/// (role, what it involves, skills)
const ROLES: &[(&str, &str, &str)] = &[
    (
        "Magazziniere",
        "Ricevimento merci e inventario",
        "transpallet, inventario, gestionale di magazzino",
    ),
    (
        "Carrellista",
        "Movimentazione con carrello elevatore",
        "patentino carrello elevatore, sicurezza",
    ),
    (
        "Aiuto cuoco",
        "Preparazione dei piatti e pulizia della cucina",
        "HACCP, cucina ligure",
    ),
    (
        "Cameriere di sala",
        "Servizio ai tavoli e accoglienza",
        "servizio al tavolo, vini, inglese con i clienti",
    ),
    (
        "Barista",
        "Caffetteria e aperitivi",
        "caffetteria, cassa, cocktail",
    ),
    (
        "Receptionist",
        "Accoglienza e prenotazioni",
        "booking, lingue, check-in",
    ),
    (
        "Addetto alle pulizie",
        "Pulizia di uffici e strutture ricettive",
        "macchinari per pulizia, turni",
    ),
    (
        "Operatore socio sanitario",
        "Assistenza a persone anziane",
        "assistenza, primo soccorso",
    ),
    (
        "Impiegato amministrativo",
        "Fatturazione e prima nota",
        "Excel, contabilità, fatturazione elettronica",
    ),
    (
        "Commesso",
        "Vendita e allestimento del negozio",
        "vendita, cassa, vetrine",
    ),
    (
        "Saldatore",
        "Saldatura a filo e a elettrodo",
        "saldatura TIG, MIG, lettura del disegno",
    ),
    (
        "Elettricista",
        "Impianti civili e industriali",
        "impianti elettrici, PES PAV",
    ),
    (
        "Autista patente C",
        "Consegne in provincia",
        "patente C, CQC, consegne",
    ),
    (
        "Manutentore nautico",
        "Manutenzione di imbarcazioni da diporto",
        "motori marini, vetroresina",
    ),
    (
        "Programmatore",
        "Sviluppo di applicazioni web",
        "Java, JavaScript, SQL",
    ),
    (
        "Educatore",
        "Attività educative per ragazzi",
        "animazione, laboratori",
    ),
];

const EMPLOYERS: &[&str] = &[
    "Logistica del Golfo",
    "Trattoria La Lanterna",
    "Hotel Belvedere",
    "Cantieri Riuniti",
    "Supermercato Centro",
    "Cooperativa Sociale Arcobaleno",
    "Studio Associato Rossi",
    "Officine Meccaniche Spezzine",
    "Porto Lotti",
];

const LANGUAGES: &[(&str, u32)] = &[
    ("Inglese", 60),
    ("Francese", 15),
    ("Spagnolo", 10),
    ("Tedesco", 8),
    ("Rumeno", 4),
    ("Arabo", 3),
];
const TRAVEL: &[(u16, u32)] = &[
    (0, 5),
    (5, 15),
    (10, 25),
    (15, 20),
    (25, 20),
    (50, 10),
    (100, 5),
];
const CONTRACTS: &[&str] = &[
    "indeterminato",
    "determinato",
    "apprendistato",
    "stagionale",
    "somministrazione",
];
const LICENCES: &[(&str, u32)] = &[
    ("B", 70),
    ("AM", 5),
    ("A", 8),
    ("C", 8),
    ("CE", 3),
    ("D", 2),
];

fn weighted<T: Copy>(rng: &mut StdRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (item, weight) in items {
        if pick < *weight {
            return *item;
        }
        pick -= weight;
    }
    items[0].0
}

fn month(rng: &mut StdRng, from_year: i32, to_year: i32) -> (i32, u8) {
    (
        rng.random_range(from_year..=to_year),
        rng.random_range(1..=12),
    )
}

/// One demo CV; `comuni` are (slug, population).
fn document(rng: &mut StdRng, i: usize, comuni: &[(String, u32)]) -> CvDocument {
    let (role, duty, skills) = ROLES[rng.random_range(0..ROLES.len())];
    let comune = {
        let total: u32 = comuni.iter().map(|(_, p)| p).sum();
        let mut pick = rng.random_range(0..total.max(1));
        comuni
            .iter()
            .find(|(_, p)| {
                let hit = pick < *p;
                pick = pick.saturating_sub(*p);
                hit
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    };
    let mut experience = Vec::new();
    let mut year = 2026 - rng.random_range(0..4);
    for n in 0..rng.random_range(0..4) {
        let length = rng.random_range(1..6);
        let (from_year, from_month) = month(rng, year - length, year - 1);
        experience.push(Experience {
            role: if n == 0 {
                role.to_string()
            } else {
                ROLES[rng.random_range(0..ROLES.len())].0.to_string()
            },
            employer: EMPLOYERS[rng.random_range(0..EMPLOYERS.len())].to_string(),
            place: comune.replace('-', " "),
            from: format!("{from_year}-{from_month:02}"),
            to: if n == 0 && rng.random_bool(0.4) {
                String::new()
            } else {
                format!("{year}-{:02}", rng.random_range(1..=12))
            },
            current: false,
            activities: duty.to_string(),
        });
        if experience[n].to.is_empty() {
            experience[n].current = true;
        }
        year = from_year;
    }
    let level = |rng: &mut StdRng| CEFR_LEVELS[rng.random_range(0..CEFR_LEVELS.len())].to_string();
    let mut languages: Vec<LanguageSkill> = (0..rng.random_range(0..3))
        .map(|_| {
            let base = level(rng);
            LanguageSkill {
                language: weighted(rng, LANGUAGES).to_string(),
                listening: base.clone(),
                reading: base.clone(),
                interaction: level(rng),
                production: base.clone(),
                writing: base,
                certificates: String::new(),
            }
        })
        .collect();
    // Two draws may pick one language: a profile lists each once.
    languages.sort_by(|a, b| a.language.cmp(&b.language));
    languages.dedup_by(|a, b| a.language == b.language);
    let eqf = [2u8, 3, 3, 4, 4, 4, 6, 7][rng.random_range(0..8)];
    CvDocument {
        headline: format!("{role} – profilo dimostrativo {i}"),
        profile: format!("{duty}. Contenuto dimostrativo: la persona non esiste."),
        experience,
        education: vec![Education {
            title: match eqf {
                2 => "Licenza media",
                3 => "Qualifica professionale",
                4 => "Diploma di scuola superiore",
                6 => "Laurea triennale",
                _ => "Laurea magistrale",
            }
            .into(),
            institution: "Istituto della provincia".into(),
            eqf,
            ..Default::default()
        }],
        mother_tongues: vec!["Italiano".into()],
        languages,
        digital: DigitalSkills {
            communication: ["base", "intermedio", "avanzato"][rng.random_range(0..3)].into(),
            ..Default::default()
        },
        licences: (0..rng.random_range(0..3))
            .map(|_| weighted(rng, LICENCES).to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        other_skills: skills.to_string(),
        wishes: JobWishes {
            roles: role.to_lowercase(),
            travel_km: weighted(rng, TRAVEL),
            available_from: if rng.random_ratio(1, 4) {
                format!("2027-{:02}-01", rng.random_range(1..=6))
            } else {
                String::new()
            },
            contracts: CONTRACTS
                .iter()
                .filter(|_| rng.random_bool(0.4))
                .map(|c| c.to_string())
                .collect(),
        },
        personal: crate::cv::domain::Personal {
            comune,
            first_name: "Persona".into(),
            last_name: format!("Dimostrativa {i}"),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Replaces the demo profiles with `count` new ones; returns how many.
pub async fn generate(db: &Db, count: usize) -> Result<usize, sqlx::Error> {
    let comuni: Vec<(String, u32)> = crate::kernel::geo::places(db)
        .await?
        .into_iter()
        .map(|c| (c.slug, c.population.max(1) as u32))
        .collect();
    let at = now();
    let mut rng = StdRng::seed_from_u64(2027);
    let mut tx = db.begin_write().await?;
    let demo_users = format!("SELECT id FROM users WHERE email LIKE '%{DEMO_DOMAIN}'");
    for statement in [
        format!("DELETE FROM cvs WHERE owner_id IN ({demo_users})"),
        format!("DELETE FROM profile_views WHERE citizen_id IN ({demo_users})"),
        format!("DELETE FROM contact_requests WHERE citizen_id IN ({demo_users})"),
        format!("DELETE FROM users WHERE email LIKE '%{DEMO_DOMAIN}'"),
    ] {
        sqlx::query(&statement).execute(&mut *tx).await?;
    }
    const BATCH: usize = 400;
    let mut made = 0;
    while made < count {
        let n = BATCH.min(count - made);
        let values: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "({}, 'cittadino', 'attivo', 1, {at})",
                    placeholders(i * 2 + 1, 2)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO users (email, display_name, role, status, email_verified, created_at) VALUES {} RETURNING id",
            values.join(", ")
        );
        let mut query = sqlx::query_scalar::<_, i64>(&sql);
        for i in made..made + n {
            query = query
                .bind(format!("profilo-{i}{DEMO_DOMAIN}"))
                .bind(format!("Persona dimostrativa {i}"));
        }
        let ids = query.fetch_all(&mut *tx).await?;
        let docs: Vec<(i64, String, i64)> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let doc = document(&mut rng, made + k, &comuni);
                let text = serde_json::to_string(&doc).unwrap_or_default();
                (*id, text, i64::from(completeness(&doc)))
            })
            .collect();
        let values: Vec<String> = (0..docs.len())
            .map(|i| {
                format!(
                    "({}, 'CV dimostrativo', 'it', 1, 1, {at}, {at})",
                    placeholders(i * 3 + 1, 3)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO cvs (owner_id, document, completeness, name, language, revision, visible, created_at, updated_at) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (id, text, complete) in &docs {
            query = query.bind(*id).bind(text.as_str()).bind(*complete);
        }
        query.execute(&mut *tx).await?;
        made += n;
    }
    tx.commit().await?;
    Ok(made)
}
