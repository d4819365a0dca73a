//! `server gen-demo --offers N`: realistic demo offers for trying the portal
//! and for the benchmarks. Italian job titles and descriptions, comuni
//! weighted by population, sectors, contracts and dates. Idempotent: a run
//! replaces the offers of the previous one (`demo = 2`), and the same N gives
//! the same offers (a fixed seed).

use super::domain::{Contract, OfferKind, RemoteMode, WorkingTime};
use super::repo::{bind_row, OfferRow, ROW_COLUMNS};
use crate::db::placeholders;
use crate::db::Db;
use crate::kernel::clock::now;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// (title, ATECO section, CP2021 group, what the job is, EQF level required).
const ROLES: &[(&str, &str, &str, &str, i64)] = &[
    (
        "Magazziniere",
        "H",
        "8",
        "ricevimento e spedizione merci, inventario, uso del transpallet",
        2,
    ),
    (
        "Carrellista con patentino",
        "H",
        "7",
        "movimentazione merci con carrello elevatore nel porto e nei depositi",
        2,
    ),
    (
        "Aiuto cuoco",
        "I",
        "5",
        "preparazione dei piatti, pulizia della cucina, supporto allo chef",
        2,
    ),
    (
        "Cuoco capo partita",
        "I",
        "5",
        "gestione della partita, menu del giorno, ordini ai fornitori",
        3,
    ),
    (
        "Cameriere di sala",
        "I",
        "5",
        "servizio ai tavoli, accoglienza dei clienti, comande",
        2,
    ),
    (
        "Barista",
        "I",
        "5",
        "caffetteria, aperitivi, cassa e riordino del banco",
        2,
    ),
    (
        "Receptionist d'albergo",
        "I",
        "4",
        "check-in e check-out, prenotazioni, informazioni turistiche in inglese",
        4,
    ),
    (
        "Addetto alle pulizie",
        "N",
        "8",
        "pulizia di uffici, scale e spazi comuni",
        1,
    ),
    (
        "Cameriera ai piani",
        "I",
        "8",
        "riassetto delle camere e della biancheria in struttura ricettiva",
        1,
    ),
    (
        "Commesso di negozio",
        "G",
        "5",
        "vendita assistita, allestimento vetrine, cassa",
        3,
    ),
    (
        "Cassiere di supermercato",
        "G",
        "5",
        "cassa, rifornimento scaffali, assistenza ai clienti",
        3,
    ),
    (
        "Addetto al banco gastronomia",
        "G",
        "5",
        "taglio e confezionamento di salumi e formaggi, servizio al banco",
        2,
    ),
    (
        "Operaio edile",
        "F",
        "6",
        "lavori di muratura, getti, montaggio ponteggi in cantiere",
        1,
    ),
    (
        "Elettricista",
        "F",
        "6",
        "impianti elettrici civili e industriali, manutenzione e collaudi",
        3,
    ),
    (
        "Idraulico",
        "F",
        "6",
        "installazione e riparazione di impianti idraulici e termici",
        3,
    ),
    (
        "Saldatore a filo",
        "C",
        "6",
        "saldatura MIG/MAG di carpenteria metallica per la cantieristica",
        3,
    ),
    (
        "Carpentiere navale",
        "C",
        "6",
        "lavorazioni di carpenteria su scafi e allestimento di yacht",
        3,
    ),
    (
        "Verniciatore nautico",
        "C",
        "6",
        "preparazione delle superfici e verniciatura di imbarcazioni",
        2,
    ),
    (
        "Meccanico di officina",
        "G",
        "6",
        "diagnosi e riparazione di automezzi, tagliandi",
        3,
    ),
    (
        "Tornitore CNC",
        "C",
        "7",
        "programmazione e conduzione di torni a controllo numerico",
        4,
    ),
    (
        "Operatore di produzione",
        "C",
        "7",
        "conduzione di linee di produzione e controllo qualità",
        2,
    ),
    (
        "Autista patente C",
        "H",
        "7",
        "consegne sul territorio provinciale con mezzo pesante",
        2,
    ),
    (
        "Autista di autobus",
        "H",
        "7",
        "trasporto pubblico locale, patente D e CQC persone",
        2,
    ),
    (
        "Addetto alle consegne",
        "H",
        "8",
        "consegne a domicilio con furgone aziendale",
        1,
    ),
    (
        "Impiegato amministrativo",
        "M",
        "4",
        "contabilità, fatturazione, prima nota e rapporti con i clienti",
        4,
    ),
    (
        "Segretaria di studio medico",
        "Q",
        "4",
        "accoglienza dei pazienti, agenda, telefono",
        4,
    ),
    (
        "Contabile",
        "M",
        "3",
        "contabilità generale, adempimenti fiscali, bilanci",
        6,
    ),
    (
        "Addetto paghe e contributi",
        "M",
        "3",
        "elaborazione cedolini, contributi, pratiche del personale",
        6,
    ),
    (
        "Sviluppatore software",
        "J",
        "2",
        "sviluppo di applicazioni web, basi di dati, lavoro in gruppo",
        6,
    ),
    (
        "Tecnico informatico",
        "J",
        "3",
        "assistenza ai computer, reti aziendali, help desk",
        4,
    ),
    (
        "Infermiere",
        "Q",
        "3",
        "assistenza infermieristica in reparto e sul territorio",
        6,
    ),
    (
        "Operatore socio sanitario (OSS)",
        "Q",
        "5",
        "assistenza alla persona in residenza per anziani",
        3,
    ),
    (
        "Educatore professionale",
        "Q",
        "3",
        "progetti educativi con minori e persone con disabilità",
        6,
    ),
    (
        "Assistente familiare (badante)",
        "T",
        "5",
        "assistenza a persona anziana, pasti, accompagnamento",
        1,
    ),
    (
        "Baby sitter",
        "T",
        "5",
        "cura dei bambini dopo la scuola e accompagnamento",
        1,
    ),
    (
        "Giardiniere",
        "N",
        "6",
        "manutenzione del verde, potature, irrigazione",
        1,
    ),
    (
        "Operaio agricolo",
        "A",
        "6",
        "lavori in vigna e in oliveto, vendemmia e raccolta",
        1,
    ),
    (
        "Pescatore marittimo",
        "A",
        "6",
        "pesca e mitilicoltura nel golfo",
        1,
    ),
    (
        "Bagnino",
        "R",
        "5",
        "sorveglianza della spiaggia e primo soccorso, brevetto di salvamento",
        2,
    ),
    (
        "Animatore turistico",
        "R",
        "5",
        "animazione per bambini e adulti in villaggio turistico",
        3,
    ),
    (
        "Guida turistica",
        "N",
        "3",
        "visite guidate alle Cinque Terre e a Portovenere in più lingue",
        4,
    ),
    (
        "Insegnante di inglese",
        "P",
        "2",
        "corsi di lingua per adulti e ragazzi",
        6,
    ),
    (
        "Addetto all'ufficio acquisti",
        "C",
        "4",
        "ordini ai fornitori, confronto preventivi, gestionale",
        4,
    ),
    (
        "Disegnatore tecnico CAD",
        "M",
        "3",
        "disegno meccanico e navale con AutoCAD e SolidWorks",
        4,
    ),
    (
        "Geometra di cantiere",
        "F",
        "3",
        "contabilità di cantiere, sicurezza, rapporti con la direzione lavori",
        4,
    ),
    (
        "Operatore di call center",
        "N",
        "4",
        "assistenza clienti al telefono e via chat",
        3,
    ),
    (
        "Estetista",
        "S",
        "5",
        "trattamenti viso e corpo, manicure, accoglienza",
        3,
    ),
    (
        "Parrucchiere",
        "S",
        "5",
        "taglio, piega e colore in salone",
        3,
    ),
    (
        "Panettiere",
        "C",
        "6",
        "produzione di pane e focaccia nel turno di notte",
        2,
    ),
    (
        "Pasticcere",
        "C",
        "6",
        "produzione di pasticceria fresca e secca",
        3,
    ),
];

const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    " junior",
    " esperto",
    " per la stagione estiva",
    " part-time",
    " anche prima esperienza",
    " con esperienza",
    " su turni",
];

const BUSINESSES: &[&str] = &[
    "Cantieri del Golfo (demo)",
    "Hotel Belvedere (demo)",
    "Trattoria del Porto (demo)",
    "Logistica Spezzina (demo)",
    "Supermercati Val di Magra (demo)",
    "Edil Lunigiana (demo)",
    "Studio Associato Rossi (demo)",
    "Cooperativa Sociale Il Faro (demo)",
    "Officine Meccaniche Arcola (demo)",
    "Residenza Villa Serena (demo)",
    "Agenzia Turismo Cinque Terre (demo)",
    "Informatica Ligure (demo)",
    "Panificio Bianchi (demo)",
    "Autolinee della Riviera (demo)",
    "Vivai della Val di Vara (demo)",
];

const CONTRACTS: &[(Contract, u32)] = &[
    (Contract::Indeterminato, 25),
    (Contract::Determinato, 35),
    (Contract::Apprendistato, 10),
    (Contract::Somministrazione, 12),
    (Contract::Stagionale, 12),
    (Contract::Collaborazione, 6),
];

fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (item, weight) in items {
        if pick < *weight {
            return item;
        }
        pick -= weight;
    }
    &items[0].0
}

/// One demo offer; `comuni` are (istat code, population).
fn offer(rng: &mut StdRng, comuni: &[(String, u32)], at: i64) -> (OfferRow, i64) {
    let (role, sector, profession, duties, education) = ROLES[rng.random_range(0..ROLES.len())];
    let internship = rng.random_ratio(15, 100);
    let qualifier = if internship {
        " (tirocinio)"
    } else {
        QUALIFIERS[rng.random_range(0..QUALIFIERS.len())]
    };
    let business = BUSINESSES[rng.random_range(0..BUSINESSES.len())];
    let remote = if profession <= "4" && rng.random_ratio(1, 6) {
        if rng.random_bool(0.5) {
            RemoteMode::Totale
        } else {
            RemoteMode::Ibrido
        }
    } else {
        RemoteMode::No
    };
    let comune = (remote != RemoteMode::Totale).then(|| weighted(rng, comuni).clone());
    let contract = if internship {
        Contract::Tirocinio
    } else {
        *weighted(rng, CONTRACTS)
    };
    let part_time = qualifier.contains("part-time") || rng.random_ratio(1, 5);
    let hours = if part_time {
        "part-time, 20-30 ore settimanali"
    } else {
        "tempo pieno, 40 ore settimanali"
    };
    let contract_words = contract.code();
    let description = format!(
        "{business} cerca {role}{qualifier}.\n\nAttività principali: {duties}.\n\n\
         Si offre: contratto {contract_words}, {hours}, formazione iniziale in affiancamento. \
         Si richiedono puntualità, voglia di imparare e lavoro di squadra.\n\n\
         Contenuto dimostrativo generato per provare il portale: l'offerta non è reale."
    );
    let published = at - rng.random_range(0..45 * 86_400);
    let expires = at + rng.random_range(3 * 86_400..85 * 86_400);
    let pay = rng
        .random_ratio(1, 2)
        .then(|| rng.random_range(16..32) * 1000);
    let row = OfferRow {
        kind: if internship {
            OfferKind::Tirocinio
        } else {
            OfferKind::Lavoro
        },
        title: format!("{role}{qualifier}"),
        description,
        organisation: business.into(),
        comune_istat: comune,
        address: String::new(),
        remote,
        sector: sector.into(),
        profession: profession.into(),
        contract,
        working_time: if part_time {
            WorkingTime::Parziale
        } else {
            WorkingTime::Pieno
        },
        education: if internship {
            education.min(4)
        } else {
            education
        },
        languages: if sector == "I" || sector == "N" {
            "Inglese B1".into()
        } else {
            String::new()
        },
        licence: if duties.contains("patente") || role.starts_with("Autista") {
            "C".into()
        } else {
            String::new()
        },
        pay_min: pay,
        pay_max: pay.map(|p| p + 4000),
        positions: rng.random_range(1..4),
        expires_at: expires,
    };
    (row, published)
}

/// Replaces the generated offers with `count` new ones; returns how many.
pub async fn generate(db: &Db, count: usize) -> Result<usize, sqlx::Error> {
    let comuni: Vec<(String, u32)> = crate::kernel::geo::places(db)
        .await?
        .into_iter()
        .map(|c| (c.istat_code, c.population.max(1) as u32))
        .collect();
    let at = now();
    let mut rng = StdRng::seed_from_u64(2026);
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM offers WHERE demo = 2")
        .execute(&mut *tx)
        .await?;
    // Many rows per statement: 100k offers in a few seconds on either engine.
    const BATCH: usize = 500;
    let mut made = 0;
    while made < count {
        let n = BATCH.min(count - made);
        let rows: Vec<(OfferRow, i64)> = (0..n).map(|_| offer(&mut rng, &comuni, at)).collect();
        let values: Vec<String> = (0..n)
            .map(|i| format!("({}, 'pubblicata', 2, {at})", placeholders(i * 20 + 1, 20)))
            .collect();
        let sql = format!(
            "INSERT INTO offers ({}, published_at, created_at, status, demo, updated_at) VALUES {}",
            ROW_COLUMNS.join(", "),
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (row, published) in &rows {
            query = bind_row(query, row).bind(*published).bind(*published);
        }
        query.execute(&mut *tx).await?;
        made += n;
    }
    tx.commit().await?;
    Ok(made)
}

/// The demo portal's offers: generated once, on a database that has none.
pub async fn seed_if_empty(db: &Db, count: usize) -> Result<(), sqlx::Error> {
    let any: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offers WHERE demo > 0")
        .fetch_one(db.pool())
        .await?;
    if any == 0 {
        generate(db, count).await?;
    }
    Ok(())
}
