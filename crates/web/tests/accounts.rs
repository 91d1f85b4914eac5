#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Accounts end to end, in-process: invitations and resets through a real SMTP
//! sink, TOTP enrolment and sign-in, throttling, CSRF, escaping, sessions,
//! editing with history, retention, access export and erasure.

mod support;

use axum::http::StatusCode;
use loket_domain::account::{Email, Membership, Role};
use support::{Client, TestApp, app, signed_in, totp_next, totp_now};

const GIP: &str = "a790b6e4-b346-5198-9c54-15252fc67910";
const SVB: &str = "d22cbc11-7d09-5843-bc41-a250ad7f6225";

fn gip_service(app: &TestApp) -> String {
    app.state
        .index()
        .services_of(GIP)
        .next()
        .expect("a GIP service")
        .id
        .clone()
}

fn path_of(link: &str) -> String {
    let start = link
        .find("/wachtwoord-instellen")
        .expect("set-password link");
    link[start..].to_string()
}

fn secret_on(page: &str) -> String {
    page.split("id=\"totp-secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("secret on the enrolment page")
        .replace(' ', "")
}

async fn account_with_password(app: &TestApp, email: &str, password: &str, role: Role) -> String {
    let hash = loket_auth::hash_password(password).expect("hash");
    let account = app
        .state
        .store
        .create_account(&loket_store::NewAccount {
            email: Email::parse(email).expect("email"),
            display_name: "Jan Smeets".into(),
            password_hash: hash,
        })
        .await
        .expect("account");
    app.state
        .store
        .add_membership(
            &account.id,
            &Membership {
                region: None,
                organization_id: role.is_per_organization().then(|| SVB.to_string()),
                role,
            },
        )
        .await
        .expect("membership");
    account.id
}

async fn edit_form(client: &mut Client, app: &TestApp, id: &str) -> Vec<(String, String)> {
    let page = client
        .get(&app.router, &format!("/beheer/diensten/{id}?lang=en"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let mut pairs = vec![
        ("token".to_string(), page.input("token")),
        ("last_modified".to_string(), page.input("last_modified")),
    ];
    for field in ["name"] {
        for lang in ["nl", "en", "de", "fr"] {
            let key = format!("{field}_{lang}");
            pairs.push((key.clone(), page.input(&key)));
        }
    }
    for field in ["description", "eligibility", "application_process", "fees"] {
        for lang in ["nl", "en", "de", "fr"] {
            let key = format!("{field}_{lang}");
            let value = page
                .body
                .split(&format!("name=\"{key}\" rows=\"4\">"))
                .nth(1)
                .and_then(|s| s.split("</textarea>").next())
                .expect("textarea")
                .replace("&#60;", "<")
                .replace("&#62;", ">")
                .replace("&#38;", "&")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("&quot;", "\"");
            pairs.push((key, value));
        }
    }
    for key in [
        "url",
        "email",
        "phone",
        "languages",
        "hours_mo",
        "hours_tu",
        "hours_we",
        "hours_th",
        "hours_fr",
        "hours_sa",
        "hours_su",
    ] {
        pairs.push((key.to_string(), page.input(key)));
    }
    pairs.push(("status".into(), "active".into()));
    pairs
}

fn set(pairs: &mut [(String, String)], key: &str, value: &str) {
    for (k, v) in pairs.iter_mut() {
        if k == key {
            *v = value.to_string();
        }
    }
}

async fn post_pairs(
    client: &mut Client,
    app: &TestApp,
    uri: &str,
    pairs: &[(String, String)],
) -> support::Reply {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client.post(&app.router, uri, &borrowed).await
}

#[tokio::test]
async fn an_invited_org_admin_sets_a_password_enrols_totp_and_edits_a_service_in_german() {
    let app = app().await;
    let sink = app.mail.clone().expect("smtp sink");
    let (mut admin, _) = signed_in(&app.state, Role::PlatformAdmin, None).await;
    let invite = format!("/beheer/organisaties/{GIP}/uitnodigen?lang=en");
    let form = admin.get(&app.router, &invite).await;
    assert_eq!(form.status, StatusCode::OK);
    let done = admin
        .post(
            &app.router,
            &invite,
            &[
                ("token", &form.input("token")),
                ("name", "Anna Schmitz"),
                ("email", "anna@gip.test"),
                ("role", "org-admin"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("anna@gip.test has been invited."));

    // The worker sends the invitation through SMTP.
    assert_eq!(loket_app::jobs::run_due(&app.state).await.expect("jobs"), 1);
    let link = sink
        .link_to("anna@gip.test")
        .expect("invitation mail with a link");
    assert!(
        link.starts_with("http://127.0.0.1:8080/wachtwoord-instellen?token="),
        "{link}"
    );
    assert!(
        !sink.messages()[0].contains("Anna Schmitz"),
        "mails carry a link, not personal data"
    );

    let mut anna = Client::default();
    let page = anna.get(&app.router, &path_of(&link)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let weak = anna
        .post(
            &app.router,
            "/wachtwoord-instellen?lang=en",
            &[
                ("token", &page.input("token")),
                ("link", &page.input("link")),
                ("password", "short"),
                ("password_again", "different"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    assert!(weak.body.contains("The password is too short"));
    assert!(weak.body.contains("The two passwords are not the same."));
    let password = "zonnige dagen in Aken 2026";
    let password_set = anna
        .post(
            &app.router,
            "/wachtwoord-instellen?lang=en",
            &[
                ("token", &page.input("token")),
                ("link", &page.input("link")),
                ("password", password),
                ("password_again", password),
            ],
        )
        .await;
    assert_eq!(
        password_set.status,
        StatusCode::SEE_OTHER,
        "{}",
        password_set.body
    );
    assert!(
        password_set
            .location
            .starts_with("/aanmelden/tweede-factor"),
        "an org admin must enrol a second factor"
    );
    let half_session = anna.cookie.clone();
    assert_eq!(
        anna.get(&app.router, "/beheer").await.status,
        StatusCode::SEE_OTHER,
        "no staff area before the second factor"
    );

    let enrol = anna
        .get(&app.router, "/aanmelden/tweede-factor?lang=en")
        .await;
    assert_eq!(enrol.status, StatusCode::OK);
    assert!(enrol.body.contains("otpauth://totp/"));
    let secret = secret_on(&enrol.body);
    let wrong = anna
        .post(
            &app.router,
            "/aanmelden/tweede-factor?lang=en",
            &[
                ("token", &enrol.input("token")),
                ("code", "000000"),
                ("next", "/beheer"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("This code is not right."));
    let enrolled = anna
        .post(
            &app.router,
            "/aanmelden/tweede-factor?lang=en",
            &[
                ("token", &enrol.input("token")),
                ("code", &totp_now(&secret)),
                ("next", "/beheer"),
            ],
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
    assert_eq!(
        enrolled.body.matches("<li><code>").count(),
        10,
        "ten recovery codes"
    );
    assert_ne!(anna.cookie, half_session, "a new session id once signed in");

    // Edit a GIP service in German.
    let id = gip_service(&app);
    let mut pairs = edit_form(&mut anna, &app, &id).await;
    set(&mut pairs, "name_de", "Grenzgängerberatung Aachen – neu");
    set(&mut pairs, "hours_mo", "09:00-12:30");
    set(&mut pairs, "hours_tu", "25:00-26:00");
    let phone = pairs
        .iter()
        .find(|(k, _)| k == "phone")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    set(&mut pairs, "phone", "12");
    pairs.push(("action".into(), "save".into()));
    let refused = post_pairs(
        &mut anna,
        &app,
        &format!("/beheer/diensten/{id}?lang=en"),
        &pairs,
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("Write the hours like 09:00-12:00, 13:00-17:00.")
    );
    // Each message sits next to its own field, not only in the summary.
    assert!(
        refused.body.contains("id=\"hours_tu-error\""),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("id=\"phone-error\""),
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains("value=\"Grenzgängerberatung Aachen – neu\""),
        "input is kept"
    );
    pairs.pop();
    set(&mut pairs, "hours_tu", "");
    set(&mut pairs, "phone", &phone);
    pairs.push(("action".into(), "save".into()));
    let saved = post_pairs(&mut anna, &app, &format!("/beheer/diensten/{id}"), &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let public = Client::default()
        .get(&app.router, &format!("/diensten/{id}?lang=de"))
        .await;
    assert!(public.body.contains("Grenzgängerberatung Aachen – neu"));
    assert!(
        public.body.contains("09:00") && public.body.contains("12:30"),
        "opening hours shown"
    );
    let history = anna
        .get(
            &app.router,
            &format!("/beheer/diensten/{id}/geschiedenis?lang=en"),
        )
        .await;
    assert!(history.body.contains("Anna Schmitz"));
    assert!(history.body.contains("Catalogue import"));
    assert!(
        history.body.contains(">name, schedules<"),
        "the changed fields are named"
    );

    // The invitation link worked once.
    let again = Client::default().get(&app.router, &path_of(&link)).await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("already been used"));

    // Signing in again takes the password and a fresh code.
    let form = Client::default().get(&app.router, "/aanmelden").await;
    let mut fresh = Client::default();
    let signed = fresh
        .post(
            &app.router,
            "/aanmelden",
            &[
                ("token", &form.input("token")),
                ("email", "Anna@GIP.test"),
                ("password", password),
                ("next", "/beheer"),
            ],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    assert!(signed.location.starts_with("/aanmelden/code"));
    let code_page = fresh
        .get(&app.router, "/aanmelden/code?next=%2Fbeheer")
        .await;
    let in_ = fresh
        .post(
            &app.router,
            "/aanmelden/code",
            &[
                ("token", &code_page.input("token")),
                ("code", &totp_next(&secret)),
                ("next", "/beheer"),
            ],
        )
        .await;
    assert_eq!(in_.status, StatusCode::SEE_OTHER, "{}", in_.body);
    assert_eq!(in_.location, "/beheer");
    assert_eq!(
        fresh.get(&app.router, "/beheer").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn staff_of_another_organisation_get_a_403_page_and_the_attempt_is_logged() {
    let app = app().await;
    let (mut svb, svb_id) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let id = gip_service(&app);
    let page = svb
        .get(&app.router, &format!("/beheer/diensten/{id}?lang=en"))
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("No access"));
    let before = app
        .state
        .store
        .service(&id)
        .await
        .expect("get")
        .expect("found");
    let post = svb
        .post(
            &app.router,
            &format!("/beheer/diensten/{id}"),
            &[("name_nl", "Overgenomen")],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.state
            .store
            .service(&id)
            .await
            .expect("get")
            .expect("found"),
        before
    );
    let log = app.state.store.audit_entries(0, 100).await.expect("log");
    let denied: Vec<_> = log
        .iter()
        .filter(|e| e.event.action == "access.denied" && e.event.actor == svb_id)
        .map(|e| e.event.object.clone())
        .collect();
    assert_eq!(
        denied,
        vec![
            format!("GET /beheer/diensten/{id}"),
            format!("POST /beheer/diensten/{id}")
        ]
    );
}

#[tokio::test]
async fn ten_wrong_passwords_pause_sign_in_with_a_clear_message() {
    let app = app().await;
    let password = "lange zinnen zijn sterk genoeg";
    account_with_password(&app, "jan@svb.test", password, Role::Funder).await;
    let token = Client::default()
        .get(&app.router, "/aanmelden")
        .await
        .input("token");
    for _ in 0..10 {
        let r = Client::default()
            .post(
                &app.router,
                "/aanmelden?lang=en",
                &[
                    ("token", &token),
                    ("email", "jan@svb.test"),
                    ("password", "wrong password!"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(
            r.body
                .contains("The e-mail address or password is not right.")
        );
    }
    let r = Client::default()
        .post(
            &app.router,
            "/aanmelden?lang=en",
            &[
                ("token", &token),
                ("email", "jan@svb.test"),
                ("password", password),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        r.body
            .contains("Too many failed attempts. Sign-in is paused for 15 minutes")
    );
    assert!(
        r.set_cookie
            .iter()
            .all(|c| !c.starts_with("loket_session=") || c.contains("Max-Age=0"))
    );
}

#[tokio::test]
async fn wrong_passwords_from_elsewhere_do_not_lock_the_person_out_of_their_own_browser() {
    let mut app = app().await;
    app.state = app.state.clone().trusting_forwarded_for(true);
    app.router = loket_web::router(app.state.clone());
    let password = "lange zinnen zijn sterk genoeg";
    account_with_password(&app, "ria@svb.test", password, Role::Funder).await;
    let attempt = |from: String, cookie: Option<String>, password: &'static str| {
        let router = app.router.clone();
        async move {
            let mut client = Client {
                cookie: cookie.clone(),
            };
            let token = client.get(&router, "/aanmelden").await.input("token");
            let mut client = Client { cookie };
            client
                .send(
                    &router,
                    axum::http::Request::post("/aanmelden?lang=en")
                        .header(
                            axum::http::header::CONTENT_TYPE,
                            "application/x-www-form-urlencoded",
                        )
                        .header("x-forwarded-for", from),
                    axum::body::Body::from(support::form(&[
                        ("token", &token),
                        ("email", "ria@svb.test"),
                        ("password", password),
                    ])),
                )
                .await
        }
    };
    // Ria signs in once from her own browser, which then is a known device.
    let first = attempt(
        "198.51.100.7".into(),
        None,
        "lange zinnen zijn sterk genoeg",
    )
    .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let device = first
        .set_cookie
        .iter()
        .find(|c| c.starts_with("loket_device="))
        .expect("a known-device cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(
        first
            .set_cookie
            .iter()
            .any(|c| c.starts_with("loket_device=")
                && c.contains("HttpOnly")
                && c.contains("SameSite=Strict")),
        "{:?}",
        first.set_cookie
    );
    // Someone guesses from ten addresses.
    for i in 0..10 {
        let r = attempt(format!("203.0.113.{i}"), None, "guess guess guess").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // A new device is paused, even with the right password …
    let r = attempt("192.0.2.1".into(), None, "lange zinnen zijn sterk genoeg").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    // … and a forged device cookie is no way around it …
    let forged = attempt(
        "192.0.2.2".into(),
        Some("loket_device=1796000000.00ff".into()),
        "lange zinnen zijn sterk genoeg",
    )
    .await;
    assert_eq!(forged.status, StatusCode::TOO_MANY_REQUESTS);
    // … but Ria's own browser signs in.
    let own = attempt("198.51.100.7".into(), Some(device), password).await;
    assert_eq!(own.status, StatusCode::SEE_OTHER, "{}", own.body);
}

#[tokio::test]
async fn ten_wrong_codes_pause_the_second_step() {
    let app = app().await;
    let password = "lange zinnen zijn sterk genoeg";
    let id = account_with_password(&app, "piet@svb.test", password, Role::Staff).await;
    let secret = loket_auth::totp::secret_base32(&loket_auth::secrets::new_totp_secret());
    app.state
        .store
        .begin_totp(&id, &secret)
        .await
        .expect("totp");
    app.state
        .store
        .confirm_totp(&id, &[])
        .await
        .expect("confirm");
    let mut client = Client::default();
    let token = client.get(&app.router, "/aanmelden").await.input("token");
    let r = client
        .post(
            &app.router,
            "/aanmelden",
            &[
                ("token", &token),
                ("email", "piet@svb.test"),
                ("password", password),
            ],
        )
        .await;
    assert!(r.location.starts_with("/aanmelden/code"));
    let code_token = client
        .get(&app.router, "/aanmelden/code")
        .await
        .input("token");
    for _ in 0..10 {
        let r = client
            .post(
                &app.router,
                "/aanmelden/code?lang=en",
                &[("token", &code_token), ("code", "123456")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = client
        .post(
            &app.router,
            "/aanmelden/code?lang=en",
            &[("token", &code_token), ("code", &totp_now(&secret))],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Too many failed attempts"));
}

#[tokio::test]
async fn a_reset_link_works_once_and_an_expired_one_says_so() {
    let app = app().await;
    let sink = app.mail.clone().expect("sink");
    let id =
        account_with_password(&app, "els@svb.test", "oud wachtwoord van els", Role::Funder).await;
    let mut other_device = Client::default();
    let token = other_device
        .get(&app.router, "/aanmelden")
        .await
        .input("token");
    other_device
        .post(
            &app.router,
            "/aanmelden",
            &[
                ("token", &token),
                ("email", "els@svb.test"),
                ("password", "oud wachtwoord van els"),
            ],
        )
        .await;
    assert_eq!(
        other_device.get(&app.router, "/account").await.status,
        StatusCode::OK
    );

    let forgot = Client::default()
        .get(&app.router, "/wachtwoord-vergeten")
        .await;
    for email in ["els@svb.test", "nobody@svb.test"] {
        let r = Client::default()
            .post(
                &app.router,
                "/wachtwoord-vergeten?lang=en",
                &[("token", &forgot.input("token")), ("email", email)],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains("If this address has an account"),
            "the same answer either way"
        );
    }
    assert_eq!(
        loket_app::jobs::run_due(&app.state).await.expect("jobs"),
        1,
        "one mail: nobody@ has no account"
    );
    let link = sink.link_to("els@svb.test").expect("reset link");
    let mut els = Client::default();
    let page = els.get(&app.router, &path_of(&link)).await;
    let new_password = "nieuw wachtwoord voor els";
    let pairs = [
        ("token", page.input("token")),
        ("link", page.input("link")),
        ("password", new_password.to_string()),
        ("password_again", new_password.to_string()),
    ];
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = els
        .post(&app.router, "/wachtwoord-instellen?lang=en", &pairs)
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        other_device.get(&app.router, "/account").await.status,
        StatusCode::SEE_OTHER,
        "a new password ends the other sessions"
    );
    let reused = Client::default()
        .post(&app.router, "/wachtwoord-instellen?lang=en", &pairs)
        .await;
    assert_eq!(reused.status, StatusCode::GONE);
    assert!(reused.body.contains("This link has already been used."));

    let expired = loket_auth::secrets::new_token();
    app.state
        .store
        .create_token(
            &loket_auth::secrets::hash_secret(&expired),
            loket_store::TokenPurpose::PasswordReset,
            &id,
            chrono::Utc::now().timestamp() - 1,
        )
        .await
        .expect("token");
    let r = Client::default()
        .get(
            &app.router,
            &format!("/wachtwoord-instellen?token={expired}&lang=en"),
        )
        .await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.body.contains("This link has expired."));
}

#[tokio::test]
async fn posts_without_a_valid_csrf_token_are_refused_and_change_nothing() {
    let app = app().await;
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let id = gip_service(&app);
    let before = app
        .state
        .store
        .service(&id)
        .await
        .expect("get")
        .expect("found");
    let mut pairs = edit_form(&mut staff, &app, &id).await;
    set(&mut pairs, "name_nl", "Gewijzigd zonder token");
    set(&mut pairs, "token", "forged");
    pairs.push(("action".into(), "save".into()));
    let r = post_pairs(
        &mut staff,
        &app,
        &format!("/beheer/diensten/{id}?lang=en"),
        &pairs,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("nothing was changed"));
    assert_eq!(
        app.state
            .store
            .service(&id)
            .await
            .expect("get")
            .expect("found"),
        before
    );
    for uri in [
        "/account/overal-afmelden",
        "/afmelden",
        &format!("/beheer/diensten/{id}/bevestigen"),
    ] {
        let r = staff.post(&app.router, uri, &[("token", "")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}");
    }
    assert_eq!(
        staff.get(&app.router, "/account").await.status,
        StatusCode::OK,
        "still signed in"
    );
    let r = Client::default()
        .post(
            &app.router,
            "/aanmelden?lang=en",
            &[("token", "1.abc"), ("email", "a@b.nl"), ("password", "x")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn script_payloads_in_every_text_field_are_stored_as_text_and_shown_escaped() {
    let app = app().await;
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let id = gip_service(&app);
    let payload = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>";
    let mut pairs = edit_form(&mut staff, &app, &id).await;
    for field in [
        "name",
        "description",
        "eligibility",
        "application_process",
        "fees",
    ] {
        for lang in ["nl", "en", "de", "fr"] {
            set(
                &mut pairs,
                &format!("{field}_{lang}"),
                &format!("{field} {payload}"),
            );
        }
    }
    pairs.push(("action".into(), "preview".into()));
    let preview = post_pairs(
        &mut staff,
        &app,
        &format!("/beheer/diensten/{id}?lang=en"),
        &pairs,
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        !preview.body.contains("<script>alert"),
        "the preview escapes"
    );
    pairs.retain(|(k, _)| k != "action");
    pairs.push(("action".into(), "save".into()));
    let saved = post_pairs(&mut staff, &app, &format!("/beheer/diensten/{id}"), &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let stored = app
        .state
        .store
        .service(&id)
        .await
        .expect("get")
        .expect("found");
    assert_eq!(
        stored.name.de.as_deref(),
        Some(format!("name {payload}").as_str())
    );
    assert_eq!(
        stored.fees.as_ref().and_then(|f| f.fr.clone()),
        Some(format!("fees {payload}"))
    );
    for lang in ["nl", "en", "de", "fr"] {
        for uri in [
            format!("/diensten/{id}?lang={lang}"),
            format!("/diensten?q=alert&lang={lang}"),
            format!("/beheer/diensten/{id}?lang={lang}"),
            format!("/beheer/diensten/{id}/geschiedenis?lang={lang}"),
        ] {
            let page = staff.get(&app.router, &uri).await;
            assert_eq!(page.status, StatusCode::OK, "{uri}");
            assert!(
                !page.body.contains("<script>alert") && !page.body.contains("<img src=x"),
                "{uri}"
            );
        }
    }
    let public = Client::default()
        .get(&app.router, &format!("/diensten/{id}?lang=fr"))
        .await;
    assert!(public.body.contains("&#60;script&#62;") || public.body.contains("&lt;script&gt;"));
    // Sign-in and invitation forms echo input escaped too.
    let form = Client::default().get(&app.router, "/aanmelden").await;
    let echoed = Client::default()
        .post(
            &app.router,
            "/aanmelden",
            &[
                ("token", &form.input("token")),
                ("email", payload),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(echoed.status, StatusCode::BAD_REQUEST);
    assert!(!echoed.body.contains("<script>alert"));
}

#[tokio::test]
async fn sessions_end_when_idle_and_everywhere_on_request() {
    let app = app().await;
    let (mut a, id) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let (mut b, _) = (Client { cookie: None }, ());
    // A second device of the same account.
    let raw = loket_auth::secrets::new_token();
    let now = chrono::Utc::now().timestamp();
    app.state
        .store
        .create_session(&loket_store::SessionRecord {
            id_hash: loket_auth::secrets::hash_secret(&raw),
            account_id: id.clone(),
            stage: loket_store::SessionStage::Full,
            created_at: now,
            last_seen_at: now,
        })
        .await
        .expect("session");
    b.cookie = Some(format!("loket_session={raw}"));
    assert_eq!(b.get(&app.router, "/beheer").await.status, StatusCode::OK);
    let token = a.get(&app.router, "/account").await.input("token");
    let out = a
        .post(
            &app.router,
            "/account/overal-afmelden",
            &[("token", &token)],
        )
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location, "/aanmelden?notice=everywhere");
    let gone = b.get(&app.router, "/beheer").await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert!(gone.location.starts_with("/aanmelden?next="));

    // Idle for longer than the timeout: the session is over.
    let idle = loket_auth::secrets::new_token();
    app.state
        .store
        .create_session(&loket_store::SessionRecord {
            id_hash: loket_auth::secrets::hash_secret(&idle),
            account_id: id,
            stage: loket_store::SessionStage::Full,
            created_at: now - 3600,
            last_seen_at: now - 31 * 60,
        })
        .await
        .expect("session");
    let mut c = Client {
        cookie: Some(format!("loket_session={idle}")),
    };
    assert_eq!(
        c.get(&app.router, "/beheer").await.status,
        StatusCode::SEE_OTHER
    );
}

async fn retention_on(app: &TestApp) {
    let today = chrono::Utc::now().date_naive();
    for (age, comment) in [(400, "te oud"), (10, "recent")] {
        app.state
            .store
            .add_feedback(&loket_store::Feedback {
                region: String::new(),
                day: today - chrono::Duration::days(age),
                combination: "who=worker".into(),
                lang: "nl".into(),
                comment: comment.into(),
            })
            .await
            .expect("feedback");
    }
    loket_app::jobs::schedule_retention(&app.state)
        .await
        .expect("schedule");
    // The regular jobs: retention, the service-level check, the quarterly
    // reports and the offers of freed places at events.
    assert_eq!(loket_app::jobs::run_due(&app.state).await.expect("run"), 4);
    let left = app
        .state
        .store
        .feedback(today - chrono::Duration::days(1000), 10, None)
        .await
        .expect("feedback");
    assert_eq!(
        left.iter().map(|f| f.comment.as_str()).collect::<Vec<_>>(),
        vec!["recent"]
    );
    let counts = app.state.store.feedback_counts().await.expect("counts");
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (counts[0].day, counts[0].count),
        (today - chrono::Duration::days(400), 1)
    );
    let log = app.state.store.audit_entries(0, 100).await.expect("log");
    assert!(log.iter().any(|e| e.event.action == "retention.run" && e.event.object.starts_with("feedback=1 ")));
    assert_eq!(
        app.state
            .store
            .pending_jobs("retention")
            .await
            .expect("pending"),
        1,
        "tomorrow's run is queued"
    );
}

#[tokio::test]
async fn the_retention_job_removes_expired_feedback_and_keeps_its_count_on_sqlite() {
    retention_on(&app().await).await;
}

#[tokio::test]
async fn the_retention_job_removes_expired_feedback_and_keeps_its_count_on_postgres() {
    retention_on(&support::postgres_app().await).await;
}

#[tokio::test]
async fn an_access_request_shows_everything_and_erasure_keeps_only_the_pseudonym() {
    let app = app().await;
    let (mut admin, admin_id) = signed_in(&app.state, Role::PlatformAdmin, None).await;
    let (mut staff, staff_id) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    staff
        .get(
            &app.router,
            &format!("/beheer/diensten/{}", gip_service(&app)),
        )
        .await;
    let own = staff
        .get(&app.router, "/account/mijn-gegevens?format=json")
        .await;
    assert_eq!(own.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&own.body).expect("json");
    assert_eq!(json["account"]["id"], staff_id.as_str());
    assert_eq!(json["roles"][0]["role"], "staff");
    assert!(
        json.to_string().find("argon2").is_none()
            && json["sessions"].as_array().expect("sessions").len() == 1
    );
    let html = staff
        .get(&app.router, "/account/mijn-gegevens?lang=en")
        .await;
    assert!(
        html.body
            .contains("Everything loket holds about this account")
    );

    let accounts = admin.get(&app.router, "/beheer/accounts?lang=en").await;
    assert_eq!(accounts.status, StatusCode::OK);
    let export = admin
        .get(
            &app.router,
            &format!("/beheer/accounts/{staff_id}/gegevens?format=json"),
        )
        .await;
    let json: serde_json::Value = serde_json::from_str(&export.body).expect("json");
    assert!(
        json["log"]
            .as_array()
            .expect("log")
            .iter()
            .any(|e| e["event"]["action"] == "access-export")
    );
    let erased = admin
        .post(
            &app.router,
            &format!("/beheer/accounts/{staff_id}/wissen"),
            &[("token", &accounts.input("token")), ("confirm", "yes")],
        )
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    let (account, _) = app
        .state
        .store
        .account(&staff_id)
        .await
        .expect("get")
        .expect("kept");
    assert!(account.email.as_str().starts_with("erased-") && account.display_name.is_empty());
    assert_eq!(
        staff.get(&app.router, "/beheer").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let log = app.state.store.audit_entries(0, 100).await.expect("log");
    assert!(log.iter().any(|e| e.event.action == "account.erase"
        && e.event.subject.as_deref() == Some(staff_id.as_str())
        && e.event.actor == admin_id));
}

#[tokio::test]
async fn staff_edit_their_location_and_a_second_save_of_the_same_version_is_a_conflict() {
    let app = app().await;
    let location = app
        .state
        .index()
        .document()
        .locations
        .into_iter()
        .find(|l| l.organization_id == GIP)
        .expect("a GIP location");
    let uri = format!("/beheer/locaties/{}?lang=en", location.id);
    let (mut a, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let (mut b, _) = signed_in(&app.state, Role::OrgAdmin, Some(GIP)).await;
    let form_a = a.get(&app.router, &uri).await;
    let form_b = b.get(&app.router, &uri).await;
    assert_eq!(form_a.status, StatusCode::OK);
    let fields = |page: &support::Reply, name_de: &str, country: &str| {
        vec![
            ("token".to_string(), page.input("token")),
            ("version".to_string(), page.input("version")),
            ("name_nl".to_string(), page.input("name_nl")),
            ("name_de".to_string(), name_de.to_string()),
            ("address_1".to_string(), "Markt 39".to_string()),
            ("postal_code".to_string(), "52062".to_string()),
            ("city".to_string(), "Aachen".to_string()),
            ("country".to_string(), country.to_string()),
        ]
    };
    let bad = post_pairs(
        &mut a,
        &app,
        &uri,
        &fields(&form_a, "Beratungsstelle am Markt", "FR"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("Use NL, DE or BE."));
    assert!(
        bad.body.contains("value=\"Beratungsstelle am Markt\""),
        "input is kept"
    );
    let ok = post_pairs(
        &mut a,
        &app,
        &uri,
        &fields(&form_a, "Beratungsstelle am Markt", "DE"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let late = post_pairs(&mut b, &app, &uri, &fields(&form_b, "Etwas anderes", "DE")).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("Someone else saved"));
    let stored = app
        .state
        .store
        .load()
        .await
        .expect("load")
        .locations
        .into_iter()
        .find(|l| l.id == location.id)
        .expect("location");
    assert_eq!(stored.name.de.as_deref(), Some("Beratungsstelle am Markt"));
    assert_eq!(stored.address.expect("address").postal_code, "52062");
    let page = a.get(&app.router, &uri).await;
    assert!(page.body.contains("Catalogue import"), "history is shown");
}

#[tokio::test]
async fn the_coordinator_adds_a_search_word_and_search_finds_it() {
    let app = app().await;
    let term = app
        .state
        .index()
        .terms_of(loket_domain::TaxonomyKind::Topic)
        .next()
        .expect("a topic")
        .clone();
    let before = Client::default()
        .get(&app.router, "/diensten?q=zzgrenzwortzz&lang=en")
        .await;
    assert!(before.body.contains("No services found."));
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let list = coordinator.get(&app.router, "/beheer/termen?lang=en").await;
    assert!(list.body.contains(&format!("/beheer/termen/{}", term.id)));
    let uri = format!("/beheer/termen/{}?lang=en", term.id);
    let form = coordinator.get(&app.router, &uri).await;
    let keywords = format!("{} zzgrenzwortzz", term.keywords);
    let saved = coordinator
        .post(
            &app.router,
            &uri,
            &[
                ("token", &form.input("token")),
                ("version", &form.input("version")),
                ("name_nl", &form.input("name_nl")),
                ("keywords", &keywords),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let after = Client::default()
        .get(&app.router, "/diensten?q=zzgrenzwortzz&lang=en")
        .await;
    assert!(
        !after.body.contains("No services found.") && after.body.contains("class=\"result card\""),
        "the new search word finds the term's services"
    );
}

#[tokio::test]
async fn an_organisation_asks_to_join_and_the_coordinator_approves_it() {
    let app = app().await;
    let mut visitor = Client::default();
    let form = visitor
        .get(&app.router, "/organisaties/aanmelden?lang=de")
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let bad = visitor
        .post(
            &app.router,
            "/organisaties/aanmelden?lang=de",
            &[
                ("token", &form.input("token")),
                ("name", ""),
                ("website", "javascript:alert(1)"),
                ("email", "kein"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for message in [
        "Bitte ausfüllen.",
        "Geben Sie eine Webadresse ein",
        "Geben Sie eine E-Mail-Adresse ein",
    ] {
        assert!(bad.body.contains(message), "{message}");
    }
    assert!(
        bad.body.contains("value=\"javascript:alert(1)\""),
        "input is kept"
    );
    let sent = visitor
        .post(
            &app.router,
            "/organisaties/aanmelden?lang=de",
            &[
                ("token", &form.input("token")),
                ("name", "Grenzgängerberatung Düren <script>"),
                ("website", "https://beratung-dueren.example"),
                ("email", "info@beratung-dueren.example"),
                ("description", "Beratung für Grenzgänger im Kreis Düren."),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains("Vielen Dank."));

    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let list = coordinator
        .get(&app.router, "/beheer/organisaties/aanvragen?lang=en")
        .await;
    assert!(
        list.body
            .contains("Grenzgängerberatung Düren &#60;script&#62;")
            || list
                .body
                .contains("Grenzgängerberatung Düren &lt;script&gt;")
    );
    let id = list
        .body
        .split("/beheer/organisaties/aanvragen/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a request")
        .to_string();
    let approved = coordinator
        .post(
            &app.router,
            &format!("/beheer/organisaties/aanvragen/{id}"),
            &[("token", &list.input("token")), ("decision", "approve")],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let public = Client::default().get(&app.router, &approved.location).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public
            .body
            .contains("Beratung für Grenzgänger im Kreis Düren.")
    );
    let again = coordinator
        .post(
            &app.router,
            &format!("/beheer/organisaties/aanvragen/{id}"),
            &[("token", &list.input("token")), ("decision", "decline")],
        )
        .await;
    assert_eq!(
        again.location, "/beheer/organisaties/aanvragen",
        "decided once"
    );
    assert!(
        app.state
            .store
            .organization(&id)
            .await
            .expect("get")
            .is_some()
    );
}

#[tokio::test]
async fn the_coordinator_rewords_a_front_door_question_in_german_and_visitors_see_it() {
    let app = app().await;
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let form = coordinator
        .get(&app.router, "/beheer/voordeur?taal=de&lang=en")
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let mut pairs: Vec<(String, String)> = app
        .state
        .flow()
        .texts(loket_domain::Lang::De)
        .into_iter()
        .collect();
    pairs.push(("token".into(), form.input("token")));
    pairs.push(("version".into(), form.input("version")));
    pairs.push(("taal".into(), "de".into()));
    set(&mut pairs, "q.who.text", "Wer sind Sie? (neu formuliert)");
    let saved = post_pairs(&mut coordinator, &app, "/beheer/voordeur", &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let visitor = Client::default()
        .get(&app.router, "/voordeur?lang=de")
        .await;
    assert!(visitor.body.contains("Wer sind Sie? (neu formuliert)"));
    let dutch = Client::default()
        .get(&app.router, "/voordeur?lang=nl")
        .await;
    assert!(
        !dutch.body.contains("neu formuliert"),
        "other languages keep their text"
    );

    // The same version saved twice: the second is a conflict; Dutch may not be emptied.
    let late = post_pairs(&mut coordinator, &app, "/beheer/voordeur?lang=en", &pairs).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    let mut dutch_pairs: Vec<(String, String)> = app
        .state
        .flow()
        .texts(loket_domain::Lang::Nl)
        .into_iter()
        .collect();
    dutch_pairs.push(("token".into(), form.input("token")));
    dutch_pairs.push(("version".into(), "1".into()));
    dutch_pairs.push(("taal".into(), "nl".into()));
    set(&mut dutch_pairs, "q.who.text", "");
    let refused = post_pairs(
        &mut coordinator,
        &app,
        "/beheer/voordeur?lang=en",
        &dutch_pairs,
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("Fill in the Dutch text"));
}

/// No dead ends after sign-in: each role starts on a page of its own, and every
/// page says who is signed in, for which organisation, with a way out.
#[tokio::test]
async fn each_role_starts_on_its_own_page_and_the_header_says_who_is_signed_in() {
    let app = app().await;
    for (role, org, home) in [
        (Role::Funder, None, "/beheer/cijfers"),
        (Role::Staff, Some(GIP), "/beheer"),
        (Role::Coordinator, None, "/beheer"),
    ] {
        let (mut client, _) = signed_in(&app.state, role, org).await;
        let start = client.get(&app.router, "/start").await;
        assert_eq!(start.status, StatusCode::SEE_OTHER, "{role:?}");
        assert_eq!(start.location, home, "{role:?}");
        let page = client.get(&app.router, &format!("{home}?lang=en")).await;
        assert_eq!(page.status, StatusCode::OK, "{role:?} on {home}");
        assert!(page.body.contains("Signed in as"), "{role:?}");
        assert!(
            page.body.contains("action=\"/afmelden\""),
            "{role:?}: sign-out"
        );
    }
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let page = staff.get(&app.router, "/organisaties?lang=en").await;
    assert!(
        page.body
            .contains("<span class=\"who-org\"> · GrenzInfoPunkt Aachen-Eurode</span>"),
        "the organisation is named in the header"
    );
    let visitor = Client::default().get(&app.router, "/?lang=en").await;
    assert!(!visitor.body.contains("Signed in as"));
}

/// The coordinator's completeness list names what keeps visitors from a
/// service and mails the organisation's admins; an organisation without an
/// admin is named, with a way to invite one, and nobody is mailed.
#[tokio::test]
async fn the_coordinator_asks_an_organisations_admins_to_complete_their_records() {
    const SGA: &str = "692def3d-1e7f-5797-b4f5-916fcc439226";
    let app = app().await;
    let sink = app.mail.clone().expect("smtp sink");
    let (mut coordinator, _) = signed_in(&app.state, Role::Coordinator, None).await;
    let list = coordinator
        .get(&app.router, "/beheer/verouderd?lang=en")
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let sga = list
        .body
        .split(&format!("id=\"org-{SGA}\""))
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("Service Grensarbeid Maastricht is on the list");
    assert!(
        sga.contains("No phone, e-mail, website or address"),
        "{sga}"
    );
    assert!(sga.contains("Never confirmed by the organisation."));

    // Nobody administers it yet: the page says so and offers the invitation.
    let ask = format!("/beheer/verouderd/{SGA}/vragen?lang=en");
    let token = list.input("token");
    let none = coordinator
        .post(&app.router, &ask, &[("token", &token)])
        .await;
    assert_eq!(none.status, StatusCode::SEE_OTHER);
    let shown = coordinator.get(&app.router, &none.location).await;
    assert!(
        shown.body.contains("has no admin in loket yet"),
        "{}",
        shown.body
    );
    assert!(
        shown
            .body
            .contains(&format!("/beheer/organisaties/{SGA}/uitnodigen"))
    );
    assert_eq!(loket_app::jobs::run_due(&app.state).await.expect("jobs"), 0);

    // With two admins (and a member of staff, who is not asked), both admins get the list.
    for (email, role) in [
        ("eva@sga.test", Role::OrgAdmin),
        ("jan@sga.test", Role::OrgAdmin),
        ("piet@sga.test", Role::Staff),
    ] {
        let account = app
            .state
            .store
            .create_account(&loket_store::NewAccount {
                email: Email::parse(email).expect("email"),
                display_name: email.into(),
                password_hash: "!".into(),
            })
            .await
            .expect("account");
        app.state
            .store
            .add_membership(
                &account.id,
                &Membership {
                    region: None,
                    organization_id: Some(SGA.into()),
                    role,
                },
            )
            .await
            .expect("membership");
    }
    let asked = coordinator
        .post(&app.router, &ask, &[("token", &token)])
        .await;
    let shown = coordinator.get(&app.router, &asked.location).await;
    assert!(
        shown
            .body
            .contains("We mailed the 2 admins of Service Grensarbeid Maastricht the list."),
        "{}",
        shown.body
    );
    assert_eq!(loket_app::jobs::run_due(&app.state).await.expect("jobs"), 2);
    let mails = sink.messages();
    assert!(mails.iter().any(|m| m.contains("eva@sga.test")));
    assert!(mails.iter().any(|m| m.contains("jan@sga.test")));
    assert!(!mails.iter().any(|m| m.contains("piet@sga.test")));
    assert!(
        mails[0].contains("/beheer/diensten/"),
        "the mail links each service's editor"
    );

    // Staff of an organisation cannot see the list or ask.
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    assert_eq!(
        staff.get(&app.router, "/beheer/verouderd").await.status,
        StatusCode::FORBIDDEN
    );
}
