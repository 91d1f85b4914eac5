#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The quarterly report by e-mail: a funder subscribes from the results page,
//! the daily job mails each ended quarter once (links to the quarter's results
//! and PDF, and an unsubscribe link of which only the hash is stored), and the
//! link ends the subscription without signing in, after asking.

mod support;

use axum::http::StatusCode;
use loket_domain::account::Role;
use support::{Client, app, signed_in};

/// The lines of a mail's body, quoted-printable undone.
fn mail_to(app: &support::TestApp, email: &str) -> Vec<String> {
    app.mail
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .filter(|m| m.contains(&format!("To: {email}")))
        .map(|m| {
            m.replace("=\r\n", "")
                .replace("=\n", "")
                .replace("=3D", "=")
        })
        .collect()
}

#[tokio::test]
async fn a_funder_subscribes_to_the_quarterly_report_and_unsubscribes_from_the_mail() {
    use loket_domain::monitoring::period::Quarter;
    let app = app().await;
    let (mut funder, funder_id) = signed_in(&app.state, Role::Funder, None).await;
    let (account, _) = app.state.store.account(&funder_id).await.unwrap().unwrap();
    let email = account.email.as_str().to_string();
    let page = funder.get(&app.router, "/beheer/resultaten?lang=en").await;
    assert!(
        page.body.contains("Send me the quarterly report"),
        "{}",
        page.body
    );
    let token = page.input("token");

    // A scope the funder may not see is refused, next to the box, and nothing is stored.
    let refused = funder
        .post(
            &app.router,
            "/beheer/resultaten/abonnement?lang=en",
            &[("token", &token), ("org", "regio:nowhere")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("You cannot subscribe to these results.")
    );
    assert!(
        app.state
            .store
            .subscriptions_of(&funder_id)
            .await
            .unwrap()
            .is_empty()
    );

    let done = funder
        .post(
            &app.router,
            "/beheer/resultaten/abonnement?lang=en",
            &[("token", &token), ("org", "")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let back = funder.get(&app.router, &done.location).await;
    assert!(
        back.body
            .contains("Subscribed. The first e-mail comes after this quarter ends.")
    );
    assert!(
        back.body
            .contains("You receive the quarterly report of Whole network by e-mail.")
    );

    // Nothing before the quarter ends; once it has, one mail, once.
    let today = app.state.clock.today();
    assert_eq!(
        loket_app::monitoring::subscriptions::send_due(&app.state, today)
            .await
            .unwrap(),
        0
    );
    let next = Quarter::of(today)
        .period()
        .unwrap()
        .last
        .succ_opt()
        .unwrap();
    assert_eq!(
        loket_app::monitoring::subscriptions::send_due(&app.state, next)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        loket_app::monitoring::subscriptions::send_due(&app.state, next)
            .await
            .unwrap(),
        0
    );
    loket_app::jobs::run_due(&app.state).await.unwrap();
    let mails = mail_to(&app, &email);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    let quarter = Quarter::of(today);
    let p = quarter.period().unwrap();
    assert!(
        mail.contains(&format!(
            "Subject: Quarterly report {}: Whole network",
            quarter.code()
        )),
        "{mail}"
    );
    let results = format!(
        "/beheer/resultaten?org=&van={}&tot={}&lang=en",
        p.first, p.last
    );
    assert!(mail.contains(&results), "{mail}");
    assert!(mail.contains(&format!(
        "/beheer/resultaten/export?org=&van={}&tot={}&lang=en&formaat=pdf",
        p.first, p.last
    )));
    assert!(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let link = mail
        .split_whitespace()
        .find(|w| w.contains("/abonnement/"))
        .unwrap()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string();
    let path = &link[link.find("/abonnement/").unwrap()..];
    let stored = app.state.store.subscriptions_of(&funder_id).await.unwrap();
    let raw_token = path
        .trim_start_matches("/abonnement/")
        .split('?')
        .next()
        .unwrap();
    assert!(
        app.state
            .store
            .subscription_by_link(raw_token)
            .await
            .unwrap()
            .is_none(),
        "only the hash is stored"
    );
    let hash = loket_auth::secrets::hash_secret(raw_token);
    assert!(
        app.state
            .store
            .subscription_by_link(&hash)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(stored[0].last_quarter, quarter.code());

    // The linked page shows this quarter's results for the funder.
    let quarter_page = funder.get(&app.router, &results).await;
    assert_eq!(quarter_page.status, StatusCode::OK);
    assert!(
        quarter_page
            .body
            .contains(&format!("id=\"from\" name=\"van\" value=\"{}\"", p.first))
    );
    assert!(
        quarter_page
            .body
            .contains(&format!("id=\"to\" name=\"tot\" value=\"{}\"", p.last))
    );

    // Without signing in: opening the link only asks; posting ends it.
    let mut anyone = Client::default();
    let ask = anyone.get(&app.router, path).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(
        ask.body
            .contains("Do you want to stop receiving the quarterly report of Whole network")
    );
    assert_eq!(
        app.state
            .store
            .subscriptions_of(&funder_id)
            .await
            .unwrap()
            .len(),
        1
    );
    let ended = anyone.post(&app.router, path, &[]).await;
    assert_eq!(ended.status, StatusCode::OK);
    assert!(
        ended
            .body
            .contains("you will receive no more quarterly reports of Whole network")
    );
    assert!(
        app.state
            .store
            .subscriptions_of(&funder_id)
            .await
            .unwrap()
            .is_empty()
    );
    let again = anyone
        .post(&app.router, path, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("This link belongs to no subscription"));
    let later = Quarter::of(next).period().unwrap().last.succ_opt().unwrap();
    assert_eq!(
        loket_app::monitoring::subscriptions::send_due(&app.state, later)
            .await
            .unwrap(),
        0
    );
    let page = funder.get(&app.router, "/beheer/resultaten?lang=en").await;
    assert!(page.body.contains("Send me the quarterly report"));
}
