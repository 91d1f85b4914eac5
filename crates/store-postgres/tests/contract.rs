//! The storage contract on PostgreSQL: a fresh database per test, dropped afterwards.
//! Needs `LOKET_TEST_POSTGRES_URL` (an account that may create databases);
//! the README's test command sets it.

use loket_store::CatalogueStore;
use loket_store_postgres::PostgresStore;
use sqlx::Connection;
use std::sync::Arc;

fn admin_url() -> String {
    std::env::var("LOKET_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("LOKET_TEST_POSTGRES_URL is not set: the PostgreSQL contract suite cannot run. Use scripts/test, or set it to e.g. postgres://postgres@127.0.0.1:5432/postgres")
    })
}

/// `postgres://u@h:p/db?x` → `postgres://u@h:p/{name}?x`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

async fn fresh() -> (
    Arc<dyn CatalogueStore>,
    impl FnOnce() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>,
) {
    let admin = admin_url();
    let name = format!("loket_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("connect to LOKET_TEST_POSTGRES_URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let store = Arc::new(
        PostgresStore::connect(&with_database(&admin, &name))
            .await
            .expect("connect"),
    );
    let closer = store.clone();
    (store, move || {
        Box::pin(async move {
            closer.close().await;
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await;
        })
    })
}

loket_store::contract_tests!(fresh);
