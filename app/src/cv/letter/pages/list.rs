//! The person's cover letters, on `/cv` under the CVs: open, download,
//! delete, or write a new one.

use crate::components::async_data::with_data;
use crate::cv::letter::api::{list_my_letters, DeleteLetter};
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use leptos::prelude::*;

#[component]
pub fn MyLetters() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let delete = ServerAction::<DeleteLetter>::new();
    let letters = Resource::new(move || delete.version().get(), |_| list_my_letters());
    view! {
        <section class="mt-10" aria-labelledby="lettere">
            <h2 id="lettere" class="section-title">{td_string!(l, cv_letter_list.cover_letters)}</h2>
            <p class="mb-4">{td_string!(l, cv_letter_list.a_letter_says_in_a_few_lines)}</p>
            {with_data(letters, move |letters| view! {
                <ul class="mb-4 grid gap-4 md:grid-cols-2">
                    {letters.into_iter().map(|letter| {
                        let subject = if letter.subject.is_empty() {
                            td_string!(l, cv_letter_list.without_a_subject).to_string()
                        } else {
                            letter.subject.clone()
                        };
                        let delete_label = format!("{} {subject}", td_string!(l, cv_letter_list.delete_for_good));
                        view! {
                            <li class="card" data-testid="lettera">
                                <h3 class="card-title"><a href=format!("/cv/lettere/{}", letter.id)>{subject}</a></h3>
                                {letter.offer_title.map(|t| view! { <p>{format!("{} {t}", td_string!(l, cv_letter_list.for_the_offer))}</p> })}
                                <p>{format!("{} {}", td_string!(l, cv_letter_list.edited_on), italian_datetime(letter.updated_at))}</p>
                                <div class="mt-3 flex flex-wrap gap-3">
                                    <a class="btn-primary" href=format!("/cv/lettere/{}", letter.id)>{td_string!(l, cv_letter_list.open)}</a>
                                    <details>
                                        <summary class="btn-secondary cursor-pointer">{td_string!(l, cv_letter_list.delete)}</summary>
                                        <ActionForm action=delete attr:class="mt-2">
                                            <input type="hidden" name="id" value=letter.id/>
                                            <button type="submit" class="btn-danger" aria-label=delete_label>{td_string!(l, cv_letter_list.yes_delete_this_letter)}</button>
                                        </ActionForm>
                                    </details>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p><a class="btn-secondary" href="/cv/lettere/nuova">{td_string!(l, cv_letter_list.write_a_cover_letter)}</a></p>
        </section>
    }
}
