//! The contract of the funding records: shares and condition states keep
//! every change and read the newest, per region; funder links can be removed
//! and go with the account's erasure.

use loket_domain::monitoring::allocation::{ConditionState, ConditionStatus, Share};
use loket_store::Store;
use loket_store::funding::FunderLink;

fn share(recipient: &str, year: i32, cents: i64) -> Share {
    Share {
        agreement: "samenwerkingsovereenkomst-2024".into(),
        recipient: recipient.into(),
        year,
        cents,
    }
}

pub async fn funding_records_keep_their_history_and_read_the_newest(store: &dyn Store) {
    let zl = "zuid-limburg";
    store
        .set_share(zl, &share("wtmr", 2026, 100), "coordinator", 10)
        .await
        .expect("share");
    store
        .set_share(zl, &share("wtmr", 2026, 250), "coordinator-2", 20)
        .await
        .expect("share");
    store
        .set_share(zl, &share("wtmr", 2027, 300), "coordinator", 30)
        .await
        .expect("share");
    store
        .set_share(zl, &share("gip-maastricht", 2026, 400), "coordinator", 40)
        .await
        .expect("share");
    store
        .set_share("midden-limburg", &share("wtmr", 2026, 999), "other", 50)
        .await
        .expect("share");
    let shares = store.shares(zl).await.expect("shares");
    let seen: Vec<(String, i32, i64, String)> = shares
        .iter()
        .map(|r| {
            (
                r.value.recipient.clone(),
                r.value.year,
                r.value.cents,
                r.set_by.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "gip-maastricht".to_string(),
                2026,
                400,
                "coordinator".to_string()
            ),
            ("wtmr".to_string(), 2026, 250, "coordinator-2".to_string()),
            ("wtmr".to_string(), 2027, 300, "coordinator".to_string()),
        ]
    );

    let state = |status, on: Option<&str>, note: &str| ConditionState {
        agreement: "eszl-wtmr-2026-2027".into(),
        condition: "eszl-criteria".into(),
        status,
        on: on.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("day")),
        note: note.into(),
    };
    assert!(store.conditions(zl).await.expect("conditions").is_empty());
    store
        .set_condition(
            zl,
            &state(ConditionStatus::NotMet, Some("2026-02-16"), "late"),
            "c1",
            60,
        )
        .await
        .expect("state");
    store
        .set_condition(
            zl,
            &state(
                ConditionStatus::Met,
                Some("2026-02-20"),
                "sent to the board",
            ),
            "c2",
            70,
        )
        .await
        .expect("state");
    let now = store.conditions(zl).await.expect("conditions");
    assert_eq!(now.len(), 1);
    assert_eq!(
        now[0].value,
        state(
            ConditionStatus::Met,
            Some("2026-02-20"),
            "sent to the board"
        )
    );
    assert_eq!((now[0].set_by.as_str(), now[0].set_at), ("c2", 70));
    store
        .set_condition(zl, &state(ConditionStatus::Open, None, ""), "c1", 80)
        .await
        .expect("reopen");
    assert_eq!(
        store.conditions(zl).await.expect("conditions")[0].value.on,
        None
    );

    let funder = crate::an_account(store, "eszl@example.nl").await;
    let link = |funder_id: &str, linked| FunderLink {
        account_id: funder.id.clone(),
        region: zl.into(),
        funder: funder_id.into(),
        linked,
    };
    store
        .set_funder_link(&link("eszl", true), "c1", 90)
        .await
        .expect("link");
    store
        .set_funder_link(&link("regio-deal", true), "c1", 91)
        .await
        .expect("link");
    store
        .set_funder_link(&link("regio-deal", false), "c1", 92)
        .await
        .expect("unlink");
    let mine = store
        .funder_links(None, Some(&funder.id))
        .await
        .expect("links");
    assert_eq!(mine, [link("eszl", true)]);
    assert_eq!(
        store.funder_links(Some(zl), None).await.expect("links"),
        mine
    );
    assert!(
        store
            .funder_links(Some("midden-limburg"), None)
            .await
            .expect("links")
            .is_empty()
    );
    assert!(store.erase_account(&funder.id, 100).await.expect("erase"));
    assert!(
        store
            .funder_links(Some(zl), None)
            .await
            .expect("links")
            .is_empty()
    );
}
