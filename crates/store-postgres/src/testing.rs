//! Throw-away databases for tests: each test gets its own, created from the
//! server named by `LOKET_TEST_POSTGRES_URL` and dropped afterwards.

use loket_store::StoreError;
use sqlx::{Connection, PgConnection};

pub const ENV: &str = "LOKET_TEST_POSTGRES_URL";

/// The server tests may create databases on. Without it the PostgreSQL suites
/// cannot run, and they fail loudly (the error says what to set) rather than skip.
pub fn admin_url() -> Result<String, StoreError> {
    std::env::var(ENV).map_err(|_| {
        StoreError::Unavailable(format!(
            "{ENV} is not set: the PostgreSQL suites cannot run. Use scripts/test, or set it, e.g. postgres://postgres@127.0.0.1:5432/postgres"
        ))
    })
}

pub struct TempDatabase {
    admin: PgConnection,
    name: String,
    pub url: String,
}

impl TempDatabase {
    pub async fn create() -> Result<Self, StoreError> {
        let admin_url = admin_url()?;
        let unavailable = |e: sqlx::Error| StoreError::Unavailable(e.to_string());
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .map_err(unavailable)?;
        let name = format!("loket_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .map_err(unavailable)?;
        let url = with_database(&admin_url, &name);
        Ok(TempDatabase { admin, name, url })
    }

    pub async fn drop_database(mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut self.admin)
            .await
        {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
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
