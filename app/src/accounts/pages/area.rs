//! `/area`: my account, what I agreed to, my data, and the way out.

use super::{role_label, status_label};
use crate::accounts::api::{get_my_account, LogOut};
use crate::accounts::domain::MyAccount;
use crate::components::async_data::with_data;
use crate::components::form::{field_message, Field};
use crate::i18n::*;
use crate::kernel::access::domain::AccountStatus;
use crate::kernel::dates::italian_datetime;
use crate::privacy::api::DeleteMyAccount;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn MyAreaPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let account = Resource::new(|| (), |_| get_my_account());
    view! {
        <Title text=td_string!(l, account.area_title)/>
        <h1 class="page-title">{td_string!(l, account.area_title)}</h1>
        {with_data(account, |account| view! { <Area account/> })}
    }
}

#[component]
fn Area(account: MyAccount) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let user = account.user;
    let logout = ServerAction::<LogOut>::new();
    let delete = ServerAction::<DeleteMyAccount>::new();
    let delete_result = delete.value();
    let status_note = match user.status {
        AccountStatus::InAttesa => Some(td_string!(l, account.pending_note).to_string()),
        AccountStatus::Respinto => Some(format!(
            "{} {}",
            td_string!(l, account.rejected_note),
            user.review_reason.clone().unwrap_or_default()
        )),
        _ => None,
    };
    view! {
        <p class="lead mb-4">{td_string!(l, account.hello)} " " {user.display_name.clone()}</p>
        <dl class="facts mb-6">
            <dt>{td_string!(l, account.email)}</dt><dd>{user.email.clone()}</dd>
            <dt>{td_string!(l, account.role)}</dt><dd>{role_label(user.role, l)}</dd>
            {user.organisation.clone().map(|o| view! { <dt>{td_string!(l, account.organisation)}</dt><dd>{o}</dd> })}
            <dt>{td_string!(l, account.status)}</dt><dd data-testid="stato-account">{status_label(user.status, l)}</dd>
        </dl>
        {status_note.map(|note| view! { <p role="status" class="notice mb-6">{note}</p> })}
        {user.can_work().then(|| view! { <ServiceLinks role=user.role/> })}
        {user.role.is_staff().then(|| view! {
            <section class="card mb-6 max-w-3xl" aria-labelledby="area-staff">
                <h2 id="area-staff" class="section-title">{td_string!(l, account.staff_title)}</h2>
                <ul class="space-y-2">
                    <li><A href="/staff/verifiche">{td_string!(l, account.verifications_title)}</A></li>
                    {(user.role == crate::kernel::access::domain::Role::Admin).then(|| view! {
                        <li><A href="/staff/registro">{td_string!(l, account.audit_title)}</A></li>
                        <li><A href="/staff/adesioni">{crate::i18n::td_string!(l, accounts_area.requests_to_join_the)}</A></li>
                    })}
                </ul>
            </section>
        })}
        <section class="mb-8 max-w-3xl" aria-labelledby="consensi">
            <h2 id="consensi" class="section-title">{td_string!(l, account.consents_title)}</h2>
            <ul class="space-y-1">
                {account.consents.into_iter().map(|c| {
                    let what = if c.purpose == "visibilita_cv" {
                        crate::i18n::td_string!(l, accounts_area.profile_visible_to_businesses)
                    } else {
                        td_string!(l, account.consent_privacy)
                    };
                    let withdrawn = c.withdrawn_at.map(|at| format!(" — {} {}", crate::i18n::td_string!(l, accounts_area.withdrawn_on), italian_datetime(at))).unwrap_or_default();
                    // One text node: adjacent optional texts trip hydration.
                    let line = format!("{what} ({}), {}{withdrawn}", c.text_version, italian_datetime(c.given_at));
                    view! { <li>{line}</li> }
                }).collect_view()}
            </ul>
        </section>
        <super::identity::LinkedIdentities/>
        <section class="mb-8 max-w-3xl" aria-labelledby="dati">
            <h2 id="dati" class="section-title">{td_string!(l, account.data_title)}</h2>
            <p class="mb-3">{td_string!(l, account.data_text)}</p>
            <a class="btn-secondary" href="/api/miei-dati.zip" download="infolavoro-miei-dati.zip" rel="external">{td_string!(l, account.data_download)}</a>
        </section>
        <section class="mb-8 max-w-3xl" aria-labelledby="esci">
            <h2 id="esci" class="section-title">{td_string!(l, account.logout_title)}</h2>
            <ActionForm action=logout>
                <button type="submit" class="btn-primary">{td_string!(l, account.logout_submit)}</button>
            </ActionForm>
        </section>
        <section class="card max-w-3xl border-red-700" aria-labelledby="elimina">
            <h2 id="elimina" class="section-title">{td_string!(l, account.delete_title)}</h2>
            <p class="mb-3">{td_string!(l, account.delete_text)}</p>
            <ActionForm action=delete attr:novalidate="true">
                <Field name="password" kind="password" label=td_string!(l, account.delete_password) autocomplete="current-password" error=Signal::derive(move || field_message(delete_result.get(), "password"))/>
                <button type="submit" class="btn-danger">{td_string!(l, account.delete_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// The services of the portal this person uses, by role.
#[component]
fn ServiceLinks(role: crate::kernel::access::domain::Role) -> impl IntoView {
    use crate::kernel::access::domain::Role;
    let l = crate::i18n_switch::locale();
    let mut links: Vec<(&'static str, &'static str)> = Vec::new();
    if role == Role::Cittadino {
        links.push(("/cv", td_string!(l, accounts_area.your_cv)));
        links.push((
            "/area/calendario",
            td_string!(l, accounts_area.my_courses_meetings_and),
        ));
        links.push((
            "/offerte",
            td_string!(l, accounts_area.search_jobs_and_internships),
        ));
        links.push((
            "/orientamento/percorso",
            td_string!(l, accounts_area.your_guidance_path),
        ));
        links.push((
            "/area/profilo",
            td_string!(l, accounts_area.your_profile_for_businesses),
        ));
        links.push((
            "/area/candidature",
            td_string!(l, accounts_area.your_applications),
        ));
        links.push(("/area/avvisi", td_string!(l, accounts_area.your_job_alerts)));
        links.push(("/corsi", td_string!(l, accounts_area.find_a_free_course)));
        links.push((
            "/sportelli",
            td_string!(l, accounts_area.book_a_desk_appointment),
        ));
    }
    if matches!(
        role,
        Role::Impresa | Role::Ente | Role::Operatore | Role::Admin
    ) {
        links.push(("/pubblica", td_string!(l, accounts_area.your_job_offers)));
    }
    if role == Role::Impresa {
        links.push((
            "/imprese/candidati",
            td_string!(l, accounts_area.find_candidates),
        ));
        links.push((
            "/imprese/liste",
            td_string!(l, accounts_area.your_candidate_lists),
        ));
    }
    if matches!(role, Role::Ente | Role::Operatore | Role::Admin) {
        links.push((
            "/organizza",
            td_string!(l, accounts_area.organise_courses_and_meetings),
        ));
    }
    if role.is_staff() {
        links.push(("/staff", td_string!(l, accounts_area.network_dashboard)));
        links.push((
            "/staff/offerte",
            td_string!(l, accounts_area.offers_to_review),
        ));
        links.push((
            "/staff/attivita",
            td_string!(l, accounts_area.courses_and_meetings_to),
        ));
        links.push(("/staff/agenda", td_string!(l, accounts_area.desk_agenda)));
        links.push((
            "/staff/sportello-cv",
            td_string!(l, accounts_area.help_someone_with_their_cv),
        ));
        links.push((
            "/staff/orientamento",
            td_string!(l, accounts_area.guidance_rules),
        ));
    }
    view! {
        <section class="card mb-6 max-w-3xl" aria-labelledby="area-servizi">
            <h2 id="area-servizi" class="section-title">{td_string!(l, accounts_area.your_services)}</h2>
            <ul class="space-y-2">
                {links.into_iter().map(|(href, label)| view! { <li><A href=href>{label}</A></li> }).collect_view()}
            </ul>
        </section>
    }
}
