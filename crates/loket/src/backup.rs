//! `loket backup --out FILE` and `loket restore FILE`: a snapshot of the whole
//! database in one file with its manifest (see `loket_store::backup`), taken while
//! `loket serve` keeps serving, and put back into an empty database of the same
//! engine and schema version.

use crate::config::Config;
use crate::{AppError, open_store};
use loket_store::backup::{self, BackupError};
use std::path::{Path, PathBuf};

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// A file beside `near` for the bare snapshot, gone when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn beside(near: &Path, suffix: &str) -> Self {
        let mut name = near.as_os_str().to_owned();
        name.push(format!(".{}.{suffix}", std::process::id()));
        let path = PathBuf::from(name);
        let _ = std::fs::remove_file(&path);
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

pub async fn backup(config: &Config, out: &Path) -> Result<(), AppError> {
    let store = open_store(config).await?;
    // Recorded first, so the backup holds its own entry and a restore gives
    // exactly the tables as they were.
    crate::audit(
        store.as_ref(),
        "backup.created",
        &out.display().to_string(),
        loket_domain::audit::AuditResult::Success,
    )
    .await;
    let scratch = Scratch::beside(out, "snapshot");
    store.snapshot_to(&scratch.0).await?;
    let manifest = backup::wrap(
        &scratch.0,
        out,
        store.backend(),
        store.schema_version().await?,
        chrono::Utc::now().timestamp(),
    )?;
    eprintln!(
        "backup written to {}: {} database, schema version {}, {} bytes, sha256 {}",
        out.display(),
        manifest.backend,
        manifest.schema_version,
        manifest.bytes,
        manifest.sha256
    );
    Ok(())
}

pub async fn restore(config: &Config, file: &Path, replace: bool) -> Result<(), AppError> {
    let url = &config.database_url;
    let refuse = |e: BackupError| AppError::File {
        path: file.display().to_string(),
        message: e.to_string(),
    };
    let scratch = Scratch::beside(file, "restoring");
    if is_postgres(url) {
        use loket_store_postgres::{PostgresStore, backup::built_schema_version};
        let target = PostgresStore::connect(url).await?;
        let blank = target.is_blank().await?;
        target.close().await;
        refuse_to_overwrite(blank, replace)?;
        backup::unwrap(file, &scratch.0, "postgres", built_schema_version()).map_err(refuse)?;
        PostgresStore::restore(url, &scratch.0).await?;
    } else {
        use loket_store_sqlite::{SqliteStore, backup::built_schema_version};
        open_store(config).await?; // creates the file's directory and schema when new
        let target = SqliteStore::connect(url).await?;
        let blank = target.is_blank().await?;
        target.close().await;
        refuse_to_overwrite(blank, replace)?;
        backup::unwrap(file, &scratch.0, "sqlite", built_schema_version()).map_err(refuse)?;
        SqliteStore::restore(url, &scratch.0).await?;
    }
    eprintln!(
        "restored {} into {}",
        file.display(),
        config.database_for_logs()
    );
    Ok(())
}

fn refuse_to_overwrite(blank: bool, replace: bool) -> Result<(), AppError> {
    if blank || replace {
        Ok(())
    } else {
        Err(AppError::Invalid(
            "the database already holds data; restore only fills an empty database \
             (add --replace to overwrite it, after taking a backup of it)"
                .into(),
        ))
    }
}
