//! The membership's messages (Italian, plain text).

const SIGNATURE: &str =
    "Rete per il Lavoro della Spezia\nSportello InfoLavoro · infolavoro@comune.sp.it\n";

pub fn received(contact: &str, name: &str) -> (String, String) {
    (
        "Abbiamo ricevuto la richiesta di adesione alla Rete".into(),
        format!(
            "Gentile {contact},\n\nabbiamo ricevuto la richiesta di adesione di «{name}» alla Rete per il Lavoro della Spezia.\n\nIl Comune della Spezia, che coordina la Rete, la esaminerà e le scriverà l'esito a questo indirizzo, con la motivazione.\n\n{SIGNATURE}"
        ),
    )
}

pub fn new_request_for_admin(name: &str, link: &str) -> (String, String) {
    (
        format!("Nuova richiesta di adesione: {name}"),
        format!("È arrivata una richiesta di adesione alla Rete da «{name}».\n\nLa trovi qui:\n{link}\n\nInfoLavoro\n"),
    )
}

/// Approved: for a body, with the link that makes its `ente` account.
pub fn approved(
    contact: &str,
    name: &str,
    reason: &str,
    invitation: Option<&str>,
) -> (String, String) {
    let note = if reason.is_empty() {
        String::new()
    } else {
        format!("{reason}\n\n")
    };
    let next = match invitation {
        Some(link) => format!(
            "Da oggi «{name}» compare tra gli aderenti su InfoLavoro. Per pubblicare corsi, incontri e offerte crei l'account dell'ente da questo collegamento (vale 14 giorni, funziona una sola volta):\n{link}\n\n"
        ),
        None => format!("Da oggi «{name}» compare tra i comuni della Rete su InfoLavoro.\n\n"),
    };
    (
        "La richiesta di adesione alla Rete è stata approvata".into(),
        format!("Gentile {contact},\n\nla richiesta di adesione di «{name}» alla Rete per il Lavoro della Spezia è stata approvata.\n\n{note}{next}{SIGNATURE}"),
    )
}

pub fn rejected(contact: &str, name: &str, reason: &str) -> (String, String) {
    (
        "La richiesta di adesione alla Rete non è stata accolta".into(),
        format!("Gentile {contact},\n\nla richiesta di adesione di «{name}» alla Rete per il Lavoro della Spezia non è stata accolta, per questo motivo:\n\n{reason}\n\nPuò rispondere a questo messaggio o scrivere allo sportello per chiarimenti, e presentare una nuova richiesta.\n\n{SIGNATURE}"),
    )
}

pub fn protocol_expiry(days_left: i64, date: &str, link: &str) -> (String, String) {
    (
        format!("Il protocollo della Rete scade tra {days_left} giorni"),
        format!("Il protocollo d'intesa della Rete per il Lavoro della Spezia scade il {date}: mancano {days_left} giorni.\n\nPer non interrompere la Rete va rinnovato prima di quella data, con l'adesione dei comuni e degli enti che vogliono continuare.\n\nIl cruscotto della Rete:\n{link}\n\nInfoLavoro\n"),
    )
}
