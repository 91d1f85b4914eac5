#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The cross-border explainer's API: the answers with their rules and
//! sources, a date that changes the wage-tax answer, and bad input named
//! problem by problem; the endpoint is in the OpenAPI document.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use support::{Client, app};

async fn explain(app: &support::TestApp, body: Value) -> (StatusCode, Value) {
    let reply = Client::default()
        .send(
            &app.router,
            Request::post("/api/v1/cross-border/explain")
                .header(header::CONTENT_TYPE, "application/json"),
            Body::from(body.to_string()),
        )
        .await;
    (
        reply.status,
        serde_json::from_str(&reply.body).unwrap_or(Value::Null),
    )
}

fn answer<'a>(v: &'a Value, domain: &str) -> &'a Value {
    v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["domain"] == domain)
        .unwrap_or_else(|| panic!("no {domain} answer in {v}"))
}

fn rules(a: &Value) -> Vec<String> {
    a["trace"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_dutch_resident_working_in_aachen_gets_each_answer_with_its_article() {
    let app = app().await;
    let situation = |date: &str| {
        json!({
            "date": date, "residence": "NL", "work": "DE", "kind": "employee",
            "telework_share": 20, "days_outside_work_state": 40, "children_residence": "NL"
        })
    };
    let (status, v) = explain(&app, situation("2026-03-02")).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let social = answer(&v, "social-security");
    assert_eq!(social["outcome"]["kind"], "country");
    assert_eq!(
        social["outcome"]["country"], "DE",
        "20 % at home is under the 25 % of Art. 13(1)(a)"
    );
    assert!(rules(social).contains(&"ss-employer-seat".to_string()));
    let tax = answer(&v, "wage-tax");
    assert_eq!(
        tax["outcome"]["kind"], "per-day",
        "40 days at home: from 35 the home days are taxed in NL"
    );
    let rule = tax["trace"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "tax-nl-de-34-days")
        .unwrap();
    assert_eq!(rule["article"], "NL–DE Art. 14(1a)");
    assert_eq!(rule["valid_from"], "2026-01-01");
    assert!(rule["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(answer(&v, "child-benefit")["outcome"]["first"], "DE");
    assert_eq!(answer(&v, "compensation")["outcome"]["applies"], true);
    assert!(
        answer(&v, "wage-tax")["advisers"]
            .as_array()
            .unwrap()
            .contains(&json!("gip-aachen-eurode"))
    );
    assert!(v["disclaimer"].as_str().unwrap().contains("not a decision"));

    // With 20 days at home, 31 December 2025 and 2 January 2026 differ.
    let mut before = situation("2025-12-31");
    before["days_outside_work_state"] = json!(20);
    let mut after = situation("2026-01-02");
    after["days_outside_work_state"] = json!(20);
    let (_, old) = explain(&app, before).await;
    let (_, new) = explain(&app, after).await;
    assert_eq!(answer(&old, "wage-tax")["outcome"]["kind"], "per-day");
    assert!(!rules(answer(&old, "wage-tax")).contains(&"tax-nl-de-34-days".to_string()));
    assert_eq!(answer(&new, "wage-tax")["outcome"]["country"], "DE");
    assert!(rules(answer(&new, "wage-tax")).contains(&"tax-nl-de-34-days".to_string()));
}

#[tokio::test]
async fn bad_situations_name_every_problem_at_once() {
    let app = app().await;
    let (status, v) = explain(
        &app,
        json!({"date": "2031-01-01", "residence": "NL", "work": "FR", "kind": "employee", "telework_share": 120}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let names: Vec<&str> = v["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["date", "work", "telework_share"], "{v}");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("must lie within the dates the rules cover (2024-01-01 to 2027-12-31)")
    );
    let (status, v) = explain(&app, json!({"date": "2026-01-01", "residence": "NL", "work": "DE", "kind": "employee", "salary": 5})).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown field is refused: {v}"
    );
    let doc = Client::default()
        .get(&app.router, "/api/v1/openapi.json")
        .await;
    let doc: Value = serde_json::from_str(&doc.body).unwrap();
    assert!(doc["paths"]["/api/v1/cross-border/explain"]["post"].is_object());
}

#[tokio::test]
async fn the_coordinator_sees_every_rule_with_its_source_and_validity() {
    let app = app().await;
    let (mut coordinator, _) =
        support::signed_in(&app.state, loket_domain::account::Role::Coordinator, None).await;
    let page = coordinator
        .get(&app.router, "/beheer/grensregels?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for rule in &app.state.crossborder.rules {
        assert!(
            page.body.contains(&format!("id=\"rule-{}\"", rule.id)),
            "{} missing",
            rule.id
        );
    }
    assert!(page.body.contains("<a href=\"https://www.recht.bund.de/bgbl/2/2025/307/VO.html\" rel=\"noopener\">NL–DE Art. 14(1a)</a>"), "{}", page.body);
    assert!(page.body.contains("1 January 2026 – until changed"));
    assert!(page.body.contains("<td>Wage tax</td>"));
    assert!(
        !page.body.contains("crossborder-domain-"),
        "every domain has its words"
    );
}

#[tokio::test]
async fn a_visitor_answers_one_question_a_page_and_is_handed_over_with_the_situation() {
    let app = app().await;
    let mut visitor = Client::default();
    let mut query = String::from("lang=en");
    let answers = [
        ("residence", "NL"),
        ("work", "DE"),
        ("kind", "employee"),
        ("residence_share", "20"),
        ("telework_share", "20"),
        ("days_outside_work_state", "40"),
        ("children_residence", ""),
        ("unemployment", ""),
    ];
    for (field, value) in answers {
        let page = visitor
            .get(&app.router, &format!("/grensverkenner?{query}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains(&format!("name=\"{field}\"")),
            "expected the question {field}: {}",
            page.body
        );
        query.push_str(&format!("&{field}={value}"));
    }
    // A telework share over 100 % is refused on its page.
    let wrong = visitor
        .get(
            &app.router,
            "/grensverkenner?lang=en&residence=NL&work=DE&kind=employee&residence_share=120",
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("Enter a number from 0"));
    let done = visitor
        .get(
            &app.router,
            &format!("/grensverkenner?{query}&datum=2026-03-02"),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(
        done.location.starts_with("/grensverkenner/antwoord?"),
        "{}",
        done.location
    );
    let answer = visitor.get(&app.router, &done.location).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(
        answer
            .body
            .contains("You are covered by the social security of Germany."),
        "{}",
        answer.body
    );
    assert!(answer.body.contains("Each working day is taxed where you worked it: days in Germany by Germany, days at home by the Netherlands."));
    assert!(answer.body.contains(">NL–DE Art. 14(1a)</a>"));
    assert!(answer.body.contains("With fewer than 35 days outside Germany this year: Wage tax – Germany taxes your whole wage."), "{}", answer.body);
    assert!(answer.body.contains("not a decision"));
    let link = answer
        .body
        .split("class=\"button\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .replace("&#38;", "&");
    assert!(
        answer.body.contains("Ask GrenzInfoPunkt"),
        "the GIP for NL–DE: {}",
        answer.body
    );
    let form = visitor.get(&app.router, &link).await;
    assert_eq!(form.status, StatusCode::OK, "{link}: {}", form.body);
    assert!(
        form.body
            .contains("You live in the Netherlands and work in Germany"),
        "{}",
        form.body
    );
    // A date the rules do not cover is said plainly.
    let outside = visitor
        .get(
            &app.router,
            &format!("/grensverkenner/antwoord?{query}&datum=2031-01-01"),
        )
        .await;
    assert_eq!(outside.status, StatusCode::BAD_REQUEST);
    assert!(
        outside
            .body
            .contains("We can only answer for dates the rules cover")
    );
}

#[tokio::test]
async fn answers_name_the_countries_in_the_right_case() {
    let app = app().await;
    let page = Client::default()
        .get(&app.router, "/grensverkenner/antwoord?lang=de&residence=NL&work=DE&kind=employee&residence_share=20&telework_share=20&days_outside_work_state=40&children_residence=NL&unemployment=whole")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    for sentence in [
        "Sie wohnen in den Niederlanden und arbeiten in Deutschland",
        "Sie sind in Deutschland sozialversichert.",
        "Homeoffice-Tage von den Niederlanden.",
        "Die Niederlande zahlen Ihr Arbeitslosengeld.",
        "Mit weniger als 35 Tagen außerhalb Deutschlands in diesem Jahr",
    ] {
        assert!(page.body.contains(sentence), "{sentence}: {}", page.body);
    }
    // Labour migrants read it in their own language too, in the right case.
    let polish = Client::default()
        .get(&app.router, "/grensverkenner/antwoord?lang=pl&residence=NL&work=DE&kind=employee&residence_share=0&telework_share=0&days_outside_work_state=0&children_residence=&unemployment=")
        .await;
    assert!(
        polish
            .body
            .contains("Podlegasz ubezpieczeniom społecznym w Niemczech."),
        "{}",
        polish.body
    );
    assert!(
        polish
            .body
            .contains("Mieszkasz w Niderlandach i pracujesz w Niemczech")
    );
}

#[tokio::test]
async fn the_front_door_offers_the_explainer_to_cross_border_workers_with_their_countries() {
    let app = app().await;
    let mut visitor = Client::default();
    let page = visitor
        .get(&app.router, "/voordeur/resultaat?who=cross-border-worker&live=DE05334002&work=GM0917&topic=health-insurance&languages=de&channel=phone&lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("href=\"/grensverkenner?residence=DE&#38;work=NL&#38;lang=en\""),
        "{}",
        page.body
    );
    let first = visitor
        .get(&app.router, "/grensverkenner?residence=DE&work=NL&lang=en")
        .await;
    assert!(
        first.body.contains("How do you work?"),
        "the countries are answered already: {}",
        first.body
    );
}
