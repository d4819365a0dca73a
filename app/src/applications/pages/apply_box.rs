//! "Candidati" on an offer's page: with one of one's CVs, a message and a
//! cover letter if one likes (or the link to write one for this offer), or
//! the way to get there (sign in, write a CV), or where the application is.

use crate::applications::api::{get_apply_state, ApplyToOffer};
use crate::applications::domain::ApplyState;
use crate::components::form::{field_message, form_message, SelectField, TextArea};
use crate::i18n::*;
use crate::kernel::dates::italian_date;
use crate::kernel::labels::pick;
use leptos::prelude::*;

#[component]
pub fn ApplyBox(offer: i64) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let apply = ServerAction::<ApplyToOffer>::new();
    let state = Resource::new(
        move || apply.version().get(),
        move |_| get_apply_state(offer),
    );
    let result = apply.value();
    let desk = move || {
        view! {
            <p class="mb-4">{td_string!(l, applications_apply_box.the_infolavoro_desk_of)}</p>
            <p><a class="btn-secondary" href="/sportelli">{td_string!(l, applications_apply_box.book_the_desk)}</a></p>
        }
    };
    view! {
        <section class="card mb-6" aria-labelledby="candidati" data-testid="candidatura">
            <h2 id="candidati" class="section-title">{td_string!(l, applications_apply_box.apply)}</h2>
            <Transition fallback=|| ()>
                {move || state.get().map(|s| match s {
                    Ok(ApplyState::Ready { cvs, letters, letter_for_offer }) => view! {
                        <ActionForm action=apply>
                            <input type="hidden" name="offer" value=offer/>
                            <p role="alert" class="field-error">{move || form_message(result.get(), &["cv", "message", "letter"])}</p>
                            <SelectField name="cv" label=td_string!(l, applications_apply_box.with_which_cv) placeholder=td_string!(l, applications_apply_box.choose)
                                options=cvs.iter().map(|(id, name)| (id.to_string(), name.clone())).collect() value=cvs.first().map(|(id, _)| id.to_string())
                                error=Signal::derive(move || field_message(result.get(), "cv"))/>
                            <TextArea name="message" label=td_string!(l, applications_apply_box.message_for_the_employer) rows="4"
                                hint=td_string!(l, applications_apply_box.two_lines_why_it)
                                error=Signal::derive(move || field_message(result.get(), "message"))/>
                            <SelectField name="letter" label=td_string!(l, applications_apply_box.cover_letter) placeholder=td_string!(l, applications_apply_box.no_letter)
                                hint=td_string!(l, applications_apply_box.a_letter_says_more)
                                options=letters.iter().map(|(id, subject)| (id.to_string(), if subject.is_empty() { td_string!(l, applications_apply_box.letter_without_a_subject).to_string() } else { subject.clone() })).collect() value=letter_for_offer.map(|id| id.to_string())
                                error=Signal::derive(move || field_message(result.get(), "letter"))/>
                            <p class="mb-5"><a href=format!("/cv/lettere/nuova?offerta={offer}")>{td_string!(l, applications_apply_box.write_a_letter_for_this_offer)}</a></p>
                            <button type="submit" class="btn-primary">{td_string!(l, applications_apply_box.send_the_application)}</button>
                        </ActionForm>
                    }.into_any(),
                    Ok(ApplyState::Applied { stage, sent_at }) => view! {
                        <p class="notice mb-2" role="status">{format!("{} {} · {} {}", td_string!(l, applications_apply_box.application_sent_on), italian_date(sent_at), td_string!(l, applications_apply_box.state), pick(stage.label(), l == Locale::en))}</p>
                        <p><a href="/area/candidature">{td_string!(l, applications_apply_box.all_your_applications)}</a></p>
                    }.into_any(),
                    Ok(ApplyState::NoCv) => view! {
                        <p class="mb-3">{td_string!(l, applications_apply_box.to_apply_you_need)}</p>
                        <p class="mb-4"><a class="btn-primary" href="/cv">{td_string!(l, applications_apply_box.write_your_cv)}</a></p>
                        {desk()}
                    }.into_any(),
                    Ok(ApplyState::NotACitizen { signed_in: false }) => view! {
                        <p class="mb-4"><a href="/accesso">{td_string!(l, applications_apply_box.sign_in)}</a>{td_string!(l, applications_apply_box.to_apply_with_your)}</p>
                        {desk()}
                    }.into_any(),
                    _ => desk().into_any(),
                })}
            </Transition>
        </section>
    }
}
