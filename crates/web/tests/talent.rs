#![allow(clippy::expect_used, clippy::unwrap_used)] // tests: a failed expectation is the failure
//! Talent matching across nodes, on SQLite and on PostgreSQL: a candidate or vacancy changed
//! through one node is matchable on another after it read the change feed.

mod support;

use chrono::NaiveDate;
use loket_domain::Text;
use loket_domain::talent::candidate::{CandidateDetails, CandidateProfile};
use loket_domain::talent::employer::{EmployerDetails, Sector, Size};
use loket_domain::talent::vacancy::{Contract, VacancyDetails, VacancyStatus};
use loket_matching::{AgeBand, LanguageLevel, Nationality, WorkPlace};
use loket_store::talent::RegisteredBy;
use loket_web::AppState;
use support::TestApp;
use uuid::Uuid;

const NURSE: &str = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50";
const MEDICATION: &str = "http://data.europa.eu/esco/skill/1fd57242-267e-46df-bd8c-849fdd593a50";
const T0: i64 = 1_795_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn nurse_vacancy() -> VacancyDetails {
    VacancyDetails {
        title: Text::new("Verpleegkundige", "Nurse", "", ""),
        description: Text::default(),
        occupation: NURSE.into(),
        essential_skills: vec![MEDICATION.into()],
        optional_skills: vec![],
        eqf: Some(6),
        experience_years: 2,
        languages: vec![
            LanguageLevel::new("nl", "B1").unwrap(),
            LanguageLevel::new("de", "B2").unwrap(),
        ],
        municipality: "GM0917".into(),
        work_place: WorkPlace::OnSite,
        hours_per_week: 32,
        contract: Contract::Permanent,
        salary_min: 3_400,
        salary_max: 4_600,
        start: None,
        positions: 1,
        sponsors_permit: false,
    }
}

fn german_nurse() -> CandidateDetails {
    CandidateDetails {
        name: "Lena Schmitz".into(),
        email: "lena@example.de".into(),
        phone: None,
        profile: CandidateProfile {
            occupations: vec![NURSE.into()],
            skills: vec![MEDICATION.into()],
            experience_years: 6,
            eqf: 6,
            languages: vec![
                LanguageLevel::new("de", "C2").unwrap(),
                LanguageLevel::new("nl", "B2").unwrap(),
            ],
            residence_country: "DE".into(),
            municipality: Some("DE05334002".into()),
            nationality: Nationality::EuEeaSwiss,
            work_authorised: false,
            age_band: AgeBand::From30,
            recent_graduate: false,
            max_commute_km: 40,
            will_relocate: false,
            desired_salary: Some(4_000),
            available_from: None,
        },
    }
}

/// A second node on the same database.
async fn second_node(app: &TestApp) -> AppState {
    AppState::new(app.state.store.clone())
        .await
        .expect("second node")
}

async fn published_vacancy(app: &TestApp) -> Uuid {
    let store = app.state.store.as_ref();
    let employer = EmployerDetails {
        name: "Zuyderland".into(),
        kvk_number: "14000000".into(),
        sector: Sector::LifeSciencesHealth,
        size: Size::Large,
        municipality: "GM0917".into(),
        recognised_sponsor: false,
    };
    let employer = store.create_employer(&employer, None, T0).await.unwrap();
    let v = store
        .create_vacancy(&employer.id, &nurse_vacancy(), VacancyStatus::Published, T0)
        .await
        .unwrap();
    Uuid::parse_str(&v.id).unwrap()
}

fn ranked_for(node: &AppState, vacancy: Uuid) -> Vec<Uuid> {
    let index = node.talent.read();
    let v = index
        .vacancy(&vacancy)
        .expect("the vacancy is in the index")
        .clone();
    index
        .candidates_for(&v, 10, today())
        .into_iter()
        .map(|r| r.key)
        .collect()
}

async fn changes_reach_the_other_node(app: TestApp) {
    let other = second_node(&app).await;
    let store = app.state.store.as_ref();
    let vacancy = published_vacancy(&app).await;
    let lena = store
        .create_candidate(&german_nurse(), RegisteredBy::Staff("staff"), None, T0)
        .await
        .unwrap();
    let lena_key = Uuid::parse_str(&lena.id).unwrap();
    assert!(
        other.talent.read().vacancy(&vacancy).is_none(),
        "not read yet"
    );
    let areas = other.index();
    assert_eq!(other.talent.catch_up(store, &areas.areas).await.unwrap(), 2);
    assert_eq!(ranked_for(&other, vacancy), vec![lena_key]);

    // She moves to Liège (41 km): out of her 40 km range.
    let mut moved = german_nurse();
    moved.profile.municipality = Some("BE62063".into());
    moved.profile.residence_country = "BE".into();
    store
        .update_candidate(&lena.id, lena.version, &moved, None, T0 + 1)
        .await
        .unwrap();
    other.talent.catch_up(store, &areas.areas).await.unwrap();
    assert!(
        ranked_for(&other, vacancy).is_empty(),
        "the change is matchable at once"
    );

    // Erased: gone from every node that read the feed.
    store.erase_candidate(&lena.id, T0 + 2).await.unwrap();
    other.talent.catch_up(store, &areas.areas).await.unwrap();
    assert!(other.talent.read().candidate(&lena_key).is_none());
    assert_eq!(
        other.talent.catch_up(store, &areas.areas).await.unwrap(),
        0,
        "nothing is applied twice"
    );

    // A closed vacancy leaves the index.
    let record = store.vacancy(&vacancy.to_string()).await.unwrap().unwrap();
    store
        .update_vacancy(
            &record.id,
            record.version,
            &record.details,
            VacancyStatus::Closed,
            T0 + 3,
        )
        .await
        .unwrap();
    other.talent.catch_up(store, &areas.areas).await.unwrap();
    assert!(other.talent.read().vacancy(&vacancy).is_none());
}

async fn the_follower_keeps_a_node_current_by_itself(app: TestApp) {
    let other = second_node(&app).await;
    let follower = other.spawn_talent_follower(std::time::Duration::from_millis(100));
    let vacancy = published_vacancy(&app).await;
    let lena = app
        .state
        .store
        .create_candidate(&german_nurse(), RegisteredBy::Staff("s"), None, T0)
        .await
        .unwrap();
    let key = Uuid::parse_str(&lena.id).unwrap();
    // Waits (at most ten seconds) for the follower; how fast it is, is benchmarked.
    for _ in 0..100 {
        if other.talent.read().vacancy(&vacancy).is_some()
            && ranked_for(&other, vacancy) == vec![key]
        {
            follower.abort();
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the follower did not pick up the changes");
}

#[tokio::test]
async fn changes_reach_the_other_node_sqlite() {
    changes_reach_the_other_node(support::app().await).await;
}

#[tokio::test]
async fn changes_reach_the_other_node_postgres() {
    changes_reach_the_other_node(support::postgres_app().await).await;
}

#[tokio::test]
async fn the_follower_keeps_a_node_current_by_itself_sqlite() {
    the_follower_keeps_a_node_current_by_itself(support::app().await).await;
}

#[tokio::test]
async fn the_follower_keeps_a_node_current_by_itself_postgres() {
    the_follower_keeps_a_node_current_by_itself(support::postgres_app().await).await;
}
