//! Backups: each backend writes a consistent snapshot of its whole database while
//! it keeps serving ([`Snapshots::snapshot_to`]: SQLite `VACUUM INTO`, PostgreSQL
//! `pg_dump` in its custom format, one transaction each), and this module wraps
//! the snapshot in one file with a manifest: the format, the backend, the schema
//! version (the last migration applied) and the SHA-256 of the snapshot, so a
//! restore refuses a damaged file, a file of the other engine, or one from
//! another schema version, before anything is touched.
//!
//! The file: one line of JSON (the [`Manifest`]), a newline, then the snapshot's
//! bytes.

use crate::{StoreError, StoreResult};
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

/// What the first line of a backup file says about the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The version of the last migration applied when the snapshot was taken.
    pub schema_version: i64,
    /// Unix seconds.
    pub created_at: i64,
    /// Bytes of the snapshot after the manifest line.
    pub bytes: u64,
    /// Lower-case hex SHA-256 of those bytes.
    pub sha256: String,
}

pub const FORMAT: &str = "loket-backup/1";

/// Taking and restoring a snapshot of the whole database.
#[async_trait]
pub trait Snapshots: Send + Sync + 'static {
    /// The version of the last migration applied.
    async fn schema_version(&self) -> StoreResult<i64>;
    /// Writes a consistent snapshot of every table to `path` while others keep
    /// reading and writing.
    async fn snapshot_to(&self, path: &Path) -> StoreResult<()>;
}

/// Writes `snapshot` (a file a backend wrote) behind its manifest into `out`.
pub fn wrap(
    snapshot: &Path,
    out: &Path,
    backend: &str,
    schema_version: i64,
    created_at: i64,
) -> StoreResult<Manifest> {
    let io = |e: std::io::Error| StoreError::Unavailable(format!("backup file: {e}"));
    let (bytes, sha256) = hash_file(snapshot).map_err(io)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        backend: backend.into(),
        schema_version,
        created_at,
        bytes,
        sha256,
    };
    let line = serde_json::to_string(&manifest).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let partial = out.with_extension("partial");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(io)?);
        file.write_all(line.as_bytes()).map_err(io)?;
        file.write_all(b"\n").map_err(io)?;
        std::io::copy(&mut std::fs::File::open(snapshot).map_err(io)?, &mut file).map_err(io)?;
        let file = file.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
    }
    // Only a complete file carries the final name.
    std::fs::rename(&partial, out).map_err(io)?;
    Ok(manifest)
}

/// Why a backup file cannot be restored.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BackupError {
    #[error("cannot read the backup: {0}")]
    Unreadable(String),
    #[error("not a loket backup (no manifest on the first line)")]
    NoManifest,
    #[error("the backup is damaged: its contents do not match the checksum in its manifest")]
    Damaged,
    #[error("the backup is of a {found} database; this database is {expected}")]
    OtherBackend { found: String, expected: String },
    #[error(
        "the backup has schema version {found}; this loket has {expected}: restore it with the loket version that made it"
    )]
    OtherSchema { found: i64, expected: i64 },
}

/// Reads and checks a backup file; writes its snapshot to `snapshot_out`.
pub fn unwrap(
    file: &Path,
    snapshot_out: &Path,
    backend: &str,
    schema_version: i64,
) -> Result<Manifest, BackupError> {
    let unreadable = |e: std::io::Error| BackupError::Unreadable(e.to_string());
    let mut reader = BufReader::new(std::fs::File::open(file).map_err(unreadable)?);
    let mut line = Vec::new();
    reader
        .by_ref()
        .take(64 * 1024)
        .read_until(b'\n', &mut line)
        .map_err(unreadable)?;
    let manifest: Manifest =
        serde_json::from_slice(line.trim_ascii_end()).map_err(|_| BackupError::NoManifest)?;
    if manifest.format != FORMAT {
        return Err(BackupError::NoManifest);
    }
    if manifest.backend != backend {
        return Err(BackupError::OtherBackend {
            found: manifest.backend,
            expected: backend.into(),
        });
    }
    if manifest.schema_version != schema_version {
        return Err(BackupError::OtherSchema {
            found: manifest.schema_version,
            expected: schema_version,
        });
    }
    {
        let mut out = std::fs::File::create(snapshot_out).map_err(unreadable)?;
        std::io::copy(&mut reader, &mut out).map_err(unreadable)?;
        out.sync_all().map_err(unreadable)?;
    }
    let (bytes, sha256) = hash_file(snapshot_out).map_err(unreadable)?;
    if bytes != manifest.bytes || sha256 != manifest.sha256 {
        let _ = std::fs::remove_file(snapshot_out);
        return Err(BackupError::Damaged);
    }
    Ok(manifest)
}

fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    Ok((total, hex))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

    #[test]
    fn a_wrapped_snapshot_comes_back_only_when_intact_and_matching() {
        let dir = tempfile::tempdir().expect("dir");
        let snapshot = dir.path().join("snap");
        std::fs::write(&snapshot, b"the database's bytes").expect("write");
        let file = dir.path().join("backup.loket");
        let manifest = wrap(&snapshot, &file, "sqlite", 7, 1_800_000_000).expect("wrap");
        assert_eq!(manifest.bytes, 20);
        let out = dir.path().join("out");
        assert_eq!(unwrap(&file, &out, "sqlite", 7), Ok(manifest));
        assert_eq!(std::fs::read(&out).expect("read"), b"the database's bytes");
        assert!(matches!(
            unwrap(&file, &out, "postgres", 7),
            Err(BackupError::OtherBackend { .. })
        ));
        assert!(matches!(
            unwrap(&file, &out, "sqlite", 8),
            Err(BackupError::OtherSchema {
                found: 7,
                expected: 8
            })
        ));
        let mut bytes = std::fs::read(&file).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(unwrap(&file, &out, "sqlite", 7), Err(BackupError::Damaged));
        std::fs::write(&file, b"not a backup").expect("write");
        assert_eq!(
            unwrap(&file, &out, "sqlite", 7),
            Err(BackupError::NoManifest)
        );
    }
}
