//! "Aiuto allo sportello" on `/cv`: the citizen gives an operator an hour
//! to edit their CVs with them (a code to read aloud), sees who is using
//! it and until when, and takes it back with one button.

use crate::components::async_data::with_data;
use crate::components::form::form_message;
use crate::cv::help::api::{get_my_desk_help, AllowDeskHelp, RevokeDeskHelp};
use crate::cv::help::domain::{DeskPanel, HELP_MINUTES};
use crate::error::AppError;
use crate::i18n::*;
use crate::kernel::dates::italian_time;
use leptos::prelude::*;

#[component]
pub fn DeskHelpPanel() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let allow = ServerAction::<AllowDeskHelp>::new();
    let revoke = ServerAction::<RevokeDeskHelp>::new();
    let help = Resource::new(
        move || (allow.version().get(), revoke.version().get()),
        |_| async {
            // Staff open /cv too, for their own CVs: the panel is a citizen's.
            match get_my_desk_help().await {
                Err(AppError::Forbidden) => Ok(DeskPanel::Staff),
                other => other.map(DeskPanel::Citizen),
            }
        },
    );
    let problem = move || {
        form_message(allow.value().get(), &[]).or_else(|| form_message(revoke.value().get(), &[]))
    };
    view! {
        <section class="card mt-10" aria-labelledby="aiuto-sportello" data-testid="aiuto-sportello">
            <h2 id="aiuto-sportello" class="section-title">{td_string!(l, cv_help_citizen.help_at_the_desk)}</h2>
            {with_data(help, move |shown| match shown {
                // Staff are the ones who help: their way in is their own page.
                DeskPanel::Staff => view! {
                    <p><a href="/staff/sportello-cv">{td_string!(l, accounts_area.help_someone_with_their_cv)}</a></p>
                }.into_any(),
                DeskPanel::Citizen(help) => view! {
            <p class="mb-4">{td_string!(l, cv_help_citizen.an_operator_can_edit, minutes = HELP_MINUTES)}</p>
            <p role="alert" class="field-error">{problem}</p>
            {match help {
                None => view! {
                    <ActionForm action=allow>
                        <button type="submit" class="btn-primary">{td_string!(l, cv_help_citizen.allow_for_an_hour)}</button>
                    </ActionForm>
                }.into_any(),
                Some(help) => {
                    let until = italian_time(help.until);
                    view! {
                        <div role="status" class="notice mb-4">
                            {match (help.code, help.operator) {
                                (_, Some(operator)) => view! {
                                    <p data-testid="aiuto-attivo">{td_string!(l, cv_help_citizen.operator_can_edit_until, operator = operator, until = until)}</p>
                                }.into_any(),
                                (Some(code), None) => view! {
                                    <p>{td_string!(l, cv_help_citizen.read_this_code)}</p>
                                    <p class="my-2 font-mono text-3xl font-bold tracking-widest" data-testid="codice-aiuto">{code}</p>
                                    <p>{td_string!(l, cv_help_citizen.valid_for_a_quarter_hour, until = until)}</p>
                                }.into_any(),
                                (None, None) => ().into_any(),
                            }}
                        </div>
                        <ActionForm action=revoke>
                            <button type="submit" class="btn-danger">{td_string!(l, cv_help_citizen.take_the_permission_back)}</button>
                        </ActionForm>
                    }.into_any()
                }
            }}
                }.into_any(),
            })}
        </section>
    }
}
