//! Storage for monitoring: the targets of the indicators (every change kept) and
//! the counts the indicators read that no other feature asks for.

use async_trait::async_trait;
use chrono::NaiveDate;
use loket_domain::monitoring::Target;
use loket_domain::monitoring::programme::{BudgetEntry, Status};
use loket_domain::monitoring::rollup::{Kind, NamedPeople, Tally};

use crate::StoreResult;

/// A target as it was set, by whom and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRecord {
    pub target: Target,
    /// The account that set it.
    pub set_by: String,
    pub set_at: i64,
}

#[async_trait]
pub trait MonitoringStore: Send + Sync + 'static {
    /// Records a target; an earlier one for the same indicator, scope and year
    /// stays in the history.
    async fn set_target(&self, target: &Target, set_by: &str, at: i64) -> StoreResult<()>;
    /// The targets in force for a year: the newest of each indicator and scope.
    async fn targets(&self, year: i32) -> StoreResult<Vec<TargetRecord>>;
    /// Every value one target had, the newest first.
    async fn target_history(
        &self,
        indicator: &str,
        scope: &str,
        year: i32,
    ) -> StoreResult<Vec<TargetRecord>>;
    /// Front-door routings per day and front door (a region's code, or empty for
    /// the deployment's own) from `first` to `last`, inclusive.
    async fn routings_per_day(
        &self,
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
    ) -> StoreResult<Vec<DayCount>>;
    /// Records where a programme's milestone stands; earlier states stay.
    async fn set_milestone(
        &self,
        programme: &str,
        milestone: &str,
        status: Status,
        owner: &str,
        set_by: &str,
        at: i64,
    ) -> StoreResult<()>;
    /// The newest state of each milestone of a programme that has one.
    async fn milestones(&self, programme: &str) -> StoreResult<Vec<MilestoneRecord>>;
    /// Adds money committed or spent to a programme's action line.
    async fn add_budget(
        &self,
        programme: &str,
        entry: &BudgetEntry,
        set_by: &str,
        at: i64,
    ) -> StoreResult<()>;
    /// Every budget entry of a programme, in the order entered.
    async fn budget(&self, programme: &str) -> StoreResult<Vec<BudgetRecord>>;
    /// The tallies of every kind per month and organisation from `first` to
    /// `last` inclusive (each with the month's first day; no other breakdown).
    async fn monthly_tallies(&self, first: NaiveDate, last: NaiveDate) -> StoreResult<Vec<Tally>>;
    /// One kind's tallies per month with every breakdown, for a drill-down.
    async fn detailed_tallies(
        &self,
        kind: Kind,
        first: NaiveDate,
        last: NaiveDate,
    ) -> StoreResult<Vec<Tally>>;
    /// The distinct named people seen from `first` to `last` by the given
    /// organisations (`None`: any), in total and per month.
    async fn named_people(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        organisations: Option<&[String]>,
    ) -> StoreResult<NamedPeople>;
    /// Builds every tally anew from the records (an operator's repair).
    async fn rebuild_tallies(&self, at: i64) -> StoreResult<()>;
    /// Builds the tallies from the records unless that was done: at start, so
    /// the records from before the tallies existed count too.
    async fn ensure_tallies(&self, at: i64) -> StoreResult<()>;
}

/// Where a milestone stands, as last set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRecord {
    pub milestone: String,
    pub status: Status,
    /// Who is responsible for it.
    pub owner: String,
    pub set_by: String,
    pub set_at: i64,
}

/// Money committed or spent, as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRecord {
    pub entry: BudgetEntry,
    pub set_by: String,
    pub set_at: i64,
}

/// A count on one day for one front door.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    pub day: chrono::NaiveDate,
    pub region: String,
    pub count: u64,
}
