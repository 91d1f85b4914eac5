#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! A programme's progress: the example programme (seed 003) lists every
//! milestone with its deadline and marks the overdue ones; the coordinator
//! updates a milestone and enters money (bad amounts refused, nothing stored);
//! the progress report's budget sums equal the entered amounts.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use support::{Client, TestApp, app, poppler, signed_in};

/// A form on the programme page, sent with the page's token.
async fn post_form(
    c: &mut Client,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> support::Reply {
    post_from(c, app, "/beheer/programma?lang=en", path, fields).await
}

/// A form sent with the token of the page it sits on.
async fn post_from(
    c: &mut Client,
    app: &TestApp,
    form_page: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> support::Reply {
    let page = c.get(&app.router, form_page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = page.input("token");
    let mut all = vec![("token", token.as_str())];
    all.extend_from_slice(fields);
    c.post(&app.router, path, &all).await
}

#[tokio::test]
async fn the_progress_report_lists_every_milestone_marks_the_overdue_and_sums_the_money() {
    let app = app().await;
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let page = coordinator
        .get(&app.router, "/beheer/programma?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("id=\"milestone-count\">27<"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("id=\"overdue-count\">27<"),
        "every deadline of 2013–2015 has passed"
    );
    assert!(
        page.body.contains("€ 500.000,00"),
        "the planned extra budget"
    );

    // Bad money: three decimals, a negative amount, an unknown action line.
    let bad = post_form(
        &mut coordinator,
        &app,
        "/beheer/programma/budget?lang=en",
        &[
            ("action_line", "Nowhere"),
            ("kind", "spent"),
            ("amount", "10,005"),
            ("on", "2026-03-01"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("Use at most two decimals (cents)."));
    assert!(bad.body.contains("Choose an action line from the list."));
    assert!(bad.body.contains("value=\"10,005\""), "the input is kept");
    let negative = post_form(
        &mut coordinator,
        &app,
        "/beheer/programma/budget?lang=en",
        &[
            ("action_line", "Eerlijke beeldvorming"),
            ("kind", "spent"),
            ("amount", "-5"),
            ("on", "2026-03-01"),
        ],
    )
    .await;
    assert!(negative.body.contains("An amount cannot be negative."));
    assert!(
        app.state
            .store
            .budget("limburg-arbeidsmigratie")
            .await
            .unwrap()
            .is_empty(),
        "nothing stored"
    );

    for (kind, amount) in [
        ("committed", "100.000,00"),
        ("spent", "12.500,50"),
        ("spent", "7499.50"),
    ] {
        let ok = post_form(
            &mut coordinator,
            &app,
            "/beheer/programma/budget?lang=en",
            &[
                ("action_line", "Eerlijke beeldvorming"),
                ("kind", kind),
                ("amount", amount),
                ("on", "2026-03-01"),
                ("note", "communicatieplan"),
            ],
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    }
    let done = post_form(
        &mut coordinator,
        &app,
        "/beheer/programma/mijlpaal?lang=en",
        &[
            ("milestone", "3.1-c"),
            ("status", "done"),
            ("owner", "Team communicatie"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = coordinator
        .get(&app.router, "/beheer/programma?lang=en")
        .await;
    assert!(page.body.contains("id=\"overdue-count\">26<"));
    assert!(page.body.contains("<td>Team communicatie</td>"));

    // Targets: the programme's own for contacts; for referrals only the network's.
    let form = coordinator.get(&app.router, "/beheer/doelen?lang=en").await;
    assert!(
        form.body
            .contains("<option value=\"programme:limburg-arbeidsmigratie\""),
        "{}",
        form.body
    );
    let token = form.input("token");
    for (indicator, scope, value) in [
        ("contacts", "network", "300"),
        ("contacts", "programme:limburg-arbeidsmigratie", "120"),
        ("referrals-made", "network", "40"),
    ] {
        let saved = coordinator
            .post(
                &app.router,
                "/beheer/doelen?lang=en",
                &[
                    ("token", &token),
                    ("indicator", indicator),
                    ("scope", scope),
                    ("year", "2026"),
                    ("value", value),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }

    // The funder reads the report; the numbers are those entered.
    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    assert!(
        !funder
            .get(&app.router, "/beheer/programma?lang=en")
            .await
            .body
            .contains("/beheer/programma/budget")
    );
    let csv = funder
        .get(
            &app.router,
            "/beheer/programma/rapport?van=2026-01-01&tot=2026-12-31&formaat=csv&lang=en",
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    let milestone_rows: Vec<&str> = csv
        .body
        .lines()
        .filter(|l| {
            l.contains("\"planned\"")
                || l.contains("\"done\"")
                || l.contains("\"started\"")
                || l.contains("\"dropped\"")
        })
        .collect();
    assert_eq!(milestone_rows.len(), 27, "every milestone");
    assert_eq!(
        milestone_rows
            .iter()
            .filter(|l| l.ends_with("\"overdue\""))
            .count(),
        26
    );
    assert!(csv.body.contains("\"Communicatieplan\",\"najaar 2013 (30 November 2013)\",\"done\",\"Team communicatie\",\"\""), "{}", csv.body);
    assert!(csv.body.contains("\"Eerlijke beeldvorming\",\"arbeidsmigratie\",\"€ 100.000,00\",\"€ 100.000,00\",\"€ 20.000,00\""), "{}", csv.body);
    assert!(
        csv.body
            .contains("\"Total\",\"\",\"€ 500.000,00\",\"€ 100.000,00\",\"€ 20.000,00\"")
    );
    assert!(
        csv.body
            .contains("\"contacts\",\"Client contacts\",\"count\",\"0\",\"120\",\"0\""),
        "the programme's own target: {}",
        csv.body
    );
    assert!(
        csv.body
            .contains("\"referrals-made\",\"Referrals made\",\"count\",\"0\",\"40\",\"0\""),
        "the network's target where the programme has none: {}",
        csv.body
    );
    let pdf = funder
        .get(
            &app.router,
            "/beheer/programma/rapport?van=2026-01-01&tot=2026-12-31&formaat=pdf&lang=en",
        )
        .await;
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    let file = file.to_str().unwrap();
    if let Some(render) = poppler(
        "pdftoppm",
        &["-r", "40", "-png", file, &format!("{file}-page")],
    ) {
        assert!(
            render.status.success(),
            "{}",
            String::from_utf8_lossy(&render.stderr)
        );
        let text = poppler("pdftotext", &["-layout", file, "-"])
            .expect("pdftotext")
            .stdout;
        let text = String::from_utf8_lossy(&text).replace('\u{a0}', " ");
        assert!(text.contains("Conferentie huisvesting"), "{text}");
        assert_eq!(
            text.matches("overdue").count(),
            26 + 1,
            "26 milestones and the summary line: {text}"
        );
        let total = text
            .lines()
            .find(|l| l.trim_start().starts_with("Total"))
            .expect("the total line");
        assert!(
            total.contains("€ 500.000,00")
                && total.contains("€ 100.000,00")
                && total.contains("€ 20.000,00"),
            "{total}"
        );
    }

    // A report for a period that ends before it begins is refused next to its field.
    let wrong = funder
        .get(
            &app.router,
            "/beheer/programma/rapport?van=2026-12-31&tot=2026-01-01&formaat=pdf&lang=en",
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(
        wrong
            .body
            .contains("The end date is before the start date.")
    );
}

#[tokio::test]
async fn the_funder_sees_who_funds_what_with_the_employer_boards_fees() {
    use loket_domain::talent::employer::{
        BoardMembership, BoardStatus, EmployerDetails, Sector, Size,
    };
    let app = app().await;
    for (kvk, status) in [
        ("11111111", BoardStatus::Paid),
        ("22222222", BoardStatus::Member),
        ("33333333", BoardStatus::Invited),
    ] {
        let details = EmployerDetails {
            name: format!("Werkgever {kvk}"),
            kvk_number: kvk.into(),
            sector: Sector::LifeSciencesHealth,
            size: Size::Large,
            municipality: "GM0917".into(),
            recognised_sponsor: false,
        };
        let employer = app
            .state
            .store
            .create_employer(&details, None, 1_767_225_600)
            .await
            .expect("employer");
        app.state
            .store
            .set_board_membership(
                &employer.id,
                &BoardMembership {
                    year: 2026,
                    fee_cents: 1_000_000,
                    status,
                },
            )
            .await
            .expect("membership");
    }
    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    let page = funder
        .get(&app.router, "/beheer/financiering?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Verlengingsbijdrage ESZL aan Welcome to Maastricht Region")
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">2026</th><td>€ 140.000,00</td>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">2027</th><td>€ 250.000,00</td>")
    );
    assert!(page.body.contains("15 February 2026"));
    assert!(page.body.contains("Maximum contribution per year"));
    assert!(
        page.body.contains("Welcome to Maastricht Region, ")
            || page.body.contains("GrenzInfoPunkt Aachen-Eurode")
    );
    // 2026: the municipalities' €1.2 million and ESZL's €140,000; two members
    // (the invited one is not), one of whom paid.
    assert!(
        page.body.contains("<th scope=\"row\">2026</th><td>€ 1.340.000,00</td><td>€ 10.000,00 of € 20.000,00</td><td>2</td><td>€ 1.360.000,00</td>"),
        "{}",
        page.body
    );
    let gip = app
        .state
        .index()
        .organizations()
        .iter()
        .find(|o| o.key == "gip-aachen-eurode")
        .expect("GIP")
        .id
        .clone();
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(&gip)).await;
    assert_eq!(
        staff
            .get(&app.router, "/beheer/financiering?lang=en")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// A form on the funding page, sent with the page's token.
async fn post_funding(
    c: &mut Client,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> support::Reply {
    post_from(c, app, "/beheer/financiering?lang=en", path, fields).await
}

#[tokio::test]
async fn the_coordinator_splits_a_maximum_records_a_condition_and_links_a_funder() {
    let app = app().await;
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let (mut funder, funder_id) = signed_in(&app.state, Role::Funder, None).await;
    let share = "/beheer/financiering/aandeel?lang=en";
    let agreement = ("agreement", "samenwerkingsovereenkomst-2024");

    // Every mistake at once, next to its field, and nothing stored.
    let bad = post_funding(
        &mut coordinator,
        &app,
        share,
        &[
            agreement,
            ("recipient", "bakery"),
            ("year", "2031"),
            ("amount", "12,345"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for (id, message) in [
        (
            "recipient-error",
            "Choose an organisation that this agreement funds.",
        ),
        ("year-error", "Choose a year of this agreement."),
        ("amount-error", "Use at most two decimals (cents)."),
    ] {
        assert!(
            bad.body.contains(&format!("id=\"{id}\">{message}")),
            "{id}: {}",
            bad.body
        );
    }
    assert!(
        bad.body.contains("value=\"12,345\""),
        "the amount stays as typed"
    );
    assert!(
        app.state
            .store
            .shares("zuid-limburg")
            .await
            .unwrap()
            .is_empty()
    );

    // €1,000,000 to the GIP Maastricht; then €200,000.01 to WTMR is over the €1.2 million.
    let ok = post_funding(
        &mut coordinator,
        &app,
        share,
        &[
            agreement,
            ("recipient", "gip-maastricht"),
            ("year", "2026"),
            ("amount", "1.000.000"),
        ],
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let over = post_funding(
        &mut coordinator,
        &app,
        share,
        &[
            agreement,
            ("recipient", "wtmr"),
            ("year", "2026"),
            ("amount", "200.000,01"),
        ],
    )
    .await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
    assert!(
        over.body.contains(
            "id=\"amount-error\">Together with the other organisations&#39; shares this is more than the agreement&#39;s maximum for that year."
        ),
        "{}",
        over.body
    );
    let fits = post_funding(
        &mut coordinator,
        &app,
        share,
        &[
            agreement,
            ("recipient", "wtmr"),
            ("year", "2026"),
            ("amount", "200000"),
        ],
    )
    .await;
    assert_eq!(fits.status, StatusCode::SEE_OTHER);
    let page = coordinator
        .get(&app.router, "/beheer/financiering?lang=en")
        .await;
    assert!(
        page.body.contains("€ 1.200.000,00 of € 1.200.000,00"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<td>€ 200.000,00</td>"));

    // The ESZL condition: a day still to come is refused; then met, with who recorded it.
    let condition = "/beheer/financiering/voorwaarde?lang=en";
    let which = ("condition", "eszl-wtmr-2026-2027/eszl-criteria");
    let tomorrow = (app.state.clock.today() + chrono::Duration::days(1)).to_string();
    let future = post_funding(
        &mut coordinator,
        &app,
        condition,
        &[which, ("status", "met"), ("on", &tomorrow)],
    )
    .await;
    assert_eq!(future.status, StatusCode::BAD_REQUEST);
    assert!(
        future
            .body
            .contains("id=\"on-error\">That day has not come yet.")
    );
    assert!(
        app.state
            .store
            .conditions("zuid-limburg")
            .await
            .unwrap()
            .is_empty()
    );
    let met = post_funding(
        &mut coordinator,
        &app,
        condition,
        &[
            which,
            ("status", "met"),
            ("on", "2026-02-12"),
            ("note", "criteria sent to the board"),
        ],
    )
    .await;
    assert_eq!(met.status, StatusCode::SEE_OTHER, "{}", met.body);
    let page = coordinator
        .get(&app.router, "/beheer/financiering?lang=en")
        .await;
    assert!(
        page.body.contains(
            "Met on 12 February 2026 (recorded by Test coordinator): criteria sent to the board"
        ),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("deadline passed"),
        "a met condition is not overdue"
    );

    // The funder account, linked to ESZL, sees what ESZL funds and reaches those results.
    let link = "/beheer/financiering/financier?lang=en";
    let unknown = post_funding(
        &mut coordinator,
        &app,
        link,
        &[("account", "nobody"), ("funder", "bank")],
    )
    .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(
        unknown
            .body
            .contains("id=\"account-error\">Choose a funder account from the list.")
    );
    assert!(
        unknown
            .body
            .contains("id=\"funder-error\">Choose a funder from the list.")
    );
    let linked = post_funding(
        &mut coordinator,
        &app,
        link,
        &[("account", &funder_id), ("funder", "eszl")],
    )
    .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER);
    let seen = funder
        .get(&app.router, "/beheer/financiering?lang=en")
        .await;
    assert!(
        seen.body
            .contains("What Stichting Economische Samenwerking Zuid-Limburg (ESZL) funds"),
        "{}",
        seen.body
    );
    let wtmr = app
        .state
        .index()
        .organizations()
        .iter()
        .find(|o| o.key == "wtmr")
        .unwrap()
        .id
        .clone();
    let results = format!("/beheer/resultaten?org={wtmr}&#38;jaar=");
    assert!(seen.body.contains(&results), "{}", seen.body);
    assert!(
        !seen.body.contains("Save the share"),
        "a funder records nothing"
    );
    let there = funder
        .get(&app.router, &results.replace("&#38;", "&"))
        .await;
    assert_eq!(there.status, StatusCode::OK);
    // Removing the link takes the section away.
    let removed = post_funding(
        &mut coordinator,
        &app,
        link,
        &[("account", &funder_id), ("funder", "eszl"), ("remove", "1")],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let after = funder
        .get(&app.router, "/beheer/financiering?lang=en")
        .await;
    assert!(
        !after
            .body
            .contains("What Stichting Economische Samenwerking")
    );
}
