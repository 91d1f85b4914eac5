//! The catalogue store on SQLite (embedded, one file), through sqlx.

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;

pub mod backup;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (and creates, if missing) the database at `url` (`sqlite://path` or
    /// `sqlite::memory:`), then applies the migrations.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Unavailable(e.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it is acknowledged, also when the
            // machine loses power (NORMAL only survives a crash of the process).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let in_memory = url.contains(":memory:");
        let pool = SqlitePoolOptions::new()
            // An in-memory database lives in one connection only.
            .max_connections(if in_memory { 1 } else { 8 })
            .connect_with(options)
            .await;
        Self::open(pool).await
    }

    fn from_pool(pool: SqlitePool) -> Self {
        SqliteStore { pool }
    }
}

/// Times are RFC 3339 text on SQLite.
fn read_time(
    r: &sqlx::sqlite::SqliteRow,
    column: usize,
) -> StoreResult<chrono::DateTime<chrono::Utc>> {
    let text: String = r.get(column);
    chrono::DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

loket_store::sqlx_catalogue_impls!(
    SqliteStore,
    db = sqlx::Sqlite,
    backend = "sqlite",
    migrator = MIGRATOR,
    json = "",
    doc = "doc",
    time_ty = String,
    time = |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339(),
    precise_time =
        |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    read_time = read_time,
    latest_change_sql = "SELECT coalesce(max(seq), 0) FROM catalogue_changes",
    route_counts_sql = "SELECT region, combination, max(fell_back) != 0 AS fell_back, sum(count) AS total FROM front_door_routes WHERE day >= $1 AND (CAST($2 AS TEXT) IS NULL OR region = $2) GROUP BY region, combination ORDER BY total DESC, region, combination",
    durable_commits_sql = "SELECT synchronous >= 2 FROM pragma_synchronous"
);

loket_store::sqlx_sign_in_impls!(
    SqliteStore,
    account_row = account,
    changes_sql = "INSERT INTO catalogue_changes (entity, entity_id, changed_at) VALUES ($1, $2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    update_service_sql =
        "UPDATE services SET status = $1, last_modified = $2, doc = $3 WHERE id = $4",
    last_modified = |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339(),
    update_location_sql = "UPDATE locations SET doc = $1 WHERE id = $2",
    update_term_sql = "UPDATE taxonomy_terms SET doc = $1 WHERE id = $2",
    update_region_sql = "UPDATE labour_market_regions SET doc = $1 WHERE code = $2",
    insert_organization_sql =
        "INSERT INTO organizations (id, key, name, last_modified, doc) VALUES ($1, $2, $3, $4, $5)"
);

loket_store::sqlx_job_impls!(SqliteStore, claim_lock = "");

loket_store::sqlx_referral_impls!(SqliteStore, db = sqlx::Sqlite, account_row = account);
loket_store::sqlx_talent_impls!(SqliteStore, db = sqlx::Sqlite);
loket_store::sqlx_upload_impls!(SqliteStore);
loket_store::sqlx_monitoring_impls!(SqliteStore);
loket_store::sqlx_subscription_impls!(SqliteStore);
loket_store::sqlx_funding_impls!(SqliteStore);
loket_store::sqlx_event_impls!(SqliteStore);
loket_store::sqlx_tally_impls!(SqliteStore, db = sqlx::Sqlite);
