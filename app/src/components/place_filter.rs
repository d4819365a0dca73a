//! The comune-and-radius filter shared by the searches (offers, courses, meetings):
//! a comune of the province and how far around it to look.

use crate::i18n::td_string;
use crate::network::domain::Comune;
use leptos::prelude::*;

pub const RADII: [&str; 5] = ["5", "10", "15", "25", "50"];

#[component]
pub fn ComuneRadius(
    comuni: Vec<Comune>,
    /// The chosen comune and radius; a live signal keeps the lists in step
    /// with the address (a point of the map, back and forward).
    #[prop(into)]
    comune: Signal<String>,
    #[prop(into)] km: Signal<String>,
    /// Called with `("comune", slug)` or `("km", km)` when a choice changes
    /// (a search that follows its filters at once).
    #[prop(optional)]
    on_change: Option<Callback<(&'static str, String)>>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let (first_comune, first_km) = (comune.get_untracked(), km.get_untracked());
    let changed = move |field: &'static str| {
        move |ev: leptos::ev::Event| {
            if let Some(on_change) = on_change {
                on_change.run((field, event_target_value(&ev)));
            }
        }
    };
    view! {
        <div class="flex flex-col">
            <label for="filtro-comune" class="font-semibold">{td_string!(l, components_place_filter.municipality)}</label>
            <select id="filtro-comune" name="comune" class="input" on:change=changed("comune") prop:value=move || comune.get()>
                <option value="">{td_string!(l, components_place_filter.the_whole_province)}</option>
                {comuni.into_iter().map(|c| {
                    let selected = c.slug == first_comune;
                    view! { <option value=c.slug selected=selected>{c.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="flex flex-col">
            <label for="filtro-km" class="font-semibold">{td_string!(l, components_place_filter.distance)}</label>
            <select id="filtro-km" name="km" class="input" on:change=changed("km") prop:value=move || km.get()>
                <option value="">{td_string!(l, components_place_filter.that_municipality_only)}</option>
                {RADII.into_iter().map(|r| view! {
                    <option value=r selected=first_km == r>{format!("{} {r} km", td_string!(l, components_place_filter.within))}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
