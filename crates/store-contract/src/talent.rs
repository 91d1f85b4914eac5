#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // test support: a failed expectation is the test failing
//! Contracts of the talent storage (employers, vacancies, candidates, introductions,
//! placements, the change feed), run on every backend by `contract_tests!`.

use loket_domain::Text;
use loket_domain::talent::candidate::{CandidateDetails, CandidateProfile};
use loket_domain::talent::employer::{BoardMembership, BoardStatus, EmployerDetails, Sector, Size};
use loket_domain::talent::introduction::{Actor, IntroStatus, NotHiredReason};
use loket_domain::talent::vacancy::{Contract, VacancyDetails, VacancyStatus};
use loket_matching::{AgeBand, LanguageLevel, Nationality, WorkPlace};
use loket_store::talent::{ChangeKind, IntroductionMove, NewCv, NewPlacement, RegisteredBy};
use loket_store::{Store, StoreError};

const T0: i64 = 1_795_000_000;

fn employer_details(kvk: &str) -> EmployerDetails {
    EmployerDetails {
        name: format!("Zorggroep {kvk}"),
        kvk_number: kvk.into(),
        sector: Sector::LifeSciencesHealth,
        size: Size::Large,
        municipality: "GM0917".into(),
        recognised_sponsor: true,
    }
}

fn vacancy_details(title: &str) -> VacancyDetails {
    VacancyDetails {
        title: Text::new(title, title, "", ""),
        description: Text::default(),
        occupation: "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"
            .into(),
        essential_skills: vec![
            "http://data.europa.eu/esco/skill/1fd57242-267e-46df-bd8c-849fdd593a50".into(),
        ],
        optional_skills: vec![],
        eqf: Some(6),
        experience_years: 2,
        languages: vec![LanguageLevel::new("nl", "B1").expect("level")],
        municipality: "GM0917".into(),
        work_place: WorkPlace::OnSite,
        hours_per_week: 32,
        contract: Contract::Permanent,
        salary_min: 3_400,
        salary_max: 4_600,
        start: None,
        positions: 2,
        sponsors_permit: false,
    }
}

fn candidate_details(name: &str) -> CandidateDetails {
    CandidateDetails {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase()),
        phone: None,
        profile: CandidateProfile {
            occupations: vec![
                "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50".into(),
            ],
            skills: vec![
                "http://data.europa.eu/esco/skill/1fd57242-267e-46df-bd8c-849fdd593a50".into(),
            ],
            experience_years: 5,
            eqf: 6,
            languages: vec![LanguageLevel::new("de", "C2").expect("level")],
            residence_country: "DE".into(),
            municipality: Some("DE05334002".into()),
            nationality: Nationality::EuEeaSwiss,
            work_authorised: false,
            age_band: AgeBand::From30,
            recent_graduate: false,
            max_commute_km: 30,
            will_relocate: false,
            desired_salary: Some(4_000),
            available_from: None,
        },
    }
}

fn pdf() -> NewCv {
    NewCv {
        content: b"%PDF-1.4\n%%EOF\n".to_vec(),
        sha256: "f00".into(),
    }
}

async fn account(store: &dyn Store, email: &str) -> String {
    let new = loket_store::NewAccount {
        email: loket_domain::account::Email::parse(email).expect("email"),
        display_name: email.into(),
        password_hash: "x".into(),
    };
    store.create_account(&new).await.expect("account").id
}

async fn changes(store: &dyn Store) -> Vec<(ChangeKind, String)> {
    store
        .talent_changes(0, 1_000)
        .await
        .expect("changes")
        .into_iter()
        .map(|c| (c.kind, c.id))
        .collect()
}

pub async fn employers_are_unique_by_kvk_and_verified_with_versions(store: &dyn Store) {
    let owner = account(store, "hr@zorg.example").await;
    let a = store
        .create_employer(&employer_details("11111111"), Some(&owner), T0)
        .await
        .expect("a");
    let b = store
        .create_employer(&employer_details("22222222"), None, T0)
        .await
        .expect("b");
    let twice = store
        .create_employer(&employer_details("11111111"), None, T0)
        .await;
    assert!(
        matches!(twice, Err(StoreError::Rejected { ref field, .. }) if field == "kvk_number"),
        "{twice:?}"
    );
    assert_eq!(
        store
            .employers_of_account(&owner)
            .await
            .expect("of account"),
        vec![a.clone()]
    );
    let stale = store
        .verify_employer(&a.id, 7, false, "staff", T0 + 1)
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    let verified = store
        .verify_employer(&a.id, a.version, false, "staff", T0 + 1)
        .await
        .expect("verify");
    assert_eq!(verified.verified_at, Some(T0 + 1));
    assert!(
        !verified.details.recognised_sponsor,
        "staff corrected the sponsor claim"
    );
    assert_eq!(
        store.employer(&a.id).await.expect("read"),
        Some(verified.clone())
    );
    let listed: Vec<String> = store
        .employers()
        .await
        .expect("list")
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(listed, vec![b.id.clone(), a.id.clone()], "unverified first");
    let member = BoardMembership {
        year: 2026,
        fee_cents: 1_000_000,
        status: BoardStatus::Member,
    };
    store
        .set_board_membership(&a.id, &member)
        .await
        .expect("board");
    let paid = BoardMembership {
        status: BoardStatus::Paid,
        ..member
    };
    store
        .set_board_membership(&a.id, &paid)
        .await
        .expect("board again");
    assert_eq!(
        store.board_memberships(&a.id).await.expect("board"),
        vec![paid]
    );
    let colleague = account(store, "colleague@zorg.example").await;
    store
        .link_employer_account(&b.id, &colleague)
        .await
        .expect("link");
    store
        .link_employer_account(&b.id, &colleague)
        .await
        .expect("link twice");
    assert_eq!(
        store
            .employers_of_account(&colleague)
            .await
            .expect("linked")
            .len(),
        1
    );
    assert!(
        store.remove_employer(&b.id).await.expect("remove"),
        "no vacancies yet"
    );
    assert!(store.employer(&b.id).await.expect("gone").is_none());
    assert!(
        store
            .employers_of_account(&colleague)
            .await
            .expect("unlinked")
            .is_empty()
    );
    store
        .create_vacancy(&a.id, &vacancy_details("x"), VacancyStatus::Draft, T0)
        .await
        .expect("vacancy");
    assert!(
        !store.remove_employer(&a.id).await.expect("kept"),
        "an employer with vacancies stays"
    );
    let unknown = store.set_board_membership("nobody", &member).await;
    assert!(
        matches!(unknown, Err(StoreError::Rejected { .. })),
        "{unknown:?}"
    );
}

pub async fn vacancies_are_versioned_and_on_the_change_feed(store: &dyn Store) {
    let employer = store
        .create_employer(&employer_details("33333333"), None, T0)
        .await
        .expect("employer");
    let draft = store
        .create_vacancy(
            &employer.id,
            &vacancy_details("Verpleegkundige"),
            VacancyStatus::Draft,
            T0,
        )
        .await
        .expect("draft");
    assert_eq!((draft.version, draft.published_at), (1, None));
    assert!(
        store
            .published_vacancies(10, 0)
            .await
            .expect("published")
            .is_empty()
    );
    let published = store
        .update_vacancy(
            &draft.id,
            1,
            &vacancy_details("Verpleegkundige (32 uur)"),
            VacancyStatus::Published,
            T0 + 5,
        )
        .await
        .expect("publish");
    assert_eq!(
        (published.version, published.published_at),
        (2, Some(T0 + 5))
    );
    let stale = store
        .update_vacancy(
            &draft.id,
            1,
            &vacancy_details("x"),
            VacancyStatus::Closed,
            T0 + 6,
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    assert_eq!(
        store.vacancy(&draft.id).await.expect("read"),
        Some(published.clone())
    );
    assert_eq!(
        store.published_vacancies(10, 0).await.expect("published"),
        vec![published.clone()]
    );
    assert_eq!(
        store
            .vacancies_of_employer(&employer.id)
            .await
            .expect("of employer")
            .len(),
        1
    );
    let feed = changes(store).await;
    assert_eq!(
        feed,
        vec![
            (ChangeKind::Vacancy, draft.id.clone()),
            (ChangeKind::Vacancy, draft.id.clone())
        ]
    );
    let latest = store.latest_talent_change().await.expect("latest");
    assert!(
        store
            .talent_changes(latest, 10)
            .await
            .expect("after latest")
            .is_empty()
    );
    let orphan = store
        .create_vacancy(
            "no-employer",
            &vacancy_details("x"),
            VacancyStatus::Draft,
            T0,
        )
        .await;
    assert!(
        matches!(orphan, Err(StoreError::Rejected { .. })),
        "{orphan:?}"
    );
    assert_eq!(
        changes(store).await.len(),
        2,
        "a refused vacancy leaves no change behind"
    );
}

pub async fn a_candidate_and_their_cv_are_stored_together_or_not_at_all(store: &dyn Store) {
    let own = account(store, "anna@example.org").await;
    let anna = store
        .create_candidate(
            &candidate_details("Anna"),
            RegisteredBy::Themselves(&own),
            Some(&pdf()),
            T0,
        )
        .await
        .expect("anna");
    assert_eq!(anna.cv.map(|c| c.bytes), Some(pdf().content.len() as i64));
    assert_eq!(
        store.candidate_cv(&anna.id).await.expect("cv"),
        Some(pdf().content)
    );
    assert_eq!(
        store.candidate(&anna.id).await.expect("read"),
        Some(anna.clone())
    );
    assert_eq!(
        store
            .candidate_of_account(&own)
            .await
            .expect("of account")
            .map(|c| c.id),
        Some(anna.id.clone())
    );
    let broken = store
        .create_candidate(
            &candidate_details("Ghost"),
            RegisteredBy::Themselves("no-such-account"),
            Some(&pdf()),
            T0,
        )
        .await;
    assert!(
        matches!(broken, Err(StoreError::Rejected { .. })),
        "{broken:?}"
    );
    let profiles = store.candidate_profiles("", 10).await.expect("profiles");
    assert_eq!(
        profiles.len(),
        1,
        "nothing of the refused candidate was stored"
    );
    assert_eq!(
        changes(store).await,
        vec![(ChangeKind::Candidate, anna.id.clone())]
    );
    let mut moved = candidate_details("Anna");
    moved.profile.max_commute_km = 50;
    let updated = store
        .update_candidate(&anna.id, 1, &moved, None, T0 + 9)
        .await
        .expect("update");
    assert_eq!((updated.version, updated.last_activity_at), (2, T0 + 9));
    assert_eq!(updated.details.profile.max_commute_km, 50);
    assert!(updated.cv.is_some(), "the CV stays when none is sent");
    let stale = store
        .update_candidate(&anna.id, 1, &moved, None, T0 + 10)
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    let by_staff = store
        .create_candidate(
            &candidate_details("Ravi"),
            RegisteredBy::Staff("staff-account"),
            None,
            T0,
        )
        .await
        .expect("by staff");
    assert_eq!(
        (by_staff.account_id, by_staff.registered_by.as_deref()),
        (None, Some("staff-account"))
    );
    assert!(
        store
            .candidate_cv(&by_staff.id)
            .await
            .expect("no cv")
            .is_none()
    );
    let newer = store
        .create_candidate(
            &candidate_details("Mira"),
            RegisteredBy::Staff("s"),
            None,
            T0 + 60,
        )
        .await
        .expect("newer");
    let recent = store.recent_candidates(10).await.expect("recent");
    assert_eq!(
        recent.first(),
        Some(&(newer.id.clone(), "Mira".to_string())),
        "newest first"
    );
    let mut names: Vec<&str> = recent.iter().map(|(_, n)| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Anna", "Mira", "Ravi"]);
}

/// A file kept for a form shown again: found by its token while it is young,
/// not by another token, and forgotten once older than the cut-off.
pub async fn a_held_upload_is_found_by_its_token_for_an_hour(store: &dyn Store) {
    let pdf = b"%PDF-1.4 held".to_vec();
    store.hold_upload("hash-a", &pdf, 1_000, 0).await.unwrap();
    assert_eq!(
        store.held_upload("hash-a", 1_000).await.unwrap(),
        Some(pdf.clone())
    );
    assert_eq!(store.held_upload("hash-b", 0).await.unwrap(), None);
    assert_eq!(
        store.held_upload("hash-a", 1_001).await.unwrap(),
        None,
        "too old"
    );
    // Holding another file an hour later forgets the first.
    store
        .hold_upload("hash-b", b"%PDF-1.4 b", 4_600, 1_000 + 1)
        .await
        .unwrap();
    assert_eq!(store.held_upload("hash-a", 0).await.unwrap(), None);
    assert!(store.held_upload("hash-b", 4_600).await.unwrap().is_some());
    // The daily clean-up forgets what nobody picked up.
    assert_eq!(store.forget_held_uploads(4_601).await.unwrap(), 1);
    assert_eq!(store.held_upload("hash-b", 0).await.unwrap(), None);
}

async fn setting(store: &dyn Store, kvk: &str) -> (String, String) {
    let employer = store
        .create_employer(&employer_details(kvk), None, T0)
        .await
        .expect("employer");
    let vacancy = store
        .create_vacancy(
            &employer.id,
            &vacancy_details("Verpleegkundige"),
            VacancyStatus::Published,
            T0,
        )
        .await
        .expect("vacancy");
    let candidate = store
        .create_candidate(
            &candidate_details("Jonas"),
            RegisteredBy::Staff("staff"),
            Some(&pdf()),
            T0,
        )
        .await
        .expect("candidate");
    (vacancy.id, candidate.id)
}

fn step(id: &str, version: i64, to: IntroStatus, actor: Actor) -> IntroductionMove {
    IntroductionMove {
        id: id.into(),
        version,
        to,
        actor,
        reason: None,
        placement: None,
        at: T0 + version * 10,
    }
}

pub async fn introductions_follow_the_rules_and_a_hire_records_a_placement(store: &dyn Store) {
    let (vacancy, candidate) = setting(store, "44444444").await;
    let intro = store
        .propose_introduction(
            &vacancy,
            &candidate,
            Actor::Programme,
            "hash-1",
            T0 + 3600,
            T0,
        )
        .await
        .expect("propose");
    assert_eq!(intro.status, IntroStatus::Proposed);
    let again = store
        .propose_introduction(&vacancy, &candidate, Actor::Employer, "hash-2", T0, T0)
        .await;
    assert!(
        matches!(again, Err(StoreError::Rejected { ref field, .. }) if field == "candidate_id"),
        "{again:?}"
    );
    assert_eq!(
        store
            .introduction_by_token("hash-1")
            .await
            .expect("by token"),
        Some(intro.clone())
    );
    let employer_consents = store
        .move_introduction(&step(&intro.id, 1, IntroStatus::Consented, Actor::Employer))
        .await;
    assert!(
        matches!(employer_consents, Err(StoreError::Rejected { ref field, .. }) if field == "status")
    );
    let consented = store
        .move_introduction(&step(
            &intro.id,
            1,
            IntroStatus::Consented,
            Actor::Candidate,
        ))
        .await
        .expect("consent");
    assert_eq!(
        (consented.status, consented.version),
        (IntroStatus::Consented, 2)
    );
    assert!(
        store
            .introduction_by_token("hash-1")
            .await
            .expect("spent")
            .is_none(),
        "the link works once"
    );
    store
        .move_introduction(&step(
            &intro.id,
            2,
            IntroStatus::Introduced,
            Actor::Programme,
        ))
        .await
        .expect("introduce");
    store
        .move_introduction(&step(
            &intro.id,
            3,
            IntroStatus::Interviewing,
            Actor::Employer,
        ))
        .await
        .expect("interview");
    let no_placement = store
        .move_introduction(&step(&intro.id, 4, IntroStatus::Hired, Actor::Employer))
        .await;
    assert!(
        matches!(no_placement, Err(StoreError::Rejected { ref field, .. }) if field == "placement")
    );
    let start = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).expect("date");
    let hire = IntroductionMove {
        placement: Some(NewPlacement {
            service_id: "wtmr-matching".into(),
            start_date: start,
        }),
        ..step(&intro.id, 4, IntroStatus::Hired, Actor::Employer)
    };
    let hired = store.move_introduction(&hire).await.expect("hire");
    assert_eq!(hired.status, IntroStatus::Hired);
    let counted: i64 = store
        .monthly_tallies(start, start)
        .await
        .expect("tallies")
        .iter()
        .filter(|t| t.kind == loket_domain::monitoring::rollup::Kind::Placements)
        .map(|t| t.n)
        .sum();
    assert_eq!(counted, 1, "the hire is counted on its start date");
    let history: Vec<IntroStatus> = store
        .introduction_history(&intro.id)
        .await
        .expect("history")
        .into_iter()
        .map(|e| e.to)
        .collect();
    assert_eq!(
        history,
        [
            IntroStatus::Proposed,
            IntroStatus::Consented,
            IntroStatus::Introduced,
            IntroStatus::Interviewing,
            IntroStatus::Hired
        ]
    );
    store
        .set_placement_target(2027, 40, T0)
        .await
        .expect("target");
    store
        .set_placement_target(2027, 45, T0 + 1)
        .await
        .expect("target again");
    let figures = store.placement_figures(2027).await.expect("figures");
    assert_eq!((figures.expected, figures.effective), (Some(45), 1));
    assert_eq!(
        store
            .placement_figures(2026)
            .await
            .expect("other year")
            .effective,
        0
    );
    let placements = store.placements(2027).await.expect("placements");
    assert_eq!(placements.len(), 1);
    assert_eq!(
        (placements[0].start_date, placements[0].service_id.as_str()),
        (start, "wtmr-matching")
    );
    assert_eq!(placements[0].vacancy_id, vacancy);

    // Not hired needs a reason; and the closed introduction moves no more.
    let (vacancy2, candidate2) = setting(store, "55555555").await;
    let other = store
        .propose_introduction(&vacancy2, &candidate2, Actor::Employer, "hash-3", T0, T0)
        .await
        .expect("other");
    store
        .move_introduction(&step(
            &other.id,
            1,
            IntroStatus::Consented,
            Actor::Candidate,
        ))
        .await
        .expect("consent");
    store
        .move_introduction(&step(
            &other.id,
            2,
            IntroStatus::Introduced,
            Actor::Employer,
        ))
        .await
        .expect("introduce");
    let no_reason = store
        .move_introduction(&step(&other.id, 3, IntroStatus::NotHired, Actor::Employer))
        .await;
    assert!(matches!(no_reason, Err(StoreError::Rejected { ref field, .. }) if field == "reason"));
    let reasoned = IntroductionMove {
        reason: Some(NotHiredReason::Language),
        ..step(&other.id, 3, IntroStatus::NotHired, Actor::Employer)
    };
    assert_eq!(
        store
            .move_introduction(&reasoned)
            .await
            .expect("not hired")
            .reason,
        Some(NotHiredReason::Language)
    );
    let after = store
        .move_introduction(&step(&other.id, 4, IntroStatus::Hired, Actor::Employer))
        .await;
    assert!(
        matches!(after, Err(StoreError::Rejected { .. })),
        "{after:?}"
    );
    assert_eq!(
        store
            .introductions_for_vacancy(&vacancy2)
            .await
            .expect("for vacancy")
            .len(),
        1
    );
    assert_eq!(
        store
            .introductions_for_candidate(&candidate2)
            .await
            .expect("for candidate")
            .len(),
        1
    );
}

pub async fn concurrent_introduction_moves_let_exactly_one_win(store: &dyn Store) {
    let (vacancy, candidate) = setting(store, "66666666").await;
    let intro = store
        .propose_introduction(&vacancy, &candidate, Actor::Programme, "race", T0, T0)
        .await
        .expect("propose");
    let attempts = (0..10).map(|i| {
        let to = if i % 2 == 0 {
            IntroStatus::Consented
        } else {
            IntroStatus::Declined
        };
        let id = intro.id.clone();
        async move {
            store
                .move_introduction(&step(&id, 1, to, Actor::Candidate))
                .await
        }
    });
    let results = crate::referrals::futures_join_all(attempts).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    let conflicts = results
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict(_))))
        .count();
    assert_eq!((won, conflicts), (1, 9), "{results:?}");
    assert_eq!(
        store
            .introduction_history(&intro.id)
            .await
            .expect("history")
            .len(),
        2
    );
}

pub async fn erasing_a_candidate_keeps_the_placement_count(store: &dyn Store) {
    let (vacancy, candidate) = setting(store, "77777777").await;
    let intro = store
        .propose_introduction(&vacancy, &candidate, Actor::Programme, "h", T0, T0)
        .await
        .expect("propose");
    store
        .move_introduction(&step(
            &intro.id,
            1,
            IntroStatus::Consented,
            Actor::Candidate,
        ))
        .await
        .expect("consent");
    store
        .move_introduction(&step(
            &intro.id,
            2,
            IntroStatus::Introduced,
            Actor::Programme,
        ))
        .await
        .expect("introduce");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let hire = IntroductionMove {
        placement: Some(NewPlacement {
            service_id: "wtmr".into(),
            start_date: start,
        }),
        ..step(&intro.id, 3, IntroStatus::Hired, Actor::Programme)
    };
    store.move_introduction(&hire).await.expect("hire");
    assert!(
        store
            .erase_candidate(&candidate, T0 + 100)
            .await
            .expect("erase")
    );
    assert!(store.candidate(&candidate).await.expect("gone").is_none());
    assert!(
        store
            .candidate_cv(&candidate)
            .await
            .expect("cv gone")
            .is_none()
    );
    assert!(
        store
            .introduction(&intro.id)
            .await
            .expect("intro gone")
            .is_none()
    );
    assert_eq!(
        store
            .placement_figures(2026)
            .await
            .expect("figures")
            .effective,
        1,
        "the count stays"
    );
    assert_eq!(
        store.placements(2026).await.expect("placements")[0].introduction_id,
        None
    );
    assert_eq!(
        changes(store).await.last(),
        Some(&(ChangeKind::Candidate, candidate.clone()))
    );
    assert!(
        !store
            .erase_candidate(&candidate, T0 + 101)
            .await
            .expect("again"),
        "nothing left to erase"
    );

    // Retention: twelve months after the last activity.
    let old = store
        .create_candidate(
            &candidate_details("Old"),
            RegisteredBy::Staff("s"),
            None,
            T0,
        )
        .await
        .expect("old");
    let recent = store
        .create_candidate(
            &candidate_details("New"),
            RegisteredBy::Staff("s"),
            None,
            T0 + 1_000,
        )
        .await
        .expect("new");
    assert_eq!(
        store
            .erase_inactive_candidates(T0 + 500, T0 + 2_000)
            .await
            .expect("retention"),
        1
    );
    assert!(store.candidate(&old.id).await.expect("old").is_none());
    assert!(store.candidate(&recent.id).await.expect("recent").is_some());
}

pub async fn the_index_build_pages_through_every_profile(store: &dyn Store) {
    let employer = store
        .create_employer(&employer_details("88888888"), None, T0)
        .await
        .expect("employer");
    let mut ids = Vec::new();
    for n in 0..25 {
        let c = store
            .create_candidate(
                &candidate_details(&format!("C{n}")),
                RegisteredBy::Staff("s"),
                None,
                T0,
            )
            .await
            .expect("c");
        ids.push(c.id);
        store
            .create_vacancy(
                &employer.id,
                &vacancy_details(&format!("V{n}")),
                VacancyStatus::Published,
                T0,
            )
            .await
            .expect("v");
    }
    ids.sort();
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page = store.candidate_profiles(&after, 10).await.expect("page");
        let Some((last, _)) = page.last() else { break };
        after = last.clone();
        seen.extend(page.into_iter().map(|(id, profile)| {
            assert_eq!(profile, candidate_details("x").profile);
            id
        }));
    }
    assert_eq!(seen, ids);
    let mut vacancies = 0;
    let mut after = String::new();
    loop {
        let page = store.vacancy_records(&after, 7).await.expect("page");
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        vacancies += page.len();
    }
    assert_eq!(vacancies, 25);
}
