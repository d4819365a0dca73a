//! The two engines' migrations make the same schema: the same tables, the
//! same columns (and which may be empty), the same indexes (columns and
//! uniqueness) and the same foreign keys. Types are left out: each engine
//! spells them its own way. A migration written for one engine and not the
//! other, or written differently, fails here.

use crate::common::{schema_tables, with_state, Engine};
use app::state::AppState;
use std::collections::BTreeSet;

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    /// (table, column, may be empty)
    columns: BTreeSet<(String, String, bool)>,
    /// (table, columns in order, unique), primary keys left out
    indexes: BTreeSet<(String, String, bool)>,
    /// (table, column, referenced table, referenced column)
    foreign_keys: BTreeSet<(String, String, String, String)>,
}

impl Schema {
    /// Each (column, referenced table, referenced column) of `table`.
    fn add_foreign_keys(&mut self, table: &str, keys: Vec<(String, String, String)>) {
        for (column, target, target_column) in keys {
            self.foreign_keys
                .insert((table.to_string(), column, target, target_column));
        }
    }
}

async fn rows<T>(state: &AppState, sql: &str, table: &str) -> Vec<T>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    sqlx::query_as(sql)
        .bind(table)
        .fetch_all(state.db.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql} for {table}: {e}"))
}

async fn sqlite_schema(state: &AppState, tables: &[String]) -> Schema {
    let mut schema = Schema::default();
    for table in tables {
        let columns: Vec<(String, i64, i64)> = rows(
            state,
            "SELECT name, \"notnull\", pk FROM pragma_table_info($1)",
            table,
        )
        .await;
        for (name, not_null, pk) in columns {
            schema
                .columns
                .insert((table.clone(), name, not_null == 0 && pk == 0));
        }
        let indexes: Vec<(String, i64, String)> = rows(
            state,
            "SELECT name, \"unique\", origin FROM pragma_index_list($1)",
            table,
        )
        .await;
        for (index, unique, origin) in indexes {
            if origin == "pk" {
                continue;
            }
            let columns: Vec<(Option<String>,)> = rows(
                state,
                "SELECT name FROM pragma_index_info($1) ORDER BY seqno",
                &index,
            )
            .await;
            let columns: Vec<String> = columns
                .into_iter()
                .map(|(c,)| c.unwrap_or_else(|| "<expression>".into()))
                .collect();
            schema
                .indexes
                .insert((table.clone(), columns.join(","), unique == 1));
        }
        let keys: Vec<(String, String, String)> = rows(
            state,
            "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list($1)",
            table,
        )
        .await;
        schema.add_foreign_keys(table, keys);
    }
    schema
}

async fn postgres_schema(state: &AppState, tables: &[String]) -> Schema {
    let mut schema = Schema::default();
    for table in tables {
        let columns: Vec<(String, String)> = rows(
            state,
            "SELECT CAST(column_name AS TEXT), CAST(is_nullable AS TEXT) FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1",
            table,
        )
        .await;
        for (name, nullable) in columns {
            schema
                .columns
                .insert((table.clone(), name, nullable == "YES"));
        }
        // Each index's columns in order; an expression shows as such.
        let indexes: Vec<(String, bool)> = rows(
            state,
            "SELECT (SELECT string_agg(COALESCE(a.attname, '<expression>'), ',' ORDER BY k.n) \
                     FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) \
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0), \
                    i.indisunique \
             FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid \
             WHERE t.relname = $1 AND NOT i.indisprimary",
            table,
        )
        .await;
        for (columns, unique) in indexes {
            schema.indexes.insert((table.clone(), columns, unique));
        }
        let keys: Vec<(String, String, String)> = rows(
            state,
            "SELECT CAST(a.attname AS TEXT), CAST(rt.relname AS TEXT), CAST(ra.attname AS TEXT) \
             FROM pg_constraint c \
             JOIN pg_class t ON t.oid = c.conrelid \
             JOIN pg_class rt ON rt.oid = c.confrelid \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] \
             WHERE c.contype = 'f' AND t.relname = $1",
            table,
        )
        .await;
        schema.add_foreign_keys(table, keys);
    }
    schema
}

async fn schema_of(engine: Engine) -> (Vec<String>, Schema) {
    let (tx, rx) = tokio::sync::oneshot::channel();
    with_state(engine, |state| async move {
        let tables: Vec<String> = schema_tables(&state)
            .await
            .into_iter()
            .filter(|t| t != "_sqlx_migrations")
            .collect();
        let schema = match engine {
            Engine::Sqlite => sqlite_schema(&state, &tables).await,
            Engine::Postgres => postgres_schema(&state, &tables).await,
        };
        let _ = tx.send((tables, schema));
    })
    .await;
    rx.await.unwrap()
}

fn only_in<T: Ord + Clone>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> Vec<T> {
    a.difference(b).cloned().collect()
}

#[tokio::test]
async fn both_engines_have_the_same_schema() {
    let (sqlite_tables, sqlite) = schema_of(Engine::Sqlite).await;
    let (postgres_tables, postgres) = schema_of(Engine::Postgres).await;
    assert_eq!(sqlite_tables, postgres_tables, "tables");
    assert!(
        sqlite.columns.len() > 100,
        "{} columns read",
        sqlite.columns.len()
    );
    assert!(!sqlite.indexes.is_empty() && !sqlite.foreign_keys.is_empty());
    assert!(
        sqlite.columns == postgres.columns,
        "columns: only on SQLite {:?}; only on PostgreSQL {:?}",
        only_in(&sqlite.columns, &postgres.columns),
        only_in(&postgres.columns, &sqlite.columns)
    );
    assert!(
        sqlite.indexes == postgres.indexes,
        "indexes: only on SQLite {:?}; only on PostgreSQL {:?}",
        only_in(&sqlite.indexes, &postgres.indexes),
        only_in(&postgres.indexes, &sqlite.indexes)
    );
    assert!(
        sqlite.foreign_keys == postgres.foreign_keys,
        "foreign keys: only on SQLite {:?}; only on PostgreSQL {:?}",
        only_in(&sqlite.foreign_keys, &postgres.foreign_keys),
        only_in(&postgres.foreign_keys, &sqlite.foreign_keys)
    );
}
