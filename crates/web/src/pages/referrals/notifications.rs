//! A person's notifications (also mailed, with a link only).

use crate::AppState;
use crate::error::failure;
use crate::pages::referrals::shared::{layout, local_time};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::referrals::queries;

// ---------------------------------------------------------- notifications

pub struct NotificationRow {
    pub href: String,
    pub text: String,
    pub at: String,
    pub read: bool,
}

#[derive(Template)]
#[template(path = "referrals/notifications.html")]
pub struct NotificationsPage {
    layout: Layout,
    rows: Vec<NotificationRow>,
}

pub async fn notifications(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let list = match queries::notifications(&state, &viewer.account.id).await {
        Ok(list) => list,
        Err(e) => return failure(e),
    };
    let rows = list
        .into_iter()
        .map(|n| NotificationRow {
            href: format!(
                "/beheer/verwijzingen/{}?lang={}",
                n.referral_id,
                lang.code()
            ),
            text: tr.t(&format!("notice-{}", n.kind)),
            at: local_time(n.at),
            read: n.read,
        })
        .collect();
    render(
        StatusCode::OK,
        &NotificationsPage {
            layout: layout(&tr, tr.t("notifications-title"), &uri),
            rows,
        },
    )
}
