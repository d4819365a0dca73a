//! The dashboard's server function: who asks first, then the filter parsed
//! and the figures counted.

use super::domain::{Dashboard, DashboardFilter};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "get_dashboard", input = GetUrl)]
pub async fn get_dashboard(filter: DashboardFilter, lang: String) -> Result<Dashboard, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetDashboard>().await?;
    super::service::dashboard(&state, &filter, lang == "en").await
}
