//! The privacy statement, generated from the register of processing activities.

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::privacy::{ProcessingActivity, RetentionFrom};

pub struct ActivityView {
    pub name: String,
    pub purpose: String,
    pub basis: String,
    pub data: Vec<String>,
    pub retention: String,
    pub planned: bool,
}

#[derive(Template)]
#[template(path = "public/privacy.html")]
pub struct PrivacyPage {
    layout: Layout,
    activities: Vec<ActivityView>,
}

fn retention(tr: &Tr, a: &ProcessingActivity) -> String {
    let period = match a.retention_days {
        None => return tr.t("privacy-retention-anonymous"),
        Some(d) if d % 365 == 0 => tr.n("privacy-retention-years", "years", (d / 365) as usize),
        Some(d) if d % 30 == 0 => tr.n("privacy-retention-months", "months", (d / 30) as usize),
        Some(d) => tr.n("privacy-retention-days", "days", d as usize),
    };
    match a.retention_from {
        RetentionFrom::Recorded => period,
        RetentionFrom::LastActivity => {
            format!("{period} {}", tr.t("privacy-retention-after-activity"))
        }
    }
}

pub async fn page(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let activities = state
        .register
        .activities
        .iter()
        .map(|a| ActivityView {
            name: a.name.get(lang).to_string(),
            purpose: a.purpose.get(lang).to_string(),
            basis: tr.t(&format!("basis-{}", a.legal_basis.code())),
            data: a.data.iter().map(|d| d.get(lang).to_string()).collect(),
            retention: retention(&tr, a),
            planned: !a.in_use,
        })
        .collect();
    let page = PrivacyPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("privacy-title"),
            "privacy",
            uri.path(),
            uri.query(),
        ),
        activities,
    };
    render(StatusCode::OK, &page)
}
