//! What came of the period's work, as coordinators report it: hires and
//! applications by stage, businesses, how offers ended, contact requests,
//! how long moderation took, what people came to the desk for. Counted like
//! `repo::figures`, under the same filters where the tables allow.

use super::domain::Outcomes;
use super::repo::{Query, Scope, Window};
use crate::db::Db;
use sqlx::Row;

/// Application stages and desk topics in the order the page lists them.
pub const STAGES: [&str; 5] = [
    "ricevuta",
    "in_esame",
    "colloquio",
    "non_selezionata",
    "assunta",
];
pub const TOPICS: [&str; 5] = ["cv", "colloquio", "orientamento", "impresa", "informazioni"];

/// `groups` in the order of `codes`, a code with no row counted 0.
fn in_order(codes: &[&str], groups: &[(String, i64)]) -> Vec<(String, i64)> {
    codes
        .iter()
        .map(|c| {
            let n = groups.iter().find(|(g, _)| g == c).map_or(0, |(_, n)| *n);
            (c.to_string(), n)
        })
        .collect()
}

pub async fn outcomes(db: &Db, scope: &Scope, w: Window) -> Result<Outcomes, sqlx::Error> {
    let offers = (Some("o.comune_istat"), Some("o.organisation"));
    let by_stage = Query::new(
        "SELECT ap.status, COUNT(*) FROM applications ap JOIN offers o ON o.id = ap.offer_id \
         WHERE ap.created_at >= $1",
        &[w.from],
    )
    .scoped(scope, offers.0, offers.1)
    .then("GROUP BY ap.status")
    .groups::<String>(db)
    .await?;
    let count = |sql: &str| Query::new(sql, &[w.from]).scoped(scope, offers.0, offers.1);
    let businesses = "SELECT COUNT(*) FROM users WHERE role = 'impresa'";
    let contacts = Query::new(
        "SELECT COUNT(*), COUNT(c.answered_at), \
         CAST(COALESCE(SUM(CASE WHEN c.status = 'accettata' THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM contact_requests c WHERE c.created_at >= $1",
        &[w.from],
    )
    .rows(db)
    .await?;
    let contact = |i: usize| -> Result<i64, sqlx::Error> {
        contacts.first().map_or(Ok(0), |r| r.try_get::<i64, _>(i))
    };
    let waits = Query::new(
        "SELECT o.decided_at - o.submitted_at FROM offers o \
         WHERE o.decided_at >= $1 AND o.submitted_at IS NOT NULL",
        &[w.from],
    )
    .scoped(scope, offers.0, offers.1)
    .rows(db)
    .await?
    .iter()
    .map(|r| r.try_get::<i64, _>(0))
    .collect::<Result<Vec<_>, _>>()?;
    let topics = Query::new(
        "SELECT ap.topic, COUNT(*) FROM appointments ap JOIN desks d ON d.id = ap.desk_id \
         WHERE ap.status <> 'annullato' AND ap.starts_at >= $1 AND ap.starts_at < $2",
        &[w.from, w.now],
    )
    .scoped(scope, Some("d.istat_code"), None)
    .then("GROUP BY ap.topic")
    .groups::<String>(db)
    .await?;
    Ok(Outcomes {
        hires: count(
            "SELECT COUNT(*) FROM applications ap JOIN offers o ON o.id = ap.offer_id \
             WHERE ap.status = 'assunta' AND ap.updated_at >= $1",
        )
        .count(db)
        .await?,
        applications_by_stage: in_order(&STAGES, &by_stage),
        businesses_new: Query::new(&format!("{businesses} AND created_at >= $1"), &[w.from])
            .count(db)
            .await?,
        businesses_verified: Query::new(&format!("{businesses} AND status = 'attivo'"), &[])
            .count(db)
            .await?,
        businesses_active: count(
            "SELECT COUNT(DISTINCT o.publisher_id) FROM offers o JOIN users u ON u.id = o.publisher_id \
             WHERE u.role = 'impresa' AND o.published_at >= $1",
        )
        .count(db)
        .await?,
        offers_published: count("SELECT COUNT(*) FROM offers o WHERE o.published_at >= $1")
            .count(db)
            .await?,
        offers_filled: count(
            "SELECT COUNT(*) FROM offers o WHERE o.status = 'coperta' AND o.updated_at >= $1",
        )
        .count(db)
        .await?,
        offers_expired: Query::new(
            "SELECT COUNT(*) FROM offers o WHERE o.status IN ('pubblicata', 'scaduta') \
             AND o.expires_at >= $1 AND o.expires_at <= $2",
            &[w.from, w.now],
        )
        .scoped(scope, offers.0, offers.1)
        .count(db)
        .await?,
        contacts_sent: contact(0)?,
        contacts_answered: contact(1)?,
        contacts_accepted: contact(2)?,
        decisions: waits.len() as i64,
        median_decision_hours: median(waits).map(|s| (s + 1800) / 3600),
        appointments_by_topic: in_order(&TOPICS, &topics),
    })
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_wait() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![7200, 3600, 90_000]), Some(7200));
        assert_eq!(median(vec![3600, 10_800]), Some(7200));
    }

    #[test]
    fn codes_without_rows_count_zero_in_their_order() {
        let groups = vec![("assunta".to_string(), 2), ("ricevuta".to_string(), 5)];
        let ordered = in_order(&STAGES, &groups);
        assert_eq!(ordered[0], ("ricevuta".to_string(), 5));
        assert_eq!(ordered[4], ("assunta".to_string(), 2));
        assert_eq!(ordered[2].1, 0);
    }
}
