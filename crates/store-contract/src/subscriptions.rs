//! The contract of subscriptions to the quarterly report: one per account and
//! scope, each quarter mailed once however many workers try, an unsubscribe
//! link ends its own subscription (and only that), and erasing the account
//! ends them all.

use loket_store::Store;
use loket_store::subscriptions::{QuarterlyMail, Subscription};

fn subscription(id: &str, account: &str, scope: &str) -> Subscription {
    Subscription {
        id: id.into(),
        account_id: account.into(),
        scope: scope.into(),
        lang: "en".into(),
        created_at: 100,
        last_quarter: "2026-Q2".into(),
    }
}

fn mail(subscription: &str, quarter: &str, link: &str) -> QuarterlyMail {
    QuarterlyMail {
        subscription_id: subscription.into(),
        quarter: quarter.into(),
        unsubscribe_hash: link.into(),
        mail_job: format!("{{\"to\":\"x@example.nl\",\"subject\":\"{quarter}\",\"body\":\"\"}}"),
    }
}

pub async fn report_subscriptions_mail_each_quarter_once_until_ended(store: &dyn Store) {
    let funder = crate::an_account(store, "funder@example.nl").await;
    let other = crate::an_account(store, "other@example.nl").await;
    assert!(
        store
            .subscribe(&subscription("s1", &funder.id, ""))
            .await
            .expect("subscribe")
    );
    assert!(
        !store
            .subscribe(&subscription("s1b", &funder.id, ""))
            .await
            .expect("again"),
        "one subscription per account and scope"
    );
    assert!(
        store
            .subscribe(&subscription("s2", &funder.id, "regio:zuid-limburg"))
            .await
            .expect("region")
    );
    assert!(
        store
            .subscribe(&subscription("s3", &other.id, ""))
            .await
            .expect("other")
    );
    let mine = store.subscriptions_of(&funder.id).await.expect("mine");
    assert_eq!(
        mine.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["s1", "s2"]
    );
    assert_eq!(mine[0].lang, "en");

    // Nothing is due for the quarter already reported; all three for the next.
    assert!(
        store
            .subscriptions_due("2026-Q2")
            .await
            .expect("due")
            .is_empty()
    );
    assert_eq!(
        store.subscriptions_due("2026-Q3").await.expect("due").len(),
        3
    );

    // Two workers: the quarter goes out once, with its link and its mail job.
    let jobs_before = store.pending_jobs("mail").await.expect("jobs");
    assert!(
        store
            .queue_quarterly_mail(&mail("s1", "2026-Q3", "h1"), 500)
            .await
            .expect("queue")
    );
    assert!(
        !store
            .queue_quarterly_mail(&mail("s1", "2026-Q3", "h1-again"), 500)
            .await
            .expect("twice")
    );
    assert_eq!(
        store.pending_jobs("mail").await.expect("jobs"),
        jobs_before + 1
    );
    assert!(
        store
            .subscription_by_link("h1-again")
            .await
            .expect("link")
            .is_none()
    );
    let due: Vec<String> = store
        .subscriptions_due("2026-Q3")
        .await
        .expect("due")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(due, ["s2", "s3"]);
    for (id, link) in [("s2", "h2"), ("s3", "h3")] {
        assert!(
            store
                .queue_quarterly_mail(&mail(id, "2026-Q3", link), 500)
                .await
                .expect("queue")
        );
    }
    assert!(
        store
            .queue_quarterly_mail(&mail("s1", "2026-Q4", "h1-q4"), 900)
            .await
            .expect("next quarter")
    );

    // Every mail's link stands for its subscription; ending it ends that one only.
    let by_old_link = store
        .subscription_by_link("h1")
        .await
        .expect("link")
        .expect("found");
    assert_eq!(
        (by_old_link.id.as_str(), by_old_link.last_quarter.as_str()),
        ("s1", "2026-Q4")
    );
    assert!(store.unsubscribe_by_link("h1").await.expect("unsubscribe"));
    assert!(
        store
            .subscription_by_link("h1-q4")
            .await
            .expect("link")
            .is_none(),
        "all its links go"
    );
    assert!(!store.unsubscribe_by_link("h1").await.expect("again"));
    assert!(
        !store
            .queue_quarterly_mail(&mail("s1", "2027-Q1", "h1-q1"), 1000)
            .await
            .expect("ended")
    );
    let left: Vec<String> = store
        .subscriptions_of(&funder.id)
        .await
        .expect("mine")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, ["s2"]);

    // From the page: by scope.
    assert!(
        store
            .unsubscribe(&funder.id, "regio:zuid-limburg")
            .await
            .expect("unsubscribe")
    );
    assert!(
        !store
            .unsubscribe(&funder.id, "regio:zuid-limburg")
            .await
            .expect("again")
    );
    assert!(
        store
            .subscription_by_link("h2")
            .await
            .expect("link")
            .is_none()
    );

    // Erasing an account ends its subscriptions and their links.
    assert!(
        store
            .subscription_by_link("h3")
            .await
            .expect("link")
            .is_some()
    );
    assert!(store.erase_account(&other.id, 2000).await.expect("erase"));
    assert!(
        store
            .subscriptions_of(&other.id)
            .await
            .expect("theirs")
            .is_empty()
    );
    assert!(
        store
            .subscription_by_link("h3")
            .await
            .expect("link")
            .is_none()
    );
    assert!(
        store
            .subscriptions_due("2099-Q1")
            .await
            .expect("due")
            .is_empty()
    );
}
