//! `/cv/lettere/nuova?offerta={id}`: which CV the letter is written from;
//! the letter then opens in its editor, its first draft written from the
//! CV (and from the offer, when it answers one).

use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, SelectField};
use crate::cv::api::list_my_cvs;
use crate::cv::letter::api::CreateLetter;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewLetterPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let offer = use_query_map()
        .read_untracked()
        .get("offerta")
        .and_then(|o| o.parse::<i64>().ok());
    let cvs = Resource::new(|| (), |_| list_my_cvs());
    let create = ServerAction::<CreateLetter>::new();
    let result = create.value();
    let title = td_string!(l, cv_letter_new.new_cover_letter);
    view! {
        <Title text=title/>
        <p class="mb-2"><a href="/cv">{td_string!(l, cv_letter_new.your_cvs_and_letters)}</a></p>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6">{td_string!(l, cv_letter_new.a_letter_says_in_a_few_lines)}</p>
        {with_data(cvs, move |cvs| if cvs.is_empty() {
            view! {
                <p class="mb-4">{td_string!(l, cv_letter_new.first_write_a_cv)}</p>
                <p><a class="btn-primary" href="/cv">{td_string!(l, cv_letter_new.write_your_cv)}</a></p>
            }.into_any()
        } else {
            view! {
                <ActionForm action=create attr:class="card max-w-xl">
                    {offer.map(|id| view! {
                        <input type="hidden" name="offer" value=id/>
                        <p class="mb-4">{td_string!(l, cv_letter_new.it_will_answer_the_offer)}" "<a href=format!("/offerte/{id}")>{format!("n. {id}")}</a></p>
                    })}
                    <p role="alert" class="field-error">{move || form_message(result.get(), &["cv", "offer"])}</p>
                    <SelectField name="cv" label=td_string!(l, cv_letter_new.from_which_cv) placeholder=td_string!(l, cv_letter_new.choose)
                        hint=td_string!(l, cv_letter_new.we_write_a_first_draft)
                        options=cvs.iter().map(|c| (c.id.to_string(), c.name.clone())).collect() value=cvs.first().map(|c| c.id.to_string())
                        error=Signal::derive(move || field_message(result.get(), "cv"))/>
                    <button type="submit" class="btn-primary">{td_string!(l, cv_letter_new.write_the_letter)}</button>
                </ActionForm>
            }.into_any()
        })}
    }
}
