//! What the coordinator records about a region's funding beyond its sources:
//! how a maximum contribution is split over the organisations it funds, per
//! year, and where each condition stands (met or not, on which day). The checks
//! are here; every change is kept by the store.

use super::funding::{Agreement, Funding};
use super::programme::parse_amount;
use crate::referral::FieldProblem;
use chrono::NaiveDate;
use serde::Deserialize;

/// A share as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ShareInput {
    #[serde(default)]
    pub agreement: String,
    /// An organisation the agreement funds, by key.
    #[serde(default)]
    pub recipient: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub amount: String,
}

/// The most an organisation may receive from an agreement in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub agreement: String,
    pub recipient: String,
    pub year: i32,
    pub cents: i64,
}

/// Every problem of a share at once. `in_force` are the shares set so far;
/// together with this one (replacing the recipient's own) they may not exceed
/// the agreement's amount for the year, when the source names one.
pub fn check_share(
    f: &Funding,
    input: &ShareInput,
    in_force: &[Share],
) -> Result<Share, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, problem| problems.push(FieldProblem { field, problem });
    let agreement = f.agreements.iter().find(|a| a.id == input.agreement.trim());
    if agreement.is_none() {
        problem("agreement", "unknown");
    }
    let recipient = input.recipient.trim();
    if agreement.is_some_and(|a| !a.recipients.iter().any(|r| r == recipient)) {
        problem("recipient", "unknown");
    }
    let year = input.year.trim().parse::<i32>().ok();
    let grant = agreement.and_then(|a| year.and_then(|y| a.grants.iter().find(|g| g.year == y)));
    if agreement.is_some() && grant.is_none() {
        problem("year", "unknown");
    }
    let cents = parse_amount(&input.amount);
    if let Err(e) = cents {
        problem("amount", e);
    }
    let (Some(a), Some(year), Ok(cents)) = (agreement, year, cents) else {
        return Err(problems);
    };
    if let Some(limit) = grant.and_then(|g| g.cents) {
        let others: i64 = in_force
            .iter()
            .filter(|s| s.agreement == a.id && s.year == year && s.recipient != recipient)
            .map(|s| s.cents)
            .sum();
        if others + cents > limit {
            problem("amount", "over-maximum");
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Share {
        agreement: a.id.clone(),
        recipient: recipient.to_string(),
        year,
        cents,
    })
}

/// The sum of the shares of an agreement in a year.
pub fn shared(in_force: &[Share], agreement: &Agreement, year: i32) -> i64 {
    in_force
        .iter()
        .filter(|s| s.agreement == agreement.id && s.year == year)
        .map(|s| s.cents)
        .sum()
}

/// Where a condition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionStatus {
    Open,
    Met,
    NotMet,
}

impl ConditionStatus {
    pub const ALL: [ConditionStatus; 3] = [
        ConditionStatus::Open,
        ConditionStatus::Met,
        ConditionStatus::NotMet,
    ];
    pub fn code(self) -> &'static str {
        match self {
            ConditionStatus::Open => "open",
            ConditionStatus::Met => "met",
            ConditionStatus::NotMet => "not-met",
        }
    }
    pub fn parse(code: &str) -> Option<ConditionStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A condition's state as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ConditionInput {
    #[serde(default)]
    pub agreement: String,
    #[serde(default)]
    pub condition: String,
    #[serde(default)]
    pub status: String,
    /// The day it was met or found not met.
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionState {
    pub agreement: String,
    pub condition: String,
    pub status: ConditionStatus,
    /// When it was met or not met; none while open.
    pub on: Option<NaiveDate>,
    pub note: String,
}

/// Every problem of a condition's state at once. A decided condition needs
/// its day, and that day cannot lie after `today`.
pub fn check_condition(
    f: &Funding,
    input: &ConditionInput,
    today: NaiveDate,
) -> Result<ConditionState, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, problem| problems.push(FieldProblem { field, problem });
    let agreement = f.agreements.iter().find(|a| a.id == input.agreement.trim());
    if !agreement.is_some_and(|a| a.conditions.iter().any(|c| c.id == input.condition.trim())) {
        problem("condition", "unknown");
    }
    let status = ConditionStatus::parse(input.status.trim());
    if status.is_none() {
        problem("status", "unknown");
    }
    let text = input.on.trim();
    let on = match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        _ if status == Some(ConditionStatus::Open) => None,
        _ if text.is_empty() => {
            if status.is_some() {
                problem("on", "required");
            }
            None
        }
        Ok(day) if day > today => {
            problem("on", "future");
            None
        }
        Ok(day) if chrono::Datelike::year(&day) >= 2000 => Some(day),
        _ => {
            problem("on", "not-a-date");
            None
        }
    };
    if input.note.chars().count() > 300 {
        problem("note", "too-long");
    }
    match status {
        Some(status) if problems.is_empty() => Ok(ConditionState {
            agreement: input.agreement.trim().to_string(),
            condition: input.condition.trim().to_string(),
            status,
            on,
            note: input.note.trim().to_string(),
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::monitoring::funding::SOUTH_LIMBURG;

    fn funding() -> Funding {
        Funding::parse(SOUTH_LIMBURG).unwrap()
    }

    fn share(recipient: &str, year: &str, amount: &str) -> ShareInput {
        ShareInput {
            agreement: "samenwerkingsovereenkomst-2024".into(),
            recipient: recipient.into(),
            year: year.into(),
            amount: amount.into(),
        }
    }

    fn fields(p: Vec<FieldProblem>) -> Vec<(&'static str, &'static str)> {
        p.into_iter().map(|p| (p.field, p.problem)).collect()
    }

    #[test]
    fn shares_of_a_maximum_add_up_to_at_most_the_maximum() {
        let f = funding();
        let first = check_share(&f, &share("gip-maastricht", "2026", "1.000.000"), &[]).unwrap();
        assert_eq!(first.cents, 100_000_000);
        // €1.2 million for 2026: another €200,000 fits, €200,000.01 does not.
        let fits = check_share(
            &f,
            &share("wtmr", "2026", "200.000"),
            std::slice::from_ref(&first),
        )
        .unwrap();
        let over = check_share(
            &f,
            &share("wtmr", "2026", "200.000,01"),
            std::slice::from_ref(&first),
        );
        assert_eq!(fields(over.unwrap_err()), [("amount", "over-maximum")]);
        // A recipient's new share replaces its own old one.
        assert!(
            check_share(
                &f,
                &share("gip-maastricht", "2026", "1.200.000"),
                std::slice::from_ref(&first)
            )
            .is_ok()
        );
        let agreement = &f.agreements[0];
        assert_eq!(shared(&[first, fits], agreement, 2026), 120_000_000);
    }

    #[test]
    fn a_share_with_mistakes_names_every_one() {
        let f = funding();
        let all = check_share(&f, &share("bakery", "2031", "12,345"), &[]).unwrap_err();
        assert_eq!(
            fields(all),
            [
                ("recipient", "unknown"),
                ("year", "unknown"),
                ("amount", "three-decimals")
            ]
        );
        let mut unknown = share("wtmr", "2026", "-5");
        unknown.agreement = "nothing".into();
        assert_eq!(
            fields(check_share(&f, &unknown, &[]).unwrap_err()),
            [("agreement", "unknown"), ("amount", "negative")]
        );
    }

    #[test]
    fn a_decided_condition_needs_a_day_that_has_come() {
        let f = funding();
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let input = |status: &str, on: &str| ConditionInput {
            agreement: "eszl-wtmr-2026-2027".into(),
            condition: "eszl-criteria".into(),
            status: status.into(),
            on: on.into(),
            note: String::new(),
        };
        let met = check_condition(&f, &input("met", "2026-02-12"), today).unwrap();
        assert_eq!(
            (met.status, met.on.unwrap().to_string()),
            (ConditionStatus::Met, "2026-02-12".into())
        );
        assert_eq!(
            check_condition(&f, &input("open", "whenever"), today)
                .unwrap()
                .on,
            None
        );
        assert_eq!(
            fields(check_condition(&f, &input("met", ""), today).unwrap_err()),
            [("on", "required")]
        );
        assert_eq!(
            fields(check_condition(&f, &input("not-met", "2026-03-02"), today).unwrap_err()),
            [("on", "future")]
        );
        let mut wrong = input("maybe", "2026-02-30");
        wrong.condition = "other".into();
        assert_eq!(
            fields(check_condition(&f, &wrong, today).unwrap_err()),
            [
                ("condition", "unknown"),
                ("status", "unknown"),
                ("on", "not-a-date")
            ]
        );
    }
}
