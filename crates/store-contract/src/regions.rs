//! Labour-market regions: stored whole with their menus, versioned when a
//! coordinator edits them, each with its own wording of the front door, and
//! every change on the change feed that nodes follow.

use crate::seed;
use loket_domain::region::RegionStatus;
use loket_store::{Store, StoreError};

pub async fn regions_are_stored_with_their_menus_and_versioned(store: &dyn Store) {
    let doc = seed();
    store.import(&doc).await.expect("import");
    let loaded = store.load().await.expect("load");
    let codes: Vec<&str> = loaded
        .labour_market_regions
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(codes, ["midden-limburg", "noord-limburg", "zuid-limburg"]);
    let mut midden = loaded.labour_market_regions[0].clone();
    assert!(!midden.menu.is_empty());
    assert_eq!(
        store
            .current_version("labour_market_region", "midden-limburg")
            .await
            .expect("version"),
        1
    );
    let removed = midden.menu.remove(0);
    let before = store.latest_change().await.expect("change");
    assert_eq!(
        store
            .save_region(&midden, 1, "coordinator-ml")
            .await
            .expect("save"),
        2
    );
    assert!(
        store.latest_change().await.expect("change") > before,
        "every node hears of the new menu"
    );
    let again = store.load().await.expect("load");
    let stored = &again.labour_market_regions[0];
    assert!(!stored.menu.contains(&removed));
    assert_eq!(stored.menu.len(), midden.menu.len());
    let south = &again.labour_market_regions[2];
    assert_eq!(
        south,
        &doc.labour_market_regions
            .iter()
            .find(|r| r.code == "zuid-limburg")
            .cloned()
            .expect("south"),
        "another region's menu is untouched"
    );
    // A save from the old version is refused and changes nothing.
    midden.status = RegionStatus::Draft;
    assert!(matches!(
        store.save_region(&midden, 1, "coordinator-ml").await,
        Err(StoreError::Conflict(_))
    ));
    let history = store
        .versions("labour_market_region", "midden-limburg")
        .await
        .expect("history");
    assert_eq!(history.len(), 2, "the imported and the edited version");
    assert_eq!(history[0].actor, "coordinator-ml");
    let mut unknown = midden.clone();
    unknown.code = "nowhere".into();
    assert!(matches!(
        store.save_region(&unknown, 1, "coordinator-ml").await,
        Err(StoreError::Rejected { .. })
    ));
}

pub async fn each_region_has_its_own_wording(store: &dyn Store) {
    store
        .save_flow("midden-limburg", "{\"ml\":1}", 0, "coordinator-ml")
        .await
        .expect("save");
    assert_eq!(
        store.latest_flow("midden-limburg").await.expect("flow"),
        Some((1, "{\"ml\":1}".to_string()))
    );
    assert_eq!(store.latest_flow("zuid-limburg").await.expect("flow"), None);
    assert_eq!(store.latest_flow("flow").await.expect("flow"), None);
    assert_eq!(
        store
            .save_flow("zuid-limburg", "{\"zl\":1}", 0, "coordinator-zl")
            .await
            .expect("a region's first save is its version 1"),
        1
    );
}

pub async fn a_failed_region_import_stores_nothing(store: &dyn Store) {
    let doc = seed();
    store.import(&doc).await.expect("import");
    let before = store.load().await.expect("load");
    let mut bad = loket_domain::CatalogueDocument::empty();
    let mut region = doc.labour_market_regions[0].clone();
    region.code = "new-region".into();
    bad.labour_market_regions.push(region);
    // A location of an organisation that does not exist: the database refuses it.
    let mut location = doc.locations[0].clone();
    location.id = "00000000-0000-0000-0000-00000000dead".into();
    location.organization_id = "no-such-organisation".into();
    bad.locations.push(location);
    assert!(store.import(&bad).await.is_err());
    let after = store.load().await.expect("load");
    assert_eq!(after.labour_market_regions, before.labour_market_regions);
}
