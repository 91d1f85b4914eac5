#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Labour-market insight: open vacancies against registered candidates per
//! sector, occupation and region, and the front door's questions per topic
//! and door with the gaps in the menu; the coordinator sees every count, a
//! funder no small number of candidates or questions.

mod support;

use axum::http::StatusCode;
use loket_domain::Text;
use loket_domain::account::Role;
use loket_domain::talent::candidate::{CandidateDetails, CandidateProfile};
use loket_domain::talent::employer::{EmployerDetails, Sector, Size};
use loket_domain::talent::vacancy::{Contract, VacancyDetails, VacancyStatus};
use loket_matching::{AgeBand, LanguageLevel, Nationality, WorkPlace};
use loket_store::RouteTally;
use loket_store::talent::RegisteredBy;
use support::{app, signed_in};

const NURSE: &str = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50";
const DEVELOPER: &str =
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";
const T0: i64 = 1_795_000_000;

fn vacancy(positions: u16) -> VacancyDetails {
    VacancyDetails {
        title: Text::new("Verpleegkundige", "Nurse", "", ""),
        description: Text::default(),
        occupation: NURSE.into(),
        essential_skills: vec![],
        optional_skills: vec![],
        eqf: Some(6),
        experience_years: 2,
        languages: vec![LanguageLevel::new("nl", "B1").unwrap()],
        // Heerlen, South Limburg.
        municipality: "GM0917".into(),
        work_place: WorkPlace::OnSite,
        hours_per_week: 32,
        contract: Contract::Permanent,
        salary_min: 3_400,
        salary_max: 4_600,
        start: None,
        positions,
        sponsors_permit: false,
    }
}

fn candidate(n: usize, occupation: &str, country: &str, municipality: &str) -> CandidateDetails {
    CandidateDetails {
        name: format!("Candidate {n}"),
        email: format!("c{n}@example.eu"),
        phone: None,
        profile: CandidateProfile {
            occupations: vec![occupation.into()],
            skills: vec![],
            experience_years: 3,
            eqf: 6,
            languages: vec![LanguageLevel::new("de", "C2").unwrap()],
            residence_country: country.into(),
            municipality: Some(municipality.into()),
            nationality: Nationality::EuEeaSwiss,
            work_authorised: true,
            age_band: AgeBand::From30,
            recent_graduate: false,
            max_commute_km: 40,
            will_relocate: false,
            desired_salary: None,
            available_from: None,
        },
    }
}

/// The table row whose header cell is `name`, as its cells' text.
fn row(body: &str, name: &str) -> Vec<String> {
    let start = body
        .find(&format!("<th scope=\"row\">{name}</th>"))
        .unwrap_or_else(|| panic!("no row {name}:\n{body}"));
    let rest = &body[start..];
    let end = rest.find("</tr>").unwrap();
    rest[..end]
        .split("<td>")
        .skip(1)
        .map(|c| c.split('<').next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_coordinator_sees_where_the_shortage_is_and_a_funder_sees_no_small_number() {
    let app = app().await;
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
    for (positions, status) in [(6, VacancyStatus::Published), (9, VacancyStatus::Draft)] {
        store
            .create_vacancy(&employer.id, &vacancy(positions), status, T0)
            .await
            .unwrap();
    }
    // Two nurses (one in Maastricht, one in Aachen) and seven developers in Maastricht.
    let mut n = 0;
    for (occupation, country, place, count) in [
        (NURSE, "NL", "GM0935", 1),
        (NURSE, "DE", "DE05334002", 1),
        (DEVELOPER, "NL", "GM0935", 7),
    ] {
        for _ in 0..count {
            n += 1;
            store
                .create_candidate(
                    &candidate(n, occupation, country, place),
                    RegisteredBy::Staff("staff"),
                    None,
                    T0,
                )
                .await
                .unwrap();
        }
    }
    let today = app.state.clock.today();
    let tally = |combination: &str, fell_back, count| RouteTally {
        day: today,
        region: "zuid-limburg".into(),
        combination: combination.into(),
        fell_back,
        count,
    };
    store
        .add_route_counts(&[
            tally("who=cross-border-worker&topic=tax&channel=", false, 40),
            tally("who=cross-border-worker&topic=housing&channel=", true, 3),
        ])
        .await
        .unwrap();

    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let page = coordinator
        .get(&app.router, "/beheer/arbeidsmarkt?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Open vacancies: 1, with 6 positions in all. Registered candidates: 9."),
        "{}",
        page.body
    );
    // The draft's nine positions are not open.
    assert_eq!(
        row(&page.body, "Life sciences &#38; health"),
        ["1", "6", "2", "4 short"]
    );
    assert_eq!(
        row(&page.body, "nurse responsible for general care"),
        ["1", "6", "2", "4 short"]
    );
    assert_eq!(
        row(&page.body, "software developer"),
        ["7"],
        "developers seek work no vacancy offers"
    );
    assert_eq!(row(&page.body, "South Limburg"), ["1", "6", "8"]);
    assert_eq!(row(&page.body, "Abroad (DE)"), ["0", "0", "1"]);
    assert_eq!(row(&page.body, "Tax"), ["40", "40"]);
    assert_eq!(row(&page.body, "Housing"), ["3", "3"]);
    assert!(!page.body.contains("id=\"legend\""));

    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    let page = funder
        .get(&app.router, "/beheer/arbeidsmarkt?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"legend\""));
    // Two nurses are too few to show; the vacancies are public.
    assert_eq!(
        row(&page.body, "nurse responsible for general care"),
        ["1", "6", "hidden", "hidden"]
    );
    assert_eq!(row(&page.body, "software developer"), ["7"]);
    // One candidate abroad is hidden, and with it the next smallest, so the total gives nothing away.
    assert_eq!(row(&page.body, "Abroad (DE)"), ["0", "0", "hidden"]);
    assert_eq!(row(&page.body, "South Limburg"), ["1", "6", "hidden"]);
    assert_eq!(
        row(&page.body, "Housing")[0],
        "hidden",
        "three questions are too few"
    );

    let org = app.state.index().organizations()[0].id.clone();
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(&org)).await;
    assert_eq!(
        staff
            .get(&app.router, "/beheer/arbeidsmarkt?lang=en")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
