#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Labour-market regions in the browser: the national entry, a region's home and
//! front door, its generalist as the fallback, and the hand-over between regions
//! with the visitor's answers kept.

mod support;

use axum::http::StatusCode;
use support::{Client, app};

const ROERMOND_FITS_NOTHING: &str =
    "who=worker&live=GM0957&work=GM0957&topic=housing&languages=nl&channel=";

#[tokio::test]
async fn a_visitor_in_roermond_who_fits_nothing_gets_the_work_centre_of_midden_limburg() {
    let app = app().await;
    let mut visitor = Client::default();
    let page = visitor
        .get(
            &app.router,
            &format!("/regio/midden-limburg/voordeur/resultaat?{ROERMOND_FITS_NOTHING}&lang=en"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Werkcentrum Midden-Limburg"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("class=\"notice notice-warning fallback\"")
    );
    // The region's look: its name in the header, its colour's stylesheet, its links.
    assert!(page.body.contains("loket Midden-Limburg"));
    assert!(
        page.body
            .contains("href=\"/regio/midden-limburg/look.css\"")
    );
    assert!(
        page.body
            .contains("href=\"/regio/midden-limburg/voordeur?lang=en\"")
    );
    let css = visitor
        .get(&app.router, "/regio/midden-limburg/look.css")
        .await;
    assert!(
        css.body.contains("--color-primary: #6b2a5e"),
        "{}",
        css.body
    );
    assert!(
        !page.body.contains("handover"),
        "Roermond lies in Midden-Limburg"
    );
}

#[tokio::test]
async fn a_visitor_from_heerlen_at_midden_limburgs_door_is_offered_south_limburgs_with_the_answers()
{
    let app = app().await;
    let mut visitor = Client::default();
    let answers = "who=job-seeker&live=GM0917&work=GM0917&topic=job-search&languages=nl&channel=";
    let page = visitor
        .get(
            &app.router,
            &format!("/regio/midden-limburg/voordeur/resultaat?{answers}&lang=en"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Heerlen lies in South Limburg, not in Central Limburg"),
        "{}",
        page.body
    );
    // askama escapes `&` as `&#38;` in attributes.
    let href =
        format!("/regio/zuid-limburg/voordeur/resultaat?{answers}&lang=en").replace('&', "&#38;");
    assert!(page.body.contains(&href), "{href} in {}", page.body);
    // Following it lands at South Limburg's door with the same answers, no hand-over.
    let there = visitor
        .get(
            &app.router,
            &format!("/regio/zuid-limburg/voordeur/resultaat?{answers}&lang=en"),
        )
        .await;
    assert_eq!(there.status, StatusCode::OK);
    assert!(there.body.contains("loket Zuid-Limburg"));
    assert!(!there.body.contains("class=\"notice handover\""));
}

#[tokio::test]
async fn the_national_entry_leads_a_postcode_or_municipality_to_its_region() {
    let app = app().await;
    let mut visitor = Client::default();
    for (place, region) in [
        ("6041+AB", "midden-limburg"),
        ("Roermond", "midden-limburg"),
        ("6411+AB", "zuid-limburg"),
        ("Aken", "zuid-limburg"),
        ("52062", "zuid-limburg"),
    ] {
        let reply = visitor
            .get(&app.router, &format!("/regio?plaats={place}&lang=en"))
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{place}");
        assert_eq!(
            reply.location,
            format!("/regio/{region}/voordeur?lang=en"),
            "{place}"
        );
    }
    // Venlo's region is still a draft; Amsterdam has no region on loket.
    for (place, name) in [("Venlo", "Venlo"), ("1012+AB", "1012 AB")] {
        let reply = visitor
            .get(&app.router, &format!("/regio?plaats={place}&lang=en"))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{place}");
        assert!(
            reply
                .body
                .contains(&format!("{name} is not in a region on loket (yet)")),
            "{}",
            reply.body
        );
        assert!(
            reply
                .body
                .contains("href=\"/regio/midden-limburg?lang=en\"")
        );
    }
    let unknown = visitor
        .get(&app.router, "/regio?plaats=Atlantis&lang=en")
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.body.contains("We do not know “Atlantis”"));
    assert!(unknown.body.contains("aria-invalid=\"true\""));
    let empty = visitor.get(&app.router, "/regio?plaats=+&lang=de").await;
    assert!(empty.body.contains("Geben Sie eine Postleitzahl"));
}

#[tokio::test]
async fn a_regions_home_shows_its_menu_with_contributors_and_a_draft_region_is_not_public() {
    let app = app().await;
    let mut visitor = Client::default();
    let home = visitor
        .get(&app.router, "/regio/midden-limburg?lang=en")
        .await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("The services of Central Limburg"));
    assert!(
        home.body
            .contains("href=\"/api/v1/regions/midden-limburg/services\"")
    );
    assert!(home.body.contains("Werkcentrum Midden-Limburg"));
    assert!(
        !home.body.contains("Expat Centre"),
        "South Limburg's own services are not on Midden-Limburg's menu"
    );
    for draft in [
        "/regio/noord-limburg",
        "/regio/noord-limburg/voordeur",
        "/regio/noord-limburg/voordeur/resultaat",
        "/regio/atlantis",
    ] {
        let reply = visitor.get(&app.router, draft).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{draft}");
    }
}

#[tokio::test]
async fn a_regions_own_host_name_opens_its_front_door() {
    let app = app().await;
    let mut midden = app
        .state
        .index()
        .regions
        .get("midden-limburg")
        .expect("region")
        .clone();
    midden.host = Some("werk.midden-limburg.test".into());
    app.state
        .store
        .save_region(&midden, 1, "platform-admin")
        .await
        .expect("save");
    app.state.refresh().await.expect("refresh");
    let mut visitor = Client::default();
    let uri = format!("/voordeur/resultaat?{ROERMOND_FITS_NOTHING}&lang=en");
    let own = visitor
        .send(
            &app.router,
            axum::http::Request::get(&uri).header("host", "werk.midden-limburg.test:443"),
            axum::body::Body::empty(),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("loket Midden-Limburg"), "{}", own.body);
    assert!(own.body.contains("href=\"/regio/midden-limburg/look.css\""));
    // Any other host name gets the deployment's own front door.
    let other = visitor
        .send(
            &app.router,
            axum::http::Request::get(&uri).header("host", "loket.example.nl"),
            axum::body::Body::empty(),
        )
        .await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(!other.body.contains("loket Midden-Limburg"));
    assert!(other.body.contains("href=\"/static/look.css\""));
}

#[tokio::test]
async fn the_api_lists_regions_finds_a_place_and_serves_each_regions_feed() {
    let app = app().await;
    let mut client = Client::default();
    let list = client
        .get(&app.router, "/api/v1/regions?lang=en")
        .await
        .json();
    let codes: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        ["midden-limburg", "zuid-limburg"],
        "live regions only"
    );
    let found = client
        .get(&app.router, "/api/v1/regions/lookup?place=Aken")
        .await;
    assert_eq!(found.status, StatusCode::OK);
    let found = found.json();
    assert_eq!(found["region"]["code"], "zuid-limburg");
    assert_eq!(
        found["region"]["front_door"],
        "/regio/zuid-limburg/voordeur"
    );
    assert_eq!(found["municipality"], "DE05334002");
    let outside = client
        .get(&app.router, "/api/v1/regions/lookup?place=Venlo")
        .await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND);
    let unknown = client
        .get(&app.router, "/api/v1/regions/lookup?place=Atlantis")
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(
        unknown
            .body
            .contains("neither a postcode nor a municipality")
    );
    let wrong = client
        .get(&app.router, "/api/v1/regions/lookup?colour=red")
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let body = wrong.json();
    let names: Vec<&str> = body["invalidParams"]
        .as_array()
        .expect("all problems at once")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert!(
        names.contains(&"colour") && names.contains(&"place"),
        "{body}"
    );

    // Midden-Limburg's feed: its menu and the national services, each with its regions.
    let feed = client
        .get(
            &app.router,
            "/api/v1/regions/midden-limburg/services?per_page=100&full=true",
        )
        .await
        .json();
    let items = feed["contents"].as_array().expect("contents");
    let keys: Vec<String> = items
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_string())
        .collect();
    let idx = app.state.index();
    let key_of = |id: &str| idx.service(id).expect("service").key.clone();
    let keys: Vec<String> = keys.iter().map(|id| key_of(id)).collect();
    assert!(keys.contains(&"werkcentrum-ml-walkin".to_string()));
    assert!(
        keys.contains(&"uwv-ww".to_string()),
        "national services are on every menu"
    );
    assert!(
        !keys.contains(&"expat-consultation".to_string()),
        "South Limburg's own"
    );
    let regions_of = |s: &serde_json::Value| -> Vec<String> {
        s["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .filter(|a| a["link_type"] == "labour-market-region")
            .map(|a| a["value"].as_str().expect("value").to_string())
            .collect()
    };
    for s in items {
        let regions = regions_of(s);
        assert!(
            regions.contains(&"midden-limburg".to_string()),
            "{regions:?}"
        );
    }
    let draft = client
        .get(&app.router, "/api/v1/regions/noord-limburg/services")
        .await;
    assert_eq!(draft.status, StatusCode::NOT_FOUND);
}
