//! The cross-border rules for the coordinator (`/beheer/grensregels`): what
//! each says, its article and source, from when to when it applies, and which
//! end within the dates the explainer answers for (to be checked against the
//! source before then; the test command fails once one has expired).

use crate::AppState;
use crate::pages::view::{Layout, Page, render};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

pub struct RuleLine {
    pub id: String,
    pub domain: String,
    pub says: String,
    pub article: String,
    pub title: String,
    pub url: String,
    pub from: String,
    pub to: String,
    /// Its validity ends before the last date the explainer answers for.
    pub ends_early: bool,
}

#[derive(Template)]
#[template(path = "crossborder/rules.html")]
pub struct RulesPage {
    layout: Layout,
    covers: String,
    rules: Vec<RuleLine>,
}

pub async fn page(State(state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    let book = &state.crossborder;
    let rules = book
        .rules
        .iter()
        .map(|r| RuleLine {
            id: r.id.clone(),
            domain: tr.t(&format!("crossborder-domain-{}", r.domain)),
            says: r.says.clone(),
            article: r.source.article.clone(),
            title: r.source.title.clone(),
            url: r.source.url.clone(),
            from: tr.date(r.valid_from),
            to: r
                .valid_to
                .map_or_else(|| tr.t("crossborder-rules-open-ended"), |d| tr.date(d)),
            ends_early: r.valid_to.is_some_and(|to| to < book.covers.to),
        })
        .collect();
    let page = RulesPage {
        covers: tr.s(
            "crossborder-rules-covers",
            &[
                ("from", tr.date(book.covers.from)),
                ("to", tr.date(book.covers.to)),
            ],
        ),
        layout: Layout::new(
            tr.clone(),
            tr.t("crossborder-rules-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        rules,
    };
    render(StatusCode::OK, &page)
}
