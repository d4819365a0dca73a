//! The comune-and-radius filter shared by the searches (courses, meetings):
//! a comune of the province and how far around it to look.

use super::tr;
use crate::i18n::*;
use crate::network::domain::Comune;
use leptos::prelude::*;

pub const RADII: [&str; 5] = ["5", "10", "15", "25", "50"];

#[component]
pub fn ComuneRadius(comuni: Vec<Comune>, comune: String, km: String) -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <div class="flex flex-col">
            <label for="filtro-comune" class="font-semibold">{tr(l, "Comune", "Municipality")}</label>
            <select id="filtro-comune" name="comune" class="input">
                <option value="">{tr(l, "Tutta la provincia", "The whole province")}</option>
                {comuni.into_iter().map(|c| {
                    let selected = c.slug == comune;
                    view! { <option value=c.slug selected=selected>{c.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="flex flex-col">
            <label for="filtro-km" class="font-semibold">{tr(l, "Distanza", "Distance")}</label>
            <select id="filtro-km" name="km" class="input">
                <option value="">{tr(l, "Solo quel comune", "That municipality only")}</option>
                {RADII.into_iter().map(|r| view! {
                    <option value=r selected=km == r>{format!("{} {r} km", tr(l, "entro", "within"))}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
