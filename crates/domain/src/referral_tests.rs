//! The referral life cycle, case by case.

use super::*;

fn t(to: Status) -> Transition {
    Transition {
        to,
        reason: None,
        outcome: None,
    }
}

#[test]
fn every_status_has_a_code_that_parses_back() {
    for s in Status::ALL {
        assert_eq!(Status::parse(s.code()), Some(s));
    }
    assert_eq!(Status::parse("done"), None);
}

fn sample() -> Referral {
    let request = ReferralRequest {
        service_id: "s".into(),
        name: "Dana Kowalczyk".into(),
        contact: "dana@example.org".into(),
        language: "de".into(),
        note: "Vraag".into(),
        basis: "consent".into(),
        purpose: "p".into(),
        previous_id: None,
    };
    let actor = Actor {
        account_id: "x",
        organization_id: Some("sender"),
    };
    let source = Source::Organization {
        organization_id: "sender".into(),
        account_id: "x".into(),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    create(
        "r".into(),
        &request,
        source,
        "receiver".into(),
        actor,
        0,
        today,
        ServiceLevel::default(),
    )
    .0
}

#[test]
fn withdrawn_consent_ends_an_open_referral_and_nothing_can_follow() {
    let r = sample();
    let actor = Actor {
        account_id: "a",
        organization_id: Some("receiver"),
    };
    let (next, change) = withdraw_consent(&r, actor, 50);
    assert_eq!(next.person, None);
    assert_eq!(next.status, Status::Cancelled);
    assert_eq!(next.due_on, None);
    assert_eq!(
        change.map(|c| (c.from, c.to)),
        Some((Some(r.status), Status::Cancelled))
    );
    assert!(
        allowed(next.status, Side::Receiver).is_empty(),
        "no one can accept it afterwards"
    );
    // A closed referral keeps its status; only the data goes.
    let mut done = r.clone();
    done.status = Status::Completed;
    let (after, change) = withdraw_consent(&done, actor, 60);
    assert_eq!((after.status, change), (Status::Completed, None));
}

#[test]
fn final_statuses_allow_nothing_for_either_side() {
    for s in Status::ALL.into_iter().filter(|s| s.is_final()) {
        assert!(allowed(s, Side::Receiver).is_empty());
        assert!(allowed(s, Side::Sender).is_empty());
    }
}

#[test]
fn the_sender_can_only_cancel_and_only_before_acceptance() {
    assert_eq!(
        allowed(Status::Requested, Side::Sender),
        &[Status::Cancelled]
    );
    assert_eq!(
        allowed(Status::Received, Side::Sender),
        &[Status::Cancelled]
    );
    let err = check(Status::Accepted, Side::Sender, &t(Status::Cancelled)).unwrap_err();
    assert_eq!(
        err,
        TransitionError::NotAllowed {
            from: Status::Accepted,
            to: Status::Cancelled,
            allowed: vec![]
        }
    );
    assert!(check(Status::Requested, Side::Sender, &t(Status::Accepted)).is_err());
}

#[test]
fn a_rejection_needs_a_reason_and_completion_an_outcome() {
    assert_eq!(
        check(Status::Received, Side::Receiver, &t(Status::Rejected)),
        Err(TransitionError::ReasonNeeded)
    );
    assert_eq!(
        check(Status::Accepted, Side::Receiver, &t(Status::Completed)),
        Err(TransitionError::OutcomeNeeded)
    );
    let done = check(
        Status::InProgress,
        Side::Receiver,
        &Transition {
            to: Status::Completed,
            reason: Some(Reason::Other),
            outcome: Some(Outcome::GotHelp),
        },
    )
    .unwrap();
    assert_eq!(done.outcome, Some(Outcome::GotHelp));
    assert_eq!(done.reason, None, "a stray reason is not kept");
}

#[test]
fn an_invalid_transition_names_the_allowed_ones() {
    let err = check(Status::Requested, Side::Receiver, &t(Status::Completed)).unwrap_err();
    match err {
        TransitionError::NotAllowed { allowed, .. } => assert_eq!(
            allowed,
            vec![Status::Received, Status::Accepted, Status::Rejected]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ownership_moves_to_the_receiver_on_acceptance() {
    let mut r = Referral {
        id: "r".into(),
        version: 1,
        source: Source::Organization {
            organization_id: "a".into(),
            account_id: "x".into(),
        },
        receiver_org: "b".into(),
        service_id: "s".into(),
        status: Status::Requested,
        reason: None,
        outcome: None,
        person: None,
        note: String::new(),
        consent: Consent {
            basis: LegalBasis::Consent,
            purpose: "p".into(),
            recorded_at: 0,
            withdrawn_at: None,
        },
        assignee: None,
        previous_id: None,
        created_at: 0,
        updated_at: 0,
        due_on: None,
    };
    assert_eq!(r.owner_org(), "a");
    assert_eq!(r.side_of("a"), Some(Side::Sender));
    assert_eq!(r.side_of("b"), Some(Side::Receiver));
    assert_eq!(r.side_of("c"), None);
    r.status = Status::Accepted;
    assert_eq!(r.owner_org(), "b");
    r.status = Status::Cancelled;
    assert!(!r.loop_closed());
    r.status = Status::Completed;
    assert!(r.loop_closed());
}

#[test]
fn due_dates_follow_the_service_level() {
    let level = ServiceLevel::default();
    let fri = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    assert_eq!(
        level.due_on(Status::Requested, fri),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
    );
    assert_eq!(
        level.due_on(Status::Accepted, fri),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 20)
    );
    assert_eq!(level.due_on(Status::Completed, fri), None);
}

#[test]
fn a_request_without_a_basis_or_details_names_every_problem() {
    let problems = check_request(&ReferralRequest {
        language: "Deutsch".into(),
        ..Default::default()
    });
    let fields: Vec<_> = problems.iter().map(|p| (p.field, p.problem)).collect();
    assert_eq!(
        fields,
        vec![
            ("name", "required"),
            ("contact", "required"),
            ("note", "required"),
            ("purpose", "required"),
            ("service_id", "required"),
            ("language", "unknown"),
            ("basis", "no-basis"),
        ]
    );
    let long = ReferralRequest {
        service_id: "s".into(),
        name: "x".repeat(MAX_NAME_CHARS + 1),
        contact: "+31 6 1234 5678".into(),
        language: "de".into(),
        note: "Needs help with the A1 form".into(),
        basis: "consent".into(),
        purpose: "help with the A1 form".into(),
        previous_id: None,
    };
    assert_eq!(
        check_request(&long),
        vec![FieldProblem {
            field: "name",
            problem: "too-long"
        }]
    );
}
