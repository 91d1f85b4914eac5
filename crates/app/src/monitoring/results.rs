//! The results of every indicator for a scope and period: what the audience may
//! see of the period and of the period before it, and the target of the year.
//! One use case for the dashboard, the exports and (later) the API, so all of
//! them give the same numbers.

use super::day_start;
use crate::referrals::figures_scope::FiguresScope;
use crate::{App, AppResult};
use chrono::{Datelike, Duration, NaiveDate};
use loket_domain::monitoring::measure::{self, Door, Published, Records, Scope};
use loket_domain::monitoring::{Indicator, Period, TargetScope};
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

/// Counts every indicator in force at the period's end.
pub async fn results(
    app: &App,
    scope: &FiguresScope,
    exact: bool,
    period: Period,
) -> AppResult<Results> {
    let idx = app.index();
    let previous = period.previous();
    let from = day_start(previous.first);
    let to = day_start(period.last + Duration::days(1));
    let one_org = match scope {
        FiguresScope::Organization(o) => Some(o.as_str()),
        _ => None,
    };
    let (contacts, facts, routings) = tokio::try_join!(
        app.store.contacts(one_org, from, to),
        app.store.referral_facts(from, to),
        app.store.routings_per_day(previous.first, period.last),
    )?;
    let mut placements = Vec::new();
    for year in previous.first.year()..=period.last.year() {
        for p in app.store.placements(year).await? {
            let org = idx
                .service(&p.service_id)
                .map(|s| s.organization_id.clone())
                .unwrap_or_default();
            placements.push((p.start_date, org));
        }
    }
    let referrals: Vec<_> = facts.into_iter().map(|f| f.referral).collect();
    let routings: Vec<(NaiveDate, String, u64)> = routings
        .into_iter()
        .map(|d| (d.day, d.region, d.count))
        .collect();
    let records = Records {
        contacts: &contacts,
        referrals: &referrals,
        placements: &placements,
        routings: &routings,
    };
    let target_year = (period.first.year() == period.last.year()).then_some(period.first.year());
    let targets = match target_year {
        Some(y) => app.store.targets(y).await?,
        None => Vec::new(),
    };
    let wanted = target_scope(scope);
    let counted = scope_of(scope, &idx);
    let lines = app
        .indicators
        .current(period.last)
        .into_iter()
        .map(|i| {
            let now = measure::measure(i, &counted, &period, &records);
            let before = measure::measure(i, &counted, &previous, &records);
            IndicatorResult {
                indicator: i.clone(),
                now: measure::publish(i, &period, &now, exact),
                before: measure::publish(i, &previous, &before, exact),
                target: targets
                    .iter()
                    .find(|t| t.target.indicator == i.code && t.target.scope == wanted)
                    .map(|t| t.target.value),
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
