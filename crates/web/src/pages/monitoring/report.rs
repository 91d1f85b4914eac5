//! The dashboard as a report for the files (CSV, XLSX, PDF): the same use case's
//! numbers, in the reader's language, with the scope, period, audience, legend
//! and the time they were counted. Numbers are plain digits so that a
//! spreadsheet reads them as numbers; a hidden one is the page's word for it.

use super::results::{month_name, period_text};
use crate::present::Tr;
use loket_app::monitoring::results::Results;
use loket_domain::Lang;
use loket_domain::monitoring::Unit;
use loket_domain::monitoring::measure::Shown;
use loket_reports::{Report, Table};

fn value(tr: &Tr, s: Shown) -> String {
    match s {
        Shown::Count(n) => n.to_string(),
        Shown::Rate { percent, .. } => percent.to_string(),
        Shown::Hidden => tr.t("results-hidden"),
        Shown::None => String::new(),
    }
}

fn unit(tr: &Tr, u: Unit) -> String {
    tr.t(match u {
        Unit::People => "results-unit-people",
        Unit::Events => "results-unit-events",
        Unit::Percent => "results-unit-percent",
    })
}

pub fn report(tr: &Tr, lang: Lang, scope: &str, r: &Results) -> Report {
    let counted_at = chrono::DateTime::from_timestamp(r.counted_at, 0)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d %H:%M %Z")
                .to_string()
        })
        .unwrap_or_default();
    let facts = vec![
        (tr.t("figures-scope"), scope.to_string()),
        (tr.t("results-file-period"), period_text(tr, &r.period)),
        (tr.t("results-compared"), period_text(tr, &r.previous)),
        (
            tr.t("results-file-audience"),
            tr.t(if r.exact {
                "results-audience-exact"
            } else {
                "results-audience-aggregates"
            }),
        ),
        (tr.t("results-file-counted-at"), counted_at),
    ];
    let target_header = match r.target_year {
        Some(y) => tr.s("results-col-target", &[("year", y.to_string())]),
        None => tr.t("results-target-label"),
    };
    let summary = Table {
        caption: tr.t("results-summary-table"),
        header: vec![
            tr.t("results-col-indicator"),
            tr.t("results-col-name"),
            tr.t("results-col-unit"),
            tr.t("results-this-period"),
            target_header,
            tr.t("results-before"),
        ],
        rows: r
            .lines
            .iter()
            .map(|l| {
                vec![
                    l.indicator.code.clone(),
                    l.indicator.name.get(lang).to_string(),
                    unit(tr, l.indicator.unit),
                    value(tr, l.now.total),
                    l.target.map(|t| t.to_string()).unwrap_or_default(),
                    value(tr, l.before.total),
                ]
            })
            .collect(),
    };
    let monthly: Vec<_> = r
        .lines
        .iter()
        .filter(|l| !l.now.months.is_empty())
        .collect();
    let months = monthly
        .first()
        .map(|l| {
            l.now
                .months
                .iter()
                .map(|(k, _)| k.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let per_month = Table {
        caption: tr.t("results-month-table"),
        header: std::iter::once(tr.t("results-month"))
            .chain(
                monthly
                    .iter()
                    .map(|l| l.indicator.name.get(lang).to_string()),
            )
            .collect(),
        rows: months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                std::iter::once(month_name(tr, m))
                    .chain(monthly.iter().map(|l| {
                        l.now
                            .months
                            .get(i)
                            .map_or_else(String::new, |(_, s)| value(tr, *s))
                    }))
                    .collect()
            })
            .collect(),
    };
    Report {
        title: format!("{} – {scope}", tr.t("results-title")),
        facts,
        legend: (!r.exact).then(|| tr.t("results-legend")),
        tables: vec![summary, per_month],
    }
}
