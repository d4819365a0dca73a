//! "Candidati" on an offer's page: with one of one's CVs and a message, or
//! the way to get there (sign in, write a CV), or where the application is.

use crate::applications::api::{get_apply_state, ApplyToOffer};
use crate::applications::domain::ApplyState;
use crate::components::form::{field_message, form_message, SelectField, TextArea};
use crate::components::tr;
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
            <p class="mb-4">{tr(l, "Lo sportello InfoLavoro del tuo comune ti aiuta a preparare il curriculum e a candidarti. La prenotazione è gratuita.", "The InfoLavoro desk of your municipality helps you prepare your CV and apply. Booking is free.")}</p>
            <p><a class="btn-secondary" href="/sportelli">{tr(l, "Prenota lo sportello", "Book the desk")}</a></p>
        }
    };
    view! {
        <section class="card mb-6" aria-labelledby="candidati" data-testid="candidatura">
            <h2 id="candidati" class="section-title">{tr(l, "Candidati", "Apply")}</h2>
            <Transition fallback=|| ()>
                {move || state.get().map(|s| match s {
                    Ok(ApplyState::Ready { cvs }) => view! {
                        <ActionForm action=apply>
                            <input type="hidden" name="offer" value=offer/>
                            <p role="alert" class="field-error">{move || form_message(result.get(), &["cv", "message"])}</p>
                            <SelectField name="cv" label=tr(l, "Con quale CV", "With which CV") placeholder=tr(l, "Scegli…", "Choose…")
                                options=cvs.iter().map(|(id, name)| (id.to_string(), name.clone())).collect() value=cvs.first().map(|(id, _)| id.to_string())
                                error=Signal::derive(move || field_message(result.get(), "cv"))/>
                            <TextArea name="message" label=tr(l, "Messaggio per chi assume (facoltativo)", "Message for the employer (optional)") rows="4"
                                hint=tr(l, "Due righe: perché ti interessa e quando sei disponibile.", "Two lines: why it interests you and when you are available.")
                                error=Signal::derive(move || field_message(result.get(), "message"))/>
                            <button type="submit" class="btn-primary">{tr(l, "Invia la candidatura", "Send the application")}</button>
                        </ActionForm>
                    }.into_any(),
                    Ok(ApplyState::Applied { stage, sent_at }) => view! {
                        <p class="notice mb-2" role="status">{format!("{} {} · {} {}", tr(l, "Candidatura inviata il", "Application sent on"), italian_date(sent_at), tr(l, "stato:", "state:"), pick(stage.label(), l == Locale::en))}</p>
                        <p><a href="/area/candidature">{tr(l, "Tutte le tue candidature", "All your applications")}</a></p>
                    }.into_any(),
                    Ok(ApplyState::NoCv) => view! {
                        <p class="mb-3">{tr(l, "Per candidarti serve un CV: lo scrivi in pochi passi, con esempi e consigli.", "To apply you need a CV: write it in a few steps, with examples and tips.")}</p>
                        <p class="mb-4"><a class="btn-primary" href="/cv">{tr(l, "Scrivi il tuo CV", "Write your CV")}</a></p>
                        {desk()}
                    }.into_any(),
                    Ok(ApplyState::NotACitizen { signed_in: false }) => view! {
                        <p class="mb-4"><a href="/accesso">{tr(l, "Accedi", "Sign in")}</a>{tr(l, " per candidarti con il tuo CV.", " to apply with your CV.")}</p>
                        {desk()}
                    }.into_any(),
                    _ => desk().into_any(),
                })}
            </Transition>
        </section>
    }
}
