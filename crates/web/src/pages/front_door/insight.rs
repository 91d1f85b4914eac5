//! The coordinator's view of the front door: which combinations of answers are
//! asked, which fell back to the generalist (gaps in the menu), and feedback.
//! Anonymous by construction. A network coordinator sees every front door's
//! counts (or one door's); a region's coordinator its region's door only.

use crate::AppState;
use crate::pages::view::Opt;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::front_door::insight::{self, Doors, since_param};
use loket_store::{Feedback, RouteCount};

pub struct Row {
    /// The front door it was asked at (a region's name), when all doors are shown.
    pub door: Option<String>,
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
    /// The front doors the viewer may choose from (when more than one).
    doors: Vec<Opt>,
    /// Whether the rows name their front door (all doors shown).
    all_doors: bool,
    total: i64,
    rows: Vec<Row>,
    gaps: Vec<Row>,
    feedback: Vec<FeedbackRow>,
    failed: bool,
}

pub struct FeedbackRow {
    pub day: String,
    pub lang: String,
    pub door: Option<String>,
    pub link: String,
    pub comment: String,
}

/// A counted combination of answers in the coordinator's language: each
/// answer in words, in the order of the questions; the raw key only if the
/// questions changed since and it no longer reads.
fn in_words(state: &AppState, tr: &Tr, region: Option<&str>, combination: &str) -> String {
    let pairs = format!("/?{combination}")
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|uri| Query::<Vec<(String, String)>>::try_from_uri(&uri).ok())
        .map(|Query(pairs)| pairs)
        .unwrap_or_default();
    let raw = loket_routing::RawAnswers::from_pairs(pairs);
    let idx = state.index();
    match raw.check(&state.flow_of(region), &idx.areas) {
        Ok(answers) => {
            crate::pages::front_door::visitor::summary_in(state, region, &idx, tr, &answers)
                .into_iter()
                .map(|(_, answer)| answer)
                .collect::<Vec<_>>()
                .join(" · ")
        }
        Err(_) => combination.to_string(),
    }
}

/// A door's code as stored (empty: the deployment's own) as the region it names.
fn region_of(code: &str) -> Option<&str> {
    Some(code).filter(|c| !c.is_empty())
}

/// The result page the counted answers lead to, at the door they were asked at.
fn result_link(region: Option<&str>, combination: &str) -> String {
    match region {
        Some(code) => format!("/regio/{code}/voordeur/resultaat?{combination}"),
        None => format!("/voordeur/resultaat?{combination}"),
    }
}

fn door_name(state: &AppState, tr: &Tr, doors: &Doors) -> String {
    match doors {
        Doors::All => tr.t("insight-doors-all"),
        Doors::Deployment => tr.t("insight-door-deployment"),
        Doors::Region(code) => state
            .index()
            .regions
            .get(code)
            .map(|r| r.name.get(tr.lang).to_string())
            .unwrap_or_else(|| code.clone()),
    }
}

fn door_of(state: &AppState, tr: &Tr, stored: &str) -> String {
    match region_of(stored) {
        Some(code) => door_name(state, tr, &Doors::Region(code.to_string())),
        None => door_name(state, tr, &Doors::Deployment),
    }
}

fn row(state: &AppState, tr: &Tr, all: bool, c: &RouteCount) -> Row {
    let region = region_of(&c.region);
    Row {
        door: all.then(|| door_of(state, tr, &c.region)),
        combination: in_words(state, tr, region, &c.combination),
        link: result_link(region, &c.combination),
        count: c.count,
        fell_back: c.fell_back,
    }
}

fn feedback_row(state: &AppState, tr: &Tr, all: bool, f: Feedback) -> FeedbackRow {
    FeedbackRow {
        day: f.day.to_string(),
        lang: f.lang,
        door: all.then(|| door_of(state, tr, &f.region)),
        link: result_link(region_of(&f.region), &f.combination),
        comment: f.comment,
    }
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Page { tr, uri, lang } = ui;
    let pairs = query.map(|Query(q)| q).unwrap_or_default();
    let offered = insight::doors_for(&viewer.memberships, &state.index().regions);
    let asked = pairs
        .iter()
        .find(|(k, _)| k == "deur")
        .map(|(_, v)| v.as_str());
    let Some(doors) = insight::choose_doors(&offered, asked) else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let all = doors == Doors::All;
    let given = pairs
        .iter()
        .find(|(k, _)| k == "since")
        .map(|(_, v)| v.as_str());
    let today = state.clock.today();
    let (since, since_error) = match since_param(given, today) {
        Ok(d) => (d, None),
        Err(d) => (d, Some(tr.t("insight-since-error"))),
    };
    let found = insight::since(&state, since, 200, doors.filter()).await;
    let failed = found.is_err();
    let (counts, feedback) = found.unwrap_or_default();
    let title = match &doors {
        Doors::All => tr.t("insight-title"),
        d => format!("{} · {}", tr.t("insight-title"), door_name(&state, &tr, d)),
    };
    let layout = Layout::new(tr.clone(), title, "staff", uri.path(), uri.query());
    let page = InsightPage {
        since: since.to_string(),
        total: counts.iter().map(|c| c.count).sum(),
        rows: counts
            .iter()
            .take(100)
            .map(|c| row(&state, &tr, all, c))
            .collect(),
        gaps: counts
            .iter()
            .filter(|c| c.fell_back)
            .take(100)
            .map(|c| row(&state, &tr, all, c))
            .collect(),
        feedback: feedback
            .into_iter()
            .map(|f| feedback_row(&state, &tr, all, f))
            .collect(),
        doors: if offered.len() > 1 {
            offered
                .iter()
                .map(|d| Opt {
                    value: d.param().to_string(),
                    label: door_name(&state, &tr, d),
                    selected: *d == doors,
                })
                .collect()
        } else {
            Vec::new()
        },
        all_doors: all,
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
