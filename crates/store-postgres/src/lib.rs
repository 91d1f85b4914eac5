//! The catalogue store on PostgreSQL, through sqlx. Several `loket serve`
//! processes can share one database.

pub mod backup;
pub mod testing;

use sqlx::postgres::{PgPool, PgPoolOptions};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub struct PostgresStore {
    pool: PgPool,
    /// Where it was opened, for `pg_dump` (backups).
    url: Option<String>,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://...`) and applies the migrations.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(5))
            .connect(url)
            .await;
        let mut store = Self::open(pool).await?;
        store.url = Some(url.to_string());
        Ok(store)
    }

    fn from_pool(pool: PgPool) -> Self {
        PostgresStore { pool, url: None }
    }
}

/// Times are `timestamptz` on PostgreSQL.
fn read_time(
    r: &sqlx::postgres::PgRow,
    column: usize,
) -> StoreResult<chrono::DateTime<chrono::Utc>> {
    r.try_get(column)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

loket_store::sqlx_catalogue_impls!(
    PostgresStore,
    db = sqlx::Postgres,
    backend = "postgres",
    migrator = MIGRATOR,
    json = "::jsonb",
    doc = "doc::text",
    time_ty = chrono::DateTime<chrono::Utc>,
    time = |t: &chrono::DateTime<chrono::Utc>| *t,
    precise_time = |t: &chrono::DateTime<chrono::Utc>| *t,
    read_time = read_time,
    latest_change_sql = "SELECT coalesce(max(seq), 0)::bigint FROM catalogue_changes",
    route_counts_sql = "SELECT region, combination, bool_or(fell_back) AS fell_back, sum(count)::bigint AS total FROM front_door_routes WHERE day >= $1 AND (CAST($2 AS TEXT) IS NULL OR region = $2) GROUP BY region, combination ORDER BY total DESC, region, combination",
    durable_commits_sql = "SELECT current_setting('synchronous_commit') IN ('on', 'remote_write', 'remote_apply') AND current_setting('fsync') = 'on'"
);

loket_store::sqlx_sign_in_impls!(
    PostgresStore,
    account_row = account,
    changes_sql = "INSERT INTO catalogue_changes (entity, entity_id) VALUES ($1, $2)",
    update_service_sql =
        "UPDATE services SET status = $1, last_modified = $2, doc = $3::jsonb WHERE id = $4",
    last_modified = |t: &chrono::DateTime<chrono::Utc>| *t,
    update_location_sql = "UPDATE locations SET doc = $1::jsonb WHERE id = $2",
    update_term_sql = "UPDATE taxonomy_terms SET doc = $1::jsonb WHERE id = $2",
    update_region_sql = "UPDATE labour_market_regions SET doc = $1::jsonb WHERE code = $2",
    insert_organization_sql = "INSERT INTO organizations (id, key, name, last_modified, doc) VALUES ($1, $2, $3, $4, $5::jsonb)"
);

loket_store::sqlx_job_impls!(PostgresStore, claim_lock = " FOR UPDATE SKIP LOCKED");

loket_store::sqlx_referral_impls!(PostgresStore, db = sqlx::Postgres, account_row = account);
loket_store::sqlx_talent_impls!(PostgresStore, db = sqlx::Postgres);
loket_store::sqlx_upload_impls!(PostgresStore);
loket_store::sqlx_monitoring_impls!(PostgresStore);
loket_store::sqlx_subscription_impls!(PostgresStore);
loket_store::sqlx_funding_impls!(PostgresStore);
loket_store::sqlx_event_impls!(PostgresStore);
loket_store::sqlx_tally_impls!(PostgresStore, db = sqlx::Postgres);
