//! The emails about courses and meetings (Italian), and the calendar file
//! that goes with them.

use super::domain::{EnrolmentStatus, MyPlace};
use super::repo::Stored;
use crate::kernel::calendar::{ics, CalendarItem};
use crate::kernel::dates::{italian_date, italian_time};

/// One calendar event per session of the activity.
pub fn calendar_items(a: &Stored, public_url: &str) -> Vec<CalendarItem> {
    let s = &a.summary;
    let location = if s.mode == super::domain::Mode::Online {
        "Online".to_string()
    } else {
        format!("{}, {}", a.venue, s.comune_name)
    };
    let total = a.sessions.len();
    a.sessions
        .iter()
        .enumerate()
        .map(|(i, session)| CalendarItem {
            uid: format!("attivita-{}-{}@infolavoro", s.id, session.starts_at),
            title: if total > 1 {
                format!("{} ({}/{total})", s.title, i + 1)
            } else {
                s.title.clone()
            },
            description: format!("{} — organizza {}", s.title, s.organiser_name),
            location: location.clone(),
            starts_at: session.starts_at,
            ends_at: session.ends_at,
            url: format!("{public_url}{}", s.href()),
            cancelled: s.status == super::domain::Status::Annullato,
        })
        .collect()
}

pub fn calendar_file(a: &Stored, public_url: &str) -> String {
    ics(&a.summary.title, &calendar_items(a, public_url))
}

fn when(a: &Stored) -> String {
    a.sessions
        .iter()
        .map(|s| {
            format!(
                "- {} dalle {} alle {}",
                italian_date(s.starts_at),
                italian_time(s.starts_at),
                italian_time(s.ends_at)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn what(a: &Stored) -> &'static str {
    match a.summary.kind {
        super::domain::Kind::Corso => "al corso",
        super::domain::Kind::Incontro => "all'incontro",
    }
}

const SIGNATURE: &str = "Sportello InfoLavoro\ninfolavoro@comune.sp.it\n";

pub fn confirmation(name: &str, a: &Stored, place: &MyPlace, public_url: &str) -> (String, String) {
    let link = format!("{public_url}{}", a.summary.href());
    match place.status {
        EnrolmentStatus::InAttesa => (
            format!("Lista d'attesa: {}", a.summary.title),
            format!(
                "Ciao {name},\n\ni posti {} «{}» sono esauriti: sei in lista d'attesa, in posizione {}.\n\nSe si libera un posto ti iscriviamo noi, nell'ordine di arrivo, e ti scriviamo subito.\n\nDate:\n{}\n\nPuoi lasciare la lista quando vuoi da {link}\n\n{SIGNATURE}",
                what(a),
                a.summary.title,
                place.position.unwrap_or(1),
                when(a)
            ),
        ),
        _ => (
            format!("Iscrizione confermata: {}", a.summary.title),
            format!(
                "Ciao {name},\n\nla tua iscrizione {} «{}» è confermata.\n\nDate:\n{}\nLuogo: {}, {}\nOrganizza: {}\n\nCodice di presenza: {}\nMostralo all'ingresso: serve a registrare la tua partecipazione.\n\nIn allegato trovi il calendario (file .ics) da aggiungere al telefono.\nSe non puoi più partecipare, annulla l'iscrizione da {link}: il posto andrà a chi è in lista d'attesa.\n\n{SIGNATURE}",
                what(a),
                a.summary.title,
                when(a),
                a.venue,
                a.summary.comune_name,
                a.summary.organiser_name,
                place.code
            ),
        ),
    }
}

pub fn promoted(name: &str, a: &Stored, code: &str, public_url: &str) -> (String, String) {
    (
        format!("Si è liberato un posto: {}", a.summary.title),
        format!(
            "Ciao {name},\n\nsi è liberato un posto e ti abbiamo iscritto {} «{}»: eri il primo in lista d'attesa.\n\nDate:\n{}\nLuogo: {}, {}\n\nCodice di presenza: {code}\n\nIn allegato trovi il calendario. Se non puoi partecipare, annulla da {public_url}{} così il posto passa al prossimo.\n\n{SIGNATURE}",
            what(a),
            a.summary.title,
            when(a),
            a.venue,
            a.summary.comune_name,
            a.summary.href()
        ),
    )
}

pub fn cancelled(name: &str, a: &Stored, reason: &str) -> (String, String) {
    (
        format!("Annullato: {}", a.summary.title),
        format!(
            "Ciao {name},\n\nci dispiace: «{}» organizzato da {} è stato annullato.\n\nMotivo: {reason}\n\nLa tua iscrizione non è più valida. Trovi altri corsi e incontri su InfoLavoro.\n\n{SIGNATURE}",
            a.summary.title, a.summary.organiser_name
        ),
    )
}

pub fn reminder(name: &str, a: &Stored) -> (String, String) {
    (
        format!("Promemoria: domani {}", a.summary.title),
        format!(
            "Ciao {name},\n\nti ricordiamo che «{}» inizia a breve.\n\nDate:\n{}\nLuogo: {}, {}\n\nSe non puoi partecipare, annulla l'iscrizione dalla tua area: il posto andrà a chi aspetta.\n\n{SIGNATURE}",
            a.summary.title,
            when(a),
            a.venue,
            a.summary.comune_name
        ),
    )
}
