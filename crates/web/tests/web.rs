#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! The web tier end to end, in-process: API, HSDS conformity and public pages,
//! on a seeded SQLite database (and the API smoke test on PostgreSQL too).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use loket_domain::account::Role;
use loket_store::CatalogueStore;
use loket_store_contract::seed;
use loket_store_sqlite::SqliteStore;
use loket_web::AppState;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

mod support;

struct TestApp {
    router: Router,
    state: AppState,
    _dir: tempfile::TempDir,
}

async fn app() -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::connect(&format!("sqlite://{}", dir.path().join("t.db").display()))
        .await
        .expect("store");
    store.import(&seed()).await.expect("seed");
    let state = AppState::new(Arc::new(store)).await.expect("state");
    TestApp {
        router: loket_web::router(state.clone()),
        state,
        _dir: dir,
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn get_with(router: &Router, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = router
        .clone()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(router: &Router, uri: &str) -> Reply {
    get_with(router, uri, &[]).await
}

/// A signed-in session for a new account with `role`, as a `Cookie` header value.
async fn session_cookie(state: &AppState, role: Role, org: Option<&str>) -> String {
    support::signed_in(state, role, org)
        .await
        .0
        .cookie
        .expect("session cookie")
}

/// The specification's own CI makes validation strict: no property outside the schema.
fn strict(mut schema: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut schema);
    schema
}

fn validator(file: &str) -> jsonschema::Validator {
    let path = format!("{}/tests/data/hsds-3.1/{file}", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("schema file"))
        .expect("schema JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&strict(schema))
        .expect("valid schema")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

#[tokio::test]
async fn every_seeded_service_validates_against_hsds_in_every_language() {
    let app = app().await;
    let schema = validator("service_with_definitions.json");
    for s in &seed().services {
        for lang in ["nl", "en", "de", "fr"] {
            let r = get(
                &app.router,
                &format!("/api/v1/services/{}?lang={lang}", s.id),
            )
            .await;
            assert_eq!(r.status, StatusCode::OK);
            let body = r.json();
            assert_eq!(body["id"], s.id.as_str());
            assert_eq!(body["name"], s.name.get(lang.parse().expect("lang")));
            assert_valid(&schema, &body, &format!("service {} in {lang}", s.key));
        }
    }
}

#[tokio::test]
async fn a_service_with_schedules_phones_and_an_address_still_validates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::connect(&format!("sqlite://{}", dir.path().join("t.db").display()))
        .await
        .expect("store");
    let mut doc = seed();
    let loc = &mut doc.locations[0];
    loc.address = Some(loket_domain::Address {
        address_1: "Voorbeeldstraat 1".into(),
        city: "Kerkrade".into(),
        postal_code: "6461 AA".into(),
        state_province: "Limburg".into(),
        country: "NL".into(),
    });
    loc.accessibility = Some(loket_domain::Text::new(
        "Rolstoeltoegankelijk",
        "Wheelchair accessible",
        "",
        "",
    ));
    let loc_id = loc.id.clone();
    let s = doc
        .services
        .iter_mut()
        .find(|s| s.locations.contains(&loc_id))
        .expect("a service at that location");
    s.phones.push(loket_domain::Phone {
        number: "+31 45 000 0000".into(),
        r#type: Some("voice".into()),
        description: loket_domain::Text::default(),
    });
    s.schedules.push(
        serde_json::from_value(serde_json::json!({
            "weekly": [{"days": ["MO", "TU"], "opens_at": "09:00:00", "closes_at": "12:30:00"}],
            "exceptions": [{"date": "2026-12-25", "description": {"nl": "Kerstmis"}}],
        }))
        .expect("schedule"),
    );
    let id = s.id.clone();
    store.import(&doc).await.expect("import");
    let router = loket_web::router(AppState::new(Arc::new(store)).await.expect("state"));
    let body = get(&router, &format!("/api/v1/services/{id}")).await.json();
    assert_eq!(body["schedules"][0]["byday"], "MO,TU");
    assert_eq!(body["schedules"][1]["valid_from"], "2026-12-25");
    assert_valid(
        &validator("service_with_definitions.json"),
        &body,
        "service with schedules",
    );
    let page = get(&router, &format!("/diensten/{id}")).await;
    assert!(
        page.body.contains("09:00 – 12:30"),
        "opening hours are shown"
    );
    assert!(
        page.body.contains("Kerstmis"),
        "the holiday exception is shown"
    );
}

#[tokio::test]
async fn every_regions_feed_is_strictly_valid_hsds_in_every_language() {
    let app = app().await;
    let full = validator("service_with_definitions.json");
    let listed = validator("service_list.json");
    let live: Vec<String> = app
        .state
        .index()
        .regions
        .live()
        .map(|r| r.code.clone())
        .collect();
    assert_eq!(live.len(), 2);
    for code in &live {
        for lang in ["nl", "en", "de", "fr", "pl"] {
            let page = get(
                &app.router,
                &format!("/api/v1/regions/{code}/services?per_page=100&full=true&lang={lang}"),
            )
            .await;
            assert_eq!(page.status, StatusCode::OK);
            let body = page.json();
            let items = body["contents"].as_array().expect("contents");
            assert!(!items.is_empty());
            for item in items {
                assert_valid(
                    &full,
                    item,
                    &format!("{code}'s service {} in {lang}", item["id"]),
                );
                assert!(
                    item["attributes"]
                        .as_array()
                        .expect("attributes")
                        .iter()
                        .any(|a| a["link_type"] == "labour-market-region"
                            && a["value"] == code.as_str()),
                    "{code}'s service {} states its region",
                    item["id"]
                );
            }
        }
        let summary = get(
            &app.router,
            &format!("/api/v1/regions/{code}/services?per_page=100"),
        )
        .await
        .json();
        for item in summary["contents"].as_array().expect("contents") {
            assert_valid(&listed, item, &format!("{code}'s listed service"));
        }
    }
    // The whole deployment's feed states the regions too (a national service: every live one).
    let uwv = seed()
        .services
        .into_iter()
        .find(|s| s.key == "uwv-ww")
        .expect("uwv");
    let body = get(&app.router, &format!("/api/v1/services/{}", uwv.id))
        .await
        .json();
    let mut regions: Vec<&str> = body["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .filter(|a| a["link_type"] == "labour-market-region")
        .map(|a| a["value"].as_str().expect("value"))
        .collect();
    regions.sort();
    assert_eq!(regions, ["midden-limburg", "zuid-limburg"]);
    assert_valid(&full, &body, "a national service");
}

#[tokio::test]
async fn service_list_pages_follow_the_hsds_envelope() {
    let app = app().await;
    let r = get(&app.router, "/api/v1/services?per_page=10&page=2").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["total_items"], seed().services.len());
    assert_eq!(body["page_number"], 2);
    assert_eq!(body["size"], 10);
    assert_eq!(body["first_page"], false);
    let schema = validator("service_list.json");
    for item in body["contents"].as_array().expect("contents") {
        assert_valid(&schema, item, "a listed service");
        assert!(item["organization"]["name"].is_string());
    }
    let full = get(&app.router, "/api/v1/services?per_page=10&full=true")
        .await
        .json();
    let schema = validator("service_with_definitions.json");
    for item in full["contents"].as_array().expect("contents") {
        assert_valid(&schema, item, "a listed full service");
        assert!(item["attributes"].as_array().is_some_and(|a| !a.is_empty()));
    }
    let minimal = get(&app.router, "/api/v1/services?per_page=100&minimal=true")
        .await
        .json();
    let first = minimal["contents"][0].as_object().expect("an item");
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        vec!["id", "last_modified"]
    );
    // Both asked: the smaller answer wins (the OpenAPI document cannot forbid the pair).
    let both = get(
        &app.router,
        "/api/v1/services?per_page=100&minimal=true&full=true",
    )
    .await
    .json();
    assert_eq!(both, minimal);
    let last = get(&app.router, "/api/v1/services?per_page=10&page=5")
        .await
        .json();
    assert_eq!(last["last_page"], true);
    assert_eq!(last["size"], seed().services.len() - 40);
}

#[tokio::test]
async fn api_search_finds_border_info_points_in_any_language() {
    let app = app().await;
    let seeded = seed();
    let gip: Vec<&str> = seeded
        .organizations
        .iter()
        .filter(|o| o.key.starts_with("gip-"))
        .map(|o| o.id.as_str())
        .collect();
    for word in ["Steuer", "belasting", "tax", "imp%C3%B4t"] {
        let body = get(&app.router, &format!("/api/v1/services?search={word}"))
            .await
            .json();
        let first = body["contents"][0]["organization_id"]
            .as_str()
            .expect("a first result");
        assert!(
            gip.contains(&first),
            "{word}: first result is not a border info point"
        );
    }
}

#[tokio::test]
async fn invalid_parameters_are_all_named_in_one_problem() {
    let app = app().await;
    let r = get(
        &app.router,
        "/api/v1/services?page=0&per_page=1000&modified_after=yesterday&colour=blue&lang=xx",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let names: Vec<String> = r.json()["invalidParams"]
        .as_array()
        .expect("invalidParams")
        .iter()
        .map(|p| p["name"].as_str().unwrap_or("").to_string())
        .collect();
    for expected in ["page", "per_page", "modified_after", "colour", "lang"] {
        assert!(
            names.contains(&expected.to_string()),
            "{expected} missing from {names:?}"
        );
    }
}

#[tokio::test]
async fn unknown_ids_are_404_problems() {
    let app = app().await;
    for uri in [
        "/api/v1/services/nope",
        "/api/v1/organizations/nope",
        "/api/v1/taxonomy_terms/nope",
        "/api/v1/taxonomies/nope",
        "/api/v1/service_at_locations/nope",
        "/api/v1/no-such-thing",
    ] {
        let r = get(&app.router, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(
            r.header("content-type"),
            "application/problem+json",
            "{uri}"
        );
        assert_eq!(r.json()["status"], 404);
    }
}

#[tokio::test]
async fn filters_by_organization_term_and_modification_date() {
    let app = app().await;
    let doc = seed();
    let org = doc
        .organizations
        .iter()
        .find(|o| o.key == "expat-centre")
        .expect("expat centre");
    let body = get(
        &app.router,
        &format!("/api/v1/services?organization_id={}", org.id),
    )
    .await
    .json();
    assert_eq!(
        body["total_items"],
        doc.services
            .iter()
            .filter(|s| s.organization_id == org.id)
            .count()
    );
    let housing = doc
        .taxonomy_terms
        .iter()
        .find(|t| t.code == "housing")
        .expect("housing");
    let body = get(
        &app.router,
        &format!("/api/v1/services?full=true&taxonomy_term_id={}", housing.id),
    )
    .await
    .json();
    for s in body["contents"].as_array().expect("contents") {
        assert!(
            s["attributes"]
                .as_array()
                .expect("attributes")
                .iter()
                .any(|a| a["taxonomy_term_id"] == housing.id.as_str())
        );
    }
    assert!(body["total_items"].as_u64().unwrap_or(0) >= 2);
    let body = get(
        &app.router,
        "/api/v1/services?modified_after=2030-01-01T00:00:00Z",
    )
    .await
    .json();
    assert_eq!(body["total_items"], 0);
    let body = get(&app.router, "/api/v1/services?modified_after=2020-01-01")
        .await
        .json();
    assert_eq!(body["total_items"], doc.services.len());
}

#[tokio::test]
async fn service_at_locations_by_postcode_and_proximity() {
    let app = app().await;
    // 6411 is Heerlen: services covering Parkstad, South Limburg, Limburg or NL.
    let body = get(
        &app.router,
        "/api/v1/service_at_locations?postcode=6411%20AB",
    )
    .await
    .json();
    let total = body["total_items"].as_u64().unwrap_or(0);
    assert!(total > 5);
    let near = get(
        &app.router,
        "/api/v1/service_at_locations?postcode=6411AB&proximity=15000&per_page=100",
    )
    .await
    .json();
    let near_total = near["total_items"].as_u64().unwrap_or(0);
    assert!(
        near_total > 0 && near_total < total,
        "proximity narrows: {near_total} of {total}"
    );
    for sal in near["contents"].as_array().expect("contents") {
        let (la, lo) = (
            sal["location"]["latitude"].as_f64().expect("lat"),
            sal["location"]["longitude"].as_f64().expect("lon"),
        );
        let km = ((la - 50.89).powi(2) + ((lo - 5.98) * 0.63).powi(2)).sqrt() * 111.0;
        assert!(km < 16.0, "{} is {km:.0} km away", sal["location"]["name"]);
    }
    let id = near["contents"][0]["id"].as_str().expect("id").to_string();
    assert_eq!(
        get(&app.router, &format!("/api/v1/service_at_locations/{id}"))
            .await
            .status,
        StatusCode::OK
    );
    let r = get(
        &app.router,
        "/api/v1/service_at_locations?postcode=12AB34&proximity=far",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["invalidParams"].as_array().map(Vec::len), Some(2));
    // Amsterdam is a postcode, but no service here covers it.
    let r = get(&app.router, "/api/v1/service_at_locations?postcode=1012AB").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["total_items"], 0);
}

#[tokio::test]
async fn organizations_and_taxonomies() {
    let app = app().await;
    let doc = seed();
    let body = get(&app.router, "/api/v1/organizations?per_page=100")
        .await
        .json();
    assert_eq!(body["total_items"], doc.organizations.len());
    let body = get(&app.router, "/api/v1/organizations?search=grens")
        .await
        .json();
    assert!(body["total_items"].as_u64().unwrap_or(0) >= 3);
    let body = get(&app.router, "/api/v1/taxonomies").await.json();
    assert_eq!(body["total_items"], 3);
    let body = get(
        &app.router,
        "/api/v1/taxonomy_terms?taxonomy_id=channel&lang=de",
    )
    .await
    .json();
    assert_eq!(body["total_items"], 5);
    assert!(
        body["contents"]
            .as_array()
            .expect("contents")
            .iter()
            .any(|t| t["name"] == "Telefon")
    );
}

#[tokio::test]
async fn openapi_document_lists_every_endpoint() {
    let app = app().await;
    let doc = get(&app.router, "/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap_or("").starts_with("3.1"));
    for path in [
        "/api/v1/services",
        "/api/v1/services/{id}",
        "/api/v1/organizations",
        "/api/v1/taxonomies",
        "/api/v1/taxonomy_terms",
        "/api/v1/service_at_locations",
        "/api/v1/catalogue",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    // Every API route of the route table is documented.
    for entry in loket_web::routes::route_table() {
        let documented = ["/api/v1", "/api/v1/", "/api/v1/openapi.json"];
        if entry.path.starts_with("/api/v1/") && !documented.contains(&entry.path) {
            let method = entry.method.to_lowercase();
            assert!(
                doc["paths"][entry.path].get(&method).is_some(),
                "{} {} is not in the OpenAPI document",
                entry.method,
                entry.path
            );
        }
    }
    let root = get(&app.router, "/api/v1/").await;
    assert_eq!(root.json()["version"], "3.1");
}

#[tokio::test]
async fn api_responses_carry_the_required_headers() {
    let app = app().await;
    let r = get(&app.router, "/api/v1/services").await;
    assert!(!r.header("api-version").is_empty());
    assert_eq!(r.header("cache-control"), "no-store");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert!(
        r.header("content-security-policy")
            .contains("frame-ancestors 'none'")
    );
    let page = get(&app.router, "/").await;
    assert!(
        page.header("content-security-policy")
            .contains("default-src 'none'")
    );
}

#[tokio::test]
async fn cors_is_open_on_the_feeds_and_an_allowlist_elsewhere() {
    let app = app().await;
    let router = loket_web::router(
        app.state
            .clone()
            .with_cors_origins(vec!["https://www.werkcentrum.example".into()]),
    );
    let allowed = get_with(
        &router,
        "/api/v1/services",
        &[("origin", "https://www.werkcentrum.example")],
    )
    .await;
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        "https://www.werkcentrum.example"
    );
    // The open feeds are readable from any page, without credentials.
    for feed in [
        "/api/v1/services",
        "/api/v1/regions",
        "/api/v1/regions/midden-limburg/services",
        "/api/v1/openapi.json",
    ] {
        let other = get_with(&router, feed, &[("origin", "https://someone.example")]).await;
        assert_eq!(other.header("access-control-allow-origin"), "*", "{feed}");
        assert_eq!(other.status, StatusCode::OK, "{feed}");
    }
    // Anything else only for the allowlist.
    let private = get_with(
        &router,
        "/api/v1/referrals",
        &[("origin", "https://evil.example")],
    )
    .await;
    assert_eq!(private.header("access-control-allow-origin"), "");
}

#[tokio::test]
async fn multilingual_document_round_trips_through_the_api() {
    let app = app().await;
    let body = get(&app.router, "/api/v1/catalogue").await.body;
    let doc = loket_domain::CatalogueDocument::parse(&body).expect("a valid catalogue document");
    assert_eq!(doc.normalized(), seed().normalized());
}

#[tokio::test]
async fn pages_speak_dutch_by_default_and_follow_the_visitor() {
    let app = app().await;
    let home = get(&app.router, "/").await;
    assert!(home.body.contains("<html lang=\"nl\" "));
    assert!(home.body.contains("Waar kunt u terecht"));
    let de = get_with(
        &app.router,
        "/",
        &[("accept-language", "de-DE,de;q=0.9,en;q=0.5")],
    )
    .await;
    assert!(de.body.contains("<html lang=\"de\" "));
    // A browser asking only for a language loket does not offer gets English, not Dutch.
    let japanese = get_with(&app.router, "/", &[("accept-language", "ja-JP,ja;q=0.9")]).await;
    assert!(japanese.body.contains("<html lang=\"en\" "));
    let chosen = get_with(&app.router, "/?lang=fr", &[("accept-language", "de")]).await;
    assert!(chosen.body.contains("<html lang=\"fr\" "));
    let cookie = chosen
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap_or("")
        .to_string();
    assert_eq!(cookie, "loket_lang=fr");
    let later = get_with(
        &app.router,
        "/diensten",
        &[("cookie", &cookie), ("accept-language", "de")],
    )
    .await;
    assert!(
        later.body.contains("<html lang=\"fr\" "),
        "the explicit choice sticks"
    );
    let api = get(&app.router, "/api/v1/services?lang=de").await;
    assert_eq!(api.header("set-cookie"), "", "the API sets no cookie");
}

#[tokio::test]
async fn search_page_lists_border_info_points_first_and_filters_by_region() {
    let app = app().await;
    for word in ["Steuer", "belasting", "tax"] {
        let page = get(&app.router, &format!("/diensten?q={word}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let first = page
            .body
            .split("class=\"result card\"")
            .nth(1)
            .expect("a result");
        assert!(
            first.contains("Grensinfopunt") || first.contains("GrenzInfoPunkt"),
            "{word}: {first}"
        );
    }
    let page = get(&app.router, "/diensten?area=ostbelgien&lang=de").await;
    assert!(
        page.body
            .contains("Arbeitssuche in der Deutschsprachigen Gemeinschaft")
    );
    assert!(
        !page
            .body
            .contains("Arbeitssuche und Weiterbildung in Flandern")
    );
}

#[tokio::test]
async fn search_forgives_typos_and_a_search_without_results_leads_on() {
    let app = app().await;
    // A typo still finds the services, and the page offers the corrected query.
    let typo = get(&app.router, "/diensten?q=belastng&lang=nl").await;
    assert_eq!(typo.status, StatusCode::OK);
    assert!(typo.body.contains("class=\"result card\""), "{}", typo.body);
    assert!(typo.body.contains("Bedoelde u"), "did you mean");
    assert!(
        typo.body.contains("q=belasting"),
        "the corrected query as a link"
    );
    // Polish words reach the labour migrants' information point.
    let polish = get(&app.router, "/diensten?q=mieszkanie&lang=en").await;
    assert!(
        polish
            .body
            .contains("Information point for labour migrants")
    );
    // Nothing found: the front door and the regional generalists, never a dead end.
    let nothing = get(&app.router, "/diensten?q=qwxzvbn&lang=en").await;
    assert_eq!(nothing.status, StatusCode::OK);
    assert!(nothing.body.contains("No services found."));
    assert!(nothing.body.contains("href=\"/voordeur?lang=en\""));
    assert!(
        nothing
            .body
            .contains("Walk-in advice on work, training and careers")
    );
}

#[tokio::test]
async fn bad_filters_re_render_with_errors_next_to_their_fields() {
    let app = app().await;
    let long = "x".repeat(300);
    let page = get(
        &app.router,
        &format!("/diensten?topic=astrology&area=atlantis&q={long}&lang=de"),
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body
            .contains("id=\"topic-error\">Wählen Sie einen Wert aus der Liste.")
    );
    assert!(
        page.body
            .contains("id=\"area-error\">Wählen Sie einen Wert aus der Liste.")
    );
    assert!(
        page.body
            .contains("id=\"q-error\">Verwenden Sie höchstens 200 Zeichen.")
    );
    assert!(page.body.contains("aria-describedby=\"topic-error\""));
    assert!(page.body.contains(&long), "the visitor's input is kept");
}

#[tokio::test]
async fn output_is_escaped() {
    let app = app().await;
    let page = get(
        &app.router,
        "/diensten?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    )
    .await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&#60;script&#62;") || page.body.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn service_and_organization_pages() {
    let app = app().await;
    let doc = seed();
    let s = doc
        .services
        .iter()
        .find(|s| s.key == "expat-fast-track")
        .expect("service");
    let page = get(&app.router, &format!("/diensten/{}?lang=en", s.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Fast Track registration and BSN"));
    assert!(page.body.contains("IND recognised sponsor"));
    assert!(page.body.contains("Not yet checked by the organisation."));
    let org = get(&app.router, &format!("/organisaties/{}", s.organization_id)).await;
    assert!(org.body.contains("Expat Centre Maastricht Region"));
    assert!(org.body.contains(&format!("/diensten/{}", s.id)));
    assert_eq!(
        get(&app.router, "/diensten/nope").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app.router, "/organisaties/nope?lang=de").await.status,
        StatusCode::NOT_FOUND
    );
    let a11y = get(&app.router, "/toegankelijkheid").await;
    assert!(a11y.body.contains("(WCAG) 2.2"));
    let missing = get(&app.router, "/no/such/page?lang=en").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"));
}

#[tokio::test]
async fn catalogue_changes_reach_the_index() {
    let app = app().await;
    let mut doc = seed();
    doc.services[0].name.nl = Some("Hernoemde dienst".into());
    app.state.store.import(&doc).await.expect("import");
    assert!(app.state.refresh().await.expect("refresh"));
    let body = get(
        &app.router,
        &format!("/api/v1/services/{}", doc.services[0].id),
    )
    .await
    .json();
    assert_eq!(body["name"], "Hernoemde dienst");
    assert!(!app.state.refresh().await.expect("refresh"), "nothing new");
}

#[tokio::test]
async fn health_and_readiness() {
    let app = app().await;
    assert_eq!(get(&app.router, "/healthz").await.status, StatusCode::OK);
    let ready = get(&app.router, "/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.json()["migrations"], "applied");
    assert_eq!(
        ready.json()["commits"],
        "durable",
        "SQLite with synchronous=FULL"
    );
    let css = get(&app.router, "/static/loket.css").await;
    assert!(
        css.header(header::CONTENT_TYPE.as_str())
            .starts_with("text/css")
    );
    assert!(css.body.contains("--color-primary"));
}

#[tokio::test]
async fn the_api_serves_the_seeded_catalogue_on_postgres_too() {
    let db = loket_store_postgres::testing::TempDatabase::create()
        .await
        .expect("test database");
    let store = loket_store_postgres::PostgresStore::connect(&db.url)
        .await
        .expect("connect");
    store.import(&seed()).await.expect("seed");
    let store = Arc::new(store);
    let router = loket_web::router(AppState::new(store.clone()).await.expect("state"));
    let body = get(&router, "/api/v1/services?search=Steuer").await.json();
    let ready = get(&router, "/readyz").await.json();
    store.close().await;
    db.drop_database().await;
    assert!(body["total_items"].as_u64().unwrap_or(0) > 2);
    assert_eq!(ready["backend"], "postgres");
    assert_eq!(
        ready["commits"], "durable",
        "fsync and synchronous_commit on"
    );
}

#[test]
fn every_message_key_used_by_pages_exists_in_every_language() {
    let i18n = loket_i18n::I18n::load().expect("messages");
    let dir = env!("CARGO_MANIFEST_DIR");
    // Every page handler and every template, in all their folders.
    fn read_all(dir: &std::path::Path, sources: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                read_all(&path, sources);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                sources.push(std::fs::read_to_string(&path).expect("source"));
            }
        }
    }
    let mut sources = Vec::new();
    read_all(
        std::path::Path::new(&format!("{dir}/src/pages")),
        &mut sources,
    );
    read_all(
        std::path::Path::new(&format!("{dir}/templates")),
        &mut sources,
    );
    let mut keys = Vec::new();
    for source in &sources {
        for call in [".t(\"", ".s(\"", ".n(\""] {
            for (at, _) in source.match_indices(call) {
                let rest = &source[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if key.contains('-') && key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    {
                        keys.push(key.to_string());
                    }
                }
            }
        }
    }
    assert!(keys.len() > 40, "found only {} keys", keys.len());
    for lang in ["nl", "en", "de", "fr"] {
        let known = i18n.keys(lang);
        let missing: Vec<_> = keys.iter().filter(|k| !known.contains(k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

// ---------------------------------------------------------------- the front door

#[tokio::test]
async fn the_front_door_asks_one_question_at_a_time_and_redirects_to_the_result() {
    let app = app().await;
    let first = get(&app.router, "/voordeur?lang=en").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("data-question=\"who\""));
    assert!(first.body.contains("Who are you?"));
    let conditional = get(&app.router, "/voordeur?who=labour-migrant&lang=en").await;
    assert!(
        conditional.body.contains("data-question=\"nationality\""),
        "labour migrants are asked their nationality"
    );
    let employer = get(&app.router, "/voordeur?who=employer&lang=en").await;
    assert!(
        employer.body.contains("data-question=\"company\""),
        "employers are asked where their company is"
    );
    let done = get(
        &app.router,
        "/voordeur?who=job-seeker&live=GM0957&work=none&topic=job-search&languages=nl&channel=",
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(done.header("location").starts_with("/voordeur/resultaat?"));
}

/// The step never jumps (no total that grows once the path is known), and
/// "previous question" shows that question with the answer still chosen.
#[tokio::test]
async fn previous_question_keeps_the_answer_and_the_step_count_only_grows() {
    let app = app().await;
    let first = get(&app.router, "/voordeur?lang=en").await;
    assert!(
        first.body.contains("<p class=\"step\">Question 1</p>"),
        "{}",
        first.body
    );
    let second = get(&app.router, "/voordeur?who=labour-migrant&lang=en").await;
    assert!(second.body.contains("<p class=\"step\">Question 2</p>"));
    let back = second
        .body
        .split("<a href=\"")
        .find_map(|a| {
            let (href, rest) = a.split_once('"')?;
            rest.starts_with(">Previous question")
                .then(|| href.replace("&amp;", "&").replace("&#38;", "&"))
        })
        .expect("a previous-question link");
    assert!(back.contains("who=labour-migrant"), "{back}");
    let again = get(&app.router, &back).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(
        again.body.contains("data-question=\"who\""),
        "the earlier question again: {back} {}",
        again.body.split("<main").nth(1).unwrap_or("")
    );
    assert!(
        again.body.contains("value=\"labour-migrant\" checked"),
        "with the answer still chosen"
    );
    assert!(again.body.contains("<p class=\"step\">Question 1</p>"));
}

#[tokio::test]
async fn tampered_front_door_links_return_to_the_question_with_a_message() {
    let app = app().await;
    let r = get(&app.router, "/voordeur/resultaat?who=job-seeker&live=atlantis&work=none&topic=job-search&languages=&channel=&lang=fr").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("data-question=\"live\""));
    assert!(r.body.contains("Choisissez un lieu dans la liste."));
    let r = get(&app.router, "/voordeur?who=astronaut&lang=nl").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("data-question=\"who\""));
    assert!(r.body.contains("Kies een van de antwoorden."));
    let r = get(&app.router, "/voordeur?who=worker&colour=blue&lang=en").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("This link was not quite right."));
    let r = get(
        &app.router,
        "/voordeur?who=worker&live=&live_postcode=99ZZ&lang=de",
    )
    .await;
    assert!(r.body.contains("Diese Postleitzahl kennen wir nicht."));
    // A Dutch postcode outside the region is no dead end: the visitor lives in
    // the Netherlands, and the next question follows.
    let r = get(
        &app.router,
        "/voordeur?who=worker&live=&live_postcode=9999ZZ&lang=de",
    )
    .await;
    assert!(!r.body.contains("Diese Postleitzahl kennen wir nicht."));
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{}",
        r.status
    );
    let huge = format!("/voordeur/resultaat?who={}", "x".repeat(20_000));
    assert_eq!(
        get(&app.router, &huge).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_result_page_explains_each_service_and_counts_the_combination() {
    let app = app().await;
    let url = "/voordeur/resultaat?who=cross-border-worker&live=DE05334002&work=GM0917&topic=health-insurance&languages=de&channel=&lang=en";
    let r = get(&app.router, url).await;
    assert_eq!(r.status, StatusCode::OK);
    let first = r
        .body
        .split("<li class=\"result card\">")
        .nth(1)
        .expect("a result");
    assert!(first.contains("GrenzInfoPunkt Aachen-Eurode"));
    assert!(first.contains("Works for Aachen, where you live, and for Heerlen, where you work."));
    assert!(first.contains("Opening hours not known yet."));
    assert!(
        r.body.contains("name=\"token\""),
        "the feedback form carries a token"
    );
    app.state.flush_insight().await.expect("flush");
    let counts = app
        .state
        .store
        .route_counts(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
            None,
        )
        .await
        .expect("counts");
    assert_eq!(counts.len(), 1);
    assert!(counts[0].combination.contains("topic=health-insurance"));
    assert!(
        !counts[0].combination.contains("lang="),
        "the language is not part of the combination"
    );
}

#[tokio::test]
async fn feedback_needs_a_valid_token_and_keeps_the_text_on_error() {
    let app = app().await;
    let post = |body: String| {
        let router = app.router.clone();
        async move {
            let req = Request::post("/voordeur/feedback?lang=en")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request");
            let res = router.oneshot(req).await.expect("response");
            let status = res.status();
            let bytes = res.into_body().collect().await.expect("body").to_bytes();
            (status, String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    let (status, body) = post("token=forged&comment=hello&answers=who%3Dworker".into()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no valid CSRF token: 403");
    assert!(body.contains("The form had expired."));
    assert!(
        body.contains(">hello</textarea>"),
        "the visitor's text is kept"
    );
    let page = get(
        &app.router,
        "/voordeur/resultaat?who=worker&live=GM0935&work=GM0935&topic=other&languages=&channel=",
    )
    .await;
    let token = page
        .body
        .split("name=\"token\" value=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("token")
        .to_string();
    let (status, body) = post(format!(
        "token={token}&comment={}&answers=who%3Dworker",
        "x".repeat(1001)
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Use at most 1000 characters."));
    let (status, body) = post(format!(
        "token={token}&comment=Vrijwilligerswerk%20%3Cb%3E&answers=who%3Dworker"
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Thank you."));
    let (status, _) = post(format!(
        "token={token}&comment=spam&website=http%3A%2F%2Fspam.example&answers=x"
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "robots are thanked");
    let stored = app
        .state
        .store
        .feedback(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
            10,
            None,
        )
        .await
        .expect("feedback");
    assert_eq!(stored.len(), 1, "only the real feedback is kept");
    assert_eq!(stored[0].comment, "Vrijwilligerswerk <b>");
    let coordinator = session_cookie(&app.state, Role::Coordinator, None).await;
    let insight = get_with(
        &app.router,
        "/coordinator/voordeur",
        &[("cookie", &coordinator)],
    )
    .await;
    assert!(
        insight.body.contains("Vrijwilligerswerk &#60;b&#62;")
            || insight.body.contains("Vrijwilligerswerk &lt;b&gt;"),
        "escaped"
    );
}

async fn post_json(router: &Router, uri: &str, body: &str) -> Reply {
    let req = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("request");
    let res = router.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[tokio::test]
async fn the_routing_api_ranks_explains_and_names_every_bad_answer() {
    let app = app().await;
    let r = post_json(&app.router, "/api/v1/front-door/routes?lang=en", r#"{"who":"cross-border-worker","live_postcode":"3620","work":"GM0935","topic":"unemployment-benefit","languages":["nl"]}"#).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["fell_back"], false);
    assert_eq!(
        body["answers"]["live"], "BE73042",
        "the postcode is resolved to Lanaken"
    );
    let first = &body["results"][0];
    assert_eq!(
        first["service"]["organization"]["name"],
        "Grensinfopunt Maastricht"
    );
    let codes: Vec<&str> = first["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"residence-country") && codes.contains(&"serves-both"),
        "{codes:?}"
    );
    assert_eq!(first["reasons"][0]["text"], "For: Cross-border worker.");
    assert!(
        body["result_page"]
            .as_str()
            .unwrap_or("")
            .starts_with("/voordeur/resultaat?who=cross-border-worker")
    );

    let bad = post_json(
        &app.router,
        "/api/v1/front-door/routes",
        r#"{"who":"employer","live":"GM0935","company":12,"topic":"astrology","colour":"blue"}"#,
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.header("content-type"), "application/problem+json");
    let names: Vec<String> = bad.json()["invalidParams"]
        .as_array()
        .expect("invalidParams")
        .iter()
        .filter_map(|p| p["name"].as_str().map(String::from))
        .collect();
    for expected in ["company", "topic", "colour", "live", "size"] {
        assert!(
            names.contains(&expected.to_string()),
            "{expected} not in {names:?}"
        );
    }
    for body in ["", "[]", "{\"who\": ", "null"] {
        assert_eq!(
            post_json(&app.router, "/api/v1/front-door/routes", body)
                .await
                .status,
            StatusCode::BAD_REQUEST,
            "{body:?}"
        );
    }
    let nothing = post_json(
        &app.router,
        "/api/v1/front-door/routes",
        r#"{"who":"worker","live":"GM0917","work":"none","topic":"other"}"#,
    )
    .await
    .json();
    assert_eq!(nothing["fell_back"], true);
    assert_eq!(nothing["results"][0]["reasons"][0]["code"], "generalist");
    let questions = get(&app.router, "/api/v1/front-door/questions")
        .await
        .json();
    assert_eq!(questions["questions"][0]["id"], "who");
    assert_eq!(
        get(&app.router, "/api/v1/front-door/insights").await.status,
        StatusCode::UNAUTHORIZED,
        "aggregates are for the coordinator and funders"
    );
    let funder = session_cookie(&app.state, Role::Funder, None).await;
    let insights = get_with(
        &app.router,
        "/api/v1/front-door/insights",
        &[("cookie", &funder)],
    )
    .await
    .json();
    assert_eq!(insights["total"], 2);
    assert!(
        insights["combinations"]
            .as_array()
            .expect("combinations")
            .iter()
            .any(|c| c["fell_back"] == true)
    );
    assert_eq!(
        get_with(
            &app.router,
            "/api/v1/front-door/insights?since=yesterday",
            &[("cookie", &funder)]
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_privacy_statement_comes_from_the_register() {
    let app = app().await;
    let page = get(&app.router, "/privacy?lang=en").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Feedback on the digital front door"));
    assert!(page.body.contains("Public task"));
    assert!(
        page.body.contains("1 year after your last activity"),
        "talent matching runs from the last activity"
    );
    assert!(
        page.body
            .contains("Matching international talent with employers"),
        "talent matching is listed"
    );
    assert!(
        !page.body.contains("not yet in use"),
        "every activity is in use now, talent matching included"
    );
    let de = get(&app.router, "/privacy?lang=de").await;
    assert!(de.body.contains("Datenschutzerklärung") && de.body.contains("2 Jahre"));
}

/// One error path: when the database stops answering, a page says so in the
/// visitor's language (503, nothing lost, try again at the same address), the
/// same for every language; the public catalogue, served from memory, still works.
#[tokio::test]
async fn a_database_that_stops_answering_gives_the_localized_503_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::connect(&format!("sqlite://{}", dir.path().join("t.db").display()))
        .await
        .expect("store");
    store.import(&seed()).await.expect("seed");
    let store = Arc::new(store);
    let router = loket_web::router(AppState::new(store.clone()).await.expect("state"));
    store.close().await;
    for (lang, title, retry) in [
        ("de", "Vorübergehend nicht erreichbar", "Erneut versuchen"),
        ("nl", "Even niet bereikbaar", "Opnieuw proberen"),
        ("en", "Temporarily unavailable", "Try again"),
        ("fr", "Momentanément indisponible", "Réessayer"),
    ] {
        let page = get_with(&router, "/vacatures?q=nurse", &[("accept-language", lang)]).await;
        assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{lang}");
        assert!(
            page.header("content-type").starts_with("text/html"),
            "{lang}"
        );
        assert!(
            page.body.contains(&format!("<html lang=\"{lang}\"")),
            "{lang}: {}",
            page.body
        );
        assert!(page.body.contains(title), "{lang}: {}", page.body);
        assert!(
            page.body
                .contains(&format!("<a href=\"/vacatures?q=nurse\">{retry}</a>")),
            "{lang}: {}",
            page.body
        );
    }
    let catalogue = get(&router, "/diensten?q=belasting").await;
    assert_eq!(catalogue.status, StatusCode::OK);
}
