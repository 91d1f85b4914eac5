//! The home page and the accessibility statement.

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::names::Link;
use crate::present::query_string;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::TaxonomyKind;

// ---------------------------------------------------------------- home

#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomePage {
    layout: Layout,
    stats: String,
    groups: Vec<Link>,
    topics: Vec<Link>,
    regions: Vec<Link>,
}

pub async fn home(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let link = |param: &str, code: &str, label: String| Link {
        href: format!("/diensten?{}", query_string(&[(param, code)])),
        label,
    };
    let mut topics: Vec<Link> = idx
        .terms_of(TaxonomyKind::Topic)
        .map(|t| link("topic", &t.code, t.name.get(lang).to_string()))
        .collect();
    tr.sort_by_key(&mut topics, |o| &o.label);
    let groups = idx
        .terms_of(TaxonomyKind::TargetGroup)
        .map(|t| link("group", &t.code, t.name.get(lang).to_string()))
        .collect();
    let mut regions: Vec<Link> = idx
        .areas
        .regions()
        .filter(|r| r.kind != "country")
        .map(|r| link("area", &r.code, r.name.get(lang).to_string()))
        .collect();
    tr.sort_by_key(&mut regions, |o| &o.label);
    let stats = tr.s(
        "home-stats",
        &[
            ("services", idx.services.len().to_string()),
            ("organizations", idx.organization_count().to_string()),
        ],
    );
    let layout = Layout::new(
        tr.clone(),
        tr.t("home-title"),
        "home",
        uri.path(),
        uri.query(),
    );
    render(
        StatusCode::OK,
        &HomePage {
            layout,
            stats,
            groups,
            topics,
            regions,
        },
    )
}

// ---------------------------------------------------------------- static pages

#[derive(Template)]
#[template(path = "public/accessibility.html")]
pub struct AccessibilityPage {
    layout: Layout,
}

pub async fn accessibility(State(_state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    let layout = Layout::new(
        tr.clone(),
        tr.t("a11y-title"),
        "accessibility",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::OK, &AccessibilityPage { layout })
}
