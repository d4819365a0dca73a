//! Italian relevance of the offers' search: for each query, the offers that
//! must come first (and those that must not appear), on a small corpus that
//! reads like the province's offers.

use super::domain::{Contract, OfferKind, OfferQuery, OfferSummary, RemoteMode, WorkingTime};
use super::index::{IndexedOffer, OfferIndex};
use crate::kernel::geo::Place;

const NOW: i64 = 1_800_000_000;
const DAY: i64 = 86_400;

pub(super) fn places() -> Vec<Place> {
    [
        ("la-spezia", "La Spezia", 44.1025, 9.8241),
        ("sarzana", "Sarzana", 44.1114, 9.9594),
        ("arcola", "Arcola", 44.1146, 9.9059),
        ("lerici", "Lerici", 44.0757, 9.9111),
        ("follo", "Follo", 44.1629, 9.8614),
        ("levanto", "Levanto", 44.1693, 9.6114),
    ]
    .into_iter()
    .map(|(slug, name, latitude, longitude)| Place {
        istat_code: String::new(),
        slug: slug.into(),
        name: name.into(),
        latitude,
        longitude,
        population: 0,
    })
    .collect()
}

/// (id, title, description, comune, kind, contract, days since posting)
const CORPUS: &[(i64, &str, &str, &str, &str, &str, i64)] = &[
    (
        1,
        "Magazziniere con patentino",
        "Carico e scarico merci nel deposito, uso del carrello elevatore.",
        "sarzana",
        "lavoro",
        "determinato",
        2,
    ),
    (
        2,
        "Addetto al magazzino",
        "Gestione delle scorte e inventario. Si valutano anche magazzinieri senza esperienza.",
        "la-spezia",
        "lavoro",
        "somministrazione",
        5,
    ),
    (
        3,
        "Aiuto cuoco",
        "Preparazione dei piatti in ristorante sul mare, supporto allo chef.",
        "lerici",
        "lavoro",
        "stagionale",
        1,
    ),
    (
        4,
        "Cuoco capo partita",
        "Gestione della partita dei primi in cucina, menu di pesce.",
        "la-spezia",
        "lavoro",
        "indeterminato",
        10,
    ),
    (
        5,
        "Cameriere di sala",
        "Servizio ai tavoli in trattoria, anche senza esperienza.",
        "levanto",
        "lavoro",
        "stagionale",
        3,
    ),
    (
        6,
        "Infermiere professionale",
        "Assistenza infermieristica in residenza per anziani, turni.",
        "sarzana",
        "lavoro",
        "indeterminato",
        7,
    ),
    (
        7,
        "Operatore socio sanitario",
        "Assistenza alla persona in struttura: igiene, pasti, compagnia.",
        "follo",
        "lavoro",
        "determinato",
        4,
    ),
    (
        8,
        "Saldatore a filo",
        "Saldatura MIG MAG di carpenteria metallica per la cantieristica navale.",
        "la-spezia",
        "lavoro",
        "indeterminato",
        6,
    ),
    (
        9,
        "Carpentiere navale",
        "Lavorazioni su scafi di yacht nel cantiere di Pagliari.",
        "la-spezia",
        "lavoro",
        "determinato",
        8,
    ),
    (
        10,
        "Elettricista industriale",
        "Impianti elettrici in cantiere navale, lettura di schemi.",
        "arcola",
        "lavoro",
        "indeterminato",
        12,
    ),
    (
        11,
        "Tirocinio in contabilità",
        "Affiancamento all'ufficio amministrativo: fatture, prima nota.",
        "sarzana",
        "tirocinio",
        "tirocinio",
        2,
    ),
    (
        12,
        "Tirocinio receptionist",
        "Accoglienza degli ospiti in albergo, prenotazioni, inglese.",
        "lerici",
        "tirocinio",
        "tirocinio",
        9,
    ),
    (
        13,
        "Sviluppatore software",
        "Sviluppo di applicazioni web in Rust e TypeScript, basi di dati.",
        "la-spezia",
        "lavoro",
        "indeterminato",
        1,
    ),
    (
        14,
        "Tecnico informatico",
        "Assistenza ai computer degli uffici e alle reti aziendali.",
        "arcola",
        "lavoro",
        "apprendistato",
        15,
    ),
    (
        15,
        "Autista patente C",
        "Consegne con mezzo pesante in provincia, partenza dal deposito.",
        "follo",
        "lavoro",
        "determinato",
        20,
    ),
    (
        16,
        "Commessa di negozio",
        "Vendita di abbigliamento, allestimento vetrine, cassa.",
        "sarzana",
        "lavoro",
        "determinato",
        11,
    ),
    (
        17,
        "Badante convivente",
        "Assistenza a una signora anziana: pasti, spesa, compagnia. Perché serve pazienza.",
        "la-spezia",
        "lavoro",
        "indeterminato",
        13,
    ),
    (
        18,
        "Pulizie uffici",
        "Addetto alle pulizie di uffici e scale, part-time la mattina.",
        "la-spezia",
        "lavoro",
        "determinato",
        14,
    ),
    (
        19,
        "Giardiniere",
        "Manutenzione del verde di ville e condomini, potature.",
        "lerici",
        "lavoro",
        "stagionale",
        16,
    ),
    (
        20,
        "Insegnante di inglese",
        "Corsi di lingua inglese per adulti la sera.",
        "sarzana",
        "lavoro",
        "collaborazione",
        17,
    ),
    (
        21,
        "Panettiere",
        "Produzione di pane e focaccia nel turno di notte.",
        "arcola",
        "lavoro",
        "indeterminato",
        18,
    ),
    (
        22,
        "Bagnino di salvataggio",
        "Sorveglianza della spiaggia, brevetto di salvamento richiesto.",
        "levanto",
        "lavoro",
        "stagionale",
        19,
    ),
    (
        23,
        "Impiegata amministrativa",
        "Contabilità, fatturazione elettronica e rapporti con i fornitori.",
        "la-spezia",
        "lavoro",
        "determinato",
        21,
    ),
    (
        24,
        "Operatore di call center da casa",
        "Assistenza ai clienti al telefono, lavoro da remoto.",
        "",
        "lavoro",
        "collaborazione",
        3,
    ),
];

fn index() -> OfferIndex {
    let places = places();
    let mut index = OfferIndex::new(places.clone());
    for &(id, title, body, comune, kind, contract, days) in CORPUS {
        let name = places
            .iter()
            .find(|p| p.slug == comune)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        index.upsert(IndexedOffer {
            summary: OfferSummary {
                id,
                kind: OfferKind::from_code(kind).expect("a kind"),
                title: title.into(),
                organisation: "Impresa di prova".into(),
                comune_slug: comune.into(),
                comune_name: name,
                remote: if comune.is_empty() {
                    RemoteMode::Totale
                } else {
                    RemoteMode::No
                },
                contract: Contract::from_code(contract).expect("a contract"),
                working_time: WorkingTime::Pieno,
                published_at: NOW - days * DAY,
                expires_at: NOW + 30 * DAY,
                snippet: String::new(),
                distance_km: None,
                demo: false,
            },
            title: title.into(),
            body: body.into(),
            sector: "C".into(),
            education: 3,
        });
    }
    index
}

fn ids(query: OfferQuery) -> Vec<i64> {
    index()
        .search(&query, NOW)
        .items
        .iter()
        .map(|o| o.id)
        .collect()
}

fn text(q: &str) -> Vec<i64> {
    ids(OfferQuery {
        q: q.into(),
        ..OfferQuery::default()
    })
}

fn first_are(q: &str, expected: &[i64]) {
    let found = text(q);
    assert!(found.len() >= expected.len(), "{q:?} found {found:?}");
    let mut head = found[..expected.len()].to_vec();
    head.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(head, want, "{q:?} found {found:?}");
}

#[test]
fn plural_finds_singular() {
    first_are("magazzinieri", &[1, 2]);
}

#[test]
fn singular_finds_plural_in_the_text() {
    first_are("magazziniere", &[1, 2]);
}

#[test]
fn accents_do_not_matter() {
    assert_eq!(text("perche pazienza"), [17]);
}

#[test]
fn case_does_not_matter() {
    assert_eq!(text("SALDATORE"), [8]);
}

#[test]
fn a_typo_in_a_long_word_is_forgiven() {
    first_are("infermere", &[6]);
}

#[test]
fn a_swapped_letter_is_forgiven() {
    first_are("elettricsita", &[10]);
}

#[test]
fn short_words_need_no_typo_to_match_too_much() {
    assert!(text("cuco").is_empty());
}

#[test]
fn a_word_being_typed_already_matches() {
    first_are("magazz", &[1, 2]);
}

#[test]
fn the_title_weighs_more_than_the_description() {
    // "inglese" is in the title of 20 and only in the description of 12.
    assert_eq!(text("inglese"), [20, 12]);
}

#[test]
fn every_word_must_match() {
    assert_eq!(text("cantiere elettricista"), [10]);
}

#[test]
fn common_words_are_ignored() {
    assert_eq!(text("addetto alle pulizie"), [18]);
}

#[test]
fn a_role_in_two_words_comes_first() {
    first_are("operatore socio sanitario", &[7]);
}

#[test]
fn naval_work_finds_the_shipyard_offers() {
    first_are("navale", &[8, 9, 10]);
}

#[test]
fn internships_filter_by_type() {
    let found = ids(OfferQuery {
        tipo: "tirocinio".into(),
        ..OfferQuery::default()
    });
    assert_eq!(found, [11, 12]);
}

#[test]
fn a_comune_alone_shows_only_its_offers() {
    let found = ids(OfferQuery {
        comune: vec!["sarzana".into()],
        ..OfferQuery::default()
    });
    let mut sorted = found.clone();
    sorted.sort();
    assert_eq!(sorted, [1, 6, 11, 16, 20]);
}

#[test]
fn a_radius_adds_the_comuni_nearby() {
    let found = ids(OfferQuery {
        comune: vec!["sarzana".into()],
        km: "5".into(),
        ..OfferQuery::default()
    });
    assert!(
        found.contains(&10),
        "Arcola is 4 km from Sarzana: {found:?}"
    );
    assert!(!found.contains(&5), "Levanto is far: {found:?}");
    assert!(
        !found.contains(&24),
        "remote offers have no comune: {found:?}"
    );
}

#[test]
fn nearest_first_sorts_by_distance() {
    let found = ids(OfferQuery {
        comune: vec!["sarzana".into()],
        km: "50".into(),
        ordina: "vicine".into(),
        ..OfferQuery::default()
    });
    let mut head = found[..5].to_vec();
    head.sort();
    assert_eq!(
        head,
        [1, 6, 11, 16, 20],
        "Sarzana's own offers first: {found:?}"
    );
    assert!(
        !found.contains(&5) && !found.contains(&22),
        "Levanto's are the farthest, past the first page: {found:?}"
    );
}

#[test]
fn newest_first_sorts_by_posting_date() {
    let found = ids(OfferQuery {
        ordina: "recenti".into(),
        ..OfferQuery::default()
    });
    assert_eq!(found[..2].to_vec(), [3, 13]);
}

#[test]
fn posted_within_a_week_leaves_older_offers_out() {
    let found = ids(OfferQuery {
        entro: "7".into(),
        ..OfferQuery::default()
    });
    assert!(found.contains(&6) && !found.contains(&9), "{found:?}");
    assert!(found
        .iter()
        .all(|id| CORPUS.iter().any(|c| c.0 == *id && c.6 <= 7)));
}

#[test]
fn facet_counts_follow_the_text_and_ignore_their_own_filter() {
    let r = index().search(
        &OfferQuery {
            q: "tirocinio".into(),
            tipo: "tirocinio".into(),
            ..OfferQuery::default()
        },
        NOW,
    );
    assert_eq!(r.total, 2);
    let kinds: Vec<(String, i64)> = r.per_kind.into_iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(kinds, [("tirocinio".to_string(), 2)]);
    let comuni: Vec<(String, i64)> = r.per_comune;
    assert_eq!(
        comuni,
        [("sarzana".to_string(), 1), ("lerici".to_string(), 1)]
    );
}

#[test]
fn expired_and_withdrawn_offers_disappear() {
    let mut index = index();
    index.remove(8);
    let r = index.search(
        &OfferQuery {
            q: "saldatore".into(),
            ..OfferQuery::default()
        },
        NOW,
    );
    assert_eq!(r.total, 0);
    let later = index.search(
        &OfferQuery {
            q: "cuoco".into(),
            ..OfferQuery::default()
        },
        NOW + 31 * DAY,
    );
    assert_eq!(later.total, 0);
}

#[test]
fn remote_work_is_found_by_its_words_anywhere() {
    first_are("da remoto telefono", &[24]);
}

#[test]
fn a_nonsense_query_finds_nothing() {
    assert!(text("zzzzqqq").is_empty());
}
