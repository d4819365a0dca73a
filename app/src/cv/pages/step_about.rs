//! Steps 1 and 2: who you are and how to reach you; headline and profile.

use super::draft::Draft;
use super::inputs::{DocArea, DocSelect, DocText};
use super::photo_field::PhotoField;
use crate::i18n::td_string;
use crate::lens;
use crate::network::domain::Comune;
use leptos::prelude::*;

#[component]
pub fn PersonalStep(draft: Draft, comuni: Vec<Comune>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let mut options = vec![(
        String::new(),
        td_string!(l, cv_step_about.none_outside_the_province).to_string(),
    )];
    options.extend(comuni.into_iter().map(|c| (c.slug, c.name)));
    view! {
        <div class="grid gap-x-4 sm:grid-cols-2">
            <DocText draft field="personal.first_name" label=td_string!(l, cv_step_about.first_name) autocomplete="given-name" lens=lens!(personal.first_name)/>
            <DocText draft field="personal.last_name" label=td_string!(l, cv_step_about.last_name) autocomplete="family-name" lens=lens!(personal.last_name)/>
        </div>
        <DocText draft field="personal.email" label=td_string!(l, cv_step_about.email) kind="email" autocomplete="email" lens=lens!(personal.email)/>
        <DocText draft field="personal.phone" label=td_string!(l, cv_step_about.phone) kind="tel" autocomplete="tel" lens=lens!(personal.phone)/>
        <DocText draft field="personal.address" label=td_string!(l, cv_step_about.address_optional) autocomplete="street-address"
            hint=td_string!(l, cv_step_about.street_and_number_the) lens=lens!(personal.address)/>
        <DocSelect draft field="personal.comune" label=td_string!(l, cv_step_about.municipality) options lens=lens!(personal.comune)
            hint=td_string!(l, cv_step_about.it_also_tells_businesses)/>
        <DocText draft field="personal.birth_date" label=td_string!(l, cv_step_about.date_of_birth_optional) kind="date" autocomplete="bday" lens=lens!(personal.birth_date)/>
        <DocText draft field="personal.nationality" label=td_string!(l, cv_step_about.nationality_optional) lens=lens!(personal.nationality)/>
        <DocText draft field="personal.website" label=td_string!(l, cv_step_about.website_or_professional_profile) kind="url" lens=lens!(personal.website)/>
        <PhotoField draft/>
    }
}

#[component]
pub fn ProfileStep(draft: Draft) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let length = move || draft.doc.read().profile.chars().count();
    view! {
        <DocText draft field="headline" label=td_string!(l, cv_step_about.headline_under_your_name)
            hint=td_string!(l, cv_step_about.the_work_you_do) lens=lens!(headline)/>
        <DocArea draft field="profile" label=td_string!(l, cv_step_about.profile_who_you_are) rows=6 lens=lens!(profile)
            hint=td_string!(l, cv_step_about.three_or_four_sentences)/>
        <p class="-mt-3 mb-5 text-base text-slate-700" aria-live="polite">
            {move || format!("{} {}", length(), td_string!(l, cv_step_about.characters_200_to_600))}
        </p>
    }
}
