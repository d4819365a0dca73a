//! The wizard's steps, in the Europass order, each with what to write in
//! plain words, an example and a few tips.

use crate::kernel::labels::Label;

pub struct Step {
    pub title: Label,
    pub what: Label,
    pub example: Label,
    pub tips: &'static [Label],
}

pub const STEPS: [Step; 8] = [
    Step {
        title: ("Dati personali", "Personal details"),
        what: (
            "Come ti chiami e come ti si può contattare. Data di nascita, nazionalità e foto sono facoltative: in Italia non sono obbligatorie e le imprese non possono sceglierti in base a esse.",
            "Your name and how to reach you. Date of birth, nationality and photo are optional: employers may not select you on them.",
        ),
        example: (
            "Giulia Ferrari · giulia.ferrari@email.it · 333 123 4567 · La Spezia",
            "Giulia Ferrari · giulia.ferrari@email.com · +39 333 123 4567 · La Spezia",
        ),
        tips: &[
            ("Usa un indirizzo email serio, con nome e cognome.", "Use a plain email address with your name."),
            ("Se metti la foto, scegline una recente, a mezzo busto, su sfondo chiaro.", "If you add a photo, use a recent head-and-shoulders picture on a light background."),
        ],
    },
    Step {
        title: ("Titolo e profilo", "Headline and profile"),
        what: (
            "Una riga sotto il tuo nome che dice che lavoro fai o cerchi, e poche frasi su di te: cosa sai fare, cosa cerchi.",
            "One line under your name saying what work you do or look for, and a few sentences about you: what you can do, what you want.",
        ),
        example: (
            "Addetta alla logistica · «Dieci anni di magazzino, abituata ai turni e al lavoro in squadra. Cerco un impiego stabile nella zona della Spezia.»",
            "Logistics worker · \"Ten years in warehouses, used to shifts and team work. Looking for a stable job around La Spezia.\"",
        ),
        tips: &[
            ("Tre o quattro frasi bastano.", "Three or four sentences are enough."),
            ("Scrivi cose vere che puoi raccontare a un colloquio.", "Write true things you can talk about at an interview."),
        ],
    },
    Step {
        title: ("Esperienze di lavoro", "Work experience"),
        what: (
            "I lavori che hai fatto, dal più recente. Valgono anche lavori stagionali, tirocini e lavori brevi.",
            "The jobs you have done, most recent first. Seasonal jobs, internships and short jobs count too.",
        ),
        example: (
            "Magazziniera · Porto Mercantile Spezzino · La Spezia · da 06/2014 a 02/2019 · «Carico e scarico container con carrello elevatore»",
            "Warehouse worker · Porto Mercantile Spezzino · La Spezia · 06/2014 to 02/2019 · \"Loaded and unloaded containers with a forklift\"",
        ),
        tips: &[
            ("Inizia ogni attività con un verbo: «Gestito», «Organizzato», «Servito».", "Start each task with a verb: \"Managed\", \"Organised\", \"Served\"."),
            ("Una attività per riga: nel CV diventano un elenco.", "One task per line: they become a list in the CV."),
            ("Se il lavoro continua, spunta «In corso».", "If the job goes on, tick \"Ongoing\"."),
        ],
    },
    Step {
        title: ("Istruzione e formazione", "Education and training"),
        what: (
            "Scuole, titoli di studio e corsi, dal più recente. Anche i corsi brevi contano (sicurezza, HACCP, carrelli elevatori).",
            "Schools, qualifications and courses, most recent first. Short courses count too (safety, food hygiene, forklift).",
        ),
        example: (
            "Diploma di perito commerciale · Istituto Fossati-Da Passano · livello EQF 4",
            "Commercial technician diploma · Istituto Fossati-Da Passano · EQF level 4",
        ),
        tips: &[
            ("Il livello EQF aiuta le imprese europee a capire il titolo: licenza media 1, qualifica 3, diploma 4, laurea 6, magistrale 7.", "The EQF level helps European employers: lower secondary 1, vocational qualification 3, diploma 4, bachelor 6, master 7."),
        ],
    },
    Step {
        title: ("Lingue", "Languages"),
        what: (
            "La tua lingua madre e, per ogni altra lingua, quanto la capisci, la parli e la scrivi, con i livelli europei da A1 (base) a C2 (ottimo).",
            "Your mother tongue and, for each other language, how well you understand, speak and write it, on the European levels from A1 (basic) to C2 (excellent).",
        ),
        example: (
            "Inglese: ascolto B2, lettura B2, interazione B1, produzione orale B1, scrittura B1 · certificato PET",
            "Italian: listening B2, reading B2, interaction B1, spoken production B1, writing B1",
        ),
        tips: &[
            ("A1-A2: frasi semplici. B1-B2: ti fai capire nel lavoro. C1-C2: come un madrelingua.", "A1-A2: simple sentences. B1-B2: you get by at work. C1-C2: close to a native speaker."),
        ],
    },
    Step {
        title: ("Competenze digitali e patente", "Digital skills and licence"),
        what: (
            "Come usi computer e telefono nelle cinque aree europee DigComp, i programmi che conosci, e le patenti di guida.",
            "How you use computers and phones in the five European DigComp areas, the programs you know, and your driving licences.",
        ),
        example: (
            "Comunicazione e collaborazione: intermedio · Excel, posta elettronica · Patente B, automunita",
            "Communication and collaboration: intermediate · Excel, email · Licence B, own car",
        ),
        tips: &[
            ("Base: usi il telefono e la posta. Intermedio: usi da solo i programmi d'ufficio. Avanzato: insegni agli altri.", "Basic: you use a phone and email. Intermediate: you use office programs on your own. Advanced: you teach others."),
        ],
    },
    Step {
        title: ("Altre competenze ed esperienze", "Other skills and experience"),
        what: (
            "Quello che sai fare e non sta altrove, le certificazioni, il volontariato e i tuoi interessi.",
            "What you can do that fits nowhere else, certifications, volunteering and your interests.",
        ),
        example: (
            "Primo soccorso aziendale · Volontaria alla Pubblica Assistenza · Vela, trekking",
            "Workplace first aid · Volunteer at the Pubblica Assistenza · Sailing, hiking",
        ),
        tips: &[
            ("Il volontariato mostra impegno e capacità: mettilo.", "Volunteering shows commitment and skills: include it."),
        ],
    },
    Step {
        title: ("Riepilogo e download", "Summary and download"),
        what: (
            "Controlla l'anteprima, scarica il CV e decidi se farti trovare dalle imprese della Rete.",
            "Check the preview, download the CV and decide whether businesses of the network may find you.",
        ),
        example: ("", ""),
        tips: &[
            ("Alla fine del CV aggiungiamo la frase sulla privacy che le imprese italiane si aspettano.", "At the end of the CV we add the privacy line Italian employers expect."),
        ],
    },
];

/// Verbs to start a task with, suggested under "activities".
pub const ACTION_VERBS: [Label; 12] = [
    ("Gestito", "Managed"),
    ("Coordinato", "Coordinated"),
    ("Organizzato", "Organised"),
    ("Preparato", "Prepared"),
    ("Servito", "Served"),
    ("Assistito", "Assisted"),
    ("Controllato", "Checked"),
    ("Curato", "Looked after"),
    ("Venduto", "Sold"),
    ("Formato", "Trained"),
    ("Risolto", "Solved"),
    ("Migliorato", "Improved"),
];
