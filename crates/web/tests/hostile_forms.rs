#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Property test over every form and JSON endpoint: any body, in any content type,
//! posted anonymously to the public ones and by signed-in staff, an organisation
//! admin, the coordinator and the platform admin (with their session's form
//! token) to every other, is answered without a server error (and without a
//! panic): a page with its errors, a 4xx problem, or the saved result.

mod support;

use axum::body::Body;
use axum::http::{Request, header};
use proptest::prelude::*;
use std::sync::OnceLock;
use tower::ServiceExt;

struct Fixture {
    runtime: tokio::runtime::Runtime,
    app: support::TestApp,
    /// Each route with the form token that gets a body past the CSRF check to
    /// the form's own parsing (empty when none), and the session cookie to send.
    routes: Vec<(String, String, Option<String>)>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let app = runtime.block_on(support::app());
        let service = app.state.index().services()[0].id.clone();
        let org = app.state.index().services()[0].organization_id.clone();
        // An event of that organisation, so its forms are reached, not 404s.
        let (event, date) = runtime.block_on(support::event_of(&app, &org, "zuid-limburg"));
        let path_of = |path: &str| {
            let id = if path.contains("/evenementen/datum/") {
                &date
            } else if path.contains("/evenementen/") {
                &event
            } else {
                &service
            };
            path.replace("{id}", id).replace("{token}", "some-token")
        };
        let paths: Vec<String> = loket_web::routes::route_table()
            .into_iter()
            .filter(|r| r.method == "POST" && r.access == loket_web::routes::Access::Public)
            .map(|r| path_of(r.path))
            .collect();
        let mut routes: Vec<(String, String, Option<String>)> = paths
            .into_iter()
            .map(|path| {
                let page = runtime.block_on(support::Client::default().get(&app.router, &path));
                let token = page
                    .body
                    .split("name=\"token\" value=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or("")
                    .to_string();
                (path, token, None)
            })
            .collect();
        // Everything else, as the roles that work there.
        let staff_routes: Vec<String> = loket_web::routes::route_table()
            .into_iter()
            .filter(|r| r.method == "POST" && r.access != loket_web::routes::Access::Public)
            .map(|r| path_of(r.path))
            .collect();
        use loket_domain::account::Role;
        for (role, own) in [
            (Role::Staff, Some(org.as_str())),
            (Role::OrgAdmin, Some(org.as_str())),
            (Role::Coordinator, None),
            (Role::PlatformAdmin, None),
        ] {
            let (mut client, _) = runtime.block_on(support::signed_in(&app.state, role, own));
            let token = runtime.block_on(client.page_token(&app.router));
            for path in &staff_routes {
                routes.push((path.clone(), token.clone(), client.cookie.clone()));
            }
        }
        Fixture {
            runtime,
            app,
            routes,
        }
    })
}

fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "token",
            "email",
            "password",
            "name",
            "contact",
            "phone",
            "message",
            "consent",
            "who",
            "live",
            "topic",
            "helpful",
            "organization",
            "website",
            "code",
            "next",
            "occupations",
            "skills",
            "languages",
            "cv",
            "kvk_number",
            "municipality",
            "indicator",
            "scope",
            "year",
            "value",
            "milestone",
            "status",
            "owner",
            "action_line",
            "kind",
            "amount",
            "on",
            "note",
            "date",
            "party",
            "title",
            "description",
            "capacity",
            "hold_hours",
            "starts",
            "ends",
            "rule",
            "except",
            "present",
            "location_id",
            "online_url",
            "region",
            "organisation",
        ])
        .prop_map(String::from),
        "[a-z_\\[\\]]{0,12}",
    ]
}

fn body() -> impl Strategy<Value = (String, Vec<u8>)> {
    let form = prop::collection::vec((field(), ".{0,60}"), 0..10).prop_map(|pairs| {
        (
            "application/x-www-form-urlencoded".to_string(),
            support::form(
                &pairs
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect::<Vec<_>>(),
            )
            .into_bytes(),
        )
    });
    let raw = (
        prop::sample::select(vec![
            "application/x-www-form-urlencoded",
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
        ]),
        prop::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(t, b)| (t.to_string(), b));
    let json = prop::collection::btree_map(field(), ".{0,30}", 0..8).prop_map(|m| {
        (
            "application/json".to_string(),
            serde_json::to_vec(&m).unwrap(),
        )
    });
    prop_oneof![form, raw, json]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn any_body_to_any_form_is_answered_without_a_server_error(
        route in any::<prop::sample::Index>(),
        (content_type, bytes) in body(),
        with_token in any::<bool>(),
    ) {
        let f = fixture();
        let (uri, token, cookie) = &f.routes[route.index(f.routes.len())];
        let mut bytes = bytes;
        if with_token && content_type == "application/x-www-form-urlencoded" {
            let mut signed = format!("token={token}&").into_bytes();
            signed.extend(bytes);
            bytes = signed;
        }
        let mut request = Request::post(uri.as_str())
            .header(header::CONTENT_TYPE, &content_type)
            .header("x-csrf-token", token.as_str());
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie.as_str());
        }
        let res = f.runtime.block_on(
            f.app.router.clone().oneshot(request.body(Body::from(bytes)).unwrap()),
        )
        .unwrap();
        prop_assert!(
            !res.status().is_server_error(),
            "POST {} ({}) answered {}", uri, content_type, res.status()
        );
    }
}
