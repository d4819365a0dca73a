//! The dashboard's counts, straight from the tables each feature writes.
//! Every query is plain SQL that SQLite and PostgreSQL read alike; the
//! filters (comune, member body) add `AND column = $n` where they apply.

use super::domain::{ActivityFill, Bucket, Figures};
use crate::db::Db;
use sqlx::Row;

/// What the filters narrow to: a comune's ISTAT code, a member body's name.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub comune_istat: Option<String>,
    pub body_name: Option<String>,
}

/// The instants the figures are counted against.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub now: i64,
    /// Italian midnight that starts the period.
    pub from: i64,
    pub today: i64,
    pub week_starts: i64,
}

#[derive(Clone, Debug)]
enum Bind {
    Int(i64),
    Text(String),
}

/// A query with its binds, filters appended as they apply.
pub(super) struct Query {
    sql: String,
    binds: Vec<Bind>,
}

impl Query {
    pub(super) fn new(sql: &str, ints: &[i64]) -> Query {
        Query {
            sql: sql.to_string(),
            binds: ints.iter().copied().map(Bind::Int).collect(),
        }
    }

    pub(super) fn and_eq(mut self, column: Option<&str>, value: &Option<String>) -> Query {
        if let (Some(column), Some(value)) = (column, value) {
            self.binds.push(Bind::Text(value.clone()));
            self.sql
                .push_str(&format!(" AND {column} = ${}", self.binds.len()));
        }
        self
    }

    /// The comune and body filters on these columns (`None`: not filtered).
    pub(super) fn scoped(self, scope: &Scope, comune: Option<&str>, body: Option<&str>) -> Query {
        self.and_eq(comune, &scope.comune_istat)
            .and_eq(body, &scope.body_name)
    }

    pub(super) fn then(mut self, tail: &str) -> Query {
        self.sql.push(' ');
        self.sql.push_str(tail);
        self
    }

    pub(super) async fn rows(self, db: &Db) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
        let mut query = sqlx::query(&self.sql);
        for bind in self.binds {
            query = match bind {
                Bind::Int(n) => query.bind(n),
                Bind::Text(s) => query.bind(s),
            };
        }
        query.fetch_all(db.pool()).await
    }

    pub(super) async fn count(self, db: &Db) -> Result<i64, sqlx::Error> {
        let rows = self.rows(db).await?;
        Ok(match rows.first() {
            Some(row) => row.try_get::<i64, _>(0)?,
            None => 0,
        })
    }

    /// `(key, count)` pairs of a `GROUP BY`.
    pub(super) async fn groups<K>(self, db: &Db) -> Result<Vec<(K, i64)>, sqlx::Error>
    where
        K: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        self.rows(db)
            .await?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect()
    }
}

const LIVE_COURSE: &str =
    "a.kind = 'corso' AND a.status IN ('pubblicato', 'chiuso') AND a.last_ends_at >= $1";

pub async fn figures(db: &Db, scope: &Scope, w: Window) -> Result<Figures, sqlx::Error> {
    let offers = "o.comune_istat";
    let activities = "a.comune_istat";
    let citizens = "SELECT COUNT(*) FROM users WHERE role = 'cittadino' AND status <> 'eliminato'";
    let by_kind = Query::new(
        "SELECT o.kind, COUNT(*) FROM offers o WHERE o.status = 'pubblicata' AND o.expires_at > $1",
        &[w.now],
    )
    .scoped(scope, Some(offers), Some("o.organisation"))
    .then("GROUP BY o.kind")
    .groups::<String>(db)
    .await?;
    let kind = |k: &str| by_kind.iter().find(|(c, _)| c == k).map_or(0, |(_, n)| *n);
    let seats = Query::new(
        &format!("SELECT CAST(COALESCE(SUM(a.seats), 0) AS BIGINT), CAST(COALESCE(SUM(a.enrolled), 0) AS BIGINT) \
             FROM activities a WHERE {LIVE_COURSE}"),
        &[w.today],
    )
    .scoped(scope, Some(activities), Some("a.organiser_name"))
    .rows(db)
    .await?;
    let (course_seats, course_enrolled) = match seats.first() {
        Some(row) => (row.try_get::<i64, _>(0)?, row.try_get::<i64, _>(1)?),
        None => (0, 0),
    };
    let [appointments_today, appointments_week, appointments_done, appointments_missed] =
        appointment_counts(db, scope, w).await?;
    let [offers_to_review, accounts_to_verify, activities_to_review, adhesions_waiting] =
        waiting_counts(db, scope).await?;
    Ok(Figures {
        citizens: Query::new(citizens, &[]).count(db).await?,
        new_citizens: Query::new(&format!("{citizens} AND created_at >= $1"), &[w.from])
            .count(db)
            .await?,
        cvs_started: Query::new("SELECT COUNT(*) FROM cvs", &[]).count(db).await?,
        cvs_completed: Query::new("SELECT COUNT(*) FROM cvs WHERE completeness >= 80", &[])
            .count(db)
            .await?,
        visible_profiles: Query::new("SELECT COUNT(*) FROM cvs WHERE visible = 1", &[])
            .count(db)
            .await?,
        offers_active: kind("lavoro") + kind("tirocinio"),
        offers_jobs: kind("lavoro"),
        offers_internships: kind("tirocinio"),
        applications: Query::new(
            "SELECT COUNT(*) FROM applications ap JOIN offers o ON o.id = ap.offer_id WHERE ap.created_at >= $1",
            &[w.from],
        )
        .scoped(scope, Some(offers), Some("o.organisation"))
        .count(db)
        .await?,
        course_seats,
        course_enrolled,
        course_waiting: Query::new(
            &format!("SELECT COUNT(*) FROM enrolments e JOIN activities a ON a.id = e.activity_id WHERE e.status = 'in_attesa' AND {LIVE_COURSE}"),
            &[w.today],
        )
        .scoped(scope, Some(activities), Some("a.organiser_name"))
        .count(db)
        .await?,
        meeting_registrations: Query::new(
            "SELECT COUNT(*) FROM enrolments e JOIN activities a ON a.id = e.activity_id \
             WHERE a.kind = 'incontro' AND e.status = 'iscritto' AND e.created_at >= $1",
            &[w.from],
        )
        .scoped(scope, Some(activities), Some("a.organiser_name"))
        .count(db)
        .await?,
        appointments_today,
        appointments_week,
        appointments_done,
        appointments_missed,
        offers_to_review,
        accounts_to_verify,
        activities_to_review,
        adhesions_waiting,
        outcomes: super::outcomes::outcomes(db, scope, w).await?,
    })
}

/// The desks' appointments: today, this week, done and missed in the window.
async fn appointment_counts(db: &Db, scope: &Scope, w: Window) -> Result<[i64; 4], sqlx::Error> {
    let outcomes = Query::new(
        "SELECT ap.status, COUNT(*) FROM appointments ap JOIN desks d ON d.id = ap.desk_id \
         WHERE ap.status IN ('svolto', 'assente') AND ap.starts_at >= $1 AND ap.starts_at < $2",
        &[w.from, w.now],
    )
    .scoped(scope, Some("d.istat_code"), None)
    .then("GROUP BY ap.status")
    .groups::<String>(db)
    .await?;
    let outcome = |s: &str| outcomes.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n);
    let appointments = |from: i64, to: i64| {
        Query::new(
            "SELECT COUNT(*) FROM appointments ap JOIN desks d ON d.id = ap.desk_id \
             WHERE ap.status <> 'annullato' AND ap.starts_at >= $1 AND ap.starts_at < $2",
            &[from, to],
        )
        .scoped(scope, Some("d.istat_code"), None)
    };
    Ok([
        appointments(w.today, w.today + 86_400 + 3_600)
            .count(db)
            .await?,
        appointments(w.week_starts, w.week_starts + 7 * 86_400 + 3_600)
            .count(db)
            .await?,
        outcome("svolto"),
        outcome("assente"),
    ])
}

/// What waits for staff: offers and activities to review, accounts to
/// verify, requests to join.
async fn waiting_counts(db: &Db, scope: &Scope) -> Result<[i64; 4], sqlx::Error> {
    Ok([
        Query::new(
            "SELECT COUNT(*) FROM offers o WHERE o.status = 'revisione'",
            &[],
        )
        .scoped(scope, Some("o.comune_istat"), Some("o.organisation"))
        .count(db)
        .await?,
        Query::new(
            "SELECT COUNT(*) FROM users WHERE status = 'in_attesa' AND role IN ('impresa', 'ente')",
            &[],
        )
        .count(db)
        .await?,
        Query::new(
            "SELECT COUNT(*) FROM activities a WHERE a.review = 'in_revisione'",
            &[],
        )
        .scoped(scope, Some("a.comune_istat"), Some("a.organiser_name"))
        .count(db)
        .await?,
        Query::new(
            "SELECT COUNT(*) FROM adhesion_requests WHERE status = 'in_attesa'",
            &[],
        )
        .count(db)
        .await?,
    ])
}

/// Active offers per comune (slug), whatever comune is chosen: the map shows them all.
pub async fn offers_by_comune(
    db: &Db,
    scope: &Scope,
    now: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    Query::new(
        "SELECT c.slug, COUNT(*) FROM offers o JOIN comuni c ON c.istat_code = o.comune_istat \
         WHERE o.status = 'pubblicata' AND o.expires_at > $1",
        &[now],
    )
    .scoped(scope, None, Some("o.organisation"))
    .then("GROUP BY c.slug ORDER BY c.slug")
    .groups::<String>(db)
    .await
}

/// Registrations, enrolments and applications per bucket of `bucket` seconds from `from`.
pub async fn series(
    db: &Db,
    scope: &Scope,
    from: i64,
    buckets: i64,
    bucket: i64,
) -> Result<Vec<Bucket>, sqlx::Error> {
    // Registrations, enrolments, applications: the rows counted (as `x`,
    // joined to what the filters name), then the filters' columns.
    let sources = [
        ("users x WHERE x.role = 'cittadino' AND", None, None),
        (
            "enrolments x JOIN activities a ON a.id = x.activity_id WHERE",
            Some("a.comune_istat"),
            Some("a.organiser_name"),
        ),
        (
            "applications x JOIN offers o ON o.id = x.offer_id WHERE",
            Some("o.comune_istat"),
            Some("o.organisation"),
        ),
    ];
    let mut counts = Vec::with_capacity(sources.len());
    for (from_where, comune, body) in sources {
        let grouped = Query::new(
            &format!("SELECT (x.created_at - $1) / $2 AS b, COUNT(*) FROM {from_where} x.created_at >= $1"),
            &[from, bucket],
        )
        .scoped(scope, comune, body)
        .then("GROUP BY b")
        .groups::<i64>(db)
        .await?;
        counts.push(grouped);
    }
    // The count of source `s` in bucket `i` (a bucket with nothing has no row).
    let at = |s: usize, i: i64| counts[s].iter().find(|g| g.0 == i).map_or(0, |g| g.1);
    Ok((0..buckets)
        .map(|i| Bucket {
            starts_at: from + i * bucket,
            registrations: at(0, i),
            enrolments: at(1, i),
            applications: at(2, i),
        })
        .collect())
}

/// Published or closed courses and meetings that have not ended, soonest first.
pub async fn activities(
    db: &Db,
    scope: &Scope,
    today: i64,
) -> Result<Vec<ActivityFill>, sqlx::Error> {
    Query::new(
        "SELECT a.id, a.kind, a.title, c.name, a.enrolled, a.seats, \
         (SELECT COUNT(*) FROM enrolments e WHERE e.activity_id = a.id AND e.status = 'in_attesa') \
         FROM activities a JOIN comuni c ON c.istat_code = a.comune_istat \
         WHERE a.status IN ('pubblicato', 'chiuso') AND a.last_ends_at >= $1",
        &[today],
    )
    .scoped(scope, Some("a.comune_istat"), Some("a.organiser_name"))
    .then("ORDER BY a.first_starts_at, a.id LIMIT 50")
    .rows(db)
    .await?
    .iter()
    .map(|r| {
        Ok(ActivityFill {
            id: r.try_get(0)?,
            kind: r.try_get(1)?,
            title: r.try_get(2)?,
            comune: r.try_get(3)?,
            enrolled: r.try_get(4)?,
            seats: r.try_get(5)?,
            waiting: r.try_get(6)?,
        })
    })
    .collect()
}

/// The member bodies for the filter: (slug, name), by name.
pub async fn bodies(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT slug, name FROM member_bodies ORDER BY name")
        .fetch_all(db.pool())
        .await
}

pub async fn body_name(db: &Db, slug: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM member_bodies WHERE slug = $1")
        .bind(slug)
        .fetch_optional(db.pool())
        .await
}

pub async fn comune_istat(db: &Db, slug: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT istat_code FROM comuni WHERE slug = $1")
        .bind(slug)
        .fetch_optional(db.pool())
        .await
}
