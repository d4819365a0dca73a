//! `/imprese/candidati/{id}`: one blind profile, with the business's lists
//! and its request for contact; once the candidate accepts, the contacts
//! and the whole CV.

use crate::candidates::api::{get_candidate, OpenCandidate, RequestContact, SaveToShortlist};
use crate::candidates::domain::{BlindEntry, CandidateProfile, CandidateView, RequestState};
use crate::components::async_data::with_data;
use crate::components::form::{field_message, form_message, SelectField, TextArea};
use crate::components::use_id_param;
use crate::cv::domain::CEFR_SKILLS;
use crate::i18n::*;
use crate::kernel::labels::pick;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CandidatePage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let id = use_id_param();
    let request = ServerAction::<RequestContact>::new();
    let save = ServerAction::<SaveToShortlist>::new();
    let open = ServerAction::<OpenCandidate>::new();
    let profile = Resource::new(
        move || {
            (
                id.get(),
                request.version().get(),
                save.version().get(),
                open.version().get(),
            )
        },
        |(id, _, _, _)| get_candidate(id),
    );
    view! {
        <Title text=td_string!(l, candidates_profile.candidate_profile)/>
        <p class="mb-2"><a href="/imprese/candidati">{td_string!(l, candidates_profile.back_to_the_search)}</a></p>
        {with_data(profile, move |v| match v {
            CandidateView::Open(p) => view! { <Profile p=*p request save/> }.into_any(),
            CandidateView::Closed { views_left } => view! { <OpenProfile id=id.get_untracked() views_left open/> }.into_any(),
        })}
    }
}

/// Before a business reads a profile it opens it, knowingly spending one
/// of the day's openings: a form, so a link from elsewhere spends nothing.
#[component]
fn OpenProfile(id: i64, views_left: i64, open: ServerAction<OpenCandidate>) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let result = open.value();
    view! {
        <h1 class="page-title">{td_string!(l, candidates_profile.candidate_profile)}</h1>
        <section class="card max-w-prose" aria-labelledby="apri">
            <h2 id="apri" class="section-title">{td_string!(l, candidates_profile.open_the_profile)}</h2>
            <p class="mb-3">{format!("{} {views_left}.", td_string!(l, candidates_profile.opening_a_profile_counts))}</p>
            <ActionForm action=open>
                <input type="hidden" name="id" value=id/>
                <p role="alert" class="field-error">{move || form_message(result.get(), &[])}</p>
                <button type="submit" class="btn-primary" disabled=views_left == 0>{td_string!(l, candidates_profile.open_the_profile)}</button>
            </ActionForm>
        </section>
    }
}

fn entries(title: &'static str, list: Vec<BlindEntry>) -> impl IntoView {
    (!list.is_empty()).then(|| view! {
        <h2 class="section-title mt-6">{title}</h2>
        <ul class="space-y-3">
            {list.into_iter().map(|e| view! {
                <li>
                    <p class="text-base text-slate-700">{e.duration}</p>
                    <p class="font-bold">{e.title}</p>
                    <p class="italic">{e.subtitle}</p>
                    {(!e.lines.is_empty()).then(|| view! { <ul class="list-disc pl-6">{e.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
                </li>
            }).collect_view()}
        </ul>
    })
}

#[component]
fn Profile(
    p: CandidateProfile,
    request: ServerAction<RequestContact>,
    save: ServerAction<SaveToShortlist>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let english = l == Locale::en;
    let c = p.card.clone();
    let title = if c.roles.is_empty() {
        c.headline.clone()
    } else {
        c.roles.clone()
    };
    let sent = request.value();
    let saved = save.value();
    view! {
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-4">{format!("{} · {} {} km", c.comune_name, td_string!(l, candidates_profile.travels_up_to), c.travel_km)}</p>
        <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <article lang=p.cv_language.code()>
                {(!c.headline.is_empty()).then(|| view! { <p class="mb-2 font-semibold">{c.headline.clone()}</p> })}
                {p.profile.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p class="mb-2">{l.to_string()}</p> }).collect_view()}
                {entries(td_string!(l, candidates_profile.work_experience), p.experience)}
                {entries(td_string!(l, candidates_profile.education_and_training), p.education)}
                <h2 class="section-title mt-6">{td_string!(l, candidates_profile.languages)}</h2>
                {(!p.language_grid.is_empty()).then(|| view! {
                    <div class="overflow-x-auto">
                        <table class="cv-grid my-2">
                            <thead><tr><th scope="col">{td_string!(l, candidates_profile.language)}</th>{CEFR_SKILLS.iter().map(|s| view! { <th scope="col">{pick(*s, english)}</th> }).collect_view()}</tr></thead>
                            <tbody>{p.language_grid.into_iter().map(|g| view! {
                                <tr><th scope="row">{g.language.clone()}</th>{g.levels().into_iter().map(|v| view! { <td>{if v.is_empty() { "–".to_string() } else { v.to_string() }}</td> }).collect_view()}</tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                })}
                {(!p.digital.is_empty() || !p.digital_tools.is_empty()).then(|| view! {
                    <h2 class="section-title mt-6">{td_string!(l, candidates_profile.digital_skills)}</h2>
                    <dl class="facts">{p.digital.into_iter().map(|(a, v)| view! { <dt>{a}</dt><dd>{v}</dd> }).collect_view()}</dl>
                    <p class="mt-2">{p.digital_tools.clone()}</p>
                })}
                {(!c.licences.is_empty()).then(|| view! {
                    <h2 class="section-title mt-6">{td_string!(l, candidates_profile.driving_licence)}</h2>
                    <p>{format!("{}{}", c.licences.join(", "), if p.own_vehicle { td_string!(l, candidates_profile.own_vehicle) } else { "" })}</p>
                })}
                {(!p.other_skills.is_empty()).then(|| view! { <h2 class="section-title mt-6">{td_string!(l, candidates_profile.other_skills)}</h2><p class="whitespace-pre-line">{p.other_skills.clone()}</p> })}
                {entries(td_string!(l, candidates_profile.certifications), p.certifications)}
                {entries(td_string!(l, candidates_profile.volunteering), p.volunteering)}
            </article>
            <aside class="space-y-6">
                {match (p.request, p.contacts) {
                    (Some(RequestState::Accepted), Some(k)) => view! {
                        <section class="card" aria-labelledby="contatti">
                            <h2 id="contatti" class="section-title">{td_string!(l, candidates_profile.contacts)}</h2>
                            <dl class="facts" data-testid="contatti">
                                <dt>{td_string!(l, candidates_profile.name)}</dt><dd>{k.name}</dd>
                                <dt>{td_string!(l, candidates_profile.email)}</dt><dd><a href=format!("mailto:{}", k.email)>{k.email.clone()}</a></dd>
                                {(!k.phone.is_empty()).then(|| view! { <dt>{td_string!(l, candidates_profile.phone)}</dt><dd>{k.phone.clone()}</dd> })}
                            </dl>
                            <p class="mt-3"><a class="btn-secondary" href=k.cv_href download="" rel="external">{td_string!(l, candidates_profile.download_the_full_cv)}</a></p>
                        </section>
                    }.into_any(),
                    (Some(state), _) => view! {
                        <p class="notice" role="status" data-testid="richiesta">{format!("{} {}", td_string!(l, candidates_profile.contact_request), pick(state.label(), english))}</p>
                    }.into_any(),
                    (None, _) => view! {
                        <section class="card" aria-labelledby="contatto">
                            <h2 id="contatto" class="section-title">{td_string!(l, candidates_profile.ask_for_contact)}</h2>
                            <ActionForm action=request>
                                <input type="hidden" name="cv" value=c.id/>
                                <p role="alert" class="field-error">{move || form_message(sent.get(), &["message", "offer"])}</p>
                                <TextArea name="message" label=td_string!(l, candidates_profile.message_for_the_person) rows="4"
                                    hint=td_string!(l, candidates_profile.who_you_are_and)
                                    error=Signal::derive(move || field_message(sent.get(), "message"))/>
                                {(!p.offers.is_empty()).then(|| view! {
                                    <SelectField name="offer" label=td_string!(l, candidates_profile.for_the_offer_optional) placeholder=td_string!(l, candidates_profile.none)
                                        options=p.offers.iter().map(|(id, t)| (id.to_string(), t.clone())).collect()
                                        error=Signal::derive(move || field_message(sent.get(), "offer"))/>
                                })}
                                <button type="submit" class="btn-primary">{td_string!(l, candidates_profile.send_the_request)}</button>
                            </ActionForm>
                        </section>
                    }.into_any(),
                }}
                <section class="card" aria-labelledby="liste">
                    <h2 id="liste" class="section-title">{td_string!(l, candidates_profile.save_to_a_list)}</h2>
                    {p.shortlists.iter().filter(|(_, _, on)| *on).map(|(_, name, _)| view! { <p class="mb-2"><span class="badge">{format!("{} {name}", td_string!(l, candidates_profile.on_list))}</span></p> }).collect_view()}
                    {if p.shortlists.is_empty() {
                        view! { <p>{td_string!(l, candidates_profile.you_have_no_lists)}<a href="/imprese/liste">{td_string!(l, candidates_profile.create_one)}</a>"."</p> }.into_any()
                    } else {
                        view! {
                            <ActionForm action=save>
                                <input type="hidden" name="cv" value=c.id/>
                                <SelectField name="list" label=td_string!(l, candidates_profile.list) placeholder=td_string!(l, candidates_profile.choose)
                                    options=p.shortlists.iter().map(|(id, n, _)| (id.to_string(), n.clone())).collect() value=p.shortlists.first().map(|(id, _, _)| id.to_string())
                                    error=Signal::derive(move || field_message(saved.get(), "list"))/>
                                <TextArea name="note" label=td_string!(l, candidates_profile.private_note_only_you) rows="3"
                                    error=Signal::derive(move || field_message(saved.get(), "note"))/>
                                <button type="submit" class="btn-secondary">{td_string!(l, candidates_profile.save_to_the_list)}</button>
                            </ActionForm>
                        }.into_any()
                    }}
                </section>
            </aside>
        </div>
    }
}
