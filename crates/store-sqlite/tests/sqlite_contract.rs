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

loket_store::contract_tests!(fresh);
