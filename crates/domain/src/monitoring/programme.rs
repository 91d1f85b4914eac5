//! A programme as its funders steer it: themes → goals → action lines →
//! milestones (a deadline, a status, an owner), each action line with its
//! programme line and extra budget; money entered as committed or spent. The
//! province's labour-migration programme ships as an example
//! (`seed/programmes/`). Amounts are whole euro cents, never floating point.

use crate::Text;
use crate::referral::FieldProblem;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The example programme that ships with loket.
pub const EXAMPLE: &str = include_str!("../../../../seed/programmes/limburg-arbeidsmigratie.json");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    pub code: String,
    pub name: Text,
    /// Who runs it (the province, a region's governance).
    pub owner: String,
    /// How and when it is reported.
    pub reporting: String,
    pub themes: Vec<Theme>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub number: String,
    pub name: String,
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub code: String,
    pub name: String,
    pub action_lines: Vec<ActionLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionLine {
    pub name: String,
    pub programme_line: String,
    /// Extra budget in euro cents, if the programme grants any.
    pub extra_budget: Option<i64>,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub name: String,
    /// The programme's own words ("najaar 2013").
    pub when: String,
    /// The last day those words name.
    pub deadline: NaiveDate,
}

/// Where a milestone stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Planned,
    Started,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Started,
        Status::Done,
        Status::Dropped,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Started => "started",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A milestone is overdue when its deadline has passed and it is neither done
/// nor dropped.
pub fn overdue(deadline: NaiveDate, status: Status, today: NaiveDate) -> bool {
    deadline < today && matches!(status, Status::Planned | Status::Started)
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProgrammeError {
    #[error("the programme file is not valid: {0}")]
    Format(String),
    #[error("milestone {0} appears twice")]
    DuplicateMilestone(String),
    #[error("action line {0:?} has a negative budget")]
    NegativeBudget(String),
}

impl Programme {
    pub fn parse(text: &str) -> Result<Programme, ProgrammeError> {
        let p: Programme =
            serde_json::from_str(text).map_err(|e| ProgrammeError::Format(e.to_string()))?;
        let mut ids = BTreeSet::new();
        for line in p.action_lines() {
            if line.extra_budget.is_some_and(|b| b < 0) {
                return Err(ProgrammeError::NegativeBudget(line.name.clone()));
            }
            for m in &line.milestones {
                if !ids.insert(m.id.clone()) {
                    return Err(ProgrammeError::DuplicateMilestone(m.id.clone()));
                }
            }
        }
        Ok(p)
    }

    pub fn action_lines(&self) -> impl Iterator<Item = &ActionLine> {
        self.themes
            .iter()
            .flat_map(|t| &t.goals)
            .flat_map(|g| &g.action_lines)
    }

    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.action_lines()
            .flat_map(|l| &l.milestones)
            .find(|m| m.id == id)
    }

    /// The action line a milestone id or an action line's name belongs to.
    pub fn has_action_line(&self, name: &str) -> bool {
        self.action_lines().any(|l| l.name == name)
    }

    /// The extra budget of every action line together, in cents.
    pub fn planned_budget(&self) -> i64 {
        self.action_lines().filter_map(|l| l.extra_budget).sum()
    }
}

/// Money as typed: "250.000", "250.000,00", "€ 1.234,5", "250000.50". Dots
/// before groups of three digits are thousands; a comma, or a dot before one
/// or two digits, starts the cents.
pub fn parse_amount(text: &str) -> Result<i64, &'static str> {
    let t: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches(",-")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.is_empty() {
        return Err("required");
    }
    if t.starts_with('-') {
        return Err("negative");
    }
    let (whole, cents) = match t.rfind(',') {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => match t.rfind('.') {
            Some(i) if t.len() - i - 1 != 3 => (&t[..i], &t[i + 1..]),
            _ => (t.as_str(), ""),
        },
    };
    if cents.len() > 2 {
        return Err("three-decimals");
    }
    let groups: Vec<&str> = whole.split('.').collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return Err("not-an-amount");
    }
    let digits: String = groups.concat();
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !cents.bytes().all(|b| b.is_ascii_digit())
    {
        return Err("not-an-amount");
    }
    let euros: i64 = digits.parse().map_err(|_| "too-large")?;
    let cents: i64 = format!("{cents:0<2}").parse().unwrap_or(0);
    euros
        .checked_mul(100)
        .and_then(|c| c.checked_add(cents))
        // At most a billion euros: far above any programme, far below i64's limit.
        .filter(|c| *c <= 100_000_000_000)
        .ok_or("too-large")
}

/// Cents as Dutch-style euros for reports: "€ 250.000,00".
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}€ {grouped},{:02}", c % 100)
}

/// What a budget entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BudgetKind {
    Committed,
    Spent,
}

impl BudgetKind {
    pub fn code(self) -> &'static str {
        match self {
            BudgetKind::Committed => "committed",
            BudgetKind::Spent => "spent",
        }
    }
    pub fn parse(code: &str) -> Option<BudgetKind> {
        [BudgetKind::Committed, BudgetKind::Spent]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A budget entry as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct BudgetInput {
    #[serde(default)]
    pub action_line: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetEntry {
    pub action_line: String,
    pub kind: BudgetKind,
    pub cents: i64,
    pub on: NaiveDate,
    pub note: String,
}

/// Every problem of a budget entry at once.
pub fn check_budget(p: &Programme, input: &BudgetInput) -> Result<BudgetEntry, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, problem| problems.push(FieldProblem { field, problem });
    if !p.has_action_line(input.action_line.trim()) {
        problem("action_line", "unknown");
    }
    let kind = BudgetKind::parse(input.kind.trim());
    if kind.is_none() {
        problem("kind", "unknown");
    }
    let cents = parse_amount(&input.amount);
    if let Err(e) = cents {
        problem("amount", e);
    }
    let on = NaiveDate::parse_from_str(input.on.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)));
    if on.is_none() {
        problem("on", "not-a-date");
    }
    if input.note.chars().count() > 200 {
        problem("note", "too-long");
    }
    match (kind, cents, on) {
        (Some(kind), Ok(cents), Some(on)) if problems.is_empty() => Ok(BudgetEntry {
            action_line: input.action_line.trim().to_string(),
            kind,
            cents,
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

    #[test]
    fn the_example_programme_holds_every_milestone_and_its_budget() {
        let p = Programme::parse(EXAMPLE).unwrap();
        assert_eq!(p.themes.len(), 4);
        assert_eq!(p.action_lines().flat_map(|l| &l.milestones).count(), 27);
        // €250,000 + €100,000 + €100,000 + €50,000 of extra budget.
        assert_eq!(p.planned_budget(), 50_000_000);
        let m = p.milestone("2-a").unwrap();
        assert_eq!(
            (m.when.as_str(), m.deadline.to_string().as_str()),
            ("najaar 2013", "2013-11-30")
        );
    }

    #[test]
    fn overdue_means_past_the_deadline_and_not_finished() {
        let d = NaiveDate::from_ymd_opt(2013, 11, 30).unwrap();
        let day_after = NaiveDate::from_ymd_opt(2013, 12, 1).unwrap();
        assert!(!overdue(d, Status::Planned, d));
        assert!(overdue(d, Status::Planned, day_after));
        assert!(overdue(d, Status::Started, day_after));
        assert!(!overdue(d, Status::Done, day_after));
        assert!(!overdue(d, Status::Dropped, day_after));
    }

    #[test]
    fn amounts_are_read_the_dutch_way_and_three_decimals_are_refused() {
        assert_eq!(parse_amount("€ 250.000,-"), Ok(25_000_000));
        assert_eq!(parse_amount("250.000,50"), Ok(25_000_050));
        assert_eq!(parse_amount("1234.5"), Ok(123_450));
        assert_eq!(parse_amount("1.234"), Ok(123_400));
        assert_eq!(parse_amount("12,345"), Err("three-decimals"));
        assert_eq!(parse_amount("1.2345"), Err("three-decimals"));
        assert_eq!(parse_amount("-5"), Err("negative"));
        assert_eq!(parse_amount("12.34.5"), Err("not-an-amount"));
        assert_eq!(parse_amount("tien"), Err("not-an-amount"));
        assert_eq!(parse_amount(""), Err("required"));
        assert_eq!(euros(25_000_050), "€ 250.000,50");
        assert_eq!(euros(5), "€ 0,05");
    }

    #[test]
    fn a_budget_entry_names_every_problem() {
        let p = Programme::parse(EXAMPLE).unwrap();
        let bad = check_budget(
            &p,
            &BudgetInput {
                action_line: "Nergens".into(),
                kind: "stolen".into(),
                amount: "10,005".into(),
                on: "2026-02-30".into(),
                note: String::new(),
            },
        )
        .unwrap_err();
        let fields: Vec<_> = bad.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("action_line", "unknown"),
                ("kind", "unknown"),
                ("amount", "three-decimals"),
                ("on", "not-a-date")
            ]
        );
        let ok = check_budget(
            &p,
            &BudgetInput {
                action_line: "Eerlijke beeldvorming".into(),
                kind: "spent".into(),
                amount: "12.500,00".into(),
                on: "2026-03-01".into(),
                note: "drukwerk".into(),
            },
        )
        .unwrap();
        assert_eq!(ok.cents, 1_250_000);
    }
}
