//! `/guida-colloquio`: getting ready for a job interview, with a checklist
//! and the way to rehearse it at the desk.

use crate::components::tr;
use leptos::prelude::*;
use leptos_meta::Title;

const BEFORE: [(&str, &str); 6] = [
    (
        "Rileggi l'offerta e il tuo CV: sappi raccontare ogni esperienza.",
        "Reread the offer and your CV: be ready to tell each experience.",
    ),
    (
        "Cerca informazioni sull'impresa: cosa fa, dove lavora, chi sono i clienti.",
        "Look up the business: what it does, where, who its customers are.",
    ),
    (
        "Prepara due o tre esempi concreti di cose che hai fatto bene.",
        "Prepare two or three concrete examples of things you did well.",
    ),
    (
        "Prepara una o due domande da fare tu (orari, formazione, prospettive).",
        "Prepare one or two questions of your own (hours, training, prospects).",
    ),
    (
        "Controlla il percorso e parti con 15 minuti di anticipo.",
        "Check the route and leave 15 minutes early.",
    ),
    (
        "Porta un documento d'identità, il CV stampato e una penna.",
        "Bring an ID, a printed CV and a pen.",
    ),
];

const DURING: [(&str, &str); 5] = [
    (
        "Saluta, presentati e ascolta bene le domande.",
        "Greet, introduce yourself and listen to the questions.",
    ),
    (
        "Rispondi con esempi veri: la situazione, cosa hai fatto, com'è andata.",
        "Answer with real examples: the situation, what you did, how it went.",
    ),
    (
        "Se non sai qualcosa, dillo e spiega come lo impareresti.",
        "If you don't know something, say so and explain how you would learn it.",
    ),
    (
        "Non parlare male dei datori di lavoro di prima.",
        "Don't speak badly of former employers.",
    ),
    (
        "Alla fine chiedi quali sono i prossimi passi.",
        "At the end ask what the next steps are.",
    ),
];

#[component]
pub fn InterviewGuidePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let title = tr(
        l,
        "Prepararsi al colloquio di lavoro",
        "Getting ready for a job interview",
    );
    let checklist = |id: &'static str, items: &'static [(&'static str, &'static str)]| {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let (input, target) = (format!("{id}-{i}"), format!("{id}-{i}"));
                view! { <li><label class="choice" for=target><input id=input type="checkbox"/><span>{tr(l, item.0, item.1)}</span></label></li> }
            })
            .collect_view()
    };
    view! {
        <Title text=title/>
        <div class="prose-page">
            <h1 class="page-title">{title}</h1>
            <p class="lead mb-6">{tr(l, "Un colloquio si prepara come un esame: qui trovi cosa fare prima e durante, da spuntare man mano.", "Prepare an interview like an exam: here is what to do before and during, to tick off as you go.")}</p>
            <h2 class="section-title">{tr(l, "Prima del colloquio", "Before the interview")}</h2>
            <ul class="mb-6">{checklist("prima", &BEFORE)}</ul>
            <h2 class="section-title">{tr(l, "Durante il colloquio", "During the interview")}</h2>
            <ul class="mb-6">{checklist("durante", &DURING)}</ul>
            <h2 class="section-title">{tr(l, "Domande frequenti", "Common questions")}</h2>
            <ul class="mb-6 list-disc pl-6">
                <li>{tr(l, "«Mi parli di lei»: in due minuti, chi sei, cosa hai fatto, cosa cerchi.", "\"Tell me about yourself\": in two minutes, who you are, what you did, what you look for.")}</li>
                <li>{tr(l, "«Perché vuole lavorare qui?»: collega quello che sai fare a quello che fa l'impresa.", "\"Why do you want to work here?\": link what you can do to what the business does.")}</li>
                <li>{tr(l, "«Quali sono i suoi punti deboli?»: uno vero, e cosa fai per migliorarlo.", "\"What are your weaknesses?\": a real one, and what you do about it.")}</li>
            </ul>
            <div class="notice">
                <p class="mb-2">{tr(l, "Allo sportello InfoLavoro puoi provare il colloquio con un operatore e rivedere il CV.", "At the InfoLavoro desk you can rehearse the interview with an operator and review your CV.")}</p>
                <a class="btn-primary" href="/sportelli/la-spezia/prenota?tema=colloquio">{tr(l, "Prenota un «colloquio di lavoro» allo sportello", "Book a \"job interview\" session at the desk")}</a>
            </div>
        </div>
    }
}
