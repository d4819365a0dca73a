//! `/imprese/liste`: the business's named lists of profiles, with notes.

use super::search::Card;
use crate::candidates::api::{
    list_shortlists, CreateShortlist, DeleteShortlist, RemoveFromShortlist, SaveToShortlist,
};
use crate::components::async_data::with_data;
use crate::components::form::{field_message, Field};
use crate::i18n::td_string;
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
    let title = td_string!(l, candidates_lists.your_candidate_lists);
    view! {
        <Title text=title/>
        <p class="mb-2"><a href="/imprese/candidati">{td_string!(l, candidates_lists.find_candidates)}</a></p>
        <h1 class="page-title">{title}</h1>
        <ActionForm action=create attr:class="card mb-8 max-w-xl">
            <Field name="name" label=td_string!(l, candidates_lists.name_of_a_new) hint=td_string!(l, candidates_lists.for_example_warehouse_summer)
                error=Signal::derive(move || field_message(created.get(), "name"))/>
            <button type="submit" class="btn-primary">{td_string!(l, candidates_lists.create_the_list)}</button>
        </ActionForm>
        {with_data(lists, move |lists| view! {
            {lists.is_empty().then(|| view! { <p>{td_string!(l, candidates_lists.no_lists_yet)}</p> })}
            {lists.into_iter().map(|list| view! {
                <section class="mb-10" aria-labelledby=format!("lista-{}", list.id) data-testid="lista">
                    <h2 id=format!("lista-{}", list.id) class="section-title">{format!("{} ({})", list.name, list.entries.len())}</h2>
                    <ul class="grid gap-4">
                        {list.entries.into_iter().map(|e| view! {
                            <li class="grid gap-2">
                                {match e.card {
                                    Some(c) => view! { <ul><Card c/></ul> }.into_any(),
                                    None => view! { <p class="card">{td_string!(l, candidates_lists.this_person_hid_the)}</p> }.into_any(),
                                }}
                                <ActionForm action=note attr:class="flex flex-wrap items-end gap-2">
                                    <input type="hidden" name="list" value=list.id/>
                                    <input type="hidden" name="cv" value=e.cv_id/>
                                    <div class="flex grow flex-col">
                                        <label for=format!("nota-{}-{}", list.id, e.cv_id) class="font-semibold">{td_string!(l, candidates_lists.private_note)}</label>
                                        <input id=format!("nota-{}-{}", list.id, e.cv_id) name="note" class="input" value=e.note.clone()/>
                                    </div>
                                    <button type="submit" class="btn-secondary">{td_string!(l, candidates_lists.save_the_note)}</button>
                                </ActionForm>
                                <ActionForm action=remove>
                                    <input type="hidden" name="list" value=list.id/>
                                    <input type="hidden" name="cv" value=e.cv_id/>
                                    <button type="submit" class="btn-secondary">{td_string!(l, candidates_lists.remove_from_the_list)}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                    <ActionForm action=delete attr:class="mt-3">
                        <input type="hidden" name="list" value=list.id/>
                        <button type="submit" class="btn-danger">{format!("{} «{}»", td_string!(l, candidates_lists.delete_the_list), list.name)}</button>
                    </ActionForm>
                </section>
            }).collect_view()}
        })}
    }
}
