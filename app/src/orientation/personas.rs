//! The people of the orientation brief, as questionnaire answers: the rules'
//! tests, the server's tests and the end-to-end walk use the same four.

use super::domain::Answers;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (*k, v.to_string())))
}

/// A 19-year-old looking for a first job in Sarzana.
pub fn giulia() -> Answers {
    answers(&[
        ("situazione", "primo_lavoro"),
        ("eta", "15_29"),
        ("istruzione", "4"),
        ("comune", "sarzana"),
        ("mezzo", "mezzi"),
        ("km", "15"),
        ("settore", "I"),
        ("settore", "G"),
        ("italiano", "madrelingua"),
        ("impresa", "no"),
    ])
}

/// A 55-year-old who lost a job in La Spezia.
pub fn franco() -> Answers {
    answers(&[
        ("situazione", "perso_lavoro"),
        ("eta", "50_piu"),
        ("istruzione", "3"),
        ("comune", "la-spezia"),
        ("mezzo", "auto"),
        ("km", "25"),
        ("settore", "C"),
        ("italiano", "madrelingua"),
        ("impresa", "forse"),
    ])
}

/// A newly arrived person in Follo who needs Italian.
pub fn amina() -> Answers {
    answers(&[
        ("situazione", "primo_lavoro"),
        ("eta", "30_49"),
        ("comune", "follo"),
        ("mezzo", "mezzi"),
        ("km", "10"),
        ("italiano", "da_migliorare"),
        ("impresa", "no"),
    ])
}

/// Someone employed who wants a change: the control the conditions exclude.
pub fn marco() -> Answers {
    answers(&[
        ("situazione", "cambio"),
        ("eta", "30_49"),
        ("istruzione", "6"),
        ("comune", "lerici"),
        ("mezzo", "auto"),
        ("km", "25"),
        ("settore", "J"),
        ("italiano", "madrelingua"),
        ("impresa", "no"),
    ])
}
