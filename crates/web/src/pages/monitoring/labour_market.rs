//! Labour-market insight (`/beheer/arbeidsmarkt`), for the coordinator and the
//! funders: where the shortage and the mismatch are (open vacancies against
//! registered candidates per sector, occupation and area) and what the front
//! door is asked per topic and region, with the questions that fell back to a
//! generalist (gaps in the menu). Funders see candidates and questions with
//! small numbers hidden and a legend that says so.

use crate::AppState;
use crate::error::failure;
use crate::pages::talent::shared::labels;
use crate::pages::view::{Layout, Page, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Datelike;
use loket_app::monitoring::labour_market;
use loket_domain::account::Role;
use loket_domain::monitoring::labour_market::{
    Cell, Published, TopicTable, publish, topics, total_shown,
};
use loket_matching::Kind;

/// How many occupations each list shows.
const OCCUPATIONS_SHOWN: usize = 15;

pub struct Line {
    pub name: String,
    pub vacancies: u64,
    pub positions: u64,
    pub candidates: String,
    pub gap: String,
}

pub struct Grid {
    pub caption: String,
    pub doors: Vec<String>,
    pub rows: Vec<(String, Vec<String>, String)>,
    pub totals: Vec<String>,
    pub total: String,
}

#[derive(Template)]
#[template(path = "monitoring/labour_market.html")]
pub struct LabourMarketPage {
    layout: Layout,
    summary: String,
    since: String,
    exact: bool,
    sectors: Vec<Line>,
    shortage: Vec<Line>,
    unmatched: Vec<Line>,
    areas: Vec<Line>,
    /// The questions per topic and door, then those that fell back.
    grids: Vec<Grid>,
}

fn cell(tr: &Tr, c: Cell) -> String {
    match c {
        Cell::Count(n) => n.to_string(),
        Cell::Hidden => tr.t("results-hidden"),
    }
}

fn line(tr: &Tr, p: &Published, name: String) -> Line {
    Line {
        name,
        vacancies: p.vacancies,
        positions: p.positions,
        candidates: cell(tr, p.candidates),
        gap: match p.gap {
            Some(g) if g > 0 => tr.s("labour-shortage-of", &[("n", g.to_string())]),
            Some(g) if g < 0 => tr.s("labour-surplus-of", &[("n", (-g).to_string())]),
            Some(_) => tr.t("labour-balanced"),
            None => tr.t("results-hidden"),
        },
    }
}

fn area_name(state: &AppState, tr: &Tr, code: &str) -> String {
    if code.is_empty() {
        return tr.t("labour-area-unknown");
    }
    if let Some(country) = code.strip_prefix("abroad:") {
        return tr.s("labour-area-abroad", &[("country", country.to_string())]);
    }
    state
        .index()
        .regions
        .get(code)
        .map(|r| r.name.get(tr.lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn topic_name(state: &AppState, tr: &Tr, topic: &str) -> String {
    state
        .flow()
        .question("topic")
        .and_then(|q| q.options.iter().find(|o| o.value == topic))
        .map(|o| o.label.get(tr.lang).to_string())
        .unwrap_or_else(|| tr.t("labour-topic-other"))
}

fn grid(state: &AppState, tr: &Tr, t: &TopicTable, caption: &str) -> Grid {
    Grid {
        caption: tr.t(caption),
        doors: t
            .doors
            .iter()
            .map(|d| {
                if d.is_empty() {
                    tr.t("insight-door-deployment")
                } else {
                    area_name(state, tr, d)
                }
            })
            .collect(),
        rows: t
            .topics
            .iter()
            .zip(&t.cells)
            .zip(&t.topic_totals)
            .map(|((topic, cells), total)| {
                (
                    topic_name(state, tr, topic),
                    cells.iter().map(|c| cell(tr, *c)).collect(),
                    cell(tr, *total),
                )
            })
            .collect(),
        totals: t.door_totals.iter().map(|c| cell(tr, *c)).collect(),
        total: cell(tr, t.total),
    }
}

pub async fn page(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { tr, uri, .. } = ui;
    let today = state.clock.today();
    let since = today.with_ordinal(1).unwrap_or(today);
    let insight = match labour_market::insight(&state, since).await {
        Ok(i) => i,
        Err(e) => return failure(e),
    };
    let exact = viewer
        .memberships
        .iter()
        .any(|m| m.role == Role::Coordinator);
    let threshold = |code: &str| {
        state
            .indicators
            .current(today)
            .into_iter()
            .find(|i| i.code == code)
            .map_or(5, |i| i.threshold)
    };
    let people = threshold("people-helped");
    let routings = threshold("front-door-routings");
    let s = &insight.supply;
    let vocabulary = state.talent.vocabulary();
    let occupation = |uri: &str| {
        labels(vocabulary, Kind::Occupation, &[uri.to_string()])
            .pop()
            .unwrap_or_else(|| uri.to_string())
    };
    let sectors = publish(&s.sectors, exact, people, false)
        .iter()
        .map(|p| line(&tr, p, tr.t(&format!("sector-{}", p.key))))
        .collect();
    let occupations = publish(&s.occupations, exact, people, false);
    let mut shortage: Vec<&Published> = occupations.iter().filter(|p| p.positions > 0).collect();
    shortage.sort_by_key(|p| (std::cmp::Reverse(p.gap.unwrap_or(i64::MIN)), p.key.clone()));
    let mut unmatched: Vec<&Published> = occupations.iter().filter(|p| p.positions == 0).collect();
    unmatched.sort_by_key(|p| (std::cmp::Reverse(p.candidates.count()), p.key.clone()));
    let areas = publish(&s.areas, exact, people, true)
        .iter()
        .map(|p| line(&tr, p, area_name(&state, &tr, &p.key)))
        .collect();
    let page = LabourMarketPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("labour-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        summary: tr.s(
            "labour-summary",
            &[
                ("vacancies", s.vacancies.to_string()),
                ("positions", s.positions.to_string()),
                (
                    "candidates",
                    if total_shown(&s.areas, exact, people) {
                        s.candidates.to_string()
                    } else {
                        tr.t("results-hidden")
                    },
                ),
            ],
        ),
        since: tr.s("labour-since", &[("day", tr.date(insight.since))]),
        exact,
        sectors,
        shortage: shortage
            .iter()
            .take(OCCUPATIONS_SHOWN)
            .map(|p| line(&tr, p, occupation(&p.key)))
            .collect(),
        unmatched: unmatched
            .iter()
            .take(OCCUPATIONS_SHOWN)
            .map(|p| line(&tr, p, occupation(&p.key)))
            .collect(),
        areas,
        grids: vec![
            grid(
                &state,
                &tr,
                &topics(&insight.asked, false, exact, routings),
                "labour-questions",
            ),
            grid(
                &state,
                &tr,
                &topics(&insight.asked, true, exact, routings),
                "labour-gaps",
            ),
        ],
    };
    render(StatusCode::OK, &page)
}
