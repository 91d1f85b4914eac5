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

loket_store::contract_tests!(fresh);
