#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! The storage contract on SQLite: a fresh database file per test.

use loket_store::Store;
use loket_store_sqlite::SqliteStore;
use std::sync::Arc;

async fn fresh() -> (Arc<dyn Store>, impl FnOnce() -> std::future::Ready<()>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("loket.db").display());
    let store = SqliteStore::connect(&url).await.expect("connect");
    (Arc::new(store), move || {
        drop(dir);
        std::future::ready(())
    })
}

loket_store_contract::contract_tests!(fresh);

fn event(n: usize) -> loket_domain::audit::AuditEvent {
    loket_domain::audit::AuditEvent {
        action: format!("test.action{n}"),
        object: "service/1".into(),
        result: loket_domain::audit::AuditResult::Success,
        origin: "cli".into(),
        actor: "operator".into(),
        subject: None,
        activity: None,
    }
}

async fn verify(store: &SqliteStore) -> Result<i64, loket_domain::audit::ChainBreak> {
    use loket_store::AuditLog;
    let entries = store.audit_entries(0, 1000).await.expect("entries");
    let head = store.audit_head().await.expect("head");
    loket_domain::audit::verify(&entries, (head.0, &head.1))
}

#[tokio::test]
async fn tampering_with_the_audit_log_is_refused_and_else_detected() {
    use loket_store::AuditLog;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::connect(&format!(
        "sqlite://{}",
        dir.path().join("audit.db").display()
    ))
    .await
    .expect("connect");
    for n in 0..4 {
        store.append_audit(&event(n)).await.expect("append");
    }
    assert_eq!(verify(&store).await, Ok(4));
    // The database itself refuses changes and deletions.
    assert!(
        sqlx::query("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")
            .execute(store.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(store.pool())
            .await
            .is_err()
    );
    // Someone who gets past that (dropping the guards) is still caught by the chain.
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(store.pool())
        .await
        .expect("drop");
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(store.pool())
        .await
        .expect("drop");
    sqlx::query("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")
        .execute(store.pool())
        .await
        .expect("tamper");
    assert_eq!(
        verify(&store).await,
        Err(loket_domain::audit::ChainBreak::Changed { seq: 2 })
    );
    sqlx::query("UPDATE audit_log SET actor = 'operator' WHERE seq = 2")
        .execute(store.pool())
        .await
        .expect("restore");
    sqlx::query("DELETE FROM audit_log WHERE seq = 4")
        .execute(store.pool())
        .await
        .expect("tamper");
    assert_eq!(
        verify(&store).await,
        Err(loket_domain::audit::ChainBreak::Truncated { last: 3, head: 4 })
    );
}
