#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // test support: a failed expectation is the test failing
//! The storage contract for referrals, contacts, notices, API tokens and
//! idempotency keys; part of this crate.

use loket_domain::referral::{
    self, Actor, Outcome, Reason, Referral, ReferralRequest, ServiceLevel, Side, Source, Status,
    Transition,
};
use loket_store::referrals::{
    ApiToken, IdempotentReply, InboxCounts, InboxQuery, InboxView, NOTICE_JOB, Note, Notice,
};
use loket_store::{Store, StoreError};

const SENDER: &str = "org-a";
const RECEIVER: &str = "org-b";
const THIRD: &str = "org-c";

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn request() -> ReferralRequest {
    ReferralRequest {
        service_id: "svc-b".into(),
        name: "Dana Kowalczyk".into(),
        contact: "+49 241 123456".into(),
        language: "de".into(),
        note: "Wants to know about the A1 certificate".into(),
        basis: "consent".into(),
        purpose: "Help with social security across the border".into(),
        previous_id: None,
    }
}

/// A referral from `from` (an organisation, or the front door) to `to`, stored.
pub(crate) async fn referred(
    store: &dyn Store,
    id: &str,
    from: Option<&str>,
    to: &str,
) -> Referral {
    let source = match from {
        Some(org) => Source::Organization {
            organization_id: org.into(),
            account_id: format!("staff-{org}"),
        },
        None => Source::FrontDoor,
    };
    let (r, change) = referral::create(
        id.into(),
        &request(),
        source,
        to.into(),
        Actor {
            account_id: "staff",
            organization_id: from,
        },
        1_763_800_000,
        day(2026, 11, 20),
        ServiceLevel::default(),
    );
    store
        .create_referral(&r, &change, &[])
        .await
        .expect("create referral");
    r
}

fn to(status: Status) -> Transition {
    Transition {
        to: status,
        reason: matches!(status, Status::Rejected | Status::Failed).then_some(Reason::NoCapacity),
        outcome: (status == Status::Completed).then_some(Outcome::GotHelp),
    }
}

/// Applies a transition through the domain and stores it.
pub(crate) async fn act(
    store: &dyn Store,
    r: &Referral,
    side: Side,
    status: Status,
    at: i64,
) -> Result<Referral, StoreError> {
    let org = match side {
        Side::Receiver => r.receiver_org.clone(),
        Side::Sender => r.sender_org().unwrap_or_default().to_string(),
    };
    let (next, change) = referral::apply(
        r,
        side,
        Actor {
            account_id: "someone",
            organization_id: Some(&org),
        },
        &to(status),
        at,
        day(2026, 11, 23),
        ServiceLevel::default(),
    )
    .expect("a transition the domain allows");
    store
        .update_referral(&next, r.version, Some(&change), &[])
        .await?;
    Ok(next)
}

/// Every path through the life cycle is stored with its history, on this backend.
pub async fn every_referral_transition_is_stored_with_its_history(store: &dyn Store) {
    let mut n = 0;
    for from in Status::ALL {
        for side in [Side::Receiver, Side::Sender] {
            for &target in referral::allowed(from, side) {
                n += 1;
                let id = format!("r{n}");
                let mut r = referred(store, &id, Some(SENDER), RECEIVER).await;
                // Walk the receiver's way to `from` first.
                let path: &[Status] = match from {
                    Status::Requested => &[],
                    Status::Received => &[Status::Received],
                    Status::Accepted => &[Status::Accepted],
                    Status::InProgress => &[Status::Accepted, Status::InProgress],
                    Status::OnHold => &[Status::Accepted, Status::OnHold],
                    _ => unreachable!("final statuses allow nothing"),
                };
                let mut at = 1_763_800_100;
                for &step in path {
                    r = act(store, &r, Side::Receiver, step, at)
                        .await
                        .expect("walk");
                    at += 10;
                }
                let after = act(store, &r, side, target, at).await.expect("transition");
                let stored = store.referral(&id).await.expect("read").expect("present");
                assert_eq!(stored, after, "{from:?} → {target:?} by {side:?}");
                assert_eq!(stored.status, target);
                assert_eq!(stored.due_on.is_none(), target.is_final());
                let history = store.referral_history(&id).await.expect("history");
                let statuses: Vec<Status> = history.iter().map(|c| c.to).collect();
                let mut expected = vec![Status::Requested];
                expected.extend_from_slice(path);
                expected.push(target);
                assert_eq!(statuses, expected);
                assert!(
                    history.windows(2).all(|w| w[1].from == Some(w[0].to)),
                    "each entry starts where the previous ended"
                );
                let last = history.last().unwrap();
                if target == Status::Completed {
                    assert_eq!(last.outcome, Some(Outcome::GotHelp));
                }
                if matches!(target, Status::Rejected | Status::Failed) {
                    assert_eq!(last.reason, Some(Reason::NoCapacity));
                }
            }
        }
    }
    assert_eq!(
        n, 17,
        "every allowed transition was tried (15 by the receiver, 2 by the sender)"
    );
}

/// Twenty staff accept at once: one wins, nineteen get a conflict, one history entry.
pub async fn concurrent_accepts_let_exactly_one_win(store: &dyn Store) {
    let r = referred(store, "race", Some(SENDER), RECEIVER).await;
    let attempts = (0..20).map(|i| {
        let r = r.clone();
        async move {
            act(
                store,
                &r,
                Side::Receiver,
                Status::Accepted,
                1_763_800_200 + i,
            )
            .await
        }
    });
    let results = futures_join_all(attempts).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    let conflicts = results
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict(_))))
        .count();
    assert_eq!((won, conflicts), (1, 19), "{results:?}");
    let history = store.referral_history("race").await.expect("history");
    assert_eq!(history.len(), 2, "one creation and one acceptance");
    assert_eq!(store.referral("race").await.unwrap().unwrap().version, 2);
}

/// Runs futures concurrently (no extra dependency for `join_all`).
pub(crate) async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut set = Vec::new();
    for f in futures {
        set.push(Box::pin(f));
    }
    let mut outputs: Vec<Option<F::Output>> = (0..set.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in set.iter_mut().enumerate() {
            if outputs[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => outputs[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(|o| o.unwrap()).collect()
}

/// A stale write loses and changes nothing, not even the history.
pub async fn a_stale_referral_change_is_refused(store: &dyn Store) {
    let r = referred(store, "stale", Some(SENDER), RECEIVER).await;
    act(store, &r, Side::Receiver, Status::Received, 10)
        .await
        .expect("first");
    let again = act(store, &r, Side::Sender, Status::Cancelled, 11).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    let stored = store.referral("stale").await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Received);
    assert_eq!(store.referral_history("stale").await.unwrap().len(), 2);
}

/// The inbox shows what each view promises, and counts agree with the pages.
pub async fn inbox_views_show_and_count_the_right_referrals(store: &dyn Store) {
    referred(store, "i-new", Some(SENDER), RECEIVER).await;
    let accepted = referred(store, "i-accepted", None, RECEIVER).await;
    let accepted = act(store, &accepted, Side::Receiver, Status::Accepted, 20)
        .await
        .unwrap();
    let mine = referral::assign(&accepted, Some("me".into()), 21);
    store
        .update_referral(&mine, accepted.version, None, &[])
        .await
        .unwrap();
    let done = referred(store, "i-done", Some(SENDER), RECEIVER).await;
    act(store, &done, Side::Receiver, Status::Rejected, 22)
        .await
        .unwrap();
    referred(store, "elsewhere", Some(THIRD), SENDER).await;
    // `fresh` is due on 24 Nov (two working days after Friday 20 Nov).
    let q = |view, today| InboxQuery {
        organization_id: RECEIVER,
        view,
        account_id: "me",
        today,
        due_until: today + chrono::Days::new(2),
        limit: 50,
        offset: 0,
    };
    let ids = |rs: Vec<Referral>| rs.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let today = day(2026, 11, 23);
    assert_eq!(
        ids(store.inbox(&q(InboxView::New, today)).await.unwrap()),
        ["i-new"]
    );
    assert_eq!(
        ids(store.inbox(&q(InboxView::Mine, today)).await.unwrap()),
        ["i-accepted"]
    );
    assert_eq!(
        ids(store.inbox(&q(InboxView::Due, today)).await.unwrap()),
        ["i-new"]
    );
    assert!(
        store
            .inbox(&q(InboxView::Overdue, today))
            .await
            .unwrap()
            .is_empty()
    );
    let later = day(2026, 11, 25);
    assert_eq!(
        ids(store.inbox(&q(InboxView::Overdue, later)).await.unwrap()),
        ["i-new"]
    );
    let mut open = ids(store.inbox(&q(InboxView::Open, today)).await.unwrap());
    open.sort();
    assert_eq!(open, ["i-accepted", "i-new"]);
    assert_eq!(
        store
            .inbox(&q(InboxView::AllReceived, today))
            .await
            .unwrap()
            .len(),
        3
    );
    let counts = store
        .inbox_counts(&q(InboxView::Open, later))
        .await
        .unwrap();
    assert_eq!(
        counts,
        InboxCounts {
            open: 2,
            new: 1,
            due: 0,
            overdue: 1,
            mine: 1,
            sent: 0
        }
    );
    let sent = InboxQuery {
        organization_id: SENDER,
        ..q(InboxView::Sent, today)
    };
    let mut sent_ids = ids(store.inbox(&sent).await.unwrap());
    sent_ids.sort();
    assert_eq!(sent_ids, ["i-done", "i-new"]);
    // The third organisation's inbox holds nothing of these.
    let third = InboxQuery {
        organization_id: THIRD,
        ..q(InboxView::AllReceived, today)
    };
    assert!(store.inbox(&third).await.unwrap().is_empty());
    // Paging.
    let page = InboxQuery {
        limit: 1,
        offset: 1,
        ..q(InboxView::AllReceived, today)
    };
    assert_eq!(store.inbox(&page).await.unwrap().len(), 1);
    let overdue = store.overdue_referrals(later, 10).await.unwrap();
    // Across the network, for the coordinator: both are due on 24 November.
    assert_eq!(ids(overdue), ["elsewhere", "i-new"]);
}

/// Notes stay with the organisation that wrote them.
pub async fn notes_are_read_only_by_their_organisation(store: &dyn Store) {
    referred(store, "n", Some(SENDER), RECEIVER).await;
    let note = |text: &str, at| Note {
        author: "someone".into(),
        at,
        text: text.into(),
    };
    store
        .add_note("n", RECEIVER, &note("called, no answer", 1))
        .await
        .unwrap();
    store
        .add_note("n", RECEIVER, &note("called again", 2))
        .await
        .unwrap();
    store
        .add_note("n", SENDER, &note("client prefers mornings", 3))
        .await
        .unwrap();
    let texts = |notes: Vec<Note>| notes.into_iter().map(|n| n.text).collect::<Vec<_>>();
    assert_eq!(
        texts(store.notes("n", RECEIVER).await.unwrap()),
        ["called, no answer", "called again"]
    );
    assert_eq!(
        texts(store.notes("n", SENDER).await.unwrap()),
        ["client prefers mornings"]
    );
    assert!(store.notes("n", THIRD).await.unwrap().is_empty());
    assert!(
        store
            .add_note("missing", RECEIVER, &note("x", 4))
            .await
            .is_err(),
        "a note on a referral that does not exist is refused"
    );
}

/// A change and its notices are stored together: notification rows and mail jobs.
pub async fn notices_are_queued_with_the_change(store: &dyn Store) {
    let r = referred(store, "notice", Some(SENDER), RECEIVER).await;
    let (next, change) = referral::apply(
        &r,
        Side::Receiver,
        Actor {
            account_id: "b1",
            organization_id: Some(RECEIVER),
        },
        &to(Status::Accepted),
        30,
        day(2026, 11, 23),
        ServiceLevel::default(),
    )
    .unwrap();
    let notice = Notice {
        account_id: "staff-org-a".into(),
        referral_id: "notice".into(),
        kind: "status".into(),
    };
    store
        .update_referral(
            &next,
            r.version,
            Some(&change),
            std::slice::from_ref(&notice),
        )
        .await
        .unwrap();
    assert_eq!(store.unread_notifications("staff-org-a").await.unwrap(), 1);
    let listed = store.notifications("staff-org-a", 10).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].referral_id.as_str(), listed[0].kind.as_str()),
        ("notice", "status")
    );
    assert_eq!(store.pending_jobs(NOTICE_JOB).await.unwrap(), 1);
    let job = store
        .claim_job(i64::MAX / 2, 60)
        .await
        .unwrap()
        .expect("the mail job");
    let queued: Notice = serde_json::from_str(&job.payload).unwrap();
    assert_eq!(queued, notice);
    store.mark_read("staff-org-a", "notice", 31).await.unwrap();
    assert_eq!(store.unread_notifications("staff-org-a").await.unwrap(), 0);
    // A refused (stale) change queues nothing.
    let refused = store
        .update_referral(
            &next,
            r.version,
            Some(&change),
            std::slice::from_ref(&notice),
        )
        .await;
    assert!(matches!(refused, Err(StoreError::Conflict(_))));
    assert_eq!(
        store.notifications("staff-org-a", 10).await.unwrap().len(),
        1
    );
}

/// Withdrawn consent removes the person's data and the note at once.
pub async fn referral_withdrawal_removes_the_person(store: &dyn Store) {
    let r = referred(store, "w", Some(SENDER), RECEIVER).await;
    assert!(r.person.is_some());
    let actor = referral::Actor {
        account_id: "staff-org-b",
        organization_id: Some(RECEIVER),
    };
    let (withdrawn, change) = referral::withdraw_consent(&r, actor, 40);
    store
        .update_referral(&withdrawn, r.version, change.as_ref(), &[])
        .await
        .unwrap();
    let stored = store.referral("w").await.unwrap().unwrap();
    assert_eq!(stored.person, None);
    assert_eq!(stored.note, "");
    assert_eq!(stored.consent.withdrawn_at, Some(40));
    assert_eq!(
        stored.status,
        Status::Cancelled,
        "the referral ends with it"
    );
    let history = store.referral_history("w").await.unwrap();
    assert_eq!(history.last().map(|c| c.to), Some(Status::Cancelled));
}

/// Closed referrals lose the person's data and notes after retention; counts stay.
pub async fn closed_referrals_are_cleared_after_retention(store: &dyn Store) {
    let old = referred(store, "old", Some(SENDER), RECEIVER).await;
    act(store, &old, Side::Receiver, Status::Rejected, 100)
        .await
        .unwrap();
    store
        .add_note(
            "old",
            RECEIVER,
            &Note {
                author: "x".into(),
                at: 100,
                text: "private".into(),
            },
        )
        .await
        .unwrap();
    referred(store, "open", Some(SENDER), RECEIVER).await;
    let recent = referred(store, "recent", Some(SENDER), RECEIVER).await;
    act(store, &recent, Side::Receiver, Status::Rejected, 5_000)
        .await
        .unwrap();
    assert_eq!(store.clear_closed_referrals(1_000).await.unwrap(), 1);
    let cleared = store.referral("old").await.unwrap().unwrap();
    assert_eq!((cleared.person, cleared.note.as_str()), (None, ""));
    assert_eq!(
        cleared.status,
        Status::Rejected,
        "the referral itself is still counted"
    );
    assert!(store.notes("old", RECEIVER).await.unwrap().is_empty());
    assert_eq!(store.referral_history("old").await.unwrap().len(), 2);
    assert!(
        store
            .referral("open")
            .await
            .unwrap()
            .unwrap()
            .person
            .is_some()
    );
    assert!(
        store
            .referral("recent")
            .await
            .unwrap()
            .unwrap()
            .person
            .is_some()
    );
    assert_eq!(
        store.clear_closed_referrals(1_000).await.unwrap(),
        0,
        "nothing twice"
    );
}

/// Figures read referrals with the time they were accepted.
pub async fn referral_facts_carry_the_acceptance_time(store: &dyn Store) {
    let r = referred(store, "f", Some(SENDER), RECEIVER).await;
    act(store, &r, Side::Receiver, Status::Accepted, 1_763_900_000)
        .await
        .unwrap();
    referred(store, "g", None, RECEIVER).await;
    let facts = store.referral_facts(0, i64::MAX).await.unwrap();
    let f = facts.iter().find(|f| f.referral.id == "f").unwrap();
    assert_eq!(f.accepted_at, Some(1_763_900_000));
    assert_eq!(
        facts
            .iter()
            .find(|f| f.referral.id == "g")
            .unwrap()
            .accepted_at,
        None
    );
    assert!(store.referral_facts(0, 1).await.unwrap().is_empty());
}

/// Service levels default to 2 working days / 30 days and can be set per service.
pub async fn service_levels_default_and_can_be_set(store: &dyn Store) {
    assert_eq!(
        store.service_level("svc").await.unwrap(),
        ServiceLevel::default()
    );
    let level = ServiceLevel {
        ack_working_days: 1,
        update_days: 14,
    };
    store.set_service_level("svc", level).await.unwrap();
    store.set_service_level("svc", level).await.unwrap();
    assert_eq!(store.service_level("svc").await.unwrap(), level);
}

/// Members and network roles are found for notices.
pub async fn members_are_found_for_notices(store: &dyn Store) {
    use loket_domain::account::{Email, Membership, Role};
    store.import(&crate::seed()).await.unwrap();
    let org = crate::seed().organizations[0].id.clone();
    let other = crate::seed().organizations[1].id.clone();
    let make = |email: &str| loket_store::NewAccount {
        email: Email::parse(email).unwrap(),
        display_name: email.into(),
        password_hash: "$argon2id$x".into(),
    };
    let staff = store
        .create_account(&make("staff@a.example"))
        .await
        .unwrap();
    let funder = store
        .create_account(&make("funder@a.example"))
        .await
        .unwrap();
    let coordinator = store
        .create_account(&make("coord@a.example"))
        .await
        .unwrap();
    let elsewhere = store.create_account(&make("else@a.example")).await.unwrap();
    let member = |role, org: Option<&str>| Membership {
        region: None,
        role,
        organization_id: org.map(str::to_string),
    };
    store
        .add_membership(&staff.id, &member(Role::Staff, Some(&org)))
        .await
        .unwrap();
    store
        .add_membership(&staff.id, &member(Role::OrgAdmin, Some(&org)))
        .await
        .unwrap();
    store
        .add_membership(&funder.id, &member(Role::Funder, None))
        .await
        .unwrap();
    store
        .add_membership(&coordinator.id, &member(Role::Coordinator, None))
        .await
        .unwrap();
    store
        .add_membership(&elsewhere.id, &member(Role::Staff, Some(&other)))
        .await
        .unwrap();
    let ids = |accounts: Vec<loket_domain::account::Account>| {
        accounts.into_iter().map(|a| a.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(store.organization_members(&org).await.unwrap()),
        [staff.id]
    );
    assert_eq!(
        ids(store.network_members("coordinator").await.unwrap()),
        [coordinator.id]
    );
}

/// Contacts are stored whole and counted per organisation.
pub async fn contacts_are_stored_and_counted(store: &dyn Store) {
    use loket_domain::contact::{Channel, Contact, ContactOutcome};
    let contact = |id: &str, org: &str, at| Contact {
        id: id.into(),
        organization_id: org.into(),
        service_id: "svc".into(),
        registered_by: "staff".into(),
        at,
        channel: Channel::Phone,
        target_group: None,
        topics: vec!["tax".into(), "social-security".into()],
        residence_country: Some("BE".into()),
        work_country: Some("NL".into()),
        language: "nl".into(),
        outcome: ContactOutcome::Answered,
        minutes: Some(7),
        person: None,
    };
    store
        .add_contact(&contact("c1", SENDER, 100))
        .await
        .unwrap();
    store
        .add_contact(&contact("c2", SENDER, 200))
        .await
        .unwrap();
    store
        .add_contact(&contact("c3", RECEIVER, 150))
        .await
        .unwrap();
    assert!(
        store
            .add_contact(&contact("c1", SENDER, 300))
            .await
            .is_err(),
        "ids are unique"
    );
    assert_eq!(store.contact_count(Some(SENDER)).await.unwrap(), 2);
    assert_eq!(store.contact_count(None).await.unwrap(), 3);
    let listed = store.contacts(Some(SENDER), 0, 150).await.unwrap();
    assert_eq!(listed, vec![contact("c1", SENDER, 100)]);
    assert_eq!(store.contacts(None, 0, 1_000).await.unwrap().len(), 3);
    // Follow-up details go after retention; the contact stays counted.
    let mut follow_up = contact("c4", SENDER, 400);
    follow_up.outcome = ContactOutcome::FollowUp;
    follow_up.person = Some(loket_domain::contact::ContactPerson {
        name: "Jan".into(),
        contact: "jan@example.org".into(),
        basis: loket_domain::referral::LegalBasis::Consent,
    });
    store.add_contact(&follow_up).await.unwrap();
    let mut recent = follow_up.clone();
    recent.id = "c5".into();
    recent.at = 900;
    store.add_contact(&recent).await.unwrap();
    assert_eq!(store.clear_contact_people(500).await.unwrap(), 1);
    let stored = store.contacts(Some(SENDER), 0, 1_000).await.unwrap();
    let find = |id: &str| stored.iter().find(|c| c.id == id).unwrap().clone();
    assert_eq!(find("c4").person, None);
    assert_eq!(find("c4").outcome, ContactOutcome::FollowUp);
    assert!(find("c5").person.is_some());
    assert_eq!(store.contact_count(Some(SENDER)).await.unwrap(), 4);
}

/// API tokens are found by hash until revoked, and only by their organisation.
pub async fn api_tokens_work_until_revoked(store: &dyn Store) {
    let token = ApiToken {
        id: "t1".into(),
        organization_id: SENDER.into(),
        name: "CRM koppeling".into(),
        scopes: vec!["contacts:write".into(), "referrals:read".into()],
        created_by: "admin".into(),
        created_at: 5,
        revoked_at: None,
    };
    store.create_api_token(&token, "hash-1").await.unwrap();
    assert_eq!(
        store.api_token("hash-1").await.unwrap(),
        Some(token.clone())
    );
    assert_eq!(store.api_token("hash-2").await.unwrap(), None);
    assert_eq!(store.api_tokens(SENDER).await.unwrap(), vec![token.clone()]);
    assert!(
        !store.revoke_api_token("t1", RECEIVER, 6).await.unwrap(),
        "not another's"
    );
    assert!(store.revoke_api_token("t1", SENDER, 6).await.unwrap());
    assert_eq!(store.api_token("hash-1").await.unwrap(), None);
    assert_eq!(
        store.api_tokens(SENDER).await.unwrap()[0].revoked_at,
        Some(6)
    );
}

/// The first reply for an idempotency key is kept; a second save returns it.
pub async fn idempotency_keys_keep_the_first_reply(store: &dyn Store) {
    let first = IdempotentReply {
        request_hash: "h1".into(),
        status: 201,
        body: "{\"id\":\"x\"}".into(),
    };
    assert_eq!(store.idempotent_reply("t1", "k").await.unwrap(), None);
    assert_eq!(
        store
            .save_idempotent_reply("t1", "k", &first, 10)
            .await
            .unwrap(),
        None
    );
    let second = IdempotentReply {
        request_hash: "h1".into(),
        status: 201,
        body: "{\"id\":\"y\"}".into(),
    };
    assert_eq!(
        store
            .save_idempotent_reply("t1", "k", &second, 11)
            .await
            .unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        store.idempotent_reply("t1", "k").await.unwrap(),
        Some(first)
    );
    assert_eq!(
        store.idempotent_reply("t2", "k").await.unwrap(),
        None,
        "keys are per caller"
    );
    // A reservation is finished with the real reply, or forgotten after an error.
    let reserved = IdempotentReply {
        request_hash: "h2".into(),
        status: 0,
        body: String::new(),
    };
    assert_eq!(
        store
            .save_idempotent_reply("t1", "k2", &reserved, 12)
            .await
            .unwrap(),
        None
    );
    let done = IdempotentReply {
        request_hash: "h2".into(),
        status: 200,
        body: "{}".into(),
    };
    store
        .finish_idempotent_reply("t1", "k2", &done)
        .await
        .unwrap();
    assert_eq!(
        store.idempotent_reply("t1", "k2").await.unwrap(),
        Some(done)
    );
    store.forget_idempotent_reply("t1", "k2").await.unwrap();
    assert_eq!(store.idempotent_reply("t1", "k2").await.unwrap(), None);
    assert_eq!(store.delete_idempotency_keys_before(11).await.unwrap(), 1);
    assert_eq!(store.idempotent_reply("t1", "k").await.unwrap(), None);
}

/// Random sequences of actions by random people of random organisations never
/// reach a state the life cycle does not allow, never show a referral to an
/// organisation that is not a party, and leave a complete history. Each seed is
/// one sequence; a failure names its seed.
pub async fn random_actions_keep_referrals_valid_and_private(store: &dyn Store) {
    const ORGS: [&str; 4] = [SENDER, RECEIVER, THIRD, "org-d"];
    for seed in 1..=24_u64 {
        let mut rng = SplitMix(seed);
        let mut live: Vec<(Referral, Vec<Status>)> = Vec::new();
        for step in 0..30 {
            let at = 1_763_800_000 + step;
            let org = ORGS[rng.below(ORGS.len())];
            if live.is_empty() || rng.below(5) == 0 {
                let receiver = ORGS[rng.below(ORGS.len())];
                if receiver == org {
                    continue;
                }
                let id = format!("p{seed}-{step}");
                let from = (rng.below(4) != 0).then_some(org);
                let r = referred(store, &id, from, receiver).await;
                live.push((r, vec![Status::Requested]));
                continue;
            }
            let pick = rng.below(live.len());
            let (current, statuses) = &mut live[pick];
            let target = Status::ALL[rng.below(Status::ALL.len())];
            let side = current.side_of(org);
            let transition = Transition {
                to: target,
                reason: (rng.below(2) == 0).then_some(Reason::Other),
                outcome: (rng.below(2) == 0).then_some(Outcome::GotHelp),
            };
            let result = side.ok_or(()).and_then(|side| {
                referral::apply(
                    current,
                    side,
                    Actor {
                        account_id: "random",
                        organization_id: Some(org),
                    },
                    &transition,
                    at,
                    day(2026, 11, 23),
                    ServiceLevel::default(),
                )
                .map_err(|_| ())
            });
            let Ok((next, change)) = result else {
                // Refused by the domain (not a party, not allowed, reason or
                // outcome missing): nothing may change in the store either.
                let stored = store.referral(&current.id).await.unwrap().unwrap();
                assert_eq!(
                    &stored, current,
                    "seed {seed} step {step}: a refused action changed the referral"
                );
                continue;
            };
            // Sometimes a second person acts on the old version at once.
            let stale = rng.below(4) == 0;
            store
                .update_referral(&next, current.version, Some(&change), &[])
                .await
                .unwrap_or_else(|e| panic!("seed {seed} step {step}: {e}"));
            if stale {
                let again = store
                    .update_referral(&next, current.version, Some(&change), &[])
                    .await;
                assert!(
                    matches!(again, Err(StoreError::Conflict(_))),
                    "seed {seed} step {step}: a stale write was not refused"
                );
            }
            statuses.push(next.status);
            *current = next;
        }
        for (r, statuses) in &live {
            let stored = store.referral(&r.id).await.unwrap().unwrap();
            assert_eq!(&stored, r, "seed {seed}");
            // A valid state: a final status has no due date, an open one has one;
            // reasons and outcomes only where they belong.
            assert_eq!(
                stored.due_on.is_none(),
                stored.status.is_final(),
                "seed {seed}"
            );
            assert_eq!(
                stored.outcome.is_some(),
                stored.status == Status::Completed,
                "seed {seed}"
            );
            assert_eq!(
                stored.reason.is_some(),
                matches!(stored.status, Status::Rejected | Status::Failed),
                "seed {seed}"
            );
            // A complete history: every status it passed, each step allowed.
            let history = store.referral_history(&r.id).await.unwrap();
            let passed: Vec<Status> = history.iter().map(|c| c.to).collect();
            assert_eq!(&passed, statuses, "seed {seed}: history of {}", r.id);
            for w in history.windows(2) {
                assert_eq!(w[1].from, Some(w[0].to), "seed {seed}");
                let side = if w[1].actor_org.as_deref() == Some(r.receiver_org.as_str()) {
                    Side::Receiver
                } else {
                    Side::Sender
                };
                assert!(
                    referral::allowed(w[0].to, side).contains(&w[1].to),
                    "seed {seed}: {:?} → {:?} by {side:?}",
                    w[0].to,
                    w[1].to
                );
                assert!(
                    w[1].actor_org
                        .as_deref()
                        .and_then(|o| r.side_of(o))
                        .is_some(),
                    "seed {seed}: someone who is not a party changed {}",
                    r.id
                );
            }
        }
        // Private: an organisation's inbox and sent box hold only its own referrals.
        for org in ORGS {
            for view in [InboxView::AllReceived, InboxView::Sent] {
                let q = InboxQuery {
                    organization_id: org,
                    view,
                    account_id: "random",
                    today: day(2026, 11, 23),
                    due_until: day(2026, 11, 25),
                    limit: 10_000,
                    offset: 0,
                };
                for r in store.inbox(&q).await.unwrap() {
                    let expected = if view == InboxView::Sent {
                        Side::Sender
                    } else {
                        Side::Receiver
                    };
                    assert_eq!(
                        r.side_of(org),
                        Some(expected),
                        "seed {seed}: {} leaked to {org}",
                        r.id
                    );
                }
            }
        }
    }
}

/// A small deterministic random generator (SplitMix64), so that a failing seed
/// can be replayed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
