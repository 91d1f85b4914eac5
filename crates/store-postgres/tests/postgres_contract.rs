#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! The storage contract on PostgreSQL: a fresh database per test, dropped afterwards.

use loket_store::Store;
use loket_store_postgres::PostgresStore;
use loket_store_postgres::testing::TempDatabase;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

async fn fresh() -> (
    Arc<dyn Store>,
    impl FnOnce() -> Pin<Box<dyn Future<Output = ()> + Send>>,
) {
    let db = TempDatabase::create()
        .await
        .expect("create a test database");
    let store = Arc::new(PostgresStore::connect(&db.url).await.expect("connect"));
    let closer = store.clone();
    (store, move || {
        Box::pin(async move {
            closer.close().await;
            db.drop_database().await;
        })
    })
}

loket_store_contract::contract_tests!(fresh);

#[tokio::test]
async fn tampering_with_the_audit_log_is_refused_and_else_detected() {
    use loket_store::AuditLog;
    let db = TempDatabase::create()
        .await
        .expect("create a test database");
    let store = PostgresStore::connect(&db.url).await.expect("connect");
    let event = |n: usize| loket_domain::audit::AuditEvent {
        action: format!("test.action{n}"),
        object: "service/1".into(),
        result: loket_domain::audit::AuditResult::Denied,
        origin: "web".into(),
        actor: "account/7".into(),
        subject: Some("pseudonym".into()),
        activity: Some("referral".into()),
    };
    for n in 0..4 {
        store.append_audit(&event(n)).await.expect("append");
    }
    let verify = || async {
        let entries = store.audit_entries(0, 1000).await.expect("entries");
        let head = store.audit_head().await.expect("head");
        loket_domain::audit::verify(&entries, (head.0, &head.1))
    };
    let first = verify().await;
    let update_refused = sqlx::query("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")
        .execute(store.pool())
        .await
        .is_err();
    let delete_refused = sqlx::query("DELETE FROM audit_log WHERE seq = 3")
        .execute(store.pool())
        .await
        .is_err();
    sqlx::query("DROP TRIGGER audit_log_no_change ON audit_log")
        .execute(store.pool())
        .await
        .expect("drop");
    sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(store.pool())
        .await
        .expect("tamper");
    let after_delete = verify().await;
    store.close().await;
    db.drop_database().await;
    assert_eq!(first, Ok(4));
    assert!(
        update_refused && delete_refused,
        "the database refuses changes"
    );
    assert_eq!(
        after_delete,
        Err(loket_domain::audit::ChainBreak::Gap { prev: 1, seq: 3 })
    );
}
