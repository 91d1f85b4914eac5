//! Snapshots through PostgreSQL's own tools: `pg_dump --format=custom` (one
//! repeatable-read transaction, so writers go on while it runs) and
//! `pg_restore --clean --single-transaction` (all or nothing). The password
//! travels in `PGPASSWORD`, never on a command line others can read.

use crate::{MIGRATOR, PostgresStore};
use loket_store::backup::Snapshots;
use loket_store::{StoreError, StoreResult};
use std::path::Path;

#[async_trait::async_trait]
impl Snapshots for PostgresStore {
    async fn schema_version(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))
    }

    async fn snapshot_to(&self, path: &Path) -> StoreResult<()> {
        let url = self.url.as_deref().ok_or_else(|| {
            StoreError::Unavailable("this store was not opened from a URL".into())
        })?;
        let file = format!("--file={}", path.display());
        run(
            "pg_dump",
            &["--format=custom", "--no-owner", "--no-privileges", &file],
            url,
        )
        .await
    }
}

/// The schema version this build of loket creates.
pub fn built_schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

impl PostgresStore {
    /// No row in any table but the bookkeeping of the migrations and of the
    /// monitoring tallies (built, over nothing, at every first start).
    pub async fn is_blank(&self) -> StoreResult<bool> {
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() \
             AND tablename NOT IN ('_sqlx_migrations', 'audit_head', 'monitoring_tallies_built')",
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

    /// Restores the `pg_dump` archive at `snapshot` into the database `url`
    /// names, replacing loket's tables there, in one transaction.
    pub async fn restore(url: &str, snapshot: &Path) -> StoreResult<()> {
        let file = snapshot.display().to_string();
        run(
            "pg_restore",
            &[
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                &file,
            ],
            url,
        )
        .await
    }
}

/// Runs a PostgreSQL client tool against `url`, the password in the environment.
async fn run(tool: &str, args: &[&str], url: &str) -> StoreResult<()> {
    let (without_password, password) = split_password(url);
    let mut cmd = tokio::process::Command::new(tool);
    cmd.args(args)
        .arg(format!("--dbname={without_password}"))
        .stdin(std::process::Stdio::null());
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    let out = cmd
        .output()
        .await
        .map_err(|e| StoreError::Unavailable(format!("{tool} could not be started: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        let message = String::from_utf8_lossy(&out.stderr);
        let first = message.lines().take(3).collect::<Vec<_>>().join(" / ");
        Err(StoreError::Unavailable(format!("{tool} failed: {first}")))
    }
}

/// `postgres://user:secret@host/db` → (`postgres://user@host/db`, `Some("secret")`),
/// the password percent-decoded as libpq would.
fn split_password(url: &str) -> (String, Option<String>) {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return (url.to_string(), None);
    };
    let rest = &url[scheme_end..];
    let Some(at) = rest.find('@') else {
        return (url.to_string(), None);
    };
    let userinfo = &rest[..at];
    let Some((user, password)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    (
        format!("{}{user}{}", &url[..scheme_end], &rest[at..]),
        Some(percent_decode(password)),
    )
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            split_password("postgres://loket:s%40cret@db:5432/loket"),
            (
                "postgres://loket@db:5432/loket".to_string(),
                Some("s@cret".to_string())
            )
        );
        assert_eq!(
            split_password("postgres://postgres@127.0.0.1/x"),
            ("postgres://postgres@127.0.0.1/x".to_string(), None)
        );
    }
}
