#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! For any situation the checks accept: social security, health care and wage
//! tax are always answered; every answer is an outcome or "needs an adviser"
//! with a reason, and names at least one rule, each with its source, in force
//! on the situation's date.

use loket_crossborder::explain::Outcome;
use loket_crossborder::{RuleBook, SituationInput, explain};
use proptest::prelude::*;

fn country() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["NL", "DE", "BE"]).prop_map(String::from)
}

fn maybe_country() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "NL", "DE", "BE"]).prop_map(String::from)
}

fn situation() -> impl Strategy<Value = SituationInput> {
    (
        (
            0i64..1461,
            country(),
            country(),
            prop::sample::select(vec!["employee", "self-employed", "civil-servant", "posted"]),
            maybe_country(),
        ),
        (
            1i64..60,
            0.0f64..=100.0,
            0.0f64..=100.0,
            0i64..=366,
            0i64..=366,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            maybe_country(),
            prop::sample::select(vec!["", "whole", "short-time"]),
            maybe_country(),
            maybe_country(),
        ),
        (
            any::<bool>(),
            prop::option::of(0.0f64..=100.0),
            prop::option::of(0i64..2000),
        ),
    )
        .prop_map(|(a, b, c, d)| {
            let date =
                chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(a.0);
            SituationInput {
                date: date.to_string(),
                residence: a.1,
                work: a.2,
                kind: a.3.into(),
                employer_seat: a.4,
                posting_months: Some(b.0),
                residence_share: Some(b.1),
                telework_share: Some(b.2),
                days_outside_work_state: Some(b.3),
                days_in_work_state: Some(b.4),
                several_employers: c.0,
                marginal: c.1,
                self_employed_in: c.2,
                unemployment: c.3.into(),
                children_residence: c.4,
                other_parent_works_in: c.5,
                private_health_insurance: d.0,
                income_share_in_work_state: d.1,
                earlier_residence_km: d.2,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn every_situation_gets_an_answer_or_an_adviser_with_a_reason(input in situation()) {
        let book = RuleBook::shipped().unwrap();
        let s = input.check(&book).unwrap();
        let e = explain(&book, &s);
        for domain in ["social-security", "health-care", "wage-tax"] {
            prop_assert!(e.answers.iter().any(|a| a.domain.code() == domain), "no {domain} answer");
        }
        for a in &e.answers {
            if let Outcome::NeedsAdviser { reason } = a.outcome {
                prop_assert!(!reason.is_empty());
            }
            prop_assert!(!a.trace.is_empty(), "{:?} names no rule", a.domain);
            for id in &a.trace {
                let rule = book.rule(id);
                prop_assert!(rule.is_some(), "{id} is not in the rule book");
                let rule = rule.unwrap();
                prop_assert!(rule.source.url.starts_with("https://") && !rule.source.article.is_empty());
                if !matches!(a.outcome, Outcome::NeedsAdviser { .. }) {
                    prop_assert!(rule.applies_on(s.date), "{id} is not in force on {}", s.date);
                }
            }
            prop_assert!(!a.advisers.is_empty());
        }
    }
}
