//! Drill-down: an indicator broken down by one of its allowed breakdowns
//! (organisation, service, channel, country of residence, target group, front
//! door) against the quarters of the period, with row, column and grand totals;
//! for aggregate-only audiences protected as a whole table
//! ([`crate::disclosure::protect_table`]), so that no hidden cell follows from
//! the totals.

use super::indicator::{Breakdown, Indicator};
use super::measure::{Event, Records, Scope, Shown, for_each_event};
use super::period::{Period, quarter_of};
use crate::disclosure::protect_table;
use std::collections::BTreeMap;

/// Why a breakdown cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotShown {
    /// The indicator's definition does not allow this breakdown.
    NotAllowed,
    /// People (who come back) and rates do not add up across rows.
    NotAdditive,
    /// Months and quarters are the table's columns already; a contact can have
    /// several topics, so topics do not add up to the total.
    NotARowBreakdown,
}

/// Counts per row value (e.g. organisation id) and quarter (`YYYY-Qn`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drilled {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<u64>>,
}

fn key<'a>(e: &Event<'a>, by: Breakdown) -> &'a str {
    let value = match by {
        Breakdown::Organisation => e.organisation,
        Breakdown::Service => e.service,
        Breakdown::Channel => e.channel,
        Breakdown::ResidenceCountry => e.residence,
        Breakdown::TargetGroup => e.target_group,
        Breakdown::Region => e.door,
        Breakdown::Topic | Breakdown::Month | Breakdown::Quarter => None,
    };
    value.unwrap_or("")
}

/// The quarters a period touches, in order.
fn quarters(period: &Period) -> Vec<String> {
    let mut out: Vec<String> = period
        .months()
        .iter()
        .filter_map(|m| chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .map(quarter_of)
        .collect();
    out.dedup();
    out
}

/// Breaks an indicator down by `by` against the period's quarters.
pub fn drill(
    indicator: &Indicator,
    scope: &Scope,
    period: &Period,
    r: &Records<'_>,
    by: Breakdown,
) -> Result<Drilled, NotShown> {
    if !indicator.allows(by) {
        return Err(NotShown::NotAllowed);
    }
    if matches!(by, Breakdown::Topic | Breakdown::Month | Breakdown::Quarter) {
        return Err(NotShown::NotARowBreakdown);
    }
    let columns = quarters(period);
    let mut counts: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let counted = for_each_event(indicator, scope, r, &mut |e| {
        let q = quarter_of(e.day);
        if let Some(col) = columns.iter().position(|c| *c == q) {
            counts
                .entry(key(&e, by).to_string())
                .or_insert_with(|| vec![0; columns.len()])[col] += e.weight;
        }
    });
    if !counted {
        return Err(NotShown::NotAdditive);
    }
    let (rows, cells) = counts.into_iter().unzip();
    Ok(Drilled {
        rows,
        columns,
        cells,
    })
}

/// A drilled table as an audience sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedTable {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

/// Exact audiences see every count; the others the protected pattern.
pub fn publish_table(indicator: &Indicator, d: &Drilled, exact: bool) -> PublishedTable {
    let pattern = protect_table(&d.cells, indicator.threshold);
    let show = |n: u64, hidden: bool| {
        if hidden && !exact {
            Shown::Hidden
        } else {
            Shown::Count(n)
        }
    };
    let columns = d.columns.len();
    let column_sum = |j: usize| d.cells.iter().map(|r| r[j]).sum::<u64>();
    PublishedTable {
        rows: d.rows.clone(),
        columns: d.columns.clone(),
        cells: d
            .cells
            .iter()
            .zip(&pattern.hidden)
            .map(|(r, h)| r.iter().zip(h).map(|(n, h)| show(*n, *h)).collect())
            .collect(),
        row_totals: d
            .cells
            .iter()
            .zip(&pattern.row_totals)
            .map(|(r, h)| show(r.iter().sum(), *h))
            .collect(),
        column_totals: (0..columns)
            .map(|j| show(column_sum(j), pattern.column_totals[j]))
            .collect(),
        total: show(d.cells.iter().flatten().sum(), pattern.total),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::contact::{Channel, Contact, ContactOutcome};
    use crate::monitoring::{Indicators, rollup};
    use chrono::NaiveDate;

    fn contact(org: &str, at: i64) -> Contact {
        Contact {
            id: format!("{org}-{at}"),
            organization_id: org.into(),
            service_id: "s".into(),
            registered_by: "x".into(),
            at,
            channel: Channel::Phone,
            target_group: None,
            topics: Vec::new(),
            residence_country: None,
            work_country: None,
            language: "nl".into(),
            outcome: ContactOutcome::Answered,
            minutes: None,
            person: None,
        }
    }

    #[test]
    fn contacts_by_organisation_and_quarter_with_a_small_cell_protected() {
        let all = Indicators::shipped();
        let i = all
            .on("contacts", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
            .unwrap();
        // 15 January and 15 May 2026.
        let (jan, may) = (1_768_474_800, 1_778_839_200);
        let mut list: Vec<Contact> = (0..20).map(|n| contact("a", jan + n)).collect();
        list.extend((0..2).map(|n| contact("b", jan + n)));
        list.extend((0..30).map(|n| contact("b", may + n)));
        list.extend((0..25).map(|n| contact("a", may + n)));
        let tallies = rollup::sum(list.iter().flat_map(|c| rollup::of_contact(c).0));
        let people = rollup::NamedPeople::default();
        let records = Records {
            tallies: &tallies,
            routings: &[],
            people: &people,
            attendance: &[],
        };
        let half = Period::parse("2026-01-01", "2026-06-30").unwrap();
        let d = drill(
            i,
            &Scope::default(),
            &half,
            &records,
            Breakdown::Organisation,
        )
        .unwrap();
        assert_eq!(d.rows, vec!["a", "b"]);
        assert_eq!(d.columns, vec!["2026-Q1", "2026-Q2"]);
        assert_eq!(d.cells, vec![vec![20, 25], vec![2, 30]]);
        let funder = publish_table(i, &d, false);
        assert_eq!(funder.cells[1][0], Shown::Hidden, "2 is under 5");
        let hidden = funder
            .cells
            .iter()
            .flatten()
            .filter(|s| **s == Shown::Hidden)
            .count();
        assert_eq!(
            hidden, 4,
            "a cycle of four, so no hidden cell follows from the totals"
        );
        assert_eq!(funder.total, Shown::Count(77));
        assert_eq!(publish_table(i, &d, true).cells[1][0], Shown::Count(2));
        assert_eq!(
            drill(i, &Scope::default(), &half, &records, Breakdown::Topic),
            Err(NotShown::NotARowBreakdown)
        );
        let people = all
            .on(
                "people-helped",
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )
            .unwrap();
        assert_eq!(
            drill(
                people,
                &Scope::default(),
                &half,
                &records,
                Breakdown::Organisation
            ),
            Err(NotShown::NotAdditive)
        );
        assert_eq!(
            drill(
                people,
                &Scope::default(),
                &half,
                &records,
                Breakdown::Channel
            ),
            Err(NotShown::NotAllowed)
        );
    }
}
