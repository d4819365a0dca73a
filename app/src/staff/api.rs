//! The dashboard's and the audit log's server functions: who asks first,
//! then the filter parsed and the figures counted or the acts listed.

use super::domain::{Dashboard, DashboardFilter};
use crate::error::AppError;
use crate::kernel::audit::AuditEntry;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "get_dashboard", input = GetUrl)]
pub async fn get_dashboard(filter: DashboardFilter, lang: String) -> Result<Dashboard, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<GetDashboard>().await?;
    super::service::dashboard(&state, &filter, lang == "en").await
}

/// The audit log for the admin, newest first: one kind of act, one person
/// acting, a period (`YYYY-MM-DD`, both days included).
#[server(prefix = "/api", endpoint = "list_audit_log")]
pub async fn list_audit_log(
    #[server(default)] action: String,
    #[server(default)] actor: String,
    #[server(default)] from: String,
    #[server(default)] until: String,
) -> Result<Vec<AuditEntry>, AppError> {
    let (state, _) = crate::kernel::access::auth::authorize_user::<ListAuditLog>().await?;
    let filter = super::audit::parse_filter(&action, &actor, &from, &until)?;
    let page = crate::kernel::audit::PAGE_ROWS;
    Ok(super::audit::list_audit(&state.db, &filter, page).await?)
}
