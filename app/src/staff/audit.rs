//! The audit log for the admin: its filter parsed from the address, and the
//! period's acts as CSV (`/api/staff/registro.csv`). The page shows the most
//! recent `PAGE_ROWS`; the download holds the whole period up to `CSV_ROWS`.

use crate::error::AppError;
use crate::kernel::access::auth::SignedIn;
use crate::kernel::audit::{AuditAction, AuditEntry, AuditFilter, CSV_ROWS};
use crate::kernel::dates::{iso_date, italian_datetime, parse_iso_date};
use crate::kernel::fields::Problems;
use crate::kernel::http::Download;
use crate::kernel::labels::pick;
use crate::state::AppState;
use axum::extract::{Query, State};
use serde::Deserialize;

const DAY: i64 = 24 * 3600;

/// The filter as the form sends it, every mistake named at once.
pub fn parse_filter(
    action: &str,
    actor: &str,
    from: &str,
    until: &str,
) -> Result<AuditFilter, AppError> {
    let mut problems = Problems::default();
    let action = match action.trim() {
        "" => None,
        code => problems.check(
            AuditAction::from_code(code)
                .ok_or_else(|| crate::invalid!("action", unknown_audit_action)),
        ),
    };
    let actor_id = match actor.trim() {
        "" => None,
        id => problems.check(
            id.parse::<i64>()
                .map_err(|_| crate::invalid!("actor", write_the_operators_number)),
        ),
    };
    let mut day = |field: &'static str, text: &str| match text.trim() {
        "" => None,
        text => {
            problems.check(parse_iso_date(text).ok_or_else(|| crate::invalid!(field, invalid_date)))
        }
    };
    let from = day("from", from);
    // The last day counts whole: the period ends at the next midnight.
    let until = day("until", until).map(|d| crate::kernel::dates::start_of_day(d + DAY + 3 * 3600));
    if let (Some(f), Some(u)) = (from, until) {
        if u <= f {
            problems.refuse(crate::invalid!("until", the_period_ends_before_it_starts));
        }
    }
    problems.finish()?;
    Ok(AuditFilter {
        action,
        actor_id,
        from,
        until,
    })
}

#[derive(Deserialize)]
pub struct CsvQuery {
    #[serde(default)]
    azione: String,
    #[serde(default)]
    operatore: String,
    #[serde(default)]
    dal: String,
    #[serde(default)]
    al: String,
}

/// The period's acts as CSV, in Italian, names read as of today.
pub async fn audit_csv(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(q): Query<CsvQuery>,
) -> Result<Download, AppError> {
    signed_in.may_call::<super::api::ListAuditLog>()?;
    let filter = parse_filter(&q.azione, &q.operatore, &q.dal, &q.al)?;
    let entries = list_audit(&state.db, &filter, CSV_ROWS).await?;
    let header = [
        "Quando",
        "Chi (numero)",
        "Chi",
        "Ruolo",
        "Azione",
        "Codice",
        "Oggetto",
        "Oggetto (numero)",
        "Nome dell'oggetto",
        "Motivo o dettaglio",
    ];
    let csv = crate::kernel::csv::table(&header, entries.iter().map(row));
    let name = match (filter.from, filter.until) {
        (Some(f), Some(u)) => format!("registro-{}-{}.csv", iso_date(f), iso_date(u - DAY)),
        _ => "registro.csv".to_string(),
    };
    Ok(Download::csv(name, &csv))
}

fn row(e: &AuditEntry) -> Vec<String> {
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        italian_datetime(e.at),
        id(e.actor_id),
        e.actor_name.clone().unwrap_or_default(),
        e.actor_role
            .map(|r| pick(r.label(), false))
            .unwrap_or_default()
            .to_string(),
        pick(e.action.label(), false).to_string(),
        e.action.code().to_string(),
        pick(e.subject_kind.label(), false).to_string(),
        id(e.subject_id),
        e.subject_name.clone().unwrap_or_default(),
        e.detail.clone(),
    ]
}

/// The log, newest first, at most `limit` acts. The names of the person
/// acting and of the object are joined from the tables that hold them: the
/// log is the one place that reads every feature's names, by design.
pub async fn list_audit(
    db: &crate::db::Db,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, a.actor_id, u.display_name AS actor_name, u.role AS actor_role,
                a.action, a.subject_kind, a.subject_id,
                COALESCE(o.title, t.title, r.name, s.name, d.title, ad.name,
                         CASE WHEN a.subject_kind = 'account'
                              THEN COALESCE(su.organisation, su.display_name) END) AS subject_name,
                a.detail
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN offers o ON a.subject_kind = 'offerta' AND o.id = a.subject_id
         LEFT JOIN activities t ON a.subject_kind = 'attivita' AND t.id = a.subject_id
         LEFT JOIN adhesion_requests r ON a.subject_kind = 'adesione' AND r.id = a.subject_id
         LEFT JOIN desks s ON a.subject_kind = 'sportello' AND s.id = a.subject_id
         LEFT JOIN appointments p ON a.subject_kind = 'appuntamento' AND p.id = a.subject_id
         LEFT JOIN desks ad ON ad.id = p.desk_id
         LEFT JOIN orientation_rules d ON a.subject_kind = 'regola' AND d.id = a.subject_id
         LEFT JOIN users su ON a.subject_kind = 'account' AND su.id = a.subject_id
         WHERE ($1 IS NULL OR a.action = $1) AND ($2 IS NULL OR a.actor_id = $2)
           AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4)
         ORDER BY a.at DESC, a.id DESC LIMIT $5",
    )
    .bind(filter.action.map(AuditAction::code))
    .bind(filter.actor_id)
    .bind(filter.from)
    .bind(filter.until)
    .bind(limit)
    .fetch_all(db.pool())
    .await
}
