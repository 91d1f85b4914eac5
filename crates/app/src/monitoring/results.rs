//! The results of every indicator for a scope and period: what the audience may
//! see of the period and of the period before it, and the target of the year.
//! One use case for the dashboard, the exports and (later) the API, so all of
//! them give the same numbers.

use crate::referrals::figures_scope::FiguresScope;
use crate::{App, AppError, AppResult};
use chrono::{Datelike, NaiveDate};
use loket_domain::monitoring::breakdown::{self, NotShown, PublishedTable};
use loket_domain::monitoring::measure::{self, Attendance, Door, Published, Records, Scope};
use loket_domain::monitoring::rollup::{Kind, NamedPeople, Tally};
use loket_domain::monitoring::{Breakdown, Indicator, Period, TargetScope};
use loket_domain::referral::FieldProblem;
use loket_domain::search::CatalogueIndex;

/// One indicator's line.
#[derive(Debug, Clone)]
pub struct IndicatorResult {
    pub indicator: Indicator,
    pub now: Published,
    pub before: Published,
    /// The target of the period's year, when the period lies within one year.
    pub target: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub period: Period,
    pub previous: Period,
    /// The year whose targets apply (the period lies within it).
    pub target_year: Option<i32>,
    /// Exact counts, or aggregates with small numbers hidden.
    pub exact: bool,
    pub lines: Vec<IndicatorResult>,
    /// When the figures were counted (Unix seconds).
    pub counted_at: i64,
}

/// The records' scope: which organisations and which front door.
fn scope_of(scope: &FiguresScope, idx: &CatalogueIndex) -> Scope {
    match scope {
        FiguresScope::Network => Scope {
            partners: None,
            door: Door::All,
        },
        FiguresScope::Region(code) => Scope {
            partners: Some(idx.regions.contributors(code)),
            door: Door::Region(code.clone()),
        },
        FiguresScope::Organization(o) => Scope {
            partners: Some(vec![o.clone()]),
            door: Door::None,
        },
    }
}

fn target_scope(scope: &FiguresScope) -> TargetScope {
    match scope {
        FiguresScope::Network => TargetScope::Network,
        FiguresScope::Region(c) => TargetScope::Region(c.clone()),
        FiguresScope::Organization(o) => TargetScope::Organisation(o.clone()),
    }
}

/// What a period's indicators are counted from (see
/// [`loket_domain::monitoring::rollup`]).
struct Loaded {
    tallies: Vec<Tally>,
    routings: Vec<(NaiveDate, String, u64)>,
    people: NamedPeople,
    attendance: Vec<Attendance>,
}

impl Loaded {
    fn records(&self) -> Records<'_> {
        Records {
            tallies: &self.tallies,
            routings: &self.routings,
            people: &self.people,
            attendance: &self.attendance,
        }
    }
}

/// What a use case reads of a period.
enum Reading {
    /// Every kind per month and organisation, and the named people: the dashboard.
    Dashboard,
    /// One kind with every breakdown: a drill-down of a tallied indicator.
    Detail(Kind),
    /// Routings only: a drill-down of the front door's routings (or of an
    /// indicator that cannot be drilled, which is refused without tallies).
    Routings,
}

/// Reads a period's tallies and routings.
async fn load(app: &App, counted: &Scope, period: &Period, reading: Reading) -> AppResult<Loaded> {
    let (first, last) = (period.first, period.last);
    let (tallies, people) = match reading {
        Reading::Dashboard => (
            app.store.monthly_tallies(first, last).await?,
            app.store
                .named_people(first, last, counted.partners.as_deref())
                .await?,
        ),
        Reading::Detail(kind) => (
            app.store.detailed_tallies(kind, first, last).await?,
            NamedPeople::default(),
        ),
        Reading::Routings => (Vec::new(), NamedPeople::default()),
    };
    let routings = app.store.routings_per_day(first, last).await?;
    let attendance = crate::events::organise::attendance(app, first, last).await?;
    Ok(Loaded {
        tallies,
        people,
        attendance,
        routings: routings
            .into_iter()
            .map(|d| (d.day, d.region, d.count))
            .collect(),
    })
}

/// Counts every indicator in force at the period's end, against the scope's targets.
pub async fn results(
    app: &App,
    scope: &FiguresScope,
    exact: bool,
    period: Period,
) -> AppResult<Results> {
    results_against(app, scope, exact, period, &[target_scope(scope)]).await
}

/// The whole network's results against a programme's targets (the network's
/// where the programme has none): the indicators of its progress report.
pub async fn for_programme(
    app: &App,
    programme: &str,
    exact: bool,
    period: Period,
) -> AppResult<Results> {
    let wanted = [
        TargetScope::Programme(programme.to_string()),
        TargetScope::Network,
    ];
    results_against(app, &FiguresScope::Network, exact, period, &wanted).await
}

/// Counts every indicator in force at the period's end; each one's target is
/// the first of the `wanted` scopes that has one.
async fn results_against(
    app: &App,
    scope: &FiguresScope,
    exact: bool,
    period: Period,
    wanted: &[TargetScope],
) -> AppResult<Results> {
    let idx = app.index();
    let previous = period.previous();
    let counted = scope_of(scope, &idx);
    let (now, before) = tokio::try_join!(
        load(app, &counted, &period, Reading::Dashboard),
        load(app, &counted, &previous, Reading::Dashboard)
    )?;
    let target_year = (period.first.year() == period.last.year()).then_some(period.first.year());
    let targets = match target_year {
        Some(y) => app.store.targets(y).await?,
        None => Vec::new(),
    };
    let lines = app
        .indicators
        .current(period.last)
        .into_iter()
        .map(|i| {
            let now = measure::measure(i, &counted, &now.records());
            let before = measure::measure(i, &counted, &before.records());
            IndicatorResult {
                indicator: i.clone(),
                now: measure::publish(i, &period, &now, exact),
                before: measure::publish(i, &previous, &before, exact),
                target: wanted.iter().find_map(|scope| {
                    targets
                        .iter()
                        .find(|t| t.target.indicator == i.code && t.target.scope == *scope)
                        .map(|t| t.target.value)
                }),
            }
        })
        .collect();
    Ok(Results {
        period,
        previous,
        target_year,
        exact,
        lines,
        counted_at: app.clock.unix(),
    })
}

/// An indicator broken down by one of its breakdowns against the quarters.
#[derive(Debug, Clone)]
pub struct DrillDown {
    pub indicator: Indicator,
    pub breakdown: Breakdown,
    pub period: Period,
    pub exact: bool,
    pub table: PublishedTable,
    pub counted_at: i64,
}

/// Breaks an indicator down; an unknown indicator or a breakdown it does not
/// allow is [`AppError::Invalid`], naming each.
pub async fn drill_down(
    app: &App,
    scope: &FiguresScope,
    exact: bool,
    period: Period,
    indicator: &str,
    breakdown: &str,
) -> AppResult<DrillDown> {
    let found = app.indicators.on(indicator, period.last);
    let by = Breakdown::parse(breakdown);
    let mut problems = Vec::new();
    if found.is_none() {
        problems.push(FieldProblem {
            field: "indicator",
            problem: "unknown",
        });
    }
    if by.is_none() {
        problems.push(FieldProblem {
            field: "breakdown",
            problem: "unknown",
        });
    }
    let (Some(i), Some(by)) = (found, by) else {
        return Err(AppError::Invalid(problems));
    };
    let counted = scope_of(scope, &app.index());
    let loaded = load(
        app,
        &counted,
        &period,
        measure::tallied(i.measure).map_or(Reading::Routings, Reading::Detail),
    )
    .await?;
    let drilled = breakdown::drill(i, &counted, &period, &loaded.records(), by).map_err(|why| {
        AppError::Invalid(vec![FieldProblem {
            field: "breakdown",
            problem: match why {
                NotShown::NotAllowed => "not-allowed",
                NotShown::NotAdditive => "not-additive",
                NotShown::NotARowBreakdown => "not-a-row",
            },
        }])
    })?;
    Ok(DrillDown {
        table: breakdown::publish_table(i, &drilled, exact),
        indicator: i.clone(),
        breakdown: by,
        period,
        exact,
        counted_at: app.clock.unix(),
    })
}
