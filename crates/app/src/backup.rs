//! The scheduled backup: once a day the job worker writes a backup file (the same
//! as `loket backup`: snapshot and manifest, see `loket_store::backup`) into the
//! configured directory and keeps the newest `keep` of them. Files are named
//! `loket-{backend}-{UTC time}.backup`; nothing else in the directory is touched.

use crate::App;
use loket_domain::audit::{AuditEvent, AuditResult};
use std::path::{Path, PathBuf};

/// The job kind.
pub const JOB: &str = "backup";

/// Where scheduled backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSchedule {
    pub directory: PathBuf,
    pub keep: usize,
}

fn is_ours(name: &str) -> bool {
    name.starts_with("loket-") && name.ends_with(".backup")
}

/// Writes one backup into the schedule's directory and removes the oldest beyond
/// `keep`; returns the new file.
pub async fn take(app: &App, schedule: &BackupSchedule) -> Result<PathBuf, String> {
    std::fs::create_dir_all(&schedule.directory)
        .map_err(|e| format!("{}: {e}", schedule.directory.display()))?;
    let now = app.clock.now();
    let name = format!(
        "loket-{}-{}.backup",
        app.store.backend(),
        now.format("%Y%m%dT%H%M%SZ")
    );
    let file = schedule.directory.join(&name);
    // Recorded before the snapshot, so the backup holds its own entry.
    app.record_audit(AuditEvent {
        action: "backup.created".into(),
        object: name.clone(),
        result: AuditResult::Success,
        origin: "job".into(),
        actor: "system".into(),
        subject: None,
        activity: None,
    })
    .await;
    let scratch = schedule.directory.join(format!(".{name}.snapshot"));
    let _ = std::fs::remove_file(&scratch);
    let taken = async {
        app.store
            .snapshot_to(&scratch)
            .await
            .map_err(|e| e.to_string())?;
        let version = app
            .store
            .schema_version()
            .await
            .map_err(|e| e.to_string())?;
        loket_store::backup::wrap(
            &scratch,
            &file,
            app.store.backend(),
            version,
            now.timestamp(),
        )
        .map_err(|e| e.to_string())
    }
    .await;
    let _ = std::fs::remove_file(&scratch);
    taken?;
    prune(&schedule.directory, schedule.keep);
    Ok(file)
}

/// Removes the oldest of our backup files beyond `keep` (names sort by time).
fn prune(directory: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    let mut ours: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_ours))
        .collect();
    ours.sort();
    let excess = ours.len().saturating_sub(keep.max(1));
    for old in &ours[..excess] {
        if let Err(e) = std::fs::remove_file(old) {
            tracing::warn!(file = %old.display(), error = %e, "an old backup could not be removed");
        }
    }
}
