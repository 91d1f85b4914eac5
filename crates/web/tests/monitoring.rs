#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Monitoring: the coordinator sets targets (bad input is refused with every
//! problem next to its field and nothing stored; every change is kept), the
//! results page shows each indicator against its target and the period before,
//! funders see no small number and no lone hidden one, and the CSV files give
//! the page's numbers.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use loket_domain::contact::{Channel, Contact, ContactOutcome};
use support::{Client, app, poppler, signed_in};

/// 15 January and 15 June 2026, noon in Maastricht.
const JAN: i64 = 1_768_474_800;
const JUN: i64 = 1_781_517_600;
/// 15 June 2025.
const JUN_2025: i64 = 1_749_981_600;

fn contact(org: &str, service: &str, at: i64, n: usize) -> Contact {
    Contact {
        id: format!("c-{at}-{n}"),
        organization_id: org.into(),
        service_id: service.into(),
        registered_by: "staff".into(),
        at,
        channel: Channel::Phone,
        target_group: None,
        topics: vec![],
        residence_country: None,
        work_country: None,
        language: "nl".into(),
        outcome: ContactOutcome::Answered,
        minutes: None,
        person: None,
    }
}

async fn set_target(
    c: &mut Client,
    app: &support::TestApp,
    fields: &[(&str, &str)],
) -> support::Reply {
    let form = c.get(&app.router, "/beheer/doelen?lang=en").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let token = form.input("token");
    let mut all = vec![("token", token.as_str())];
    all.extend_from_slice(fields);
    c.post(&app.router, "/beheer/doelen?lang=en", &all).await
}

#[tokio::test]
async fn targets_refuse_bad_input_whole_and_keep_every_change() {
    let app = app().await;
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let bad = set_target(
        &mut coordinator,
        &app,
        &[
            ("indicator", "weather"),
            ("scope", "region:atlantis"),
            ("year", "1999"),
            ("value", "-5"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for message in [
        "This indicator does not exist.",
        "Choose the network, a region, an organisation or a service from the list.",
        "Enter a year from 2020 to 2040.",
        "A target cannot be negative.",
    ] {
        assert!(bad.body.contains(message), "{message}: {}", bad.body);
    }
    assert!(
        bad.body
            .contains("aria-describedby=\"value-hint value-error\" aria-invalid=\"true\"")
    );
    let decimals = set_target(
        &mut coordinator,
        &app,
        &[
            ("indicator", "contacts"),
            ("scope", "network"),
            ("year", "2026"),
            ("value", "12,345"),
        ],
    )
    .await;
    assert_eq!(decimals.status, StatusCode::BAD_REQUEST);
    assert!(decimals.body.contains("Enter a whole number"));
    assert!(
        app.state.store.targets(2026).await.unwrap().is_empty(),
        "nothing stored"
    );

    for value in ["20", "25"] {
        let saved = set_target(
            &mut coordinator,
            &app,
            &[
                ("indicator", "contacts"),
                ("scope", "network"),
                ("year", "2026"),
                ("value", value),
            ],
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    let page = coordinator
        .get(&app.router, "/beheer/doelen?jaar=2026&lang=en")
        .await;
    assert!(
        page.body
            .contains("<td>Client contacts</td><td>Whole network</td><td>25</td>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("20 ("),
        "the earlier value stays: {}",
        page.body
    );

    // Funders do not set targets.
    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    assert_eq!(
        funder
            .get(&app.router, "/beheer/doelen?lang=en")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// The value of an indicator's card on the results page.
fn card_value(body: &str, code: &str) -> String {
    body.split(&format!("data-indicator=\"{code}\">"))
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn funders_see_results_against_the_target_without_small_numbers_and_the_files_agree() {
    let app = app().await;
    let idx = app.state.index();
    let service = idx.services().first().expect("a service").clone();
    let org = service.organization_id.clone();
    let mut n = 0;
    for (at, count) in [(JAN, 3), (JUN, 12), (JUN_2025, 9)] {
        for _ in 0..count {
            n += 1;
            app.state
                .store
                .add_contact(&contact(&org, &service.id, at, n))
                .await
                .expect("contact");
        }
    }
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let saved = set_target(
        &mut coordinator,
        &app,
        &[
            ("indicator", "contacts"),
            ("scope", "network"),
            ("year", "2026"),
            ("value", "30"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let period = "van=2026-01-01&tot=2026-12-31&lang=en";

    let exact = coordinator
        .get(&app.router, &format!("/beheer/resultaten?{period}"))
        .await;
    assert_eq!(exact.status, StatusCode::OK, "{}", exact.body);
    assert_eq!(card_value(&exact.body, "contacts"), "15");
    assert!(
        exact.body.contains("50 % of the target of 30 for 2026."),
        "{}",
        exact.body
    );
    assert!(
        exact
            .body
            .contains("<th scope=\"row\">January 2026</th><td>3</td>")
    );
    assert!(
        exact
            .body
            .contains("role=\"img\" aria-labelledby=\"contacts-summary\""),
        "a named chart"
    );
    assert!(exact.body.contains("In the period before: 9."));

    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    let page = funder
        .get(&app.router, &format!("/beheer/resultaten?{period}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(card_value(&page.body, "contacts"), "15");
    // January's 3 is under the threshold; June's 12 is hidden with it, or it
    // would be the total minus the rest.
    assert!(
        page.body
            .contains("<th scope=\"row\">January 2026</th><td>hidden</td>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">June 2026</th><td>hidden</td>")
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">March 2026</th><td>0</td>")
    );
    assert!(page.body.contains("Counts under an indicator"));
    assert!(
        !page.body.contains("/beheer/doelen"),
        "no link to a page a funder cannot use"
    );

    let export = |format: &str| format!("/beheer/resultaten/export?{period}&formaat={format}");
    let csv = funder.get(&app.router, &export("csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let fields = |line: &str| -> Vec<String> {
        line.split("\",\"")
            .map(|f| f.trim_matches('"').to_string())
            .collect()
    };
    let lines: Vec<&str> = csv.body.lines().collect();
    let summary = lines
        .iter()
        .find(|l| l.starts_with("\"contacts\""))
        .expect("summary row");
    assert_eq!(
        fields(summary),
        ["contacts", "Client contacts", "count", "15", "30", "9"]
    );
    let january = lines
        .iter()
        .find(|l| l.starts_with("\"January 2026\""))
        .expect("month row");
    assert_eq!(fields(january)[1], "hidden");
    let june = lines
        .iter()
        .find(|l| l.starts_with("\"June 2026\""))
        .expect("month row");
    assert_eq!(fields(june)[1], "hidden");
    let march = lines
        .iter()
        .find(|l| l.starts_with("\"March 2026\""))
        .expect("month row");
    assert_eq!(fields(march)[1], "0");
    assert!(
        csv.body
            .contains("Funders: aggregates only, small numbers hidden")
    );
    assert!(
        csv.body.contains("Counts under an indicator"),
        "the legend travels with the file"
    );

    let excel = funder.get(&app.router, &export("csv-puntkomma")).await;
    assert!(
        excel.body.starts_with('\u{feff}'),
        "a byte-order mark for Excel"
    );
    assert!(
        excel
            .body
            .contains("\"contacts\";\"Client contacts\";\"count\";\"15\";\"30\";\"9\"")
    );

    let xlsx = funder.get(&app.router, &export("xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let mut book =
        zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes.clone())).expect("a workbook");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut book
            .by_name("xl/worksheets/sheet2.xml")
            .expect("summary sheet"),
        &mut sheet,
    )
    .unwrap();
    for n in ["15", "30", "9"] {
        assert!(
            sheet.contains(&format!("<v>{n}</v>")),
            "{n} as a number: {sheet}"
        );
    }

    let pdf = funder.get(&app.router, &export("pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let text = String::from_utf8_lossy(&pdf.bytes);
    assert!(text.starts_with("%PDF-"));
    for shown in ["(15)", "(30)", "(9)", "(hidden)", "(Client contacts)"] {
        assert!(text.contains(shown), "{shown} in the PDF");
    }
}

#[tokio::test]
async fn a_period_that_ends_before_it_begins_is_named_next_to_its_field() {
    let app = app().await;
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    for path in ["/beheer/resultaten", "/beheer/resultaten/export"] {
        let page = coordinator
            .get(
                &app.router,
                &format!("{path}?van=2026-12-31&tot=2026-01-01&formaat=csv&lang=en"),
            )
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            page.body
                .contains("id=\"to-error\">The end date is before the start date."),
            "{}",
            page.body
        );
        assert!(
            page.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    let nonsense = coordinator
        .get(&app.router, "/beheer/resultaten?van=gisteren&tot=&lang=nl")
        .await;
    assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);
    assert!(nonsense.body.contains("Vul een datum in als 2026-01-31."));
}

#[tokio::test]
async fn the_results_pdf_renders_and_its_text_holds_the_pages_numbers() {
    let app = app().await;
    let idx = app.state.index();
    let service = idx.services().first().expect("a service").clone();
    for n in 0..23 {
        app.state
            .store
            .add_contact(&contact(
                &service.organization_id,
                &service.id,
                JUN + n as i64,
                n,
            ))
            .await
            .expect("contact");
    }
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let pdf = coordinator
        .get(
            &app.router,
            "/beheer/resultaten/export?van=2026-01-01&tot=2026-12-31&formaat=pdf&lang=fr",
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    let file = file.to_str().unwrap();
    let Some(render) = poppler(
        "pdftoppm",
        &["-r", "40", "-png", file, &format!("{file}-page")],
    ) else {
        return;
    };
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    assert!(
        dir.path().join("r.pdf-page-1.png").exists(),
        "page 1 rendered"
    );
    let text = poppler("pdftotext", &["-layout", file, "-"]).expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Résultats – Tout le réseau"), "{text}");
    let contacts = text
        .lines()
        .find(|l| l.trim_start().starts_with("contacts "))
        .expect("the contacts line");
    assert!(contacts.split_whitespace().any(|w| w == "23"), "{contacts}");
    let june = text
        .lines()
        .find(|l| l.trim_start().starts_with("juin 2026"))
        .expect("June");
    assert!(june.split_whitespace().nth(2) == Some("23"), "{june}");
}

#[tokio::test]
async fn a_breakdown_hides_no_cell_that_the_totals_would_give_away() {
    let app = app().await;
    let idx = app.state.index();
    let services = idx.services();
    let a = services.first().expect("a service").clone();
    let b = services
        .iter()
        .find(|s| s.organization_id != a.organization_id)
        .expect("a second organisation")
        .clone();
    // 15 January and 15 May 2026: a has 20 and 25, b has 2 and 30.
    let may = 1_778_839_200;
    let mut n = 0;
    for (service, at, count) in [(&a, JAN, 20), (&a, may, 25), (&b, JAN, 2), (&b, may, 30)] {
        for _ in 0..count {
            n += 1;
            app.state
                .store
                .add_contact(&contact(&service.organization_id, &service.id, at, n))
                .await
                .expect("contact");
        }
    }
    let half = "van=2026-01-01&tot=2026-06-30&lang=en";
    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    let page = funder
        .get(
            &app.router,
            &format!("/beheer/resultaten/uitsplitsing?indicator=contacts&naar=organisation&{half}"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Client contacts by organisation and quarter")
    );
    assert_eq!(
        page.body.matches("<td>hidden</td>").count(),
        4,
        "a cycle of four: {}",
        page.body
    );
    assert!(
        page.body.contains("<td>77</td>"),
        "the grand total is shown"
    );
    assert!(
        page.body
            .contains("no hidden count can be worked out from the row, column or grand totals")
    );

    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let exact = coordinator
        .get(
            &app.router,
            &format!("/beheer/resultaten/uitsplitsing?indicator=contacts&naar=organisation&{half}"),
        )
        .await;
    assert!(exact.body.contains("<td>2</td>") && !exact.body.contains("<td>hidden</td>"));

    let bad = funder
        .get(
            &app.router,
            &format!("/beheer/resultaten/uitsplitsing?indicator=weather&naar=shoe-size&{half}"),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body
            .contains("id=\"indicator-error\">This indicator does not exist.")
    );
    assert!(
        bad.body
            .contains("id=\"breakdown-error\">This breakdown does not exist.")
    );
    let people = funder
        .get(
            &app.router,
            &format!(
                "/beheer/resultaten/uitsplitsing?indicator=people-helped&naar=organisation&{half}"
            ),
        )
        .await;
    assert_eq!(people.status, StatusCode::BAD_REQUEST);
    assert!(
        people
            .body
            .contains("People and percentages do not add up across rows")
    );
}

/// A token made by an operator (`loket admin create-api-token`).
async fn token(app: &support::TestApp, org: &str, scopes: &[&str]) -> String {
    let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
    let (_, secret) = loket_app::api_tokens::create(
        &app.state,
        org,
        "funder's dashboard",
        &scopes,
        loket_app::api_tokens::Maker {
            actor: "operator",
            origin: "cli",
        },
    )
    .await
    .expect("token");
    secret
}

async fn api(
    app: &support::TestApp,
    uri: &str,
    bearer: &str,
) -> (StatusCode, String, serde_json::Value) {
    use tower::ServiceExt;
    let req = axum::http::Request::get(uri)
        .header(
            axum::http::header::AUTHORIZATION,
            format!("Bearer {bearer}"),
        )
        .body(axum::body::Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let kind = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    (
        status,
        kind,
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
    )
}

#[tokio::test]
async fn a_figures_token_reads_the_results_as_a_funder_does() {
    let app = app().await;
    let idx = app.state.index();
    let service = idx.services().first().expect("a service").clone();
    let org = service.organization_id.clone();
    let mut n = 0;
    for (at, count) in [(JAN, 3), (JUN, 12)] {
        for _ in 0..count {
            n += 1;
            app.state
                .store
                .add_contact(&contact(&org, &service.id, at, n))
                .await
                .expect("contact");
        }
    }
    let figures = token(&app, &org, &["figures"]).await;
    let (status, _, body) = api(
        &app,
        "/api/v1/results?from=2026-01-01&to=2026-12-31&lang=en",
        &figures,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["audience"], "aggregates",
        "a token reads aggregates, even of its own organisation"
    );
    let contacts = body["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "contacts")
        .expect("contacts")
        .clone();
    assert_eq!(contacts["value"]["value"], 15);
    let month = |m: &str| {
        contacts["months"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["month"] == m)
            .unwrap()
            .clone()
    };
    assert_eq!(month("2026-01")["hidden"], true);
    assert!(
        month("2026-01").get("value").is_none(),
        "a hidden number is absent"
    );
    assert_eq!(
        month("2026-06")["hidden"],
        true,
        "hidden with it: no lone hidden month"
    );
    assert_eq!(month("2026-03")["value"], 0);

    let (status, _, drill) = api(
        &app,
        "/api/v1/results/breakdown?indicator=contacts&by=organisation&from=2026-01-01&to=2026-12-31",
        &figures,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{drill}");
    assert_eq!(drill["total"]["value"], 15);

    // Every invalid parameter at once.
    let (status, kind, problem) = api(
        &app,
        "/api/v1/results/breakdown?indicator=weather&by=shoe-size&scope=region:atlantis&from=2026-12-31&to=2026-01-01&colour=red",
        &figures,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(kind, "application/problem+json");
    let names: Vec<&str> = problem["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in ["colour", "scope", "to"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let (_, _, unknown) = api(
        &app,
        "/api/v1/results/breakdown?indicator=weather&by=shoe-size",
        &figures,
    )
    .await;
    let names: Vec<&str> = unknown["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["indicator", "by"]);

    // A token without the figures scope reads nothing.
    let contacts_only = token(&app, &org, &["contacts"]).await;
    let (status, _, _) = api(&app, "/api/v1/results", &contacts_only).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
