//! The contract of the targets' storage: the newest value counts, every earlier
//! one stays in the history, and the history cannot be changed.

use loket_domain::monitoring::{Target, TargetScope};
use loket_store::monitoring::DayCount;
use loket_store::{RouteTally, Store};

const T0: i64 = 1_795_000_000;

fn target(indicator: &str, scope: TargetScope, year: i32, value: u64) -> Target {
    Target {
        indicator: indicator.into(),
        scope,
        year,
        value,
    }
}

pub async fn targets_keep_their_history_and_the_newest_counts(store: &dyn Store) {
    let region = TargetScope::Region("zuid-limburg".into());
    for (value, at) in [(10_000, T0), (12_000, T0 + 60)] {
        store
            .set_target(
                &target("contacts", region.clone(), 2026, value),
                "acc-coordinator",
                at,
            )
            .await
            .expect("set target");
    }
    store
        .set_target(
            &target("contacts", TargetScope::Network, 2026, 20_000),
            "acc-coordinator",
            T0,
        )
        .await
        .expect("network target");
    store
        .set_target(
            &target("placements", TargetScope::Network, 2027, 45),
            "acc-other",
            T0,
        )
        .await
        .expect("next year's target");
    let now = store.targets(2026).await.expect("targets");
    let values: Vec<(String, String, u64)> = now
        .iter()
        .map(|r| {
            (
                r.target.indicator.clone(),
                r.target.scope.code(),
                r.target.value,
            )
        })
        .collect();
    assert_eq!(
        values,
        vec![
            ("contacts".into(), "network".into(), 20_000),
            ("contacts".into(), "region:zuid-limburg".into(), 12_000),
        ]
    );
    let history = store
        .target_history("contacts", "region:zuid-limburg", 2026)
        .await
        .expect("history");
    let changes: Vec<(u64, i64, &str)> = history
        .iter()
        .map(|r| (r.target.value, r.set_at, r.set_by.as_str()))
        .collect();
    assert_eq!(
        changes,
        vec![
            (12_000, T0 + 60, "acc-coordinator"),
            (10_000, T0, "acc-coordinator")
        ]
    );
    assert_eq!(store.targets(2027).await.expect("2027").len(), 1);
    assert!(store.targets(2025).await.expect("2025").is_empty());
}

pub async fn routings_are_counted_per_day_and_front_door(store: &dyn Store) {
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("day");
    let tally = |d: &str, region: &str, combination: &str, count: i64| RouteTally {
        day: day(d),
        region: region.into(),
        combination: combination.into(),
        fell_back: false,
        count,
    };
    store
        .add_route_counts(&[
            tally("2026-03-01", "", "a", 2),
            tally("2026-03-01", "", "b", 3),
            tally("2026-03-01", "midden-limburg", "a", 1),
            tally("2026-03-02", "", "a", 4),
            tally("2026-04-01", "", "a", 9),
        ])
        .await
        .expect("counts");
    let got = store
        .routings_per_day(day("2026-03-01"), day("2026-03-31"))
        .await
        .expect("per day");
    let count = |d: &str, region: &str, count: u64| DayCount {
        day: day(d),
        region: region.into(),
        count,
    };
    assert_eq!(
        got,
        vec![
            count("2026-03-01", "", 5),
            count("2026-03-01", "midden-limburg", 1),
            count("2026-03-02", "", 4),
        ]
    );
}

pub async fn a_programmes_milestones_and_money_are_kept_with_their_history(store: &dyn Store) {
    use loket_domain::monitoring::programme::{BudgetEntry, BudgetKind, Status};
    let p = "limburg-arbeidsmigratie";
    store
        .set_milestone(p, "2-a", Status::Started, "Provincie Limburg", "acc-1", T0)
        .await
        .expect("started");
    store
        .set_milestone(
            p,
            "2-a",
            Status::Done,
            "Provincie Limburg",
            "acc-2",
            T0 + 60,
        )
        .await
        .expect("done");
    store
        .set_milestone(
            p,
            "3.1-c",
            Status::Planned,
            "Team communicatie",
            "acc-1",
            T0,
        )
        .await
        .expect("planned");
    store
        .set_milestone("other", "2-a", Status::Dropped, "x", "acc-1", T0)
        .await
        .expect("another programme");
    let now: Vec<(String, Status, String)> = store
        .milestones(p)
        .await
        .expect("milestones")
        .into_iter()
        .map(|m| (m.milestone, m.status, m.owner))
        .collect();
    assert_eq!(
        now,
        vec![
            ("2-a".into(), Status::Done, "Provincie Limburg".into()),
            ("3.1-c".into(), Status::Planned, "Team communicatie".into()),
        ]
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("day");
    for (kind, cents) in [
        (BudgetKind::Committed, 10_000_000),
        (BudgetKind::Spent, 1_250_050),
    ] {
        store
            .add_budget(
                p,
                &BudgetEntry {
                    action_line: "Eerlijke beeldvorming".into(),
                    kind,
                    cents,
                    on: day,
                    note: "communicatieplan".into(),
                },
                "acc-1",
                T0,
            )
            .await
            .expect("budget");
    }
    let entries = store.budget(p).await.expect("budget");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].entry.cents, 1_250_050, "cents kept exactly");
    assert_eq!(entries[1].entry.on, day);
    assert!(store.budget("other").await.expect("other").is_empty());
}
