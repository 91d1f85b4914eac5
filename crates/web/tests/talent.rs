#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
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

// ------------------------------------------------------------------ bad input, API and pages

use axum::http::StatusCode;
use loket_domain::account::Role;
use serde_json::{Value, json};
use support::signed_in;

async fn employer_account(app: &TestApp) -> (support::Client, String) {
    let (client, account) = signed_in(&app.state, Role::Employer, None).await;
    let employer = EmployerDetails {
        name: "Zorggroep Parkstad".into(),
        kvk_number: "14000001".into(),
        sector: Sector::LifeSciencesHealth,
        size: Size::Large,
        municipality: "GM0917".into(),
        recognised_sponsor: false,
    };
    let e = app
        .state
        .store
        .create_employer(&employer, Some(&account), T0)
        .await
        .unwrap();
    (client, e.id)
}

fn invalid_params(reply: &support::Reply) -> Vec<String> {
    let body: Value =
        serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("{}", reply.body));
    body["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

async fn bad_vacancies_are_refused_whole(app: TestApp) {
    let (mut client, employer) = employer_account(&app).await;
    let changes_before = app.state.store.latest_talent_change().await.unwrap();
    let bad = json!({
        "title": {"nl": "Verpleegkundige"},
        "occupation": "http://data.europa.eu/esco/occupation/not-an-occupation",
        "essential_skills": [MEDICATION, "http://data.europa.eu/esco/skill/made-up"],
        "languages": [{"language": "nl", "level": "B1"}, {"language": "de", "level": "Z9"}],
        "municipality": "GM0917", "work_place": "on-site", "hours_per_week": "32", "contract": "permanent",
        "salary_min": "-100", "salary_max": "4600"
    });
    let uri = format!("/api/v1/employers/{employer}/vacancies");
    let reply = client.post_json(&app.router, &uri, &bad).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(
        reply.body.contains("A1, A2, B1, B2, C1 or C2"),
        "{}",
        reply.body
    );
    assert_eq!(
        invalid_params(&reply),
        ["occupation", "essential_skills", "languages", "salary_min"]
    );
    assert!(
        app.state
            .store
            .vacancies_of_employer(&employer)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        app.state.store.latest_talent_change().await.unwrap(),
        changes_before,
        "nothing on the feed"
    );
    // Publishing waits for verification; a draft is fine.
    let good = json!({
        "title": {"nl": "Verpleegkundige"}, "occupation": NURSE, "essential_skills": [MEDICATION],
        "languages": [{"language": "nl", "level": "B1"}], "municipality": "GM0917", "work_place": "on-site",
        "hours_per_week": "32", "contract": "permanent", "salary_min": "3400", "salary_max": "4600",
        "status": "published"
    });
    let reply = client.post_json(&app.router, &uri, &good).await;
    assert_eq!(
        (reply.status, invalid_params(&reply)),
        (StatusCode::BAD_REQUEST, vec!["status".to_string()])
    );
    let mut draft = good.clone();
    draft["status"] = json!("draft");
    let reply = client.post_json(&app.router, &uri, &draft).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // Another employer's account may not post for this one.
    let (mut stranger, _) = signed_in(&app.state, Role::Employer, None).await;
    assert_eq!(
        stranger.post_json(&app.router, &uri, &draft).await.status,
        StatusCode::FORBIDDEN
    );
}

fn candidate_json() -> Value {
    json!({
        "name": "Lena Schmitz", "email": "lena@example.de", "occupations": [NURSE], "skills": [MEDICATION],
        "experience_years": "6", "eqf": "6", "languages": [{"language": "de", "level": "C2"}, {"language": "nl", "level": "B2"}],
        "residence_country": "DE", "municipality": "DE05334002", "nationality": "eu-eea-swiss", "age_band": "from30",
        "max_commute_km": "40", "desired_salary": "4000", "consent": true
    })
}

fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".to_vec();
    bytes.resize(size.saturating_sub(7).max(bytes.len()), b' ');
    bytes.extend(b"\n%%EOF\n");
    bytes
}

async fn bad_candidates_and_cvs_are_refused_whole(app: TestApp) {
    let (mut staff, _) = signed_in(
        &app.state,
        Role::Staff,
        Some(loket_app::talent::DEFAULT_PROGRAMME),
    )
    .await;
    let count = |app: &TestApp| {
        let store = app.state.store.clone();
        async move { store.candidate_profiles("", 100).await.unwrap().len() }
    };
    let mut bad = candidate_json();
    bad["skills"] = json!(["http://data.europa.eu/esco/skill/made-up"]);
    bad["languages"] = json!([{"language": "de", "level": "Z9"}]);
    bad["desired_salary"] = json!("-3000");
    bad["cv_pdf_base64"] =
        json!(data_encoding::BASE64.encode(b"PK\x03\x04 this is a word document"));
    let reply = staff
        .post_json(&app.router, "/api/v1/candidates", &bad)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(
        invalid_params(&reply),
        ["skills", "languages", "desired_salary", "cv"]
    );
    let mut big = candidate_json();
    big["cv_pdf_base64"] = json!(data_encoding::BASE64.encode(&pdf(5 * 1024 * 1024 + 1)));
    let reply = staff
        .post_json(&app.router, "/api/v1/candidates", &big)
        .await;
    assert_eq!(
        (reply.status, invalid_params(&reply)),
        (StatusCode::BAD_REQUEST, vec!["cv".to_string()])
    );
    assert!(reply.body.contains("at most 5 MB"), "{}", reply.body);
    assert_eq!(count(&app).await, 0, "no partial record");
    let mut good = candidate_json();
    good["cv_pdf_base64"] = json!(data_encoding::BASE64.encode(&pdf(20_000)));
    let reply = staff
        .post_json(&app.router, "/api/v1/candidates", &good)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let id: Value = serde_json::from_str(&reply.body).unwrap();
    let cv = app
        .state
        .store
        .candidate_cv(id["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cv.len(), pdf(20_000).len());

    // The public form, in German: a Word file as CV is refused next to the field, the rest kept.
    let mut visitor = support::Client::default();
    let page = visitor.get(&app.router, "/talent/aanmelden?lang=de").await;
    let token = page.input("token");
    let fields = [
        ("token", token.as_str()),
        ("name", "Ravi Kumar"),
        ("email", "ravi@example.in"),
        ("residence_country", "IN"),
        ("municipality", ""),
        ("nationality", "other"),
        ("age_band", "from30"),
        ("occupations", "nurse responsible for general care"),
        ("skills", "administer prescribed medication"),
        ("experience_years", "8"),
        ("eqf", "6"),
        ("language_0", "en"),
        ("level_0", "C2"),
        ("max_commute_km", "0"),
        ("will_relocate", "1"),
        ("consent", "1"),
    ];
    let reply = visitor
        .post_multipart(
            &app.router,
            "/talent/aanmelden?lang=de",
            &fields,
            Some(("cv", "cv.docx", b"PK\x03\x04 word")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(
        reply
            .body
            .contains("Der Lebenslauf muss ein PDF-Dokument sein."),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("id=\"cv-error\""),
        "the message sits next to the field"
    );
    assert!(
        reply.body.contains("value=\"Ravi Kumar\""),
        "what was typed is kept"
    );
    assert!(
        reply.body.contains("administer prescribed medication"),
        "labels are kept as typed"
    );
    assert_eq!(count(&app).await, 1, "nothing stored");
    // An empty form: the summary names every field it lists, not "Fill this in." seven times.
    let empty = visitor
        .post_multipart(
            &app.router,
            "/talent/aanmelden?lang=en",
            &[
                ("token", token.as_str()),
                ("skills", "administer medicaton"),
            ],
            None,
        )
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let summary = empty
        .body
        .split("class=\"error-summary\"")
        .nth(1)
        .and_then(|s| s.split("</div>").next())
        .unwrap_or_default();
    for label in ["Name:", "E-mail address:", "Nationality:", "Occupations:"] {
        assert!(summary.contains(label), "{label} missing in {summary}");
    }
    assert!(
        summary.contains("Not found: administer medicaton."),
        "the unknown skill is named: {summary}"
    );
    // A good CV with a form that has an error is kept: the form shown again
    // says so, and the next submit needs no file.
    let without_consent: Vec<(&str, &str)> = fields
        .iter()
        .copied()
        .filter(|(k, _)| *k != "consent")
        .collect();
    let kept = visitor
        .post_multipart(
            &app.router,
            "/talent/aanmelden?lang=en",
            &without_consent,
            Some(("cv", "cv.pdf", &pdf(30_000))),
        )
        .await;
    assert_eq!(kept.status, StatusCode::BAD_REQUEST, "{}", kept.body);
    assert!(kept.body.contains("Your CV is kept."), "{}", kept.body);
    let cv_token = kept.input("cv_token");
    assert!(!cv_token.is_empty());
    assert_eq!(count(&app).await, 1, "still nothing stored");
    let mut with_token = fields.to_vec();
    with_token.push(("cv_token", cv_token.as_str()));
    let reply = visitor
        .post_multipart(&app.router, "/talent/aanmelden?lang=de", &with_token, None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (newest, _) = app
        .state
        .store
        .recent_candidates(10)
        .await
        .unwrap()
        .into_iter()
        .find(|(_, name)| name == "Ravi Kumar")
        .expect("Ravi's registration");
    assert_eq!(
        app.state
            .store
            .candidate_cv(&newest)
            .await
            .unwrap()
            .map(|c| c.len()),
        Some(pdf(30_000).len()),
        "the held CV was stored with the registration"
    );
    assert!(
        reply.body.contains("Danke für Ihre Anmeldung"),
        "{}",
        reply.body
    );
    assert_eq!(count(&app).await, 2);
    // Labels typed in the form were stored as ESCO URIs.
    let profiles = app.state.store.candidate_profiles("", 100).await.unwrap();
    assert!(
        profiles
            .iter()
            .any(|(_, p)| p.occupations == vec![NURSE.to_string()] && p.will_relocate)
    );
}

#[tokio::test]
async fn bad_vacancies_are_refused_whole_sqlite() {
    bad_vacancies_are_refused_whole(support::app().await).await;
}

#[tokio::test]
async fn bad_vacancies_are_refused_whole_postgres() {
    bad_vacancies_are_refused_whole(support::postgres_app().await).await;
}

#[tokio::test]
async fn bad_candidates_and_cvs_are_refused_whole_sqlite() {
    bad_candidates_and_cvs_are_refused_whole(support::app().await).await;
}

#[tokio::test]
async fn bad_candidates_and_cvs_are_refused_whole_postgres() {
    bad_candidates_and_cvs_are_refused_whole(support::postgres_app().await).await;
}

// ------------------------------------------------------------------ employers through the pages

async fn employers_shortlist_without_names_and_join_the_board(app: TestApp) {
    let store = app.state.store.clone();
    let (mut employer, employer_id) = employer_account(&app).await;
    let record = store.employer(&employer_id).await.unwrap().unwrap();
    store
        .verify_employer(&employer_id, record.version, false, "staff", T0)
        .await
        .unwrap();
    let vacancy = store
        .create_vacancy(&employer_id, &nurse_vacancy(), VacancyStatus::Published, T0)
        .await
        .unwrap();
    let lena = store
        .create_candidate(&german_nurse(), RegisteredBy::Staff("s"), None, T0)
        .await
        .unwrap();
    let areas = app.state.index();
    app.state
        .talent
        .catch_up(store.as_ref(), &areas.areas)
        .await
        .unwrap();

    // The employer sees a pseudonymous candidate, never the name, and shortlists her.
    let page = employer
        .get(
            &app.router,
            &format!("/werkgever/vacatures/{}/kandidaten?lang=en", vacancy.id),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Candidate 1"));
    assert!(
        !page.body.contains("Lena Schmitz") && !page.body.contains("lena@example.de"),
        "no personal data before consent"
    );
    let token = page.input("token");
    let reply = employer
        .post(
            &app.router,
            &format!("/werkgever/vacatures/{}/voorstellen?lang=en", vacancy.id),
            &[("token", &token), ("candidate_id", &lena.id)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        reply.body.contains("Proposed, waiting for consent"),
        "{}",
        reply.body
    );
    let intros = store.introductions_for_vacancy(&vacancy.id).await.unwrap();
    assert_eq!(intros.len(), 1);
    assert_eq!(
        intros[0].proposed_as,
        loket_domain::talent::introduction::Actor::Employer
    );
    // Shortlisting twice is refused with a message, not a second introduction.
    let again = employer
        .post(
            &app.router,
            &format!("/werkgever/vacatures/{}/voorstellen?lang=en", vacancy.id),
            &[("token", &token), ("candidate_id", &lena.id)],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.body.contains("already proposed"), "{}", again.body);
    assert_eq!(
        store
            .introductions_for_vacancy(&vacancy.id)
            .await
            .unwrap()
            .len(),
        1
    );

    // Programme staff record the Employer Board membership of this year.
    let (mut staff, _) = signed_in(
        &app.state,
        Role::Staff,
        Some(loket_app::talent::DEFAULT_PROGRAMME),
    )
    .await;
    let desk = staff.get(&app.router, "/beheer/talent?lang=en").await;
    assert_eq!(desk.status, StatusCode::OK);
    let token = desk.input("token");
    let year = {
        use chrono::Datelike;
        chrono::Utc::now().year().to_string()
    };
    let reply = staff
        .post(
            &app.router,
            &format!("/beheer/talent/werkgevers/{employer_id}/employer-board"),
            &[("token", &token), ("year", &year), ("status", "paid")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let board = store.board_memberships(&employer_id).await.unwrap();
    assert_eq!(board.len(), 1);
    assert_eq!(
        (board[0].fee_cents, board[0].status.code()),
        (1_000_000, "paid")
    );
}

#[tokio::test]
async fn employers_shortlist_without_names_and_join_the_board_sqlite() {
    employers_shortlist_without_names_and_join_the_board(support::app().await).await;
}

#[tokio::test]
async fn employers_shortlist_without_names_and_join_the_board_postgres() {
    employers_shortlist_without_names_and_join_the_board(support::postgres_app().await).await;
}

// ------------------------------------------------------------------ an employer completes a draft

/// A draft saved before verification is not a dead end: after verification the
/// employer opens it filled in, changes it and publishes it; the public list shows it.
async fn a_draft_is_completed_and_published_after_verification(app: TestApp) {
    let store = app.state.store.clone();
    let (mut employer, employer_id) = employer_account(&app).await;
    let draft = store
        .create_vacancy(&employer_id, &nurse_vacancy(), VacancyStatus::Draft, T0)
        .await
        .unwrap();
    let home = employer.get(&app.router, "/werkgever?lang=en").await;
    assert!(
        home.body
            .contains(&format!("/werkgever/vacatures/{}/bewerken", draft.id))
    );
    assert!(home.body.contains("Complete and publish"));
    // Publishing before verification is refused, with the reason next to the buttons.
    let path = format!("/werkgever/vacatures/{}/bewerken?lang=en", draft.id);
    let form = employer.get(&app.router, &path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("value=\"Verpleegkundige\""),
        "the form is filled in"
    );
    let fields = |form: &support::Reply, title: &str| {
        vec![
            ("token", form.input("token")),
            ("version", form.input("version")),
            ("title_nl", title.to_string()),
            ("title_en", "Nurse".to_string()),
            ("occupation", form.input("occupation")),
            ("essential_skills", textarea(&form.body, "essential_skills")),
            ("language_0", "nl".to_string()),
            ("level_0", "B1".to_string()),
            ("municipality", "GM0917".to_string()),
            ("work_place", "on-site".to_string()),
            ("hours_per_week", "32".to_string()),
            ("contract", "permanent".to_string()),
            ("salary_min", "3400".to_string()),
            ("salary_max", "4600".to_string()),
            ("positions", "2".to_string()),
            ("status", "published".to_string()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| f;
    assert!(
        !textarea(&form.body, "essential_skills").is_empty(),
        "the skills are filled in"
    );
    let refused = {
        let f = send(fields(&form, "Verpleegkundige (m/v)"));
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        employer.post(&app.router, &path, &pairs).await
    };
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    let record = store.employer(&employer_id).await.unwrap().unwrap();
    store
        .verify_employer(&employer_id, record.version, false, "staff", T0 + 1)
        .await
        .unwrap();
    let form = employer.get(&app.router, &path).await;
    let published = {
        let f = send(fields(&form, "Verpleegkundige (m/v)"));
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        employer.post(&app.router, &path, &pairs).await
    };
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let stored = store.vacancy(&draft.id).await.unwrap().unwrap();
    assert_eq!(stored.status, VacancyStatus::Published);
    assert_eq!(stored.details.positions, 2);
    let public = support::Client::default()
        .get(&app.router, "/vacatures?lang=nl")
        .await;
    assert!(
        public.body.contains("Verpleegkundige (m/v)"),
        "{}",
        public.body
    );
}

/// The text of a form's textarea, as the browser would send it back.
fn textarea(body: &str, name: &str) -> String {
    body.split(&format!("name=\"{name}\""))
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</textarea>"))
        .map(|(text, _)| text.replace("&#38;", "&").replace("&amp;", "&"))
        .unwrap_or_default()
}

#[tokio::test]
async fn a_draft_is_completed_and_published_after_verification_sqlite() {
    a_draft_is_completed_and_published_after_verification(support::app().await).await;
}

#[tokio::test]
async fn a_draft_is_completed_and_published_after_verification_postgres() {
    a_draft_is_completed_and_published_after_verification(support::postgres_app().await).await;
}
