//! Server functions of candidate profiles. Businesses (verified, active)
//! search, open, shortlist and ask; the candidate answers. Every function
//! starts with `authorize` (the policy table).

use super::domain::{CandidateQuery, CandidateResults, CandidateView, MyVisibility, Shortlist};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "search_candidates", input = GetUrl)]
pub async fn search_candidates(query: CandidateQuery) -> Result<CandidateResults, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SearchCandidates>().await?;
    super::service::search(&state, &user, &query).await
}

/// A profile this business opened today, or how many it may still open.
#[server(prefix = "/api", endpoint = "get_candidate", input = GetUrl)]
pub async fn get_candidate(id: i64) -> Result<CandidateView, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetCandidate>().await?;
    super::service::view(&state, &user, id).await
}

/// Opens a profile for today, counting against the daily limit: a POST, so
/// that neither a link nor a prefetch spends an opening.
#[server(prefix = "/api", endpoint = "open_candidate")]
pub async fn open_candidate(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<OpenCandidate>().await?;
    super::service::open(&state, &user, id).await
}

#[server(prefix = "/api", endpoint = "list_shortlists", input = GetUrl)]
pub async fn list_shortlists() -> Result<Vec<Shortlist>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListShortlists>().await?;
    super::service::shortlists(&state, &user).await
}

#[server(prefix = "/api", endpoint = "create_shortlist")]
pub async fn create_shortlist(name: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CreateShortlist>().await?;
    super::service::create_shortlist(&state, &user, &name).await?;
    Ok(())
}

/// Adds a profile to a list, or changes its note there.
#[server(prefix = "/api", endpoint = "save_to_shortlist")]
pub async fn save_to_shortlist(
    list: i64,
    cv: i64,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveToShortlist>().await?;
    super::service::save_to_shortlist(&state, &user, list, cv, &note).await
}

#[server(prefix = "/api", endpoint = "remove_from_shortlist")]
pub async fn remove_from_shortlist(list: i64, cv: i64) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<RemoveFromShortlist>().await?;
    super::service::remove_from_shortlist(&state, &user, list, cv).await
}

#[server(prefix = "/api", endpoint = "delete_shortlist")]
pub async fn delete_shortlist(list: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DeleteShortlist>().await?;
    super::service::delete_shortlist(&state, &user, list).await
}

#[server(prefix = "/api", endpoint = "request_contact")]
pub async fn request_contact(
    cv: i64,
    message: String,
    #[server(default)] offer: String,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<RequestContact>().await?;
    let offer = match offer.trim() {
        "" => None,
        id => Some(
            id.parse::<i64>()
                .map_err(|_| crate::invalid!("offer", choose_one_of_your))?,
        ),
    };
    super::service::request_contact(&state, &user, cv, &message, offer).await
}

#[server(prefix = "/api", endpoint = "get_my_visibility", input = GetUrl)]
pub async fn get_my_visibility() -> Result<MyVisibility, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetMyVisibility>().await?;
    super::service::my_visibility(&state, &user).await
}

#[server(prefix = "/api", endpoint = "answer_contact_request")]
pub async fn answer_contact_request(id: i64, answer: String) -> Result<(), AppError> {
    let (state, user) =
        crate::kernel::access::auth::authorize_user::<AnswerContactRequest>().await?;
    let accept = match answer.as_str() {
        "accetta" => true,
        "rifiuta" => false,
        _ => return Err(crate::invalid!("answer", invalid_choice)),
    };
    super::service::answer(&state, &user, id, accept).await
}
