#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! A region's coordinator keeps its own region: rewords a front-door question and
//! takes a service off the menu; South Limburg's front door stays as it was; a
//! colour white text cannot be read on is refused next to its field; another
//! region's pages are refused.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use support::{Client, app, signed_in_for};

const WIN: &str = "win-info"; // the labour-migrant information point, on both menus

#[tokio::test]
async fn midden_limburgs_coordinator_changes_only_midden_limburg() {
    let app = app().await;
    let (mut coordinator, _) =
        signed_in_for(&app.state, Role::Coordinator, None, Some("midden-limburg")).await;
    let win = app
        .state
        .index()
        .services()
        .iter()
        .find(|s| s.key == WIN)
        .expect("service")
        .clone();

    // The menu: take the information point off Midden-Limburg's.
    let page = coordinator
        .get(&app.router, "/beheer/regio/midden-limburg?lang=en")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Central Limburg: menu and look"));
    let removed = coordinator
        .post(
            &app.router,
            "/beheer/regio/midden-limburg?lang=en",
            &[
                ("token", &page.input("token")),
                ("version", &page.input("version")),
                ("action", "remove"),
                ("service", &win.id),
            ],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let visitor = Client::default()
        .get(&app.router, "/regio/midden-limburg?lang=en")
        .await;
    assert!(!visitor.body.contains(&format!("/diensten/{}", win.id)));
    let south = Client::default()
        .get(&app.router, "/regio/zuid-limburg?lang=en")
        .await;
    assert!(
        south.body.contains(&format!("/diensten/{}", win.id)),
        "South Limburg's menu is unchanged"
    );

    // A stale form is a conflict; a colour too light is refused next to its field.
    let stale = coordinator
        .post(
            &app.router,
            "/beheer/regio/midden-limburg?lang=en",
            &[
                ("token", &page.input("token")),
                ("version", &page.input("version")),
                ("action", "look"),
                ("name", "loket Midden-Limburg"),
                ("colour", "#123456"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let fresh = coordinator
        .get(&app.router, "/beheer/regio/midden-limburg?lang=en")
        .await;
    let light = coordinator
        .post(
            &app.router,
            "/beheer/regio/midden-limburg?lang=en",
            &[
                ("token", &fresh.input("token")),
                ("version", &fresh.input("version")),
                ("action", "look"),
                ("name", "loket Midden-Limburg"),
                ("colour", "#ffee00"),
            ],
        )
        .await;
    assert_eq!(light.status, StatusCode::BAD_REQUEST);
    assert!(light.body.contains("id=\"colour-error\""));
    assert!(
        light
            .body
            .contains("White text cannot be read on this colour")
    );
    assert!(
        light.body.contains("value=\"#ffee00\""),
        "what was typed is kept"
    );

    // The wording: Midden-Limburg's question changes, South Limburg's does not.
    let form = coordinator
        .get(
            &app.router,
            "/beheer/regio/midden-limburg/voordeur?taal=en&lang=en",
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let mut pairs: Vec<(String, String)> = app
        .state
        .flow_of(Some("midden-limburg"))
        .texts(loket_domain::Lang::En)
        .into_iter()
        .collect();
    pairs.push(("token".into(), form.input("token")));
    pairs.push(("version".into(), form.input("version")));
    pairs.push(("taal".into(), "en".into()));
    for (k, v) in pairs.iter_mut() {
        if k == "q.who.text" {
            *v = "Who are you, in Central Limburg?".into();
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = coordinator
        .post(
            &app.router,
            "/beheer/regio/midden-limburg/voordeur",
            &borrowed,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let ml = Client::default()
        .get(&app.router, "/regio/midden-limburg/voordeur?lang=en")
        .await;
    assert!(ml.body.contains("Who are you, in Central Limburg?"));
    for other in ["/regio/zuid-limburg/voordeur?lang=en", "/voordeur?lang=en"] {
        let page = Client::default().get(&app.router, other).await;
        assert!(!page.body.contains("in Central Limburg?"), "{other}");
    }

    // South Limburg's pages are not this coordinator's.
    for path in [
        "/beheer/regio/zuid-limburg",
        "/beheer/regio/zuid-limburg/voordeur",
        "/beheer/voordeur",
    ] {
        let refused = coordinator.get(&app.router, path).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn a_regions_coordinator_gives_it_a_logo_and_a_file_that_is_no_image_is_refused() {
    let app = app().await;
    let (mut coordinator, _) =
        signed_in_for(&app.state, Role::Coordinator, None, Some("midden-limburg")).await;
    let page = coordinator
        .get(&app.router, "/beheer/regio/midden-limburg?lang=en")
        .await;
    assert!(
        page.body
            .contains("No logo yet: the header shows the name only.")
    );
    let fields = |page: &support::Reply| (page.input("token"), page.input("version"));

    // A GIF renamed to .png is refused next to the field; nothing changes.
    let (token, version) = fields(&page);
    let refused = coordinator
        .post_multipart(
            &app.router,
            "/beheer/regio/midden-limburg/logo?lang=en",
            &[("token", &token), ("version", &version)],
            Some(("logo", "logo.png", b"GIF89a\x01\x00\x01\x00")),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("<p class=\"field-error\" id=\"logo-error\">Choose a PNG or SVG image.</p>")
    );
    let missing = Client::default()
        .get(&app.router, "/regio/midden-limburg/logo")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // An SVG: in Midden-Limburg's header, not in South Limburg's.
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" r="2" fill="#fff"/></svg>"##;
    let (token, version) = fields(&refused);
    let saved = coordinator
        .post_multipart(
            &app.router,
            "/beheer/regio/midden-limburg/logo?lang=en",
            &[("token", &token), ("version", &version)],
            Some(("logo", "logo.svg", svg)),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let mut visitor = Client::default();
    let home = visitor
        .get(&app.router, "/regio/midden-limburg?lang=en")
        .await;
    assert!(
        home.body
            .contains("<img src=\"/regio/midden-limburg/logo\" alt=\"\" class=\"logo\">")
    );
    let image = visitor.get(&app.router, "/regio/midden-limburg/logo").await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.headers["content-type"], "image/svg+xml");
    assert_eq!(image.body.as_bytes(), svg);
    let south = visitor
        .get(&app.router, "/regio/zuid-limburg?lang=en")
        .await;
    assert!(!south.body.contains("/logo\" alt=\"\" class=\"logo\""));

    // Removed again: the name alone.
    let page = coordinator
        .get(&app.router, "/beheer/regio/midden-limburg?lang=en")
        .await;
    assert!(page.body.contains("alt=\"The current logo\""));
    let (token, version) = fields(&page);
    let removed = coordinator
        .post_multipart(
            &app.router,
            "/beheer/regio/midden-limburg/logo?lang=en",
            &[("token", &token), ("version", &version), ("remove", "1")],
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let gone = visitor.get(&app.router, "/regio/midden-limburg/logo").await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);

    // South Limburg's logo is not this coordinator's to change.
    let other = coordinator
        .post_multipart(
            &app.router,
            "/beheer/regio/zuid-limburg/logo?lang=en",
            &[("token", &token), ("version", "1")],
            Some(("logo", "logo.svg", svg)),
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}
