#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The authorization matrix: every route in the route table × every role ×
//! a record of the role's own organisation (or region) and of another one, compared
//! with the hand-written expectations in `tests/data/authorization-matrix.txt`.
//! Besides the roles, a coordinator and a funder tied to one region
//! (`region-coordinator`, `region-funder`): their own region is Midden-Limburg; "own" records are of an organisation on
//! Midden-Limburg's menu, "other" records of one on no region's menu.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use loket_domain::policy::GRANTS;
use std::collections::BTreeMap;
use support::{Client, app, signed_in, signed_in_for};

const OWN_ORG: &str = "a790b6e4-b346-5198-9c54-15252fc67910"; // GrenzInfoPunkt Aachen-Eurode
const OTHER_ORG: &str = "d22cbc11-7d09-5843-bc41-a250ad7f6225"; // SVB
const OWN_REGION: &str = "midden-limburg"; // GrenzInfoPunkt Aachen-Eurode is on its menu
const OTHER_REGION: &str = "zuid-limburg";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Role(Role),
    /// A coordinator or funder whose role is tied to [`OWN_REGION`].
    Regional(Role),
}

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::Role(r) => r.code(),
            Who::Regional(Role::Coordinator) => "region-coordinator",
            Who::Regional(Role::Funder) => "region-funder",
            Who::Regional(_) => "region-other",
        }
    }
}

fn matrix() -> BTreeMap<(String, String), Vec<String>> {
    let text = include_str!("data/authorization-matrix.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let method = parts.next().expect("method").to_string();
            let path = parts.next().expect("path").to_string();
            ((method, path), parts.map(String::from).collect())
        })
        .collect()
}

/// What the matrix says for `who` on a record of their own organisation (`own`) or another's.
fn expected(rule: &[String], who: Who, own: bool) -> bool {
    match who {
        Who::Anonymous => rule.iter().any(|r| r == "public"),
        Who::Role(role) => rule.iter().any(|r| {
            r == "public"
                || r == "signed-in"
                || r == role.code()
                || (own && *r == format!("{}@own", role.code()))
        }),
        Who::Regional(_) => rule.iter().any(|r| {
            r == "public"
                || r == "signed-in"
                || r == who.name()
                || (own && *r == format!("{}@own", who.name()))
        }),
    }
}

/// Refused by the authorization layer, as a visitor would see it: sent to the
/// sign-in page, a 401 problem, or the 403 "no access" page or problem.
fn refused(reply: &support::Reply) -> bool {
    (reply.status == StatusCode::SEE_OTHER && reply.location.starts_with("/aanmelden?next="))
        || reply.status == StatusCode::UNAUTHORIZED
        || (reply.status == StatusCode::FORBIDDEN
            && (reply.body.contains("Geen toegang") || reply.body.contains("\"Forbidden\"")))
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_matrix_says() {
    let mut app = app().await;
    // The test's own organisation runs the talent programme. Every route as every
    // role comes from one address within a minute: far more than the API's
    // limit for callers without a token, which is not what is tested here.
    app.state = app
        .state
        .clone()
        .with_talent_programme(OWN_ORG)
        .with_api_requests_per_minute(100_000);
    app.router = loket_web::router(app.state.clone());
    let talent = talent_records(&app).await;
    let matrix = matrix();
    let table = loket_web::routes::route_table();

    let mut problems = Vec::new();
    for entry in &table {
        if !matrix.contains_key(&(entry.method.to_string(), entry.path.to_string())) {
            problems.push(format!(
                "{} {} has no line in the authorization matrix",
                entry.method, entry.path
            ));
        }
    }
    for (method, path) in matrix.keys() {
        if !table.iter().any(|e| e.method == method && e.path == path) {
            problems.push(format!(
                "{method} {path} is in the matrix but is not a route"
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");

    let idx = app.state.index();
    let service_of = |org: &str| idx.services_of(org).next().expect("a service").id.clone();
    let location_of = |org: &str| {
        idx.document()
            .locations
            .into_iter()
            .find(|l| l.organization_id == org)
            .expect("a location")
            .id
    };
    let third_org = idx
        .organizations()
        .iter()
        .find(|o| o.id != OWN_ORG && o.id != OTHER_ORG && idx.services_of(&o.id).next().is_some())
        .expect("a third organisation")
        .id
        .clone();
    // A referral the own organisation received, and one between two others.
    let own_referral = referral_between(&app, OTHER_ORG, &service_of(OWN_ORG)).await;
    let other_referral = referral_between(&app, OTHER_ORG, &service_of(&third_org)).await;
    // An event of the own organisation and one of another, each with a date.
    let own_event = support::event_of(&app, OWN_ORG, OWN_REGION).await;
    let other_event = support::event_of(&app, OTHER_ORG, OWN_REGION).await;
    let (_, own_account) = signed_in(&app.state, Role::Staff, Some(OWN_ORG)).await;
    let (_, other_account) = signed_in(&app.state, Role::Staff, Some(OTHER_ORG)).await;
    let substitute = |path: &str, own: bool| -> String {
        let (org, account) = if own {
            (OWN_ORG, &own_account)
        } else {
            (OTHER_ORG, &other_account)
        };
        let id = if path.contains("/evenementen/datum/") {
            if own {
                own_event.1.clone()
            } else {
                other_event.1.clone()
            }
        } else if path.contains("/evenementen/") {
            if own {
                own_event.0.clone()
            } else {
                other_event.0.clone()
            }
        } else if path.contains("/werkgever/introducties/") {
            if own {
                talent.own_introduction.clone()
            } else {
                talent.other_introduction.clone()
            }
        } else if path.contains("/werkgever/vacatures/") {
            if own {
                talent.own_vacancy.clone()
            } else {
                talent.other_vacancy.clone()
            }
        } else if path.contains("/werkgever/")
            || path.contains("/employers/")
            || path.contains("/werkgevers/")
        {
            if own {
                talent.own_employer.clone()
            } else {
                talent.other_employer.clone()
            }
        } else if path.contains("/talent/introducties/") {
            talent.own_introduction.clone()
        } else if path.contains("/vacatures/") || path.contains("/vacancies/") {
            talent.own_vacancy.clone()
        } else if path.contains("/kandidaten/") {
            talent.candidate.clone()
        } else if path.contains("/diensten/") || path.contains("/services/") {
            service_of(org)
        } else if path.contains("/locaties/") {
            location_of(org)
        } else if path.contains("/termen/") {
            idx.terms_of(loket_domain::TaxonomyKind::Topic)
                .next()
                .expect("a term")
                .id
                .clone()
        } else if path.contains("/verwijzingen/") || path.contains("/referrals/") {
            if own {
                own_referral.clone()
            } else {
                other_referral.clone()
            }
        } else if path.contains("/accounts/") {
            account.clone()
        } else if path.contains("organisaties/") || path.contains("organizations/") {
            org.to_string()
        } else {
            "unknown-id".to_string()
        };
        path.replace("{id}", &id)
            .replace("{token}", "unknown-token")
            .replace("{code}", if own { OWN_REGION } else { OTHER_REGION })
    };

    let mut whos = vec![Who::Anonymous];
    whos.extend(Role::ALL.into_iter().map(Who::Role));
    whos.push(Who::Regional(Role::Coordinator));
    whos.push(Who::Regional(Role::Funder));
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for entry in &table {
        let rule = &matrix[&(entry.method.to_string(), entry.path.to_string())];
        for &who in &whos {
            for own in [true, false] {
                let mut client = match who {
                    Who::Anonymous => Client::default(),
                    Who::Role(role) => {
                        let org = role.is_per_organization().then_some(OWN_ORG);
                        let (client, account) = signed_in(&app.state, role, org).await;
                        if role == Role::Employer {
                            // An employer's account acts for the "own" employer.
                            app.state
                                .store
                                .link_employer_account(&talent.own_employer, &account)
                                .await
                                .expect("link");
                        }
                        client
                    }
                    Who::Regional(role) => {
                        signed_in_for(&app.state, role, None, Some(OWN_REGION))
                            .await
                            .0
                    }
                };
                let uri = substitute(entry.path, own);
                let reply = if entry.method == "GET" {
                    client.get(&app.router, &uri).await
                } else {
                    let token = match who {
                        Who::Anonymous => String::new(),
                        Who::Role(_) | Who::Regional(_) => {
                            client.get(&app.router, "/account").await.input("token")
                        }
                    };
                    // The API's writes take the session's token in a header, like
                    // this site's own scripts send it (a bare cookie is refused).
                    client
                        .send(
                            &app.router,
                            axum::http::Request::post(&uri)
                                .header(
                                    axum::http::header::CONTENT_TYPE,
                                    "application/x-www-form-urlencoded",
                                )
                                .header("x-csrf-token", &token),
                            axum::body::Body::from(support::form(&[("token", &token)])),
                        )
                        .await
                };
                checked += 1;
                let allowed = !refused(&reply);
                if allowed != expected(rule, who, own) {
                    mismatches.push(format!(
                        "{} {uri} as {} ({} organisation): got {} ({}), the matrix says {}",
                        entry.method,
                        who.name(),
                        if own { "own" } else { "other" },
                        if allowed { "allowed" } else { "refused" },
                        reply.status,
                        if expected(rule, who, own) {
                            "allowed"
                        } else {
                            "refused"
                        },
                    ));
                }
                assert!(
                    reply.status != StatusCode::INTERNAL_SERVER_ERROR,
                    "{} {uri} as {}: 500",
                    entry.method,
                    who.name()
                );
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

struct TalentRecords {
    own_employer: String,
    other_employer: String,
    own_vacancy: String,
    other_vacancy: String,
    candidate: String,
    own_introduction: String,
    other_introduction: String,
}

/// Two employers with a published vacancy each, a candidate, and an introduction to each.
async fn talent_records(app: &support::TestApp) -> TalentRecords {
    use loket_domain::talent::candidate::{CandidateDetails, CandidateProfile};
    use loket_domain::talent::employer::{EmployerDetails, Sector, Size};
    use loket_domain::talent::introduction::Actor;
    use loket_domain::talent::vacancy::{Contract, VacancyDetails, VacancyStatus};
    let store = app.state.store.as_ref();
    let employer = |kvk: &str| EmployerDetails {
        name: format!("Employer {kvk}"),
        kvk_number: kvk.into(),
        sector: Sector::Logistics,
        size: Size::Small,
        municipality: "GM0917".into(),
        recognised_sponsor: false,
    };
    let vacancy = VacancyDetails {
        title: loket_domain::Text::new("Magazijnmedewerker", "", "", ""),
        description: loket_domain::Text::default(),
        occupation: "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
            .into(),
        essential_skills: vec![],
        optional_skills: vec![],
        eqf: None,
        experience_years: 0,
        languages: vec![],
        municipality: "GM0917".into(),
        work_place: loket_matching::WorkPlace::OnSite,
        hours_per_week: 38,
        contract: Contract::Permanent,
        salary_min: 2_600,
        salary_max: 3_000,
        start: None,
        positions: 1,
        sponsors_permit: false,
    };
    let now = chrono::Utc::now().timestamp();
    let own = store
        .create_employer(&employer("10000001"), None, now)
        .await
        .expect("employer");
    let other = store
        .create_employer(&employer("10000002"), None, now)
        .await
        .expect("employer");
    let own_vacancy = store
        .create_vacancy(&own.id, &vacancy, VacancyStatus::Published, now)
        .await
        .expect("vacancy");
    let other_vacancy = store
        .create_vacancy(&other.id, &vacancy, VacancyStatus::Published, now)
        .await
        .expect("vacancy");
    let candidate = CandidateDetails {
        name: "Matrix Candidate".into(),
        email: "matrix@example.org".into(),
        phone: None,
        profile: CandidateProfile {
            occupations: vec![vacancy.occupation.clone()],
            skills: vec![],
            experience_years: 1,
            eqf: 3,
            languages: vec![],
            residence_country: "NL".into(),
            municipality: Some("GM0917".into()),
            nationality: loket_matching::Nationality::EuEeaSwiss,
            work_authorised: false,
            age_band: loket_matching::AgeBand::From30,
            recent_graduate: false,
            max_commute_km: 20,
            will_relocate: false,
            desired_salary: None,
            available_from: None,
        },
    };
    let c = store
        .create_candidate(
            &candidate,
            loket_store::talent::RegisteredBy::Staff("matrix"),
            None,
            now,
        )
        .await
        .expect("candidate");
    let own_intro = store
        .propose_introduction(
            &own_vacancy.id,
            &c.id,
            Actor::Programme,
            "matrix-own",
            now + 3600,
            now,
        )
        .await
        .expect("introduction");
    let other_intro = store
        .propose_introduction(
            &other_vacancy.id,
            &c.id,
            Actor::Programme,
            "matrix-other",
            now + 3600,
            now,
        )
        .await
        .expect("introduction");
    TalentRecords {
        own_employer: own.id,
        other_employer: other.id,
        own_vacancy: own_vacancy.id,
        other_vacancy: other_vacancy.id,
        candidate: c.id,
        own_introduction: own_intro.id,
        other_introduction: other_intro.id,
    }
}

/// Stores a referral from `from` to `service_id` (through the domain, as staff would).
async fn referral_between(app: &support::TestApp, from: &str, service_id: &str) -> String {
    use loket_domain::referral::{self, Actor, ReferralRequest, ServiceLevel, Source};
    let receiver = app
        .state
        .index()
        .service(service_id)
        .expect("service")
        .organization_id
        .clone();
    let request = ReferralRequest {
        service_id: service_id.into(),
        name: "Test Person".into(),
        contact: "+31 43 000 0000".into(),
        language: "nl".into(),
        note: "matrix".into(),
        basis: "consent".into(),
        purpose: "matrix".into(),
        previous_id: None,
    };
    let (r, change) = referral::create(
        uuid::Uuid::new_v4().to_string(),
        &request,
        Source::Organization {
            organization_id: from.into(),
            account_id: "someone".into(),
        },
        receiver,
        Actor {
            account_id: "someone",
            organization_id: Some(from),
        },
        chrono::Utc::now().timestamp(),
        chrono::Utc::now().date_naive(),
        ServiceLevel::default(),
    );
    app.state
        .store
        .create_referral(&r, &change, &[])
        .await
        .expect("referral");
    r.id
}

#[test]
fn every_grant_is_used_by_some_route() {
    let table = loket_web::routes::route_table();
    for (action, role, _) in GRANTS {
        assert!(
            table.iter().any(
                |e| matches!(e.access, loket_web::routes::Access::Allowed(a, _) if a == *action)
            ),
            "the grant of {action:?} to {} is not used by any route",
            role.code()
        );
    }
}
