//! `/area/profilo`: the candidate's side: whether businesses can find them,
//! who opened their profile, and the requests for contact to answer.

use crate::candidates::api::{get_my_visibility, AnswerContactRequest};
use crate::candidates::domain::RequestState;
use crate::components::async_data::with_data;
use crate::components::tr;
use crate::i18n::*;
use crate::kernel::dates::italian_datetime;
use crate::kernel::labels::pick;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyProfilePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let answer = ServerAction::<AnswerContactRequest>::new();
    let mine = Resource::new(move || answer.version().get(), |_| get_my_visibility());
    let title = tr(
        l,
        "Il tuo profilo per le imprese",
        "Your profile for businesses",
    );
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {with_data(mine, move |m| view! {
            {match m.visible_cv {
                Some((id, name)) => view! {
                    <p class="notice mb-6">{format!("{} «{name}». ", tr(l, "Le imprese verificate trovano il tuo profilo anonimo dal CV", "Verified businesses find your anonymous profile from the CV"))}<a href=format!("/cv/{id}?passo=8")>{tr(l, "Cambia o nascondi", "Change or hide")}</a></p>
                }.into_any(),
                None => view! {
                    <p class="notice mb-6">{tr(l, "Ora nessuna impresa può trovarti. Puoi rendere visibile un tuo CV dall'ultimo passo del CV.", "No business can find you now. You can make a CV visible from the CV's last step.")}" "<a href="/cv">{tr(l, "I tuoi CV", "Your CVs")}</a></p>
                }.into_any(),
            }}
            <section class="mb-8" aria-labelledby="richieste">
                <h2 id="richieste" class="section-title">{tr(l, "Richieste di contatto", "Contact requests")}</h2>
                {m.requests.is_empty().then(|| view! { <p>{tr(l, "Nessuna richiesta per ora.", "No requests yet.")}</p> })}
                <ul class="grid gap-4">
                    {m.requests.into_iter().map(|r| view! {
                        <li class="card" data-testid="richiesta-contatto">
                            <h3 class="card-title">{r.organisation.clone()}</h3>
                            <p class="text-base text-slate-700">{italian_datetime(r.sent_at)}</p>
                            {r.offer.clone().map(|(id, title)| view! { <p>{tr(l, "Per l'offerta: ", "For the offer: ")}<a href=format!("/offerte/{id}")>{title}</a></p> })}
                            <blockquote class="my-2 border-l-4 border-slate-400 pl-3 whitespace-pre-line">{r.message.clone()}</blockquote>
                            {if r.state == RequestState::Pending {
                                view! {
                                    <p class="mb-2">{tr(l, "Se accetti, l'impresa vede il tuo nome, i contatti e il CV completo.", "If you accept, the business sees your name, contacts and full CV.")}</p>
                                    <div class="flex flex-wrap gap-3">
                                        <ActionForm action=answer>
                                            <input type="hidden" name="id" value=r.id/>
                                            <input type="hidden" name="answer" value="accetta"/>
                                            <button type="submit" class="btn-primary">{format!("{} {}", tr(l, "Accetta il contatto di", "Accept contact from"), r.organisation)}</button>
                                        </ActionForm>
                                        <ActionForm action=answer>
                                            <input type="hidden" name="id" value=r.id/>
                                            <input type="hidden" name="answer" value="rifiuta"/>
                                            <button type="submit" class="btn-secondary">{tr(l, "Rifiuta", "Decline")}</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            } else {
                                view! { <p><span class="badge">{pick(r.state.label(), english)}</span></p> }.into_any()
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="visite">
                <h2 id="visite" class="section-title">{tr(l, "Chi ha visto il tuo profilo", "Who viewed your profile")}</h2>
                {m.views.is_empty().then(|| view! { <p>{tr(l, "Nessuna visita per ora.", "No views yet.")}</p> })}
                <ul class="list-disc pl-6">
                    {m.views.into_iter().map(|(who, at)| view! { <li data-testid="visita">{format!("{who} — {}", italian_datetime(at))}</li> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
