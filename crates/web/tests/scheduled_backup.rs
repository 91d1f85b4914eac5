#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The job worker's daily backup: queued when a directory is configured, written
//! as a checked backup file, and only the newest `keep` are kept.

mod support;

use loket_app::backup::BackupSchedule;

#[tokio::test]
async fn the_daily_backup_writes_a_checked_file_and_keeps_the_newest() {
    let mut app = support::app().await;
    let dir = tempfile::tempdir().expect("dir");
    let schedule = BackupSchedule {
        directory: dir.path().join("backups"),
        keep: 2,
    };
    app.state = app
        .state
        .clone()
        .with_backup_schedule(Some(schedule.clone()));
    std::fs::create_dir_all(&schedule.directory).unwrap();
    std::fs::write(schedule.directory.join("notes.txt"), "not ours").unwrap();

    // Configured: the worker queues it with the other daily jobs, and runs it.
    loket_app::jobs::schedule_retention(&app.state)
        .await
        .unwrap();
    assert_eq!(
        app.state
            .store
            .pending_jobs(loket_app::backup::JOB)
            .await
            .unwrap(),
        1
    );
    loket_app::jobs::run_due(&app.state).await.unwrap();
    assert_eq!(
        app.state
            .store
            .pending_jobs(loket_app::backup::JOB)
            .await
            .unwrap(),
        1,
        "the next one is queued for tomorrow"
    );
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(&schedule.directory)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let first = files();
    assert_eq!(first.len(), 2, "{first:?}");
    let backup = schedule.directory.join(&first[0]);
    assert!(first[0].starts_with("loket-sqlite-") && first[0].ends_with(".backup"));
    let manifest = loket_store::backup::unwrap(
        &backup,
        &dir.path().join("snapshot"),
        "sqlite",
        loket_store_sqlite::backup::built_schema_version(),
    )
    .expect("a whole, checked backup");
    assert!(manifest.bytes > 100_000);

    // Two more days: the oldest goes, the stranger's file stays.
    for _ in 0..2 {
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        loket_app::backup::take(&app.state, &schedule)
            .await
            .unwrap();
    }
    let now = files();
    assert_eq!(now.len(), 3, "two backups and notes.txt: {now:?}");
    assert!(!now.contains(&first[0]), "the oldest was removed");
    assert!(now.contains(&"notes.txt".to_string()));
}
