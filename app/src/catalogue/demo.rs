//! Demo courses and meetings for a portal started on its own (`DEMO_CONTENT=1`,
//! set by `scripts/run.sh`): every one flagged `demo`, shown with a
//! "Contenuto dimostrativo" badge, organised by real member bodies.

use super::domain::{Kind, Mode, Session, Status, Topic};
use super::repo::{insert_activity, ActivityRow};
use crate::db::Db;
use crate::kernel::clock::now;
use crate::kernel::dates::{from_local, local};

/// (kind, title, organiser, category, comune ISTAT, venue, mode, topic, target, seats, hours, days ahead, start hour, sessions)
type Demo = (
    Kind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Mode,
    Topic,
    &'static str,
    i64,
    i64,
    i64,
    i64,
    i64,
);

const DEMOS: [Demo; 8] = [
    (
        Kind::Corso,
        "Competenze digitali di base: email, SPID e documenti",
        "Cescot La Spezia",
        "ente_formazione",
        "011015",
        "Via del Molo 12, La Spezia",
        Mode::Presenza,
        Topic::CompetenzeDigitali,
        "over50",
        15,
        24,
        10,
        9,
        6,
    ),
    (
        Kind::Corso,
        "Saldatore a filo: corso con patentino",
        "Scuola Edile",
        "ente_formazione",
        "011027",
        "Via Variante Aurelia 5, Sarzana",
        Mode::Presenza,
        Topic::Mestieri,
        "disoccupati",
        12,
        120,
        14,
        8,
        10,
    ),
    (
        Kind::Corso,
        "Italiano per il lavoro (livello A2)",
        "CPIA La Spezia – Centro Provinciale Istruzione Adulti",
        "istruzione",
        "011013",
        "Biblioteca comunale, Follo",
        Mode::Presenza,
        Topic::Lingue,
        "stranieri",
        20,
        40,
        7,
        17,
        8,
    ),
    (
        Kind::Corso,
        "Accoglienza turistica e lingua inglese",
        "Ente Forma",
        "ente_formazione",
        "011016",
        "Piazza Garibaldi 1, Lerici",
        Mode::Misto,
        Topic::Turismo,
        "giovani",
        18,
        60,
        21,
        14,
        8,
    ),
    (
        Kind::Incontro,
        "I tuoi diritti nel contratto a termine",
        "CGIL",
        "sindacato",
        "011015",
        "Sala della Rete, Piazza Europa 1, La Spezia",
        Mode::Presenza,
        Topic::Diritti,
        "tutti",
        40,
        2,
        5,
        17,
        1,
    ),
    (
        Kind::Incontro,
        "Come si prepara un colloquio di lavoro",
        "Randstad",
        "agenzia_lavoro",
        "011027",
        "Sportello InfoLavoro, Sarzana",
        Mode::Presenza,
        Topic::RicercaLavoro,
        "tutti",
        25,
        2,
        9,
        10,
        1,
    ),
    (
        Kind::Incontro,
        "Aprire un'impresa: incentivi e primi passi",
        "Camera di Commercio Riviere di Liguria",
        "ente_pubblico",
        "011015",
        "Online",
        Mode::Online,
        Topic::Impresa,
        "tutti",
        100,
        2,
        12,
        15,
        1,
    ),
    (
        Kind::Incontro,
        "Lavorare in agricoltura: stagioni e contratti",
        "Coldiretti",
        "associazione_categoria",
        "011002",
        "Sala consiliare, Arcola",
        Mode::Presenza,
        Topic::Diritti,
        "tutti",
        30,
        2,
        16,
        18,
        1,
    ),
];

/// Inserts the demo activities once (when none is there yet).
pub async fn seed_demo(db: &Db) -> Result<(), sqlx::Error> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE demo = 1")
        .fetch_one(db.pool())
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let today = local(now());
    let mut tx = db.begin_write().await?;
    for (
        kind,
        title,
        organiser,
        category,
        istat,
        venue,
        mode,
        topic,
        target,
        seats,
        hours,
        ahead,
        hour,
        count,
    ) in DEMOS
    {
        let day0 = from_local(today.year, today.month, today.day, 12, 0) + ahead * 86_400;
        // Weekly sessions for courses, one for meetings.
        let sessions: Vec<Session> = (0..count)
            .map(|i| {
                let d = local(day0 + i * 7 * 86_400);
                let starts_at = from_local(d.year, d.month, d.day, hour, 0);
                let length = if kind == Kind::Corso {
                    hours / count
                } else {
                    hours
                };
                Session {
                    starts_at,
                    ends_at: starts_at + length.max(1) * 3_600,
                }
            })
            .collect();
        let row = ActivityRow {
            kind,
            title: title.into(),
            description: format!("{title}. Attività dimostrativa: mostra come appaiono sul portale i corsi e gli incontri degli enti della Rete per il Lavoro. Le date e i posti sono di prova."),
            organiser_name: organiser.into(),
            organiser_category: category.into(),
            comune_istat: istat.into(),
            venue: venue.into(),
            mode,
            topic,
            target_groups: vec![target.into()],
            total_hours: hours,
            seats,
            enrol_opens: now(),
            enrol_closes: sessions[0].starts_at,
            requirements: String::new(),
            certificate: if kind == Kind::Corso { "Attestato di frequenza".into() } else { String::new() },
            cost_cents: 0,
            skills: String::new(),
            status: Status::Pubblicato,
            sessions,
            demo: true,
        };
        insert_activity(&mut tx, &row, None).await?;
    }
    tx.commit().await
}
