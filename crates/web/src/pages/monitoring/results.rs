//! The results dashboard (`/beheer/resultaten`): each indicator for the chosen
//! period against its target and the period before, with a chart of its months,
//! the chart's table and a sentence saying what it shows. Funders see aggregates
//! with small numbers hidden (the indicator's threshold and the secondary
//! pattern), with a legend that says so.

use super::query::{self, Params, scope_name, scope_value};
use crate::AppState;
use crate::error::failure;
use crate::pages::forms::Errors;
use crate::pages::view::{Layout, Opt, Page, render};
use crate::present::Tr;
use crate::present::chart::{self, Chart};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::monitoring::results::{self, IndicatorResult, Results};
use loket_app::monitoring::subscriptions;
use loket_domain::monitoring::measure::Shown;
use loket_domain::monitoring::{Period, Unit};

pub struct Card {
    pub code: String,
    pub name: String,
    pub counts: String,
    pub value: String,
    pub target: Option<String>,
    pub before: String,
    pub summary: String,
    pub chart: Option<Chart>,
    pub rows: Vec<(String, String)>,
    /// The drill-down's query, when the indicator can be broken down.
    pub drill: Option<String>,
}

#[derive(Template)]
#[template(path = "monitoring/results.html")]
pub struct ResultsPage {
    layout: Layout,
    scope: String,
    period: String,
    previous: String,
    scopes: Vec<Opt>,
    from: String,
    to: String,
    errors: Errors,
    suppressed_note: bool,
    cards: Vec<Card>,
    /// The export links' query (scope and period).
    export_query: String,
    can_set_targets: bool,
    subscription: SubscriptionBox,
}

/// The quarterly report by e-mail for the scope shown.
pub struct SubscriptionBox {
    /// The session's form token.
    pub token: String,
    /// The scope's `org` value.
    pub scope: String,
    pub subscribed: bool,
    /// What it is: "After each quarter …" or "You receive …".
    pub text: String,
    /// What was just done, when the dashboard comes back from the form.
    pub notice: Option<String>,
}

/// A number as the page shows it.
pub fn shown(tr: &Tr, s: Shown, unit: Unit, exact: bool) -> String {
    match s {
        Shown::Count(n) => tr.counts("results-number", &[("n", n as usize)]),
        Shown::Rate {
            percent,
            part,
            whole,
        } if exact => tr.counts(
            "results-rate-counted",
            &[
                ("percent", percent as usize),
                ("part", part as usize),
                ("whole", whole as usize),
            ],
        ),
        Shown::Rate { percent, .. } => {
            tr.counts("figures-percent", &[("percent", percent as usize)])
        }
        Shown::Hidden => tr.t("results-hidden"),
        Shown::None if unit == Unit::Percent => tr.t("figures-none"),
        Shown::None => tr.t("results-not-counted"),
    }
}

/// "1 Jan 2026 – 31 Dec 2026" in the visitor's language.
pub fn period_text(tr: &Tr, p: &Period) -> String {
    tr.s(
        "results-period",
        &[("first", tr.date(p.first)), ("last", tr.date(p.last))],
    )
}

/// A month `YYYY-MM` as an axis label ("Mar", with the year when the period
/// spans several).
fn month_label(tr: &Tr, key: &str, with_year: bool) -> String {
    let (y, m) = key.split_once('-').unwrap_or((key, ""));
    let short = tr.t(&format!("month-short-{}", m.trim_start_matches('0')));
    if with_year {
        format!("{short} {y}")
    } else {
        short
    }
}

/// A month `YYYY-MM` in words ("March 2026").
pub(crate) fn month_name(tr: &Tr, key: &str) -> String {
    let (y, m) = key.split_once('-').unwrap_or((key, ""));
    format!(
        "{} {y}",
        tr.t(&format!("month-{}", m.trim_start_matches('0')))
    )
}

fn number(s: Shown) -> Option<u64> {
    match s {
        Shown::Count(n) => Some(n),
        _ => None,
    }
}

/// One indicator's card.
fn card(
    tr: &Tr,
    lang: loket_domain::Lang,
    r: &Results,
    line: &IndicatorResult,
    scope: &str,
) -> Card {
    let i = &line.indicator;
    let name = i.name.get(lang).to_string();
    let value = shown(tr, line.now.total, i.unit, r.exact);
    let before = shown(tr, line.before.total, i.unit, r.exact);
    let target = match (line.target, r.target_year) {
        (Some(t), Some(year)) => {
            let reached = match line.now.total {
                Shown::Count(n) if t > 0 => Some((n * 100 / t) as usize),
                Shown::Rate { percent, .. } if t > 0 => Some(percent as usize * 100 / t as usize),
                _ => None,
            };
            Some(match reached {
                Some(p) => tr.count_and(
                    "results-target-reached",
                    ("percent", p),
                    &[
                        ("target", format_target(tr, t, i.unit)),
                        ("year", year.to_string()),
                    ],
                ),
                None => tr.s(
                    "results-target",
                    &[
                        ("target", format_target(tr, t, i.unit)),
                        ("year", year.to_string()),
                    ],
                ),
            })
        }
        _ => None,
    };
    let mut summary = tr.s(
        "results-summary",
        &[
            ("name", name.clone()),
            ("value", value.clone()),
            ("period", period_text(tr, &r.period)),
        ],
    );
    if let Some(t) = &target {
        summary.push(' ');
        summary.push_str(t);
    }
    summary.push(' ');
    summary.push_str(&tr.s("results-summary-before", &[("before", before.clone())]));
    let with_year =
        r.period.first.format("%Y").to_string() != r.period.last.format("%Y").to_string();
    let months = &line.now.months;
    // The monthly pace to a year's target: a twelfth of it.
    let pace = match (line.target, r.period.whole_year(), i.unit) {
        (Some(t), Some(_), Unit::People | Unit::Events) => Some(t / 12),
        _ => None,
    };
    // Nothing to draw when every month is zero: the sentence says so.
    let anything = months.iter().any(|(_, s)| !matches!(s, Shown::Count(0)));
    let chart = anything.then(|| {
        chart::bars(
            &months
                .iter()
                .map(|(k, s)| (month_label(tr, k, with_year), number(*s)))
                .collect::<Vec<_>>(),
            pace,
        )
    });
    Card {
        code: i.code.clone(),
        name,
        counts: i.counts.get(lang).to_string(),
        value,
        target,
        before,
        summary,
        chart,
        rows: months
            .iter()
            .map(|(k, s)| (month_name(tr, k), shown(tr, *s, i.unit, r.exact)))
            .collect(),
        drill: drill_query(r, line, scope, lang),
    }
}

/// The drill-down of an indicator that counts events, by its first breakdown.
fn drill_query(
    r: &Results,
    line: &IndicatorResult,
    scope: &str,
    lang: loket_domain::Lang,
) -> Option<String> {
    use loket_domain::monitoring::Measure;
    let i = &line.indicator;
    if matches!(i.measure, Measure::PeopleHelped | Measure::LoopClosure) {
        return None;
    }
    let by = super::drill::ROW_BREAKDOWNS
        .iter()
        .find(|b| i.allows(**b))?;
    Some(crate::present::query_string(&[
        ("indicator", &i.code),
        ("naar", by.code()),
        ("org", scope),
        ("van", &r.period.first.to_string()),
        ("tot", &r.period.last.to_string()),
        ("lang", lang.code()),
    ]))
}

fn format_target(tr: &Tr, t: u64, unit: Unit) -> String {
    match unit {
        Unit::Percent => tr.counts("figures-percent", &[("percent", t as usize)]),
        _ => tr.counts("results-number", &[("n", t as usize)]),
    }
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
) -> Response {
    show(&state, ui, &viewer, &params).await
}

/// The dashboard for what was asked (with the period's problems next to its fields).
pub(crate) async fn show(state: &AppState, ui: Page, viewer: &Viewer, params: &Params) -> Response {
    show_with(state, ui, viewer, params, Errors::default()).await
}

/// The dashboard with problems of a form sent from it as well.
pub(crate) async fn show_with(
    state: &AppState,
    ui: Page,
    viewer: &Viewer,
    params: &Params,
    more: Errors,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(mut asked) = query::ask(state, &tr, &viewer.memberships, params) else {
        return crate::pages::errors::forbidden_page(state, lang, &uri, Some(viewer));
    };
    for (field, message) in more.all() {
        asked.errors.add(field, message);
    }
    let subscribed = match subscriptions::subscribed_scopes(state, &viewer.account.id).await {
        Ok(scopes) => scopes.contains(&scope_value(&asked.choice.scope)),
        Err(e) => return failure(e),
    };
    let r = match results::results(state, &asked.choice.scope, asked.choice.exact, asked.period)
        .await
    {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let idx = state.index();
    let scopes = asked
        .choice
        .options
        .iter()
        .map(|o| Opt {
            value: scope_value(o),
            label: scope_name(&tr, &idx, lang, o),
            selected: *o == asked.choice.scope,
        })
        .collect();
    let status = if asked.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let export_query = crate::present::query_string(&[
        ("org", &scope_value(&asked.choice.scope)),
        ("van", &r.period.first.to_string()),
        ("tot", &r.period.last.to_string()),
        ("lang", lang.code()),
    ]);
    let page = ResultsPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("results-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        scope: scope_name(&tr, &idx, lang, &asked.choice.scope),
        period: period_text(&tr, &r.period),
        previous: period_text(&tr, &r.previous),
        scopes,
        from: if asked.errors.is_empty() {
            r.period.first.to_string()
        } else {
            params.van.clone()
        },
        to: if asked.errors.is_empty() {
            r.period.last.to_string()
        } else {
            params.tot.clone()
        },
        errors: asked.errors,
        suppressed_note: !r.exact,
        cards: r
            .lines
            .iter()
            .map(|l| card(&tr, lang, &r, l, &scope_value(&asked.choice.scope)))
            .collect(),
        export_query,
        can_set_targets: loket_domain::policy::allows(
            &viewer.memberships,
            loket_domain::policy::Action::SetTargets,
            loket_domain::policy::Target::Network,
        ),
        subscription: SubscriptionBox {
            token: state.form_token(viewer),
            scope: scope_value(&asked.choice.scope),
            subscribed,
            text: tr.s(
                if subscribed {
                    "subscription-active"
                } else {
                    "subscription-lead"
                },
                &[("scope", scope_name(&tr, &idx, lang, &asked.choice.scope))],
            ),
            notice: match params.abonnement.as_str() {
                "aan" if subscribed => Some(tr.t("subscription-added")),
                "uit" if !subscribed => Some(tr.t("subscription-ended")),
                _ => None,
            },
        },
    };
    render(status, &page)
}
