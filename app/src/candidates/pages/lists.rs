//! `/imprese/liste`: the business's named lists of profiles, with notes.

use super::search::Card;
use crate::candidates::api::{
    list_shortlists, CreateShortlist, DeleteShortlist, RemoveFromShortlist, SaveToShortlist,
};
use crate::components::async_data::with_data;
use crate::components::form::{field_message, Field};
use crate::components::tr;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ShortlistsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let create = ServerAction::<CreateShortlist>::new();
    let delete = ServerAction::<DeleteShortlist>::new();
    let remove = ServerAction::<RemoveFromShortlist>::new();
    let note = ServerAction::<SaveToShortlist>::new();
    let lists = Resource::new(
        move || {
            (
                create.version().get(),
                delete.version().get(),
                remove.version().get(),
                note.version().get(),
            )
        },
        |_| list_shortlists(),
    );
    let created = create.value();
    let title = tr(l, "Le tue liste di candidati", "Your candidate lists");
    view! {
        <Title text=title/>
        <p class="mb-2"><a href="/imprese/candidati">{tr(l, "← Cerca candidati", "← Find candidates")}</a></p>
        <h1 class="page-title">{title}</h1>
        <ActionForm action=create attr:class="card mb-8 max-w-xl">
            <Field name="name" label=tr(l, "Nome di una nuova lista", "Name of a new list") hint=tr(l, "Per esempio: Magazzino estate 2027", "For example: Warehouse summer 2027")
                error=Signal::derive(move || field_message(created.get(), "name"))/>
            <button type="submit" class="btn-primary">{tr(l, "Crea la lista", "Create the list")}</button>
        </ActionForm>
        {with_data(lists, move |lists| view! {
            {lists.is_empty().then(|| view! { <p>{tr(l, "Nessuna lista per ora.", "No lists yet.")}</p> })}
            {lists.into_iter().map(|list| view! {
                <section class="mb-10" aria-labelledby=format!("lista-{}", list.id) data-testid="lista">
                    <h2 id=format!("lista-{}", list.id) class="section-title">{format!("{} ({})", list.name, list.entries.len())}</h2>
                    <ul class="grid gap-4">
                        {list.entries.into_iter().map(|e| view! {
                            <li class="grid gap-2">
                                {match e.card {
                                    Some(c) => view! { <ul><Card c/></ul> }.into_any(),
                                    None => view! { <p class="card">{tr(l, "Questa persona ha nascosto il profilo.", "This person hid the profile.")}</p> }.into_any(),
                                }}
                                <ActionForm action=note attr:class="flex flex-wrap items-end gap-2">
                                    <input type="hidden" name="list" value=list.id/>
                                    <input type="hidden" name="cv" value=e.cv_id/>
                                    <div class="flex grow flex-col">
                                        <label for=format!("nota-{}-{}", list.id, e.cv_id) class="font-semibold">{tr(l, "Nota privata", "Private note")}</label>
                                        <input id=format!("nota-{}-{}", list.id, e.cv_id) name="note" class="input" value=e.note.clone()/>
                                    </div>
                                    <button type="submit" class="btn-secondary">{tr(l, "Salva la nota", "Save the note")}</button>
                                </ActionForm>
                                <ActionForm action=remove>
                                    <input type="hidden" name="list" value=list.id/>
                                    <input type="hidden" name="cv" value=e.cv_id/>
                                    <button type="submit" class="btn-secondary">{tr(l, "Togli dalla lista", "Remove from the list")}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                    <ActionForm action=delete attr:class="mt-3">
                        <input type="hidden" name="list" value=list.id/>
                        <button type="submit" class="btn-danger">{format!("{} «{}»", tr(l, "Elimina la lista", "Delete the list"), list.name)}</button>
                    </ActionForm>
                </section>
            }).collect_view()}
        })}
    }
}
