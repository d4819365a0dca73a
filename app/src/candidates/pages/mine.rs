//! `/area/profilo`: the candidate's side: whether businesses can find them,
//! who opened their profile, and the requests for contact to answer.

use crate::candidates::api::{get_my_visibility, AnswerContactRequest};
use crate::candidates::domain::RequestState;
use crate::components::async_data::with_data;
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
    let title = td_string!(l, candidates_mine.your_profile_for_businesses);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        {with_data(mine, move |m| view! {
            {match m.visible_cv {
                Some((id, name)) => view! {
                    <p class="notice mb-6">{format!("{} «{name}». ", td_string!(l, candidates_mine.verified_businesses_find_your))}<a href=format!("/cv/{id}?passo=8")>{td_string!(l, candidates_mine.change_or_hide)}</a></p>
                }.into_any(),
                None => view! {
                    <p class="notice mb-6">{td_string!(l, candidates_mine.no_business_can_find)}" "<a href="/cv">{td_string!(l, candidates_mine.your_cvs)}</a></p>
                }.into_any(),
            }}
            <section class="mb-8" aria-labelledby="richieste">
                <h2 id="richieste" class="section-title">{td_string!(l, candidates_mine.contact_requests)}</h2>
                {m.requests.is_empty().then(|| view! { <p>{td_string!(l, candidates_mine.no_requests_yet)}</p> })}
                <ul class="grid gap-4">
                    {m.requests.into_iter().map(|r| view! {
                        <li class="card" data-testid="richiesta-contatto">
                            <h3 class="card-title">{r.organisation.clone()}</h3>
                            <p class="text-base text-slate-700">{italian_datetime(r.sent_at)}</p>
                            {r.offer.clone().map(|(id, title)| view! { <p>{td_string!(l, candidates_mine.for_the_offer)}<a href=format!("/offerte/{id}")>{title}</a></p> })}
                            <blockquote class="my-2 border-l-4 border-slate-400 pl-3 whitespace-pre-line">{r.message.clone()}</blockquote>
                            {if r.state == RequestState::Pending {
                                view! {
                                    <p class="mb-2">{td_string!(l, candidates_mine.if_you_accept_the)}</p>
                                    <div class="flex flex-wrap gap-3">
                                        <ActionForm action=answer>
                                            <input type="hidden" name="id" value=r.id/>
                                            <input type="hidden" name="answer" value="accetta"/>
                                            <button type="submit" class="btn-primary">{format!("{} {}", td_string!(l, candidates_mine.accept_contact_from), r.organisation)}</button>
                                        </ActionForm>
                                        <ActionForm action=answer>
                                            <input type="hidden" name="id" value=r.id/>
                                            <input type="hidden" name="answer" value="rifiuta"/>
                                            <button type="submit" class="btn-secondary">{td_string!(l, candidates_mine.decline)}</button>
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
                <h2 id="visite" class="section-title">{td_string!(l, candidates_mine.who_viewed_your_profile)}</h2>
                {m.views.is_empty().then(|| view! { <p>{td_string!(l, candidates_mine.no_views_yet)}</p> })}
                <ul class="list-disc pl-6">
                    {m.views.into_iter().map(|(who, at)| view! { <li data-testid="visita">{format!("{who} — {}", italian_datetime(at))}</li> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
