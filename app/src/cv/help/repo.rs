//! The data layer of desk help: permissions (`cv_help_grants`) and the
//! changes operators saved (`cv_help_changes`).

use super::domain::{DeskChange, CODE_MINUTES, HELP_MINUTES};
use crate::db::{Db, Tx};
use crate::kernel::clock::now;

/// Ends the citizen's permissions still running; how many there were.
pub async fn revoke(tx: &mut Tx, citizen: i64) -> Result<u64, sqlx::Error> {
    let at = now();
    let done = sqlx::query(
        "UPDATE cv_help_grants SET revoked_at = $1, code = NULL
         WHERE citizen_id = $2 AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(at)
    .bind(citizen)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// A new permission with its code, in place of any running one.
pub async fn grant(tx: &mut Tx, citizen: i64, code: &str) -> Result<(), sqlx::Error> {
    revoke(tx, citizen).await?;
    let at = now();
    sqlx::query(
        "INSERT INTO cv_help_grants (citizen_id, code, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(citizen)
    .bind(code)
    .bind(at)
    .bind(at + HELP_MINUTES * 60)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct Running {
    pub code: Option<String>,
    pub created_at: i64,
    pub operator: Option<String>,
    pub expires_at: i64,
}

/// The citizen's running permission, with the name of the operator using it.
pub async fn running(db: &Db, citizen: i64) -> Result<Option<Running>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.code, g.created_at, u.display_name AS operator, g.expires_at
         FROM cv_help_grants g LEFT JOIN users u ON u.id = g.operator_id
         WHERE g.citizen_id = $1 AND g.revoked_at IS NULL AND g.expires_at > $2
         ORDER BY g.id DESC LIMIT 1",
    )
    .bind(citizen)
    .bind(now())
    .fetch_optional(db.pool())
    .await
}

/// The operator takes the permission whose code this is, if it is still
/// unused and fresh; the citizen's id.
pub async fn claim(tx: &mut Tx, operator: i64, code: &str) -> Result<Option<i64>, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "UPDATE cv_help_grants SET operator_id = $1, claimed_at = $2, code = NULL
         WHERE code = $3 AND operator_id IS NULL AND revoked_at IS NULL
           AND expires_at > $2 AND created_at > $4
         RETURNING citizen_id",
    )
    .bind(operator)
    .bind(at)
    .bind(code)
    .bind(at - CODE_MINUTES * 60)
    .fetch_optional(&mut **tx)
    .await
}

/// The owner of CV `cv`, their name and when the permission ends, while
/// they let `operator` help them.
pub async fn owner_for(
    db: &Db,
    operator: i64,
    cv: i64,
) -> Result<Option<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.citizen_id, u.display_name, g.expires_at
         FROM cvs c
         JOIN cv_help_grants g ON g.citizen_id = c.owner_id
         JOIN users u ON u.id = g.citizen_id
         WHERE c.id = $1 AND g.operator_id = $2 AND g.revoked_at IS NULL AND g.expires_at > $3
         ORDER BY g.expires_at DESC LIMIT 1",
    )
    .bind(cv)
    .bind(operator)
    .bind(now())
    .fetch_optional(db.pool())
    .await
}

/// The people who let `operator` help them now: (id, name, until).
pub async fn helped_by(db: &Db, operator: i64) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.citizen_id, u.display_name, g.expires_at
         FROM cv_help_grants g JOIN users u ON u.id = g.citizen_id
         WHERE g.operator_id = $1 AND g.revoked_at IS NULL AND g.expires_at > $2
         ORDER BY g.claimed_at DESC",
    )
    .bind(operator)
    .bind(now())
    .fetch_all(db.pool())
    .await
}

/// Saves within this long of the operator's last one on the same CV are
/// one change: the autosave sends a save at every pause in the typing.
const ONE_SITTING_SECONDS: i64 = 10 * 60;

/// Logs that `operator` changed these steps of `cv`, merged into their
/// change of a few minutes ago when there is one.
pub async fn log_change(
    tx: &mut Tx,
    cv: i64,
    owner: i64,
    operator: i64,
    steps: &[u8],
) -> Result<(), sqlx::Error> {
    let at = now();
    let recent: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, steps FROM cv_help_changes
         WHERE cv_id = $1 AND operator_id = $2 AND at > $3 ORDER BY at DESC, id DESC LIMIT 1",
    )
    .bind(cv)
    .bind(operator)
    .bind(at - ONE_SITTING_SECONDS)
    .fetch_optional(&mut **tx)
    .await?;
    let mut all: Vec<u8> = steps.to_vec();
    if let Some((_, earlier)) = &recent {
        all.extend(earlier.split(',').filter_map(|s| s.parse::<u8>().ok()));
    }
    all.sort_unstable();
    all.dedup();
    let text = all.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
    match recent {
        Some((id, _)) => {
            sqlx::query("UPDATE cv_help_changes SET steps = $1, at = $2 WHERE id = $3")
                .bind(text)
                .bind(at)
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO cv_help_changes (cv_id, owner_id, operator_id, steps, at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(cv)
            .bind(owner)
            .bind(operator)
            .bind(text)
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// The changes operators made to the owner's CV, newest first.
pub async fn changes(db: &Db, owner: i64, cv: i64) -> Result<Vec<DeskChange>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT h.at, COALESCE(u.display_name, ''), h.steps
         FROM cv_help_changes h LEFT JOIN users u ON u.id = h.operator_id
         WHERE h.cv_id = $1 AND h.owner_id = $2 ORDER BY h.at DESC, h.id DESC LIMIT 50",
    )
    .bind(cv)
    .bind(owner)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, operator, steps)| DeskChange {
            at,
            operator,
            steps: steps.split(',').filter_map(|s| s.parse().ok()).collect(),
        })
        .collect())
}

pub async fn cv_exists(db: &Db, cv: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM cvs WHERE id = $1")
        .bind(cv)
        .fetch_optional(db.pool())
        .await?;
    Ok(found.is_some())
}
