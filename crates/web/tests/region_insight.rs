#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! A region's insight and figures: its coordinator sees the routings and
//! feedback of its own front door only, the network's coordinator every door
//! (each row naming its door); a funder tied to a region sees that region's
//! contact figures, aggregated, and cannot ask for another region's.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use loket_domain::contact::{Channel, Contact, ContactOutcome};
use support::{Client, app, signed_in, signed_in_for};

const MIDDEN: &str =
    "who=job-seeker&live=GM0957&work=GM0957&topic=job-search&languages=nl&channel=";
const ZUID: &str = "who=job-seeker&live=GM0917&work=GM0917&topic=job-search&languages=nl&channel=";

#[tokio::test]
async fn a_regions_coordinator_sees_its_own_front_doors_counts_and_feedback_only() {
    let app = app().await;
    let mut visitor = Client::default();
    for _ in 0..2 {
        let r = visitor
            .get(
                &app.router,
                &format!("/regio/midden-limburg/voordeur/resultaat?{MIDDEN}&lang=en"),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let south = visitor
        .get(
            &app.router,
            &format!("/regio/zuid-limburg/voordeur/resultaat?{ZUID}&lang=en"),
        )
        .await;
    // Feedback sent from South Limburg's door belongs to South Limburg.
    let thanks = visitor
        .post(
            &app.router,
            "/voordeur/feedback?lang=en",
            &[
                ("token", &south.input("token")),
                ("answers", ZUID),
                ("door", &south.input("door")),
                ("comment", "Ik zoek werk in Heerlen"),
            ],
        )
        .await;
    assert_eq!(thanks.status, StatusCode::OK);
    assert!(
        thanks
            .body
            .contains("href=\"/regio/zuid-limburg/voordeur/resultaat?"),
        "back to the result at the same door"
    );

    let (mut midden, _) =
        signed_in_for(&app.state, Role::Coordinator, None, Some("midden-limburg")).await;
    let page = midden
        .get(&app.router, "/coordinator/voordeur?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Central Limburg"), "{}", page.body);
    assert!(page.body.contains("Number of routings: 2"), "{}", page.body);
    assert!(
        page.body
            .contains("href=\"/regio/midden-limburg/voordeur/resultaat?"),
        "its rows lead to its own front door's result"
    );
    assert!(!page.body.contains("/regio/zuid-limburg/voordeur/resultaat"));
    assert!(!page.body.contains("Ik zoek werk in Heerlen"));
    // Asking for South Limburg's door shows its own door again.
    let asked = midden
        .get(
            &app.router,
            "/coordinator/voordeur?deur=zuid-limburg&lang=en",
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        !asked
            .body
            .contains("/regio/zuid-limburg/voordeur/resultaat")
    );
    assert!(!asked.body.contains("Ik zoek werk in Heerlen"));

    // The network's coordinator chooses any door; all doors name theirs per row.
    let (mut network, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let all = network
        .get(&app.router, "/coordinator/voordeur?lang=en")
        .await;
    assert!(
        all.body
            .contains("/regio/midden-limburg/voordeur/resultaat?")
    );
    assert!(all.body.contains("/regio/zuid-limburg/voordeur/resultaat?"));
    assert!(all.body.contains("<td>South Limburg</td>"), "{}", all.body);
    assert!(all.body.contains("Ik zoek werk in Heerlen"));
    let south_only = network
        .get(
            &app.router,
            "/coordinator/voordeur?deur=zuid-limburg&lang=en",
        )
        .await;
    assert!(south_only.body.contains("Ik zoek werk in Heerlen"));
    assert!(
        !south_only
            .body
            .contains("/regio/midden-limburg/voordeur/resultaat")
    );
}

fn contact(org: &str, service: &str, n: usize) -> Contact {
    Contact {
        id: format!("c-{org}-{n}"),
        organization_id: org.into(),
        service_id: service.into(),
        registered_by: "staff".into(),
        at: chrono::Utc::now().timestamp() - 3600,
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

#[tokio::test]
async fn a_funder_tied_to_a_region_sees_that_regions_figures_only() {
    let app = app().await;
    let idx = app.state.index();
    let midden = idx.regions.get("midden-limburg").expect("region").clone();
    let zuid = idx.regions.get("zuid-limburg").expect("region").clone();
    // A partner only on Midden-Limburg's menu, and one only on South Limburg's.
    let only_in = |here: &loket_domain::region::LabourMarketRegion,
                   there: &loket_domain::region::LabourMarketRegion| {
        here.menu
            .iter()
            .find(|m| !there.menu.iter().any(|t| t.contributor == m.contributor))
            .expect("a partner of one region only")
            .clone()
    };
    let m = only_in(&midden, &zuid);
    let z = only_in(&zuid, &midden);
    for n in 0..7 {
        app.state
            .store
            .add_contact(&contact(&m.contributor, &m.service, n))
            .await
            .expect("contact");
    }
    for n in 0..11 {
        app.state
            .store
            .add_contact(&contact(&z.contributor, &z.service, n))
            .await
            .expect("contact");
    }
    let row = |body: &str, label: &str| -> String {
        body.split(&format!("<th scope=\"row\">{label}</th><td>"))
            .nth(1)
            .and_then(|rest| rest.split("</td>").next())
            .unwrap_or("")
            .to_string()
    };

    let (mut funder, _) =
        signed_in_for(&app.state, Role::Funder, None, Some("midden-limburg")).await;
    let page = funder.get(&app.router, "/beheer/cijfers?lang=en").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Region Central Limburg"));
    assert_eq!(row(&page.body, "Client contacts"), "7");
    assert!(
        page.body.contains("Counts under 5 are not shown"),
        "aggregates only"
    );
    assert!(
        !page.body.contains("South Limburg"),
        "no other region offered"
    );
    // Asking for South Limburg, or one of its partners, shows Midden-Limburg's.
    for asked in ["regio:zuid-limburg", z.contributor.as_str()] {
        let other = funder
            .get(&app.router, &format!("/beheer/cijfers?org={asked}&lang=en"))
            .await;
        assert_eq!(other.status, StatusCode::OK);
        assert_eq!(row(&other.body, "Client contacts"), "7", "{asked}");
    }
    // The staff area and the front-door insight stay closed to a funder.
    let staff_area = funder.get(&app.router, "/beheer?lang=en").await;
    assert_eq!(staff_area.status, StatusCode::FORBIDDEN);
    let insight = funder
        .get(&app.router, "/coordinator/voordeur?lang=en")
        .await;
    assert_eq!(insight.status, StatusCode::FORBIDDEN);

    // The network's coordinator chooses a region and sees South Limburg's partners' count.
    let (mut network, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let south = network
        .get(
            &app.router,
            "/beheer/cijfers?org=regio:zuid-limburg&lang=en",
        )
        .await;
    assert_eq!(row(&south.body, "Client contacts"), "11");
    let whole = network.get(&app.router, "/beheer/cijfers?lang=en").await;
    assert_eq!(row(&whole.body, "Client contacts"), "18");
}
