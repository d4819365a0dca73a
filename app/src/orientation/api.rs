//! Server functions of orientation. Each starts with `authorize` (the policy
//! table), parses its arguments, then calls the service.

use super::domain::{Answers, OrientationPath, Rule, SavedAnswers};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::BTreeMap;

/// The path for these answers; with no answers, a citizen's kept ones.
#[server(prefix = "/api", endpoint = "get_orientation_path", input = GetUrl)]
pub async fn get_orientation_path(answers: Answers) -> Result<Option<OrientationPath>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetOrientationPath>().await?;
    let user = crate::kernel::access::auth::current_user(&state).await?;
    let answers = match (&user, answers.is_empty()) {
        (_, false) => answers,
        (Some(u), true) if u.role == crate::kernel::access::domain::Role::Cittadino => {
            match super::repo::saved_answers(&state.db, u.id).await? {
                Some(saved) => saved,
                None => return Ok(None),
            }
        }
        (_, true) => return Ok(None),
    };
    super::service::path(&state, &answers, user.as_ref())
        .await
        .map(Some)
        .map_err(AppError::with_status)
}

/// A citizen's kept answers, to fill the questionnaire in again.
#[server(prefix = "/api", endpoint = "get_my_orientation", input = GetUrl)]
pub async fn get_my_orientation() -> Result<SavedAnswers, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetMyOrientation>().await?;
    Ok(super::repo::saved_answers(&state.db, user.id).await?)
}

/// Keeps the path: a citizen's is saved; a visitor's waits for them to register.
#[server(prefix = "/api", endpoint = "keep_orientation")]
pub async fn keep_orientation(answers: Answers) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<KeepOrientation>().await?;
    // Open to everyone, so `authorize` reads no session: read it here, or a
    // signed-in citizen would be sent to register.
    let user = crate::kernel::access::auth::current_user(&state).await?;
    match user {
        Some(u) if u.role == crate::kernel::access::domain::Role::Cittadino => {
            super::service::keep(&state, &u, &answers).await
        }
        Some(_) => Err(crate::invalid!("answers", the_path_is_saved)),
        None => {
            super::service::keep_for_later(&state, &answers).await?;
            leptos_axum::redirect("/registrazione?percorso=1");
            Ok(())
        }
    }
}

#[server(prefix = "/api", endpoint = "list_orientation_rules", input = GetUrl)]
pub async fn list_orientation_rules() -> Result<Vec<Rule>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize_user::<ListOrientationRules>().await?;
    Ok(super::repo::list_rules(&state.db).await?)
}

/// Saves one rule from the staff's form (`form[field]`, the condition's
/// boxes as `form[dimension.code]`).
#[server(prefix = "/api", endpoint = "save_orientation_rule")]
pub async fn save_orientation_rule(form: BTreeMap<String, String>) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<SaveOrientationRule>().await?;
    super::service::save_rule(&state, &user, &form)
        .await
        .map_err(AppError::with_status)
}

/// What other features use of orientation on the server (not endpoints): a
/// visitor's kept path, adopted by the account they then register.
#[cfg(feature = "ssr")]
pub mod shared {
    pub use crate::orientation::service::adopt_pending;
}
