//! Plain HTTP beside the server functions: the CV's downloads (links that
//! work without JavaScript), the photo, and the two uploads (photo, JSON
//! Resume import), which are ordinary multipart forms: without JavaScript
//! they answer with a redirect back to the page; with it (the wizard posts
//! them with gloo-net and `Accept: application/json`) with JSON.

use super::domain::Template;
use super::service;
use crate::error::AppError;
use crate::kernel::access::auth::{user_from_headers, SignedIn};
use crate::kernel::access::domain::SessionUser;
use crate::kernel::http::Download;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/cv/{id}/cv.pdf", get(download_pdf))
        .route("/api/cv/{id}/cv.docx", get(download_docx))
        .route("/api/cv/{id}/cv.json", get(download_json))
        .route("/api/cv/{id}/cv.xml", get(download_europass))
        .route("/api/cv/{id}/foto.jpg", get(photo))
        .route("/api/cv/{id}/foto", post(upload_photo))
        .route("/api/cv/importa", post(import))
        .route("/api/cv/lettere/{id}/lettera.pdf", get(letter_pdf))
        .route("/api/cv/lettere/{id}/lettera.docx", get(letter_docx))
        // A photo may be 5 MB; a little more for the form around it.
        .layer(DefaultBodyLimit::max(super::photo::MAX_BYTES + 512 * 1024))
}

/// The signed-in citizen: uploads are the owner's alone (a desk operator
/// who helps edits the CV's text, see `help`).
async fn citizen(state: &AppState, headers: &HeaderMap) -> Result<SessionUser, AppError> {
    let user = user_from_headers(state, headers).await?;
    user.map(SignedIn)
        .ok_or(AppError::Unauthorized)?
        .may_call::<super::api::CreateCv>()
}

/// The PDF; when the CV holds a character the PDF cannot draw, a person
/// who followed the wizard's link is taken back to its last step with the
/// message (a script asking gets the refusal as such).
async fn download_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    signed_in: SignedIn,
) -> Result<Response, AppError> {
    let template = query
        .get("modello")
        .and_then(|t| Template::from_code(t))
        .unwrap_or(Template::Europass);
    let user = signed_in.may_call::<super::api::GetCv>()?;
    match service::pdf(&state, &user, id, template).await {
        Ok(pdf) => Ok(Download::pdf(pdf).into_response()),
        Err(e @ AppError::Validation { .. }) if accepts(&headers, "text/html") => {
            let message = form_urlencoded_value(&e.user_message());
            let last = super::pages::steps::STEPS.len();
            Ok(
                Redirect::to(&format!("/cv/{id}?passo={last}&errore={message}#scarica"))
                    .into_response(),
            )
        }
        Err(e) => Err(e),
    }
}

/// A cover letter's PDF; a letter with a character no font draws takes a
/// person back to its editor with the message, as the CV's PDF does.
async fn letter_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    signed_in: SignedIn,
) -> Result<Response, AppError> {
    let user = signed_in.may_call::<super::letter::api::GetLetter>()?;
    match super::letter::service::pdf(&state, &user, id).await {
        Ok(pdf) => Ok(Download::pdf(pdf).into_response()),
        Err(e @ AppError::Validation { .. }) if accepts(&headers, "text/html") => {
            let message = form_urlencoded_value(&e.user_message());
            Ok(Redirect::to(&format!("/cv/lettere/{id}?errore={message}")).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn letter_docx(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Download, AppError> {
    let user = signed_in.may_call::<super::letter::api::GetLetter>()?;
    let (stem, bytes) = super::letter::service::docx(&state, &user, id).await?;
    Ok(Download::new(DOCX, format!("{stem}.docx"), bytes))
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async fn download_docx(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Download, AppError> {
    let user = signed_in.may_call::<super::api::GetCv>()?;
    let (stem, bytes) = service::docx(&state, &user, id).await?;
    Ok(Download::new(DOCX, format!("{stem}.docx"), bytes))
}

async fn download_json(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Download, AppError> {
    let user = signed_in.may_call::<super::api::GetCv>()?;
    let (stem, bytes) = service::json(&state, &user, id).await?;
    Ok(Download::new(
        "application/json",
        format!("{stem}.json"),
        bytes,
    ))
}

async fn download_europass(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Download, AppError> {
    let user = signed_in.may_call::<super::api::GetCv>()?;
    let (stem, bytes) = service::europass(&state, &user, id).await?;
    Ok(Download::new(
        "application/xml",
        format!("{stem}-europass.xml"),
        bytes,
    ))
}

async fn photo(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    signed_in: SignedIn,
) -> Result<Response, AppError> {
    let user = signed_in.may_call::<super::api::GetCv>()?;
    let (owner, _) = super::help::service::owner_for(&state, &user, id).await?;
    let jpeg = super::repo::photo(&state.db, owner, id).await?;
    let headers = [
        (header::CONTENT_TYPE, "image/jpeg"),
        // The page asks for it with its version in the address.
        (header::CACHE_CONTROL, "private, max-age=86400"),
    ];
    Ok((headers, jpeg.ok_or(AppError::NotFound)?).into_response())
}

/// The bytes of the form's file field `name`.
async fn file_field(mut form: Multipart, name: &str) -> Result<Vec<u8>, AppError> {
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(name) {
            return match field.bytes().await {
                Ok(bytes) if !bytes.is_empty() => Ok(bytes.to_vec()),
                Ok(_) => Err(crate::invalid!(name, choose_a_file)),
                Err(_) => Err(crate::invalid!(name, the_file_is_too)),
            };
        }
    }
    Err(crate::invalid!(name, choose_a_file))
}

/// Whether the request's `Accept` names `kind`: `text/html` for a browser's
/// navigation (the person clicked a link), `application/json` for the
/// wizard's script.
fn accepts(headers: &HeaderMap, kind: &str) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(kind))
}

/// JSON for the wizard's script; a redirect to `back` (with the outcome in
/// its address) for a plain form.
fn answer(headers: &HeaderMap, outcome: Result<String, AppError>, back: &str) -> Response {
    match (accepts(headers, "application/json"), outcome) {
        (true, Ok(to)) => Json(serde_json::json!({ "ok": true, "to": to })).into_response(),
        (true, Err(e)) => (e.status(), Json(e)).into_response(),
        (false, Ok(to)) => Redirect::to(&to).into_response(),
        (false, Err(e @ (AppError::Unauthorized | AppError::Forbidden))) => e.into_response(),
        (false, Err(e)) => {
            let message: String = form_urlencoded_value(&e.user_message());
            Redirect::to(&format!("{back}errore={message}")).into_response()
        }
    }
}

fn form_urlencoded_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn upload_photo(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let outcome = async {
        let user = citizen(&state, &headers).await?;
        let bytes = file_field(form, "photo").await?;
        service::put_photo(&state, &user, id, bytes).await?;
        Ok(format!("/cv/{id}?passo=1&foto=salvata"))
    }
    .await;
    answer(&headers, outcome, &format!("/cv/{id}?passo=1&"))
}

async fn import(State(state): State<AppState>, headers: HeaderMap, form: Multipart) -> Response {
    let outcome = async {
        let user = citizen(&state, &headers).await?;
        let bytes = file_field(form, "file").await?;
        let text =
            String::from_utf8(bytes).map_err(|_| crate::invalid!("file", the_file_is_not))?;
        let (id, unplaced) = service::import(&state, &user, &text).await?;
        // The languages to look at travel in the address, for the editor to name.
        let review = crate::kernel::access::return_to::percent_encode(&unplaced.join("|"));
        Ok(match unplaced.is_empty() {
            true => format!("/cv/{id}?importato=1"),
            false => format!("/cv/{id}?importato=1&rivedi={review}"),
        })
    }
    .await;
    answer(&headers, outcome, "/cv?")
}
