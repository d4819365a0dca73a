//! Server functions of the CV builder. Each starts with `authorize` (the
//! policy table: citizens only), parses its arguments, then calls the service.
//! The downloads and uploads are plain routes (`routes.rs`).

use super::domain::{CvDocument, CvRecord, CvSummary};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

#[server(prefix = "/api", endpoint = "list_my_cvs", input = GetUrl)]
pub async fn list_my_cvs() -> Result<Vec<CvSummary>, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<ListMyCvs>().await?;
    Ok(super::repo::list(&state.db, user.id).await?)
}

/// A new CV; the browser then opens it in the wizard.
#[server(prefix = "/api", endpoint = "create_cv")]
pub async fn create_cv(name: String, language: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<CreateCv>().await?;
    let name = super::service::parse_name(&name)?;
    let language = super::service::parse_language(&language)?;
    let id = super::service::create(&state, &user, &name, language).await?;
    leptos_axum::redirect(&format!("/cv/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "get_cv", input = GetUrl)]
pub async fn get_cv(id: i64) -> Result<CvRecord, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<GetCv>().await?;
    super::service::open(&state, &user, id).await
}

/// The autosave: the whole document, based on `revision`; answers the new revision.
#[server(prefix = "/api", endpoint = "save_cv", input = Json)]
pub async fn save_cv(id: i64, revision: i64, document: CvDocument) -> Result<i64, AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SaveCv>().await?;
    super::service::save(&state, &user, id, revision, document).await
}

#[server(prefix = "/api", endpoint = "rename_cv")]
pub async fn rename_cv(id: i64, name: String, language: String) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<RenameCv>().await?;
    let name = super::service::parse_name(&name)?;
    let language = super::service::parse_language(&language)?;
    if super::repo::rename(&state.db, user.id, id, &name, language).await? {
        Ok(())
    } else {
        Err(AppError::NotFound.with_status())
    }
}

#[server(prefix = "/api", endpoint = "duplicate_cv")]
pub async fn duplicate_cv(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DuplicateCv>().await?;
    super::service::duplicate(&state, &user, id).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "delete_cv")]
pub async fn delete_cv(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DeleteCv>().await?;
    super::service::delete(&state, &user, id).await
}

#[server(prefix = "/api", endpoint = "delete_cv_photo")]
pub async fn delete_cv_photo(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<DeleteCvPhoto>().await?;
    super::repo::delete_photo(&state.db, user.id, id).await?;
    Ok(())
}

/// "Rendi visibile alle imprese": on only with the consent box ticked.
#[server(prefix = "/api", endpoint = "set_cv_visibility")]
pub async fn set_cv_visibility(
    id: i64,
    visible: bool,
    #[server(default)] consent: Option<String>,
) -> Result<(), AppError> {
    let (state, user) = crate::kernel::access::auth::authorize_user::<SetCvVisibility>().await?;
    super::service::set_visibility(&state, &user, id, visible, consent.is_some()).await
}

/// What other features use of CVs: a CV's layout and its preview (both
/// sides), and on the server a person's stored CVs, photos and cover
/// letters, how complete a CV is, and the PDFs of a CV and of a letter.
pub mod shared {
    pub use crate::cv::checks::completeness;
    pub use crate::cv::layout::build as build_layout;
    pub use crate::cv::pages::{CvPreview, CvPreviewProps};
    /// A complete example CV, for other features' tests.
    #[cfg(all(feature = "ssr", test))]
    pub use crate::cv::sample::complete as sample_cv;
    #[cfg(feature = "ssr")]
    pub use crate::cv::{
        letter::{
            paper::layout as letter_layout,
            repo::{get as letter, list as letters},
            service::typeset as typeset_letter,
        },
        repo::{get, list, photo},
        service::typeset,
    };
}
