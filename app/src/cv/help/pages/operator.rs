//! `/staff/sportello-cv`: a desk operator types the code the citizen reads
//! out, then opens that person's CVs in the wizard while the permission lasts.

use crate::components::async_data::with_data;
use crate::components::form::{field_message, Field};
use crate::cv::help::api::{list_helped_citizens, UseDeskHelpCode};
use crate::i18n::*;
use crate::kernel::dates::italian_time;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DeskHelpPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let claim = ServerAction::<UseDeskHelpCode>::new();
    let result = claim.value();
    let helped = Resource::new(move || claim.version().get(), |_| list_helped_citizens());
    let title = td_string!(l, cv_help_operator.help_with_a_cv);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, cv_help_operator.the_person_gives_you_a_code)}</p>
        <ActionForm action=claim attr:class="card mb-8 max-w-xl">
            <Field name="code" label=td_string!(l, cv_help_operator.the_persons_code) hint=td_string!(l, cv_help_operator.eight_letters_and_digits)
                autocomplete="off" error=Signal::derive(move || field_message(result.get(), "code"))/>
            <button type="submit" class="btn-primary">{td_string!(l, cv_help_operator.open_their_cvs)}</button>
        </ActionForm>
        <h2 class="section-title">{td_string!(l, cv_help_operator.people_you_are_helping)}</h2>
        {with_data(helped, move |helped| if helped.is_empty() {
            view! { <p>{td_string!(l, cv_help_operator.nobody_now)}</p> }.into_any()
        } else {
            view! {
                <ul class="grid gap-4 md:grid-cols-2">
                    {helped.into_iter().map(|person| view! {
                        <li class="card" data-testid="persona-aiutata">
                            <h3 class="card-title">{person.name.clone()}</h3>
                            <p class="mb-2">{td_string!(l, cv_help_operator.until, until = italian_time(person.until))}</p>
                            {person.cvs.is_empty().then(|| view! { <p>{td_string!(l, cv_help_operator.no_cv_yet)}</p> })}
                            <ul class="list-disc pl-6">
                                {person.cvs.into_iter().map(|(id, name)| view! {
                                    <li><a href=format!("/cv/{id}")>{name}</a></li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}
