//! A programme's progress: each milestone's status, owner and whether it is
//! overdue on a given day; the money planned, committed and spent per action
//! line; and the coordinator's updates (checked by the domain, every change kept).

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use chrono::NaiveDate;
use loket_domain::audit::AuditResult;
use loket_domain::monitoring::programme::{
    self, BudgetEntry, BudgetInput, BudgetKind, Milestone, Programme, Status,
};
use loket_domain::referral::FieldProblem;
use std::collections::HashMap;

/// The programmes loket ships (the example programme).
pub fn shipped() -> Result<Vec<Programme>, programme::ProgrammeError> {
    Ok(vec![Programme::parse(programme::EXAMPLE)?])
}

pub struct MilestoneState {
    pub milestone: Milestone,
    pub status: Status,
    pub owner: String,
    pub overdue: bool,
}

pub struct LineProgress {
    pub name: String,
    pub programme_line: String,
    pub planned: Option<i64>,
    pub committed: i64,
    pub spent: i64,
    pub milestones: Vec<MilestoneState>,
}

pub struct GoalProgress {
    pub code: String,
    pub name: String,
    pub lines: Vec<LineProgress>,
}

pub struct ThemeProgress {
    pub number: String,
    pub name: String,
    pub goals: Vec<GoalProgress>,
}

pub struct Progress {
    pub programme: Programme,
    /// The day the statuses and sums are as of.
    pub as_of: NaiveDate,
    pub themes: Vec<ThemeProgress>,
    pub planned: i64,
    pub committed: i64,
    pub spent: i64,
    pub milestones: usize,
    pub overdue: usize,
}

fn find<'a>(app: &'a App, code: &str) -> AppResult<&'a Programme> {
    app.programmes
        .iter()
        .find(|p| p.code == code)
        .ok_or(AppError::NotFound)
}

/// Where the programme stands on `as_of`: statuses as last set, money entered
/// up to and including that day.
pub async fn progress(app: &App, code: &str, as_of: NaiveDate) -> AppResult<Progress> {
    let p = find(app, code)?;
    let states: HashMap<String, (Status, String)> = app
        .store
        .milestones(code)
        .await?
        .into_iter()
        .map(|m| (m.milestone, (m.status, m.owner)))
        .collect();
    let budget = app.store.budget(code).await?;
    let sum = |line: &str, kind: BudgetKind| -> i64 {
        budget
            .iter()
            .filter(|b| b.entry.action_line == line && b.entry.kind == kind && b.entry.on <= as_of)
            .map(|b| b.entry.cents)
            .sum()
    };
    let themes: Vec<ThemeProgress> = p
        .themes
        .iter()
        .map(|t| ThemeProgress {
            number: t.number.clone(),
            name: t.name.clone(),
            goals: t
                .goals
                .iter()
                .map(|g| GoalProgress {
                    code: g.code.clone(),
                    name: g.name.clone(),
                    lines: g
                        .action_lines
                        .iter()
                        .map(|l| LineProgress {
                            name: l.name.clone(),
                            programme_line: l.programme_line.clone(),
                            planned: l.extra_budget,
                            committed: sum(&l.name, BudgetKind::Committed),
                            spent: sum(&l.name, BudgetKind::Spent),
                            milestones: l
                                .milestones
                                .iter()
                                .map(|m| {
                                    let (status, owner) = states
                                        .get(&m.id)
                                        .cloned()
                                        .unwrap_or((Status::Planned, p.owner.clone()));
                                    MilestoneState {
                                        overdue: programme::overdue(m.deadline, status, as_of),
                                        milestone: m.clone(),
                                        status,
                                        owner,
                                    }
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let lines = || themes.iter().flat_map(|t| &t.goals).flat_map(|g| &g.lines);
    Ok(Progress {
        planned: p.planned_budget(),
        committed: lines().map(|l| l.committed).sum(),
        spent: lines().map(|l| l.spent).sum(),
        milestones: lines().map(|l| l.milestones.len()).sum(),
        overdue: lines()
            .flat_map(|l| &l.milestones)
            .filter(|m| m.overdue)
            .count(),
        programme: p.clone(),
        as_of,
        themes,
    })
}

/// A milestone's new status and owner, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct MilestoneInput {
    #[serde(default)]
    pub milestone: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub owner: String,
}

/// Records a milestone's status and owner; every problem at once.
pub async fn set_milestone(
    app: &App,
    code: &str,
    input: &MilestoneInput,
    actor: &str,
) -> AppResult<()> {
    let p = find(app, code)?;
    let mut problems = Vec::new();
    if p.milestone(input.milestone.trim()).is_none() {
        problems.push(FieldProblem {
            field: "milestone",
            problem: "unknown",
        });
    }
    let status = Status::parse(input.status.trim());
    if status.is_none() {
        problems.push(FieldProblem {
            field: "status",
            problem: "unknown",
        });
    }
    let owner = input.owner.trim();
    if owner.is_empty() {
        problems.push(FieldProblem {
            field: "owner",
            problem: "required",
        });
    } else if owner.chars().count() > 120 {
        problems.push(FieldProblem {
            field: "owner",
            problem: "too-long",
        });
    }
    let Some(status) = status.filter(|_| problems.is_empty()) else {
        return Err(AppError::Invalid(problems));
    };
    app.store
        .set_milestone(
            code,
            input.milestone.trim(),
            status,
            owner,
            actor,
            app.clock.unix(),
        )
        .await?;
    app.record_audit(web_event(
        "programme.milestone",
        format!("programme/{code}/{}", input.milestone.trim()),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(())
}

/// Adds money committed or spent to an action line; every problem at once.
pub async fn add_budget(
    app: &App,
    code: &str,
    input: &BudgetInput,
    actor: &str,
) -> AppResult<BudgetEntry> {
    let p = find(app, code)?;
    let entry = programme::check_budget(p, input).map_err(AppError::Invalid)?;
    app.store
        .add_budget(code, &entry, actor, app.clock.unix())
        .await?;
    app.record_audit(web_event(
        "programme.budget",
        format!("programme/{code}"),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(entry)
}
