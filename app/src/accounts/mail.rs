//! The accounts' email messages (Italian); `kernel::outbox` queues and
//! delivers them.

pub fn verification_email(name: &str, link: &str) -> (String, String) {
    (
        "Conferma il tuo indirizzo email".into(),
        format!(
            "Ciao {name},\n\ngrazie per esserti registrato su InfoLavoro, il portale della Rete per il Lavoro della Spezia.\n\nPer confermare il tuo indirizzo email apri questo collegamento (vale 48 ore):\n{link}\n\nSe non hai chiesto tu la registrazione, ignora questo messaggio.\n\nSportello InfoLavoro\ninfolavoro@comune.sp.it\n"
        ),
    )
}

pub fn reset_email(name: &str, link: &str) -> (String, String) {
    (
        "Reimposta la tua password".into(),
        format!(
            "Ciao {name},\n\nabbiamo ricevuto una richiesta per reimpostare la password del tuo account InfoLavoro.\n\nApri questo collegamento entro un'ora per sceglierne una nuova (funziona una sola volta):\n{link}\n\nSe non l'hai chiesto tu, ignora questo messaggio: la password resta quella di prima.\n\nSportello InfoLavoro\ninfolavoro@comune.sp.it\n"
        ),
    )
}

pub fn decision_email(name: &str, approved: bool, reason: &str) -> (String, String) {
    if approved {
        (
            "Il tuo account è stato verificato".into(),
            format!("Ciao {name},\n\nlo Sportello InfoLavoro ha verificato il tuo account: ora puoi usare l'area riservata del portale.\n\n{reason}\n\nSportello InfoLavoro\n"),
        )
    } else {
        (
            "Il tuo account non è stato approvato".into(),
            format!("Ciao {name},\n\nlo Sportello InfoLavoro non ha potuto approvare il tuo account, per questo motivo:\n\n{reason}\n\nPer chiarimenti scrivi a infolavoro@comune.sp.it.\n\nSportello InfoLavoro\n"),
        )
    }
}
