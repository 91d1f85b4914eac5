//! The coordinator's view of the front door: which combinations of answers are
//! asked, which fell back to the generalist (gaps in the menu), and feedback.
//! Anonymous by construction. It moves behind sign-in when accounts exist.

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::front_door::insight::{self, since_param};
use loket_store::{Feedback, RouteCount};

pub struct Row {
    /// The answers in words ("Cross-border worker · Aachen · Heerlen · …").
    pub combination: String,
    pub link: String,
    pub count: i64,
    pub fell_back: bool,
}

#[derive(Template)]
#[template(path = "front_door/insight.html")]
pub struct InsightPage {
    layout: Layout,
    since: String,
    since_error: Option<String>,
    total: i64,
    rows: Vec<Row>,
    gaps: Vec<Row>,
    feedback: Vec<Feedback>,
    failed: bool,
}

/// A counted combination of answers in the coordinator's language: each
/// answer in words, in the order of the questions; the raw key only if the
/// questions changed since and it no longer reads.
fn in_words(state: &AppState, tr: &Tr, combination: &str) -> String {
    let pairs = format!("/?{combination}")
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|uri| Query::<Vec<(String, String)>>::try_from_uri(&uri).ok())
        .map(|Query(pairs)| pairs)
        .unwrap_or_default();
    let raw = loket_routing::RawAnswers::from_pairs(pairs);
    let idx = state.index();
    match raw.check(&state.flow(), &idx.areas) {
        Ok(answers) => crate::pages::front_door::visitor::summary(state, &idx, tr, &answers)
            .into_iter()
            .map(|(_, answer)| answer)
            .collect::<Vec<_>>()
            .join(" · "),
        Err(_) => combination.to_string(),
    }
}

fn row(state: &AppState, tr: &Tr, c: &RouteCount) -> Row {
    Row {
        combination: in_words(state, tr, &c.combination),
        link: format!("/voordeur/resultaat?{}", c.combination),
        count: c.count,
        fell_back: c.fell_back,
    }
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let pairs = query.map(|Query(q)| q).unwrap_or_default();
    let given = pairs
        .iter()
        .find(|(k, _)| k == "since")
        .map(|(_, v)| v.as_str());
    let today = state.clock.today();
    let (since, since_error) = match since_param(given, today) {
        Ok(d) => (d, None),
        Err(d) => (d, Some(tr.t("insight-since-error"))),
    };
    let found = insight::since(&state, since, 200).await;
    let failed = found.is_err();
    let (counts, feedback) = found.unwrap_or_default();
    let layout = Layout::new(
        tr.clone(),
        tr.t("insight-title"),
        "",
        uri.path(),
        uri.query(),
    );
    let page = InsightPage {
        since: since.to_string(),
        total: counts.iter().map(|c| c.count).sum(),
        rows: counts
            .iter()
            .take(100)
            .map(|c| row(&state, &tr, c))
            .collect(),
        gaps: counts
            .iter()
            .filter(|c| c.fell_back)
            .take(100)
            .map(|c| row(&state, &tr, c))
            .collect(),
        feedback,
        failed,
        since_error: since_error.clone(),
        layout,
    };
    let status = if since_error.is_some() {
        StatusCode::BAD_REQUEST
    } else if failed {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    render(status, &page)
}
