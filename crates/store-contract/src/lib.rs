#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // test support: a failed expectation is the test failing
//! The contract every storage backend must honour. Each backend's tests call
//! [`contract_tests!`](crate::contract_tests) with a function that makes a fresh,
//! migrated, empty store; the macro makes one test per contract below.

mod events;
mod funding;
mod monitoring;
mod referrals;
mod regions;
mod subscriptions;
mod talent;
mod tallies;

pub use events::*;
pub use funding::*;
use loket_domain::CatalogueDocument;
use loket_store::{Feedback, RouteCount, RouteTally, Store, StoreError};
pub use monitoring::*;
pub use referrals::*;
pub use regions::*;
pub use subscriptions::*;
pub use talent::*;
pub use tallies::*;

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
    assert!(
        ready.durable_commits,
        "an acknowledged commit must survive a crash of the machine: {ready:?}"
    );
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
    next.labour_market_regions.clear();
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
    assert!(
        store
            .route_counts(day(1), None)
            .await
            .expect("counts")
            .is_empty()
    );
    let tally = |d, combination: &str, fell_back, count| RouteTally {
        day: day(d),
        region: String::new(),
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
    let counts = store.route_counts(day(15), None).await.expect("counts");
    assert_eq!(
        counts,
        vec![
            RouteCount {
                region: String::new(),
                combination: "who=worker&topic=tax".into(),
                fell_back: false,
                count: 3
            },
            RouteCount {
                region: String::new(),
                combination: "who=employer&topic=other".into(),
                fell_back: true,
                count: 1
            },
        ]
    );
    assert_eq!(
        store
            .route_counts(day(1), None)
            .await
            .expect("counts")
            .len(),
        3
    );
}

/// The same answers at two regions' front doors are counted apart, and each door's
/// counts can be read alone (a region's coordinator sees only its own).
pub async fn route_counts_are_kept_per_front_door(store: &dyn Store) {
    let at = |region: &str, count| RouteTally {
        day: day(20),
        region: region.into(),
        combination: "who=worker&topic=tax".into(),
        fell_back: false,
        count,
    };
    store
        .add_route_counts(&[at("", 1), at("midden-limburg", 2), at("zuid-limburg", 4)])
        .await
        .expect("add");
    store
        .add_route_counts(&[at("midden-limburg", 3)])
        .await
        .expect("add again");
    let midden = store
        .route_counts(day(1), Some("midden-limburg"))
        .await
        .expect("counts");
    assert_eq!(
        midden,
        vec![RouteCount {
            region: "midden-limburg".into(),
            combination: "who=worker&topic=tax".into(),
            fell_back: false,
            count: 5
        }]
    );
    let own = store.route_counts(day(1), Some("")).await.expect("counts");
    assert_eq!(own.len(), 1);
    assert_eq!((own[0].region.as_str(), own[0].count), ("", 1));
    let all = store.route_counts(day(1), None).await.expect("counts");
    let doors: Vec<(&str, i64)> = all.iter().map(|c| (c.region.as_str(), c.count)).collect();
    assert_eq!(
        doors,
        vec![("midden-limburg", 5), ("zuid-limburg", 4), ("", 1)]
    );
    assert!(
        store
            .route_counts(day(1), Some("noord-limburg"))
            .await
            .expect("counts")
            .is_empty()
    );
}

pub async fn feedback_is_kept_newest_first(store: &dyn Store) {
    for (d, region, comment) in [
        (18, "", "Ik zoek kinderopvang in Aken"),
        (19, "midden-limburg", "Keine passende Stelle – 😕"),
        (20, "", ""),
    ] {
        let f = Feedback {
            day: day(d),
            region: region.into(),
            combination: format!("who=worker&day={d}"),
            lang: "nl".into(),
            comment: comment.into(),
        };
        store.add_feedback(&f).await.expect("add");
    }
    let all = store.feedback(day(1), 10, None).await.expect("feedback");
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].day, day(20));
    assert_eq!(all[1].comment, "Keine passende Stelle – 😕");
    assert_eq!(all[1].region, "midden-limburg");
    assert_eq!(
        store
            .feedback(day(19), 10, None)
            .await
            .expect("feedback")
            .len(),
        2
    );
    assert_eq!(
        store
            .feedback(day(1), 1, None)
            .await
            .expect("feedback")
            .len(),
        1
    );
    let midden = store
        .feedback(day(1), 10, Some("midden-limburg"))
        .await
        .expect("feedback");
    assert_eq!(midden.len(), 1);
    assert_eq!(midden[0].comment, "Keine passende Stelle – 😕");
    assert_eq!(
        store
            .feedback(day(1), 10, Some(""))
            .await
            .expect("feedback")
            .len(),
        2
    );
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
    let new = loket_store::NewAccount {
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
        region: None,
        organization_id: Some(org.clone()),
        role: Role::Staff,
    };
    let coordinator = Membership {
        region: None,
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
        region: None,
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

pub(crate) async fn an_account(store: &dyn Store, email: &str) -> loket_domain::account::Account {
    let new = loket_store::NewAccount {
        email: loket_domain::account::Email::parse(email).expect("email"),
        display_name: "Jan Smeets".into(),
        password_hash: "$argon2id$test".into(),
    };
    store.create_account(&new).await.expect("create account")
}

pub async fn sessions_live_until_they_end(store: &dyn Store) {
    use loket_store::{SessionRecord, SessionStage};
    let a = an_account(store, "a@example.nl").await;
    let b = an_account(store, "b@example.nl").await;
    let session = |id: &str, account: &str, at: i64| SessionRecord {
        id_hash: id.into(),
        account_id: account.into(),
        stage: SessionStage::Full,
        created_at: at,
        last_seen_at: at,
    };
    for s in [
        session("s1", &a.id, 1000),
        session("s2", &a.id, 2000),
        session("s3", &b.id, 1000),
    ] {
        store.create_session(&s).await.expect("create");
    }
    assert_eq!(
        store.session("s1").await.expect("get"),
        Some(session("s1", &a.id, 1000))
    );
    assert!(store.session("nope").await.expect("get").is_none());
    store.touch_session("s1", 1500).await.expect("touch");
    assert_eq!(
        store
            .session("s1")
            .await
            .expect("get")
            .map(|s| s.last_seen_at),
        Some(1500)
    );
    assert_eq!(store.sessions_of(&a.id).await.expect("list").len(), 2);
    assert_eq!(
        store.inactive_accounts(1500).await.expect("inactive"),
        vec![b.id.clone()],
        "last active: a at 2000 (its latest sign-in), b at 1000"
    );
    assert!(
        store
            .inactive_accounts(500)
            .await
            .expect("inactive")
            .is_empty()
    );
    // idle since before 1200: s3 (1000); s1 was seen at 1500.
    assert_eq!(
        store
            .delete_expired_sessions(1200, 0)
            .await
            .expect("expire"),
        1
    );
    assert!(store.session("s3").await.expect("get").is_none());
    // started before 1800: s1.
    assert_eq!(
        store
            .delete_expired_sessions(0, 1800)
            .await
            .expect("expire"),
        1
    );
    store
        .create_session(&session("s4", &a.id, 3000))
        .await
        .expect("create");
    assert_eq!(store.delete_sessions_of(&a.id).await.expect("all"), 2);
    assert!(store.sessions_of(&a.id).await.expect("list").is_empty());
    store
        .create_session(&session("s5", &b.id, 3000))
        .await
        .expect("create");
    store.delete_session("s5").await.expect("delete");
    assert!(store.session("s5").await.expect("get").is_none());
}

pub async fn second_factor_codes_work_once(store: &dyn Store) {
    let a = an_account(store, "a@example.nl").await;
    assert!(store.totp(&a.id).await.expect("totp").is_none());
    store
        .begin_totp(&a.id, "JBSWY3DPEHPK3PXP")
        .await
        .expect("begin");
    let state = store.totp(&a.id).await.expect("totp").expect("state");
    assert_eq!(
        (state.secret.as_str(), state.confirmed, state.last_step),
        ("JBSWY3DPEHPK3PXP", false, 0)
    );
    assert!(store.accept_totp_step(&a.id, 100).await.expect("step"));
    assert!(
        !store.accept_totp_step(&a.id, 100).await.expect("step"),
        "a code is used once"
    );
    assert!(
        !store.accept_totp_step(&a.id, 99).await.expect("step"),
        "an older code is refused"
    );
    assert!(store.accept_totp_step(&a.id, 101).await.expect("step"));
    let codes: Vec<String> = (0..10).map(|i| format!("hash-{i}")).collect();
    store.confirm_totp(&a.id, &codes).await.expect("confirm");
    assert!(
        store
            .totp(&a.id)
            .await
            .expect("totp")
            .expect("state")
            .confirmed
    );
    assert_eq!(store.recovery_codes_left(&a.id).await.expect("left"), 10);
    assert!(store.use_recovery_code(&a.id, "hash-3").await.expect("use"));
    assert!(!store.use_recovery_code(&a.id, "hash-3").await.expect("use"));
    assert!(!store.use_recovery_code(&a.id, "hash-x").await.expect("use"));
    assert_eq!(store.recovery_codes_left(&a.id).await.expect("left"), 9);
    store
        .confirm_totp(&a.id, &["new".to_string()])
        .await
        .expect("new codes replace the old ones");
    assert!(!store.use_recovery_code(&a.id, "hash-4").await.expect("use"));
    store
        .set_password(&a.id, "$argon2id$new")
        .await
        .expect("set");
    let (_, hash) = store.account(&a.id).await.expect("get").expect("found");
    assert_eq!(hash, "$argon2id$new");
}

pub async fn tokens_are_single_use_and_expire(store: &dyn Store) {
    use loket_store::{TokenProblem, TokenPurpose};
    let a = an_account(store, "a@example.nl").await;
    store
        .create_token("t1", TokenPurpose::PasswordReset, &a.id, 1000)
        .await
        .expect("create");
    store
        .create_token("t2", TokenPurpose::Invitation, &a.id, 1000)
        .await
        .expect("create");
    assert_eq!(
        store
            .check_token("t1", TokenPurpose::PasswordReset, 500)
            .await
            .expect("check"),
        Ok(a.id.clone())
    );
    assert_eq!(
        store
            .consume_token("t1", TokenPurpose::Invitation, 500)
            .await
            .expect("consume"),
        Err(TokenProblem::Unknown),
        "a token works for its own purpose only"
    );
    let take = || store.consume_token("t1", TokenPurpose::PasswordReset, 500);
    let results = tokio::join!(take(), take(), take(), take(), take());
    let results = [results.0, results.1, results.2, results.3, results.4];
    let won = results
        .iter()
        .filter(|r| matches!(r, Ok(Ok(id)) if *id == a.id))
        .count();
    assert_eq!(won, 1, "{results:?}");
    assert!(
        results
            .iter()
            .all(|r| matches!(r, Ok(Ok(_)) | Ok(Err(TokenProblem::Used))))
    );
    assert_eq!(
        store
            .consume_token("t2", TokenPurpose::Invitation, 1000)
            .await
            .expect("consume"),
        Err(TokenProblem::Expired)
    );
    assert_eq!(
        store
            .consume_token("t9", TokenPurpose::Invitation, 10)
            .await
            .expect("consume"),
        Err(TokenProblem::Unknown)
    );
    assert_eq!(
        store
            .delete_tokens_expired_before(2000)
            .await
            .expect("delete"),
        2
    );
}

pub async fn throttling_counts_events_per_key(store: &dyn Store) {
    for at in [100, 200, 300] {
        store.record_event("sign-in:a", at).await.expect("record");
    }
    store.record_event("sign-in:b", 300).await.expect("record");
    assert_eq!(
        store.count_events("sign-in:a", 150).await.expect("count"),
        2
    );
    assert_eq!(store.count_events("sign-in:a", 0).await.expect("count"), 3);
    store.clear_events("sign-in:a").await.expect("clear");
    assert_eq!(store.count_events("sign-in:a", 0).await.expect("count"), 0);
    assert_eq!(store.count_events("sign-in:b", 0).await.expect("count"), 1);
    assert_eq!(store.delete_events_before(301).await.expect("delete"), 1);
}

pub async fn jobs_are_leased_once_and_retried(store: &dyn Store) {
    let first = store
        .enqueue("mail", "{\"n\":1}", 100)
        .await
        .expect("enqueue");
    let second = store
        .enqueue("mail", "{\"n\":2}", 100)
        .await
        .expect("enqueue");
    store
        .enqueue("retention", "{}", 5000)
        .await
        .expect("enqueue");
    assert_eq!(store.pending_jobs("mail").await.expect("pending"), 2);
    assert_eq!(
        store.due_jobs(200).await.expect("due"),
        (2, 100),
        "two due since 100; the retention job is not due yet"
    );
    let claim = || store.claim_job(200, 60);
    let (a, b, c) = tokio::join!(claim(), claim(), claim());
    let mut got: Vec<i64> = [a, b, c]
        .into_iter()
        .filter_map(|r| r.expect("claim").map(|j| j.id))
        .collect();
    got.sort();
    assert_eq!(got, vec![first, second], "each due job goes to one worker");
    assert!(
        store.claim_job(200, 60).await.expect("claim").is_none(),
        "leased and future jobs are not handed out"
    );
    store.complete_job(first, 210).await.expect("complete");
    store
        .fail_job(second, "smtp: connection refused", 300)
        .await
        .expect("fail");
    assert!(store.claim_job(250, 60).await.expect("claim").is_none());
    let retried = store
        .claim_job(300, 60)
        .await
        .expect("claim")
        .expect("due again");
    assert_eq!((retried.id, retried.attempts), (second, 2));
    assert_eq!(retried.payload, "{\"n\":2}");
    // A worker that died: its lease runs out and another worker takes the job.
    let again = store
        .claim_job(400, 60)
        .await
        .expect("claim")
        .expect("lease ran out");
    assert_eq!((again.id, again.attempts), (second, 3));
    // A node shutting down gives its job back: due at once, the attempt not counted.
    store.release_job(second).await.expect("release");
    let again = store
        .claim_job(401, 60)
        .await
        .expect("claim")
        .expect("released");
    assert_eq!((again.id, again.attempts), (second, 3));
    store.complete_job(second, 410).await.expect("complete");
    assert_eq!(store.pending_jobs("mail").await.expect("pending"), 0);
    assert_eq!(store.delete_jobs_done_before(1000).await.expect("purge"), 2);
    assert_eq!(store.pending_jobs("retention").await.expect("pending"), 1);
}

pub async fn service_edits_are_versioned_and_conflicts_refused(store: &dyn Store) {
    store.import(&seed()).await.expect("seed");
    let original = seed().services[0].clone();
    let before = store.latest_change().await.expect("change");
    let mut edited = original.clone();
    edited.name.de = Some("<script>alert(1)</script> Beratung".into());
    edited.last_modified = original.last_modified + chrono::Duration::seconds(60);
    let v = store
        .save_service(&edited, original.last_modified, "account-1")
        .await
        .expect("save");
    assert_eq!(v, 2, "the imported record is version 1");
    assert_eq!(
        store
            .service(&original.id)
            .await
            .expect("get")
            .expect("found"),
        edited
    );
    assert!(store.latest_change().await.expect("change") > before);
    let versions = store
        .versions("service", &original.id)
        .await
        .expect("versions");
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.version, v.actor.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, "account-1"), (1, "import")]
    );
    assert_eq!(
        versions[1].doc["name"]["de"],
        serde_json::json!(original.name.de),
        "history keeps what was there before"
    );
    // A save based on the old version is refused and changes nothing.
    let mut stale = original.clone();
    stale.name.de = Some("Veraltet".into());
    assert!(matches!(
        store
            .save_service(&stale, original.last_modified, "account-2")
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        store
            .service(&original.id)
            .await
            .expect("get")
            .expect("found"),
        edited
    );
    let mut unknown = edited.clone();
    unknown.id = "no-such-service".into();
    assert!(matches!(
        store
            .save_service(&unknown, edited.last_modified, "account-1")
            .await,
        Err(StoreError::Rejected { .. })
    ));
    assert_eq!(
        store
            .versions("service", &original.id)
            .await
            .expect("versions")
            .len(),
        2
    );
}

pub async fn locations_and_terms_are_versioned_with_conflicts(store: &dyn Store) {
    store.import(&seed()).await.expect("seed");
    let mut location = seed().locations[0].clone();
    assert_eq!(
        store
            .current_version("location", &location.id)
            .await
            .expect("v"),
        1
    );
    let before = store.latest_change().await.expect("change");
    location.name.de = Some("Neuer Standort".into());
    assert_eq!(
        store
            .save_location(&location, 1, "account-1")
            .await
            .expect("save"),
        2
    );
    assert!(store.latest_change().await.expect("change") > before);
    let loaded = store.load().await.expect("load");
    assert_eq!(
        loaded.locations.iter().find(|l| l.id == location.id),
        Some(&location)
    );
    assert!(matches!(
        store.save_location(&location, 1, "account-2").await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        store
            .versions("location", &location.id)
            .await
            .expect("versions")
            .len(),
        2
    );
    let mut term = seed().taxonomy_terms[0].clone();
    term.keywords.push_str(" Grenzpendler");
    assert_eq!(
        store.save_term(&term, 1, "account-1").await.expect("save"),
        2
    );
    assert_eq!(
        store.save_term(&term, 2, "account-1").await.expect("save"),
        3
    );
    let loaded = store.load().await.expect("load");
    assert_eq!(
        loaded.taxonomy_terms.iter().find(|t| t.id == term.id),
        Some(&term)
    );
    let mut unknown = term.clone();
    unknown.id = "no-such-term".into();
    assert!(matches!(
        store.save_term(&unknown, 1, "x").await,
        Err(StoreError::Rejected { .. })
    ));
}

pub async fn proposals_are_decided_once_and_approval_adds_the_organisation(store: &dyn Store) {
    use loket_domain::proposal::OrganizationProposal;
    store.import(&seed()).await.expect("seed");
    let proposal = |name: &str| OrganizationProposal {
        id: uuid_for(name),
        name: name.into(),
        website: None,
        email: Some("info@example.de".into()),
        description: "Beratung".into(),
        lang: loket_domain::Lang::De,
    };
    let (a, b) = (proposal("Beratung Düren"), proposal("Beratung Jülich"));
    store.add_proposal(&a, 100).await.expect("add");
    store.add_proposal(&b, 200).await.expect("add");
    let pending = store.pending_proposals().await.expect("pending");
    assert_eq!(
        pending
            .iter()
            .map(|p| p.proposal.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Beratung Düren", "Beratung Jülich"]
    );
    let taken: Vec<String> = seed().organizations.iter().map(|o| o.key.clone()).collect();
    let org = loket_domain::proposal::organization(&a, &taken, chrono::Utc::now());
    let before = store.latest_change().await.expect("change");
    assert!(
        store
            .decide_proposal(&a.id, Some(&org), "coordinator-1", 300)
            .await
            .expect("approve")
    );
    assert!(
        !store
            .decide_proposal(&a.id, None, "coordinator-2", 301)
            .await
            .expect("again"),
        "decided once"
    );
    assert!(store.latest_change().await.expect("change") > before);
    assert_eq!(
        store.organization(&a.id).await.expect("get").map(|o| o.key),
        Some("beratung-duren".to_string())
    );
    assert!(
        store
            .decide_proposal(&b.id, None, "coordinator-1", 302)
            .await
            .expect("decline")
    );
    assert!(store.organization(&b.id).await.expect("get").is_none());
    let decided = store.proposal(&b.id).await.expect("get").expect("kept");
    assert_eq!(
        (decided.status.as_str(), decided.decided_by.as_deref()),
        ("declined", Some("coordinator-1"))
    );
    assert!(store.pending_proposals().await.expect("pending").is_empty());
    assert_eq!(
        store
            .delete_proposals_decided_before(302)
            .await
            .expect("purge"),
        1
    );
    assert!(store.proposal(&a.id).await.expect("get").is_none());
}

fn uuid_for(name: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes()).to_string()
}

pub async fn the_front_door_flow_is_versioned_and_racing_saves_conflict(store: &dyn Store) {
    assert!(store.latest_flow("flow").await.expect("flow").is_none());
    let before = store.latest_change().await.expect("change");
    assert_eq!(
        store
            .save_flow("flow", "{\"v\":1}", 0, "coordinator-1")
            .await
            .expect("save"),
        1
    );
    assert!(
        store.latest_change().await.expect("change") > before,
        "nodes hear of it"
    );
    assert_eq!(
        store.latest_flow("flow").await.expect("flow"),
        Some((1, "{\"v\":1}".to_string()))
    );
    let save = |doc: &'static str| store.save_flow("flow", doc, 1, "coordinator-2");
    let (a, b) = tokio::join!(save("{\"v\":2}"), save("{\"v\":3}"));
    let results = [a, b];
    assert_eq!(
        results.iter().filter(|r| matches!(r, Ok(2))).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results
            .iter()
            .filter(|r| matches!(r, Err(StoreError::Conflict(_))))
            .count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        store.latest_flow("flow").await.expect("flow").map(|f| f.0),
        Some(2)
    );
}

pub async fn retention_removes_expired_feedback_and_keeps_counts(store: &dyn Store) {
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("day");
    for (d, lang) in [
        ("2025-01-10", "nl"),
        ("2025-01-10", "nl"),
        ("2025-01-10", "de"),
        ("2026-11-01", "en"),
    ] {
        store
            .add_feedback(&Feedback {
                day: day(d),
                region: String::new(),
                combination: "tg=cross-border".into(),
                lang: lang.into(),
                comment: "Mijn naam is Jan, bel 06-12345678".into(),
            })
            .await
            .expect("feedback");
    }
    assert_eq!(
        store
            .expire_feedback(day("2025-11-22"))
            .await
            .expect("expire"),
        3
    );
    let left = store
        .feedback(day("2000-01-01"), 10, None)
        .await
        .expect("feedback");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].day, day("2026-11-01"));
    let counts = store.feedback_counts().await.expect("counts");
    assert_eq!(
        counts
            .iter()
            .map(|c| (c.day, c.lang.as_str(), c.count))
            .collect::<Vec<_>>(),
        vec![(day("2025-01-10"), "de", 1), (day("2025-01-10"), "nl", 2)]
    );
    assert_eq!(
        store
            .expire_feedback(day("2025-11-22"))
            .await
            .expect("again"),
        0,
        "running it again changes nothing"
    );
    assert_eq!(store.feedback_counts().await.expect("counts"), counts);
}

pub async fn erasure_keeps_the_pseudonym_only(store: &dyn Store) {
    use loket_domain::account::{Email, Membership, Role};
    store.import(&seed()).await.expect("seed");
    let a = an_account(store, "erase.me@example.nl").await;
    let keep = an_account(store, "keep@example.nl").await;
    store
        .add_membership(
            &a.id,
            &Membership {
                region: None,
                organization_id: Some(seed().organizations[0].id.clone()),
                role: Role::Staff,
            },
        )
        .await
        .expect("membership");
    store
        .begin_totp(&a.id, "JBSWY3DPEHPK3PXP")
        .await
        .expect("totp");
    store
        .create_session(&loket_store::SessionRecord {
            id_hash: "s".into(),
            account_id: a.id.clone(),
            stage: loket_store::SessionStage::Full,
            created_at: 1,
            last_seen_at: 1,
        })
        .await
        .expect("session");
    assert!(store.erase_account(&a.id, 5000).await.expect("erase"));
    let (erased, hash) = store.account(&a.id).await.expect("get").expect("kept");
    assert!(erased.email.as_str().starts_with("erased-"));
    assert!(erased.display_name.is_empty() && erased.disabled && hash == "!");
    assert!(store.totp(&a.id).await.expect("totp").is_none());
    assert!(
        store
            .memberships(&a.id)
            .await
            .expect("memberships")
            .is_empty()
    );
    assert!(store.session("s").await.expect("session").is_none());
    assert!(
        store
            .account_by_email(&Email::parse("erase.me@example.nl").expect("email"))
            .await
            .expect("lookup")
            .is_none()
    );
    assert_eq!(
        store
            .accounts()
            .await
            .expect("accounts")
            .into_iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        vec![keep.id]
    );
    assert!(
        !store
            .erase_account("no-such-account", 1)
            .await
            .expect("erase")
    );
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
            route_counts_are_kept_per_front_door,
            feedback_is_kept_newest_first,
            the_audit_log_chains_every_entry,
            concurrent_audit_appends_keep_one_chain,
            accounts_have_unique_emails_and_roles,
            sessions_live_until_they_end,
            second_factor_codes_work_once,
            tokens_are_single_use_and_expire,
            throttling_counts_events_per_key,
            jobs_are_leased_once_and_retried,
            service_edits_are_versioned_and_conflicts_refused,
            retention_removes_expired_feedback_and_keeps_counts,
            erasure_keeps_the_pseudonym_only,
            locations_and_terms_are_versioned_with_conflicts,
            proposals_are_decided_once_and_approval_adds_the_organisation,
            the_front_door_flow_is_versioned_and_racing_saves_conflict,
            each_region_has_its_own_wording,
            regions_are_stored_with_their_menus_and_versioned,
            a_failed_region_import_stores_nothing,
            every_referral_transition_is_stored_with_its_history,
            concurrent_accepts_let_exactly_one_win,
            targets_keep_their_history_and_the_newest_counts,
            routings_are_counted_per_day_and_front_door,
            a_programmes_milestones_and_money_are_kept_with_their_history,
            tallies_follow_every_record_and_rebuild_the_same,
            report_subscriptions_mail_each_quarter_once_until_ended,
            funding_records_keep_their_history_and_read_the_newest,
            an_event_is_stored_with_all_its_dates,
            registering_at_the_same_moment_confirms_exactly_the_places_in_order,
            a_freed_place_is_offered_to_the_next_in_line_until_the_offer_ends,
            a_moved_or_cancelled_date_says_so_and_the_check_in_counts_who_came,
            reminders_go_out_once_a_week_and_a_day_before_to_those_with_a_place,
            employers_are_unique_by_kvk_and_verified_with_versions,
            vacancies_are_versioned_and_on_the_change_feed,
            a_candidate_and_their_cv_are_stored_together_or_not_at_all,
            a_held_upload_is_found_by_its_token_for_an_hour,
            introductions_follow_the_rules_and_a_hire_records_a_placement,
            concurrent_introduction_moves_let_exactly_one_win,
            erasing_a_candidate_keeps_the_placement_count,
            the_index_build_pages_through_every_profile,
            a_stale_referral_change_is_refused,
            inbox_views_show_and_count_the_right_referrals,
            notes_are_read_only_by_their_organisation,
            notices_are_queued_with_the_change,
            referral_withdrawal_removes_the_person,
            closed_referrals_are_cleared_after_retention,
            referral_facts_carry_the_acceptance_time,
            service_levels_default_and_can_be_set,
            members_are_found_for_notices,
            contacts_are_stored_and_counted,
            api_tokens_work_until_revoked,
            idempotency_keys_keep_the_first_reply,
            random_actions_keep_referrals_valid_and_private,
        );
    };
    (@each $fresh:path; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (store, cleanup) = $fresh().await;
                let task = tokio::spawn(async move { $crate::$name(&*store).await });
                let outcome = task.await;
                cleanup().await;
                if let Err(e) = outcome {
                    std::panic::resume_unwind(e.into_panic());
                }
            }
        )*
    };
}
