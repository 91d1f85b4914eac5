#![allow(clippy::expect_used, clippy::unwrap_used)] // test support: a failed expectation is the test failing
//! The contract every storage backend must honour. Each backend's tests call
//! [`contract_tests!`](crate::contract_tests) with a function that makes a fresh,
//! migrated, empty store; the macro makes one test per contract below.

use crate::{Feedback, RouteCount, RouteTally, Store, StoreError};
use loket_domain::CatalogueDocument;

/// The seeded Limburg catalogue.
pub fn seed() -> CatalogueDocument {
    match CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json")) {
        Ok(doc) => doc,
        Err(errors) => panic!("the seed catalogue is invalid: {errors:?}"),
    }
}

pub async fn fresh_store_is_empty_and_ready(store: &dyn Store) {
    assert!(store.is_empty().await.expect("is_empty"));
    let ready = store.readiness().await;
    assert!(ready.reachable && ready.migrations_applied, "{ready:?}");
    assert_eq!(store.latest_change().await.expect("latest_change"), 0);
    assert!(store.load().await.expect("load").services.is_empty());
}

pub async fn migrating_twice_changes_nothing(store: &dyn Store) {
    store.import(&seed()).await.expect("import");
    store.migrate().await.expect("second migrate");
    assert_eq!(
        store.load().await.expect("load").services.len(),
        seed().services.len()
    );
}

pub async fn import_then_load_gives_the_same_document(store: &dyn Store) {
    let doc = seed();
    let summary = store.import(&doc).await.expect("import");
    assert_eq!(summary.services, doc.services.len());
    assert_eq!(summary.organizations, doc.organizations.len());
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.normalized(), doc.normalized());
    assert!(!store.is_empty().await.expect("is_empty"));
}

pub async fn reimport_updates_records_and_records_a_change(store: &dyn Store) {
    let mut doc = seed();
    store.import(&doc).await.expect("import");
    let before = store.latest_change().await.expect("latest_change");
    assert!(before > 0);
    doc.services[0].name.de = Some("Neuer Name – Grenzgänger €".into());
    doc.services[0].topics.retain(|t| t != "tax");
    store.import(&doc).await.expect("re-import");
    let after = store.latest_change().await.expect("latest_change");
    assert!(
        after > before,
        "a re-import must be visible in the change feed"
    );
    let stored = store
        .service(&doc.services[0].id)
        .await
        .expect("service")
        .expect("present");
    assert_eq!(
        stored.name.de.as_deref(),
        Some("Neuer Name – Grenzgänger €")
    );
    assert!(!stored.topics.contains(&"tax".to_string()));
    assert_eq!(
        store.load().await.expect("load").services.len(),
        doc.services.len(),
        "no duplicates"
    );
}

pub async fn failed_import_leaves_the_database_unchanged(store: &dyn Store) {
    let doc = seed();
    store.import(&doc).await.expect("import");
    let before = store.load().await.expect("load");
    let change_before = store.latest_change().await.expect("latest_change");

    // A document that is valid on its own, but whose last service reuses the key
    // of a stored service under a new id: the database refuses it, late in the
    // import, after a new organisation was already written in the transaction.
    let mut next = seed();
    let mut org = next.organizations[0].clone();
    org.id = "0b7d3c1e-0000-4000-8000-000000000001".into();
    org.key = "new-organisation".into();
    next.organizations.push(org);
    let mut clash = next.services[0].clone();
    clash.id = "0b7d3c1e-0000-4000-8000-000000000002".into();
    next.services = vec![clash];
    next.locations.clear();
    next.services[0].locations.clear();
    assert!(next.validate().is_empty(), "the document itself is valid");

    match store.import(&next).await {
        Err(StoreError::Rejected { record, field, .. }) => {
            assert!(record.starts_with("services[0]"), "{record}");
            assert_eq!(field, "key");
        }
        other => panic!("expected a rejected record, got {other:?}"),
    }
    assert_eq!(
        store.load().await.expect("load").normalized(),
        before.normalized()
    );
    assert_eq!(
        store.latest_change().await.expect("latest_change"),
        change_before
    );
    assert!(
        store
            .organization("0b7d3c1e-0000-4000-8000-000000000001")
            .await
            .expect("lookup")
            .is_none()
    );
}

pub async fn lookups_by_id(store: &dyn Store) {
    let doc = seed();
    store.import(&doc).await.expect("import");
    let s = &doc.services[3];
    assert_eq!(
        store.service(&s.id).await.expect("service").as_ref(),
        Some(s)
    );
    let o = &doc.organizations[2];
    assert_eq!(
        store
            .organization(&o.id)
            .await
            .expect("organization")
            .as_ref(),
        Some(o)
    );
    assert!(
        store
            .service("00000000-0000-0000-0000-000000000000")
            .await
            .expect("service")
            .is_none()
    );
    assert!(
        store
            .organization("'; DROP TABLE services; --")
            .await
            .expect("organization")
            .is_none()
    );
    assert_eq!(
        store.load().await.expect("load").services.len(),
        doc.services.len()
    );
}

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("a date")
}

pub async fn route_counts_add_up_per_combination(store: &dyn Store) {
    assert!(store.route_counts(day(1)).await.expect("counts").is_empty());
    let tally = |d, combination: &str, fell_back, count| RouteTally {
        day: day(d),
        combination: combination.into(),
        fell_back,
        count,
    };
    let first = [
        tally(20, "who=worker&topic=tax", false, 2),
        tally(10, "who=job-seeker&topic=housing", false, 1),
    ];
    store.add_route_counts(&first).await.expect("add");
    let second = [
        tally(21, "who=worker&topic=tax", false, 1),
        tally(21, "who=employer&topic=other", true, 1),
    ];
    store.add_route_counts(&second).await.expect("add");
    store.add_route_counts(&[]).await.expect("nothing to add");
    let counts = store.route_counts(day(15)).await.expect("counts");
    assert_eq!(
        counts,
        vec![
            RouteCount {
                combination: "who=worker&topic=tax".into(),
                fell_back: false,
                count: 3
            },
            RouteCount {
                combination: "who=employer&topic=other".into(),
                fell_back: true,
                count: 1
            },
        ]
    );
    assert_eq!(store.route_counts(day(1)).await.expect("counts").len(), 3);
}

pub async fn feedback_is_kept_newest_first(store: &dyn Store) {
    for (d, comment) in [
        (18, "Ik zoek kinderopvang in Aken"),
        (19, "Keine passende Stelle – 😕"),
        (20, ""),
    ] {
        let f = Feedback {
            day: day(d),
            combination: format!("who=worker&day={d}"),
            lang: "nl".into(),
            comment: comment.into(),
        };
        store.add_feedback(&f).await.expect("add");
    }
    let all = store.feedback(day(1), 10).await.expect("feedback");
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].day, day(20));
    assert_eq!(all[1].comment, "Keine passende Stelle – 😕");
    assert_eq!(
        store.feedback(day(19), 10).await.expect("feedback").len(),
        2
    );
    assert_eq!(store.feedback(day(1), 1).await.expect("feedback").len(), 1);
}

fn audit_event(action: &str, actor: &str) -> loket_domain::audit::AuditEvent {
    loket_domain::audit::AuditEvent {
        action: action.into(),
        object: "service/0b7d3c1e".into(),
        result: loket_domain::audit::AuditResult::Success,
        origin: "cli".into(),
        actor: actor.into(),
        subject: Some("pseudonym-7f3a".into()),
        activity: Some("referral".into()),
    }
}

pub async fn the_audit_log_chains_every_entry(store: &dyn Store) {
    assert_eq!(
        store.audit_head().await.expect("head"),
        (0, loket_domain::audit::GENESIS.to_string())
    );
    let first = store
        .append_audit(&audit_event("catalogue.import", "operator"))
        .await
        .expect("append");
    assert_eq!(first.seq, 1);
    assert_eq!(first.prev_hash, loket_domain::audit::GENESIS);
    let second = store
        .append_audit(&audit_event("service.update", "Zoë d'Artagnan <script>"))
        .await
        .expect("append");
    assert_eq!(second.prev_hash, first.hash);
    let entries = store.audit_entries(0, 100).await.expect("entries");
    assert_eq!(
        entries,
        vec![first, second.clone()],
        "entries read back exactly as written"
    );
    let head = store.audit_head().await.expect("head");
    assert_eq!(head, (2, second.hash.clone()));
    assert_eq!(
        loket_domain::audit::verify(&entries, (head.0, &head.1)),
        Ok(2)
    );
    assert_eq!(store.audit_entries(1, 100).await.expect("entries").len(), 1);
}

pub async fn concurrent_audit_appends_keep_one_chain(store: &dyn Store) {
    let writer = |who: &'static str| async move {
        for _ in 0..5 {
            store
                .append_audit(&audit_event("contact.create", who))
                .await
                .expect("append");
        }
    };
    tokio::join!(writer("a"), writer("b"), writer("c"), writer("d"));
    let entries = store.audit_entries(0, 100).await.expect("entries");
    assert_eq!(entries.len(), 20);
    let head = store.audit_head().await.expect("head");
    assert_eq!(
        loket_domain::audit::verify(&entries, (head.0, &head.1)),
        Ok(20)
    );
}

pub async fn accounts_have_unique_emails_and_roles(store: &dyn Store) {
    use loket_domain::account::{Email, Membership, Role};
    let email = Email::parse("Anna.Jansen@Gemeente.nl").expect("email");
    let new = crate::NewAccount {
        email: email.clone(),
        display_name: "Anna Jansen-Ó'Brien".into(),
        password_hash: "$argon2id$test".into(),
    };
    let account = store.create_account(&new).await.expect("create");
    assert_eq!(account.email.as_str(), "anna.jansen@gemeente.nl");
    match store.create_account(&new).await {
        Err(StoreError::Rejected { field, .. }) => assert_eq!(field, "email"),
        other => panic!("a second account with the same address must be refused, got {other:?}"),
    }
    let (found, hash) = store
        .account_by_email(&email)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!((found, hash.as_str()), (account.clone(), "$argon2id$test"));
    assert!(
        store
            .account_by_email(&Email::parse("nobody@example.nl").expect("email"))
            .await
            .expect("lookup")
            .is_none()
    );

    store.import(&seed()).await.expect("seed");
    let org = seed().organizations[0].id.clone();
    let staff = Membership {
        organization_id: Some(org.clone()),
        role: Role::Staff,
    };
    let coordinator = Membership {
        organization_id: None,
        role: Role::Coordinator,
    };
    store
        .add_membership(&account.id, &staff)
        .await
        .expect("staff");
    store
        .add_membership(&account.id, &staff)
        .await
        .expect("granting twice changes nothing");
    store
        .add_membership(&account.id, &coordinator)
        .await
        .expect("coordinator");
    store
        .add_membership(&account.id, &coordinator)
        .await
        .expect("granting twice changes nothing");
    let mut roles = store.memberships(&account.id).await.expect("memberships");
    roles.sort();
    let mut expected = vec![staff, coordinator.clone()];
    expected.sort();
    assert_eq!(roles, expected);
    let unknown_org = Membership {
        organization_id: Some("no-such-organisation".into()),
        role: Role::OrgAdmin,
    };
    assert!(matches!(
        store.add_membership(&account.id, &unknown_org).await,
        Err(StoreError::Rejected { .. })
    ));
    assert!(matches!(
        store.add_membership("no-such-account", &coordinator).await,
        Err(StoreError::Rejected { .. })
    ));
}

/// Expands to one `#[tokio::test]` per contract. `$fresh` is an async fn
/// returning `(Arc<dyn Store>, impl FnOnce() -> Future)`: the store and its
/// cleanup, which runs even when the contract fails.
#[macro_export]
macro_rules! contract_tests {
    ($fresh:path) => {
        $crate::contract_tests!(@each $fresh;
            fresh_store_is_empty_and_ready,
            migrating_twice_changes_nothing,
            import_then_load_gives_the_same_document,
            reimport_updates_records_and_records_a_change,
            failed_import_leaves_the_database_unchanged,
            lookups_by_id,
            route_counts_add_up_per_combination,
            feedback_is_kept_newest_first,
            the_audit_log_chains_every_entry,
            concurrent_audit_appends_keep_one_chain,
            accounts_have_unique_emails_and_roles,
        );
    };
    (@each $fresh:path; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (store, cleanup) = $fresh().await;
                let task = tokio::spawn(async move { $crate::contract::$name(&*store).await });
                let outcome = task.await;
                cleanup().await;
                if let Err(e) = outcome {
                    std::panic::resume_unwind(e.into_panic());
                }
            }
        )*
    };
}
