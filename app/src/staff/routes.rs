//! The dashboard's plain HTTP routes: its live event stream and its tables
//! as CSV. Both follow the policy table's rule for `get_dashboard`.

use super::domain::{percent, Dashboard, DashboardFilter};
use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::dates::iso_date;
use crate::kernel::http::Download;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/staff/diretta", get(super::live::stream))
        .route("/api/staff/cruscotto.csv", get(table_csv))
        .route("/api/staff/registro.csv", get(super::audit::audit_csv))
}

#[derive(Deserialize)]
struct TableQuery {
    #[serde(default)]
    tabella: String,
    #[serde(flatten)]
    filter: DashboardFilter,
}

async fn table_csv(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(query): Query<TableQuery>,
) -> Result<Download, AppError> {
    signed_in.may_call::<super::api::GetDashboard>()?;
    let dashboard = super::service::dashboard(&state, &query.filter, false).await?;
    let (header, rows) = table(&dashboard, &query.tabella).ok_or(AppError::NotFound)?;
    let csv = crate::kernel::csv::table(&header, rows);
    Ok(Download::csv(
        format!("cruscotto-{}.csv", query.tabella),
        &csv,
    ))
}

type Table = (Vec<&'static str>, Vec<Vec<String>>);

/// One of the dashboard's tables (`domain::CSV_TABLES`) as header and rows.
pub fn table(d: &Dashboard, name: &str) -> Option<Table> {
    let n = |v: i64| v.to_string();
    let rate = |v: Option<i64>| v.map(|p| p.to_string()).unwrap_or_default();
    Some(match name {
        "cifre" => (
            vec![
                "Cifra",
                "Valore",
                "Dettaglio",
                "Che cosa conta",
                "Filtro per comune",
            ],
            d.cards
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        c.value.clone(),
                        c.detail.clone(),
                        c.definition.clone(),
                        c.scope_note.clone(),
                    ]
                })
                .collect(),
        ),
        "serie" => (
            vec![
                "Dal giorno",
                "Registrazioni",
                "Iscrizioni a corsi e incontri",
                "Candidature",
            ],
            d.series
                .iter()
                .map(|b| {
                    vec![
                        iso_date(b.starts_at),
                        n(b.registrations),
                        n(b.enrolments),
                        n(b.applications),
                    ]
                })
                .collect(),
        ),
        "comuni" => (
            vec!["Comune", "Offerte attive"],
            d.comuni
                .iter()
                .map(|c| {
                    let count = d
                        .offers_by_comune
                        .iter()
                        .find(|(s, _)| *s == c.slug)
                        .map_or(0, |(_, k)| *k);
                    vec![c.name.clone(), n(count)]
                })
                .collect(),
        ),
        "attivita" => (
            vec![
                "Tipo",
                "Titolo",
                "Comune",
                "Posti occupati",
                "Posti",
                "Riempimento (%)",
                "In lista d'attesa",
            ],
            d.activities
                .iter()
                .map(|a| {
                    vec![
                        if a.kind == "corso" {
                            "Corso"
                        } else {
                            "Incontro"
                        }
                        .to_string(),
                        a.title.clone(),
                        a.comune.clone(),
                        n(a.enrolled),
                        n(a.seats),
                        rate(percent(a.enrolled, a.seats)),
                        n(a.waiting),
                    ]
                })
                .collect(),
        ),
        _ => return None,
    })
}
