//! Steps 1 and 2: who you are and how to reach you; headline and profile.

use super::draft::Draft;
use super::inputs::{DocArea, DocSelect, DocText};
use super::photo_field::PhotoField;
use crate::components::tr;
use crate::lens;
use crate::network::domain::Comune;
use leptos::prelude::*;

#[component]
pub fn PersonalStep(draft: Draft, comuni: Vec<Comune>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let mut options = vec![(
        String::new(),
        tr(
            l,
            "Nessuno / fuori provincia",
            "None / outside the province",
        )
        .to_string(),
    )];
    options.extend(comuni.into_iter().map(|c| (c.slug, c.name)));
    view! {
        <div class="grid gap-x-4 sm:grid-cols-2">
            <DocText draft field="personal.first_name" label=tr(l, "Nome", "First name") autocomplete="given-name" lens=lens!(personal.first_name)/>
            <DocText draft field="personal.last_name" label=tr(l, "Cognome", "Last name") autocomplete="family-name" lens=lens!(personal.last_name)/>
        </div>
        <DocText draft field="personal.email" label=tr(l, "Email", "Email") kind="email" autocomplete="email" lens=lens!(personal.email)/>
        <DocText draft field="personal.phone" label=tr(l, "Telefono", "Phone") kind="tel" autocomplete="tel" lens=lens!(personal.phone)/>
        <DocText draft field="personal.address" label=tr(l, "Indirizzo (facoltativo)", "Address (optional)") autocomplete="street-address"
            hint=tr(l, "Via e numero; basta anche solo il comune.", "Street and number; the town alone is fine too.") lens=lens!(personal.address)/>
        <DocSelect draft field="personal.comune" label=tr(l, "Comune", "Municipality") options lens=lens!(personal.comune)
            hint=tr(l, "Serve anche alle imprese per capire quanto sei vicino al lavoro.", "It also tells businesses how close you are to the job.")/>
        <DocText draft field="personal.birth_date" label=tr(l, "Data di nascita (facoltativa)", "Date of birth (optional)") kind="date" autocomplete="bday" lens=lens!(personal.birth_date)/>
        <DocText draft field="personal.nationality" label=tr(l, "Nazionalità (facoltativa)", "Nationality (optional)") lens=lens!(personal.nationality)/>
        <DocText draft field="personal.website" label=tr(l, "Sito web o profilo professionale (facoltativo)", "Website or professional profile (optional)") kind="url" lens=lens!(personal.website)/>
        <PhotoField draft/>
    }
}

#[component]
pub fn ProfileStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let length = move || draft.doc.read().profile.chars().count();
    view! {
        <DocText draft field="headline" label=tr(l, "Titolo sotto il nome", "Headline under your name")
            hint=tr(l, "Il lavoro che fai o che cerchi, in poche parole.", "The work you do or look for, in a few words.") lens=lens!(headline)/>
        <DocArea draft field="profile" label=tr(l, "Profilo: chi sei e cosa cerchi", "Profile: who you are and what you look for") rows=6 lens=lens!(profile)
            hint=tr(l, "Tre o quattro frasi. Vai a capo per un nuovo paragrafo.", "Three or four sentences. Start a new line for a new paragraph.")/>
        <p class="-mt-3 mb-5 text-base text-slate-700" aria-live="polite">
            {move || format!("{} {}", length(), tr(l, "caratteri (consigliati da 200 a 600)", "characters (200 to 600 suggested)"))}
        </p>
    }
}
