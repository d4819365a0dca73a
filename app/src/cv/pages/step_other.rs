//! Step 7: other skills, certifications, volunteering, interests.

use super::draft::Draft;
use super::inputs::{item_lens, DocArea, DocText, EntryList};
use super::step_experience::job;
use crate::components::tr;
use crate::{lens, list, part};
use leptos::prelude::*;

#[component]
pub fn OtherStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <DocArea draft field="other_skills" label=tr(l, "Altre competenze", "Other skills") rows=4 lens=lens!(other_skills)
            hint=tr(l, "Una per riga: primo soccorso, lavoro di squadra, cucina per celiaci…", "One per line: first aid, team work, gluten-free cooking…")/>
        <h3 class="mb-2 text-xl font-bold">{tr(l, "Certificazioni", "Certifications")}</h3>
        <EntryList draft list=list!(certifications) name=tr(l, "Certificazione", "Certification")
            add_label=tr(l, "Aggiungi una certificazione", "Add a certification") render=certification/>
        <h3 class="mb-2 text-xl font-bold">{tr(l, "Volontariato", "Volunteering")}</h3>
        <EntryList draft list=list!(volunteering) name=tr(l, "Volontariato", "Volunteering")
            add_label=tr(l, "Aggiungi un'esperienza di volontariato", "Add volunteering") render=|draft, i| job(draft, list!(volunteering), "volunteering", i)/>
        <DocArea draft field="interests" label=tr(l, "Interessi", "Interests") rows=3 lens=lens!(interests)
            hint=tr(l, "Uno per riga.", "One per line.")/>
    }
}

fn certification(draft: Draft, i: usize) -> AnyView {
    let l = crate::i18n_switch::locale();
    let list = list!(certifications);
    let prefix = format!("certifications.{i}");
    view! {
        <DocText draft field=format!("{prefix}.name") label=tr(l, "Nome", "Name") lens=item_lens(list, i, part!(name))/>
        <DocText draft field=format!("{prefix}.issuer") label=tr(l, "Rilasciata da", "Issued by") lens=item_lens(list, i, part!(issuer))/>
        <DocText draft field=format!("{prefix}.date") label=tr(l, "Data", "Date") kind="month" hint=tr(l, "Mese e anno", "Month and year") lens=item_lens(list, i, part!(date))/>
    }
    .into_any()
}
