//! `/staff/adesioni`: the admin approves or rejects each request to join, with
//! a reason the applicant receives by email; the latest decisions below.

use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::components::tr;
use crate::i18n::Locale;
use crate::kernel::dates::italian_datetime;
use crate::membership::api::{list_adhesions, DecideAdhesion};
use crate::membership::domain::{AdhesionKind, AdhesionQueue, AdhesionRequest, AdhesionStatus};
use crate::network::pages::category_label;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdhesionsPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let decide = ServerAction::<DecideAdhesion>::new();
    let decisions = Decisions::new(decide.version(), decide.value());
    let queue = Resource::new(move || decisions.settled.get(), |_| list_adhesions());
    let title = tr(
        l,
        "Richieste di adesione alla Rete",
        "Requests to join the Network",
    );
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p class="lead mb-6 max-w-3xl">{tr(l,
            "Un ente approvato compare subito nella pagina della Rete e la persona di riferimento riceve l'invito a creare l'account dell'ente; un comune approvato entra tra i comuni della Rete. Chi ha chiesto riceve l'esito per email, con la motivazione.",
            "An approved body appears at once on the Network page and its contact gets an invitation to create the body's account; an approved municipality joins the Network's municipalities. The applicant receives the outcome by email, with the reasons.")}</p>
        <p role="alert" class="field-error">
            {move || decisions.page_message()}
        </p>
        {with_data(queue, move |queue| view! { <Queue queue decide decisions l/> })}
    }
}

fn kind_label(r: &AdhesionRequest, l: Locale) -> String {
    match (r.kind, r.category) {
        (AdhesionKind::Comune, _) => tr(l, "Comune", "Municipality").to_string(),
        (AdhesionKind::Ente, Some(c)) => category_label(c, l).to_string(),
        (AdhesionKind::Ente, None) => tr(l, "Ente", "Body").to_string(),
    }
}

#[component]
fn Queue(
    queue: AdhesionQueue,
    decide: ServerAction<DecideAdhesion>,
    decisions: Decisions,
    l: Locale,
) -> impl IntoView {
    let AdhesionQueue { waiting, decided } = queue;
    let texts = DecisionTexts::confirm(
        l,
        tr(l, "Approva l'adesione", "Approve"),
        tr(l, "Respingi", "Reject"),
        tr(
            l,
            "Motivazione per chi ha chiesto (obbligatoria se respingi)",
            "Reason for the applicant (required to reject)",
        ),
    );
    view! {
        <section aria-labelledby="in-attesa" class="mb-10">
            <h2 id="in-attesa" class="section-title">{tr(l, "In attesa", "Waiting")} " (" {waiting.len()} ")"</h2>
            {waiting.is_empty().then(|| view! { <p role="status">{tr(l, "Nessuna richiesta in attesa.", "No request is waiting.")}</p> })}
            <ul class="space-y-6">
                {waiting.into_iter().map(|r| {
                    view! {
                        <li class="card max-w-3xl" data-testid="richiesta-adesione">
                            <h3 class="card-title">{r.name.clone()}</h3>
                            <dl class="facts mb-4">
                                <dt>{tr(l, "Tipo", "Kind")}</dt><dd>{kind_label(&r, l)}</dd>
                                {r.mayor.clone().map(|m| view! { <dt>{tr(l, "Sindaca o sindaco", "Mayor")}</dt><dd>{m}</dd> })}
                                <dt>{tr(l, "Persona di riferimento", "Contact person")}</dt><dd>{r.contact_name.clone()}</dd>
                                <dt>{tr(l, "Email", "Email")}</dt><dd>{r.contact_email.clone()}</dd>
                                <dt>{tr(l, "Telefono", "Phone")}</dt><dd>{r.contact_phone.clone()}</dd>
                                <dt>{tr(l, "Motivazione", "Reason")}</dt><dd class="whitespace-pre-line">{r.reason.clone()}</dd>
                                <dt>{tr(l, "Protocollo", "Memorandum")}</dt><dd>{tr(l, "Accettato", "Accepted")}</dd>
                                <dt>{tr(l, "Arrivata il", "Received")}</dt><dd>{italian_datetime(r.created_at)}</dd>
                            </dl>
                            <ActionForm action=decide>
                                <input type="hidden" name="request" value=r.id/>
                                <DecisionFields item=r.id texts decisions/>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="decise">
            <h2 id="decise" class="section-title">{tr(l, "Decise di recente", "Recently decided")}</h2>
            <table class="hours-table max-w-none">
                <caption class="sr-only">{tr(l, "Richieste decise, dalla più recente", "Decided requests, newest first")}</caption>
                <thead><tr>
                    <th scope="col">{tr(l, "Richiesta", "Request")}</th>
                    <th scope="col">{tr(l, "Esito", "Outcome")}</th>
                    <th scope="col">{tr(l, "Motivazione", "Reason")}</th>
                    <th scope="col">{tr(l, "Decisa il", "Decided")}</th>
                </tr></thead>
                <tbody>
                    {decided.into_iter().map(|r| view! {
                        <tr data-testid="adesione-decisa">
                            <td>{r.name.clone()}</td>
                            <td>{if r.status == AdhesionStatus::Approved { tr(l, "Approvata", "Approved") } else { tr(l, "Respinta", "Rejected") }}</td>
                            <td>{r.decision_reason.clone().unwrap_or_default()}</td>
                            <td>{r.decided_at.map(italian_datetime).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
