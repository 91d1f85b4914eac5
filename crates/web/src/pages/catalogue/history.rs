//! A service's saved versions with who changed which fields, and the
//! coordinator's list of records not confirmed for twelve months.

use crate::AppState;
use crate::error::failure;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::catalogue::history;
use loket_domain::editing::changed_fields;

// --------------------------------------------------------------- history

pub(crate) struct VersionRow {
    pub version: i64,
    pub at: String,
    pub who: String,
    pub changed: String,
}

#[derive(Template)]
#[template(path = "catalogue/service_history.html")]
pub struct HistoryPage {
    layout: Layout,
    id: String,
    versions: Vec<VersionRow>,
}

pub async fn history(State(state): State<AppState>, ui: Page, Path(id): Path<String>) -> Response {
    let Page { lang, tr, uri } = ui;
    let saved = match history::versions(&state, "service", &id).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let mut rows = Vec::new();
    for (i, s) in saved.iter().enumerate() {
        let v = &s.version;
        let who = match (&s.by, v.actor.as_str()) {
            (_, "import") => tr.t("history-import"),
            (Some(name), _) => name.clone(),
            (None, _) => tr.t("history-unknown-person"),
        };
        let changed = match saved.get(i + 1) {
            Some(older) => changed_fields(&older.version.doc, &v.doc).join(", "),
            None => tr.t("history-first"),
        };
        rows.push(VersionRow {
            version: v.version,
            at: crate::present::local_time(v.at),
            who,
            changed,
        });
    }
    let name = state
        .index()
        .service(&id)
        .map(|s| s.name.get(lang).to_string())
        .unwrap_or_default();
    render(
        StatusCode::OK,
        &HistoryPage {
            layout: layout(&tr, tr.s("history-title", &[("name", name)]), &uri),
            id,
            versions: rows,
        },
    )
}
