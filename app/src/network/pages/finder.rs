//! Find a comune by typing its name. Works as a plain GET form to `/comuni`
//! without JavaScript; once hydrated it filters as you type.

use crate::i18n::*;
use crate::kernel::text::slugify;
use crate::network::domain::Comune;
use leptos::prelude::*;

/// The comuni whose name contains the query, accents and case ignored.
pub fn matching<'a>(comuni: &'a [Comune], query: &str) -> Vec<&'a Comune> {
    let wanted = slugify(query);
    comuni.iter().filter(|c| c.slug.contains(&wanted)).collect()
}

/// `suggest_only`: on the home page the list appears only while typing, and
/// holds at most a few names; on `/comuni` it is the whole, filtered list.
#[component]
pub fn ComuneFinder(
    comuni: Vec<Comune>,
    #[prop(into)] initial: String,
    suggest_only: bool,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let query = RwSignal::new(initial);
    let shown = Memo::new(move |_| {
        let q = query.get();
        if suggest_only && q.trim().is_empty() {
            return Vec::new();
        }
        let found: Vec<Comune> = matching(&comuni, &q).into_iter().cloned().collect();
        if suggest_only {
            found.into_iter().take(8).collect::<Vec<_>>()
        } else {
            found
        }
    });
    let count = move || shown.read().len();
    view! {
        <form action="/comuni" method="get" role="search" class="flex flex-wrap items-end gap-3">
            <div class="flex grow flex-col">
                <label for="cerca-comune" class="font-semibold">{td_string!(l, finder.label)}</label>
                <input
                    id="cerca-comune"
                    name="q"
                    type="search"
                    autocomplete="off"
                    class="input"
                    aria-describedby="cerca-comune-esito"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <button type="submit" class="btn-primary">{td_string!(l, finder.submit)}</button>
        </form>
        <p id="cerca-comune-esito" class="sr-only" aria-live="polite">
            {move || if suggest_only && query.get().trim().is_empty() {
                String::new()
            } else {
                td_string!(l, finder.count, count = count())
            }}
        </p>
        <ul class="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="elenco-comuni">
            {move || shown.get().into_iter().map(|c| {
                let href = format!("/comuni/{}", c.slug);
                view! {
                    <li>
                        <a href=href class="card-link">
                            <span class="font-semibold">{c.name.clone()}</span>
                            {c.in_network().then(|| view! {
                                <span class="badge">{td_string!(l, finder.in_network)}</span>
                            })}
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || (!suggest_only && count() == 0).then(|| view! {
            <p class="mt-4">{td_string!(l, finder.none)}</p>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_part_of_a_name_finds_it_whatever_the_accents() {
        let comune = |name: &str| Comune {
            istat_code: String::new(),
            slug: slugify(name),
            name: name.into(),
            postal_codes: vec![],
            population: 1,
            area_km2: 1.0,
            latitude: 44.0,
            longitude: 9.8,
            mayor: None,
            outline: String::new(),
        };
        let comuni = vec![
            comune("Sarzana"),
            comune("Riccò del Golfo di Spezia"),
            comune("La Spezia"),
        ];
        let names = |q: &str| {
            matching(&comuni, q)
                .into_iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("sarz"), ["Sarzana"]);
        assert_eq!(names("RICCÒ"), ["Riccò del Golfo di Spezia"]);
        assert_eq!(names("ricco"), ["Riccò del Golfo di Spezia"]);
        assert_eq!(names("spezia"), ["Riccò del Golfo di Spezia", "La Spezia"]);
        assert_eq!(names("").len(), 3);
    }
}
