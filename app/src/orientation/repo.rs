//! The data layer of orientation: the rules and the answers people keep.
//! The SQL is the same on SQLite and PostgreSQL.

use super::domain::{AdviceKind, Answers, Condition, Rule, RuleContent};
use super::rules::{shipped_rules, RuleDraft};
use crate::db::json_text;
use crate::db::Db;
use crate::db::Tx;
use crate::kernel::audit::{repo::audit, AuditAction};
use crate::kernel::clock::now;
use crate::kernel::secrets::new_secret;

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Writes the shipped rules that are not there yet: a rule staff changed or
/// switched off stays as they left it. Safe at every start.
pub async fn seed_rules(db: &Db) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for r in shipped_rules() {
        insert(
            &mut tx,
            &r.code,
            true,
            &r.content,
            None,
            "ON CONFLICT (code) DO NOTHING",
        )
        .await?;
    }
    tx.commit().await
}

/// Inserts a rule; `tail` may add an `ON CONFLICT` clause.
async fn insert(
    tx: &mut Tx,
    code: &str,
    active: bool,
    c: &RuleContent,
    staff_id: Option<i64>,
    tail: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = format!(
        "INSERT INTO orientation_rules (code, position, active, condition, kind, target, title, reason, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) {tail} RETURNING id"
    );
    sqlx::query_scalar(&sql)
        .bind(code)
        .bind(c.position)
        .bind(i64::from(active))
        .bind(json_text(&c.when)?)
        .bind(c.kind.code())
        .bind(&c.target)
        .bind(&c.title)
        .bind(&c.reason)
        .bind(now())
        .bind(staff_id)
        .fetch_optional(&mut **tx)
        .await
}

#[derive(sqlx::FromRow)]
struct RuleRow {
    id: i64,
    code: String,
    active: i64,
    position: i64,
    /// The `Condition`, as JSON.
    condition: String,
    kind: AdviceKind,
    target: String,
    title: String,
    reason: String,
}

impl RuleRow {
    fn rule(self) -> Result<Rule, sqlx::Error> {
        Ok(Rule {
            id: self.id,
            code: self.code,
            active: self.active == 1,
            content: RuleContent {
                position: self.position,
                when: decode::<Condition>(&self.condition)?,
                kind: self.kind,
                target: self.target,
                title: self.title,
                reason: self.reason,
            },
        })
    }
}

/// Every rule, active or not, in order.
pub async fn list_rules(db: &Db) -> Result<Vec<Rule>, sqlx::Error> {
    let rows: Vec<RuleRow> = sqlx::query_as(
        "SELECT id, code, position, active, condition, kind, target, title, reason
         FROM orientation_rules ORDER BY position, id",
    )
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(RuleRow::rule).collect()
}

/// Saves a rule (a new one when `draft.id` is `None`) and records who did it.
/// `Ok(None)` when the rule to change does not exist.
pub async fn save_rule(
    db: &Db,
    draft: &RuleDraft,
    staff_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let c = &draft.content;
    let id = match draft.id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE orientation_rules SET position = $1, active = $2, condition = $3, kind = $4,
                   target = $5, title = $6, reason = $7, updated_at = $8, updated_by = $9 WHERE id = $10",
            )
            .bind(c.position)
            .bind(i64::from(draft.active))
            .bind(json_text(&c.when)?)
            .bind(c.kind.code())
            .bind(&c.target)
            .bind(&c.title)
            .bind(&c.reason)
            .bind(now())
            .bind(staff_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(None);
            }
            id
        }
        None => {
            let code = format!("staff-{}", new_secret().get(..12).unwrap_or("x"));
            insert(&mut tx, &code, draft.active, c, Some(staff_id), "")
                .await?
                .ok_or(sqlx::Error::RowNotFound)?
        }
    };
    audit(
        &mut tx,
        staff_id,
        AuditAction::OrientationRule,
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The answers a citizen keeps, if any.
pub async fn saved_answers(db: &Db, user_id: i64) -> Result<Option<Answers>, sqlx::Error> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT answers FROM orientation_answers WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db.pool())
            .await?;
    text.map(|t| decode(&t)).transpose()
}

/// Keeps a citizen's answers, replacing earlier ones.
pub async fn save_answers(db: &Db, user_id: i64, answers: &Answers) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO orientation_answers (user_id, answers, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(json_text(answers)?)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}
