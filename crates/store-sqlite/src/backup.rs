//! Snapshots of the SQLite file (`VACUUM INTO`: one read transaction, so writers
//! go on while it runs) and restoring one in place of an empty database file.

use crate::{MIGRATOR, SqliteStore};
use loket_store::backup::Snapshots;
use loket_store::{StoreError, StoreResult};
use std::path::{Path, PathBuf};

#[async_trait::async_trait]
impl Snapshots for SqliteStore {
    async fn schema_version(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))
    }

    async fn snapshot_to(&self, path: &Path) -> StoreResult<()> {
        let target = path.to_string_lossy().into_owned();
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(format!("VACUUM INTO: {e}")))?;
        Ok(())
    }
}

/// The schema version this build of loket creates.
pub fn built_schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The database file a `sqlite:` URL names (`None` for an in-memory database).
pub fn file_of(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

impl SqliteStore {
    /// No row in any table but the bookkeeping of the migrations and of the
    /// monitoring tallies (built, over nothing, at every first start).
    pub async fn is_blank(&self) -> StoreResult<bool> {
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT IN ('_sqlx_migrations', 'audit_head', 'monitoring_tallies_built')",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        for table in tables {
            // The name comes from the database's own catalogue, quoted.
            let any: bool = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT EXISTS (SELECT 1 FROM \"{}\")",
                table.replace('"', "\"\"")
            )))
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
            if any {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Puts the snapshot at `snapshot` in place of the database `url` names.
    /// The caller checked that the database is blank (or was told to replace it)
    /// and that no server uses it.
    pub async fn restore(url: &str, snapshot: &Path) -> StoreResult<()> {
        let target = file_of(url).ok_or_else(|| {
            StoreError::Unavailable("restore needs a database file, not an in-memory one".into())
        })?;
        let io = |e: std::io::Error| StoreError::Unavailable(format!("restore: {e}"));
        let staged = target.with_extension("restoring");
        std::fs::copy(snapshot, &staged).map_err(io)?;
        for suffix in ["-wal", "-shm"] {
            let mut side = target.clone().into_os_string();
            side.push(suffix);
            match std::fs::remove_file(PathBuf::from(side)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
                _ => {}
            }
        }
        std::fs::rename(&staged, &target).map_err(io)?;
        // Opening it checks that it is a database of this schema.
        let store = SqliteStore::connect(url).await?;
        store.close().await;
        Ok(())
    }
}
