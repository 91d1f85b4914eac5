//! The referral inbox (new, due, overdue, mine, all, sent) and the
//! coordinator's overdue list without personal data.

use crate::AppState;
use crate::error::failure;
use crate::pages::referrals::shared::{
    DUE_SOON_DAYS, PAGE_SIZE, layout, local_time, my_orgs, org_name, sender_name, service_name,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::referrals::queries;
use loket_store::referrals::{InboxQuery, InboxView};
use serde::Deserialize;

// ------------------------------------------------------------------ inbox

pub struct Tab {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct Row {
    pub id: String,
    pub created: String,
    pub service: String,
    pub other_party: String,
    pub status: String,
    pub due: String,
    pub overdue: bool,
    pub person: String,
}

#[derive(Template)]
#[template(path = "referrals/referral_inbox.html")]
pub struct InboxPage {
    layout: Layout,
    org: String,
    org_name: String,
    orgs: Vec<Opt>,
    tabs: Vec<Tab>,
    rows: Vec<Row>,
    sent: bool,
    empty: String,
    next_page: Option<String>,
    prev_page: Option<String>,
    unread: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct InboxParams {
    #[serde(default)]
    org: String,
    #[serde(default)]
    view: String,
    /// Text, so that a mangled link shows the first page instead of an error.
    #[serde(default)]
    page: String,
}

pub(crate) const VIEWS: [(&str, InboxView); 7] = [
    ("open", InboxView::Open),
    ("new", InboxView::New),
    ("due", InboxView::Due),
    ("overdue", InboxView::Overdue),
    ("mine", InboxView::Mine),
    ("all", InboxView::AllReceived),
    ("sent", InboxView::Sent),
];

/// The organisation a page is for: the one asked for if the viewer may, else their first.
pub(crate) fn chosen_org(viewer: &Viewer, asked: &str) -> Option<String> {
    let orgs = my_orgs(viewer);
    orgs.iter()
        .find(|o| o.as_str() == asked)
        .or(orgs.first())
        .cloned()
}

pub async fn inbox(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<InboxParams>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(org) = chosen_org(&viewer, &params.org) else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let (view_code, view) = VIEWS
        .iter()
        .find(|(code, _)| *code == params.view)
        .copied()
        .unwrap_or(VIEWS[0]);
    let today = state.clock.today();
    let page = params.page.parse::<i64>().unwrap_or(0).clamp(0, 100_000);
    let query = InboxQuery {
        organization_id: &org,
        view,
        account_id: &viewer.account.id,
        today,
        due_until: today + chrono::Days::new(DUE_SOON_DAYS),
        limit: PAGE_SIZE + 1,
        offset: page * PAGE_SIZE,
    };
    let (referrals, counts, unread) =
        match queries::inbox_page(&state, &query, &viewer.account.id).await {
            Ok(found) => found,
            Err(e) => return failure(e),
        };
    let more = referrals.len() as i64 > PAGE_SIZE;
    let sent = view == InboxView::Sent;
    let rows = referrals
        .iter()
        .take(PAGE_SIZE as usize)
        .map(|r| Row {
            id: r.id.clone(),
            created: local_time(r.created_at),
            service: service_name(&state, &r.service_id, lang),
            other_party: if sent {
                org_name(&state, &r.receiver_org)
            } else {
                sender_name(&state, &tr, r)
            },
            status: tr.t(&format!("referral-status-{}", r.status.code())),
            due: r.due_on.map(|d| tr.date(d)).unwrap_or_default(),
            overdue: r.due_on.is_some_and(|d| d < today),
            person: r
                .person
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| tr.t("referral-person-removed")),
        })
        .collect();
    let count_of = |code: &str| match code {
        "open" => Some(counts.open),
        "new" => Some(counts.new),
        "due" => Some(counts.due),
        "overdue" => Some(counts.overdue),
        "mine" => Some(counts.mine),
        "sent" => Some(counts.sent),
        _ => None,
    };
    let href = |view: &str, page: i64| {
        let page = page.to_string();
        format!(
            "/beheer/verwijzingen?{}",
            crate::present::query_string(&[
                ("org", &org),
                ("view", view),
                ("page", if page == "0" { "" } else { &page }),
                ("lang", lang.code()),
            ])
        )
    };
    let tabs = VIEWS
        .iter()
        .map(|(code, _)| Tab {
            label: match count_of(code) {
                Some(n) => tr.s(&format!("inbox-tab-{code}"), &[("count", count_label(n))]),
                None => tr.t(&format!("inbox-tab-{code}")),
            },
            href: href(code, 0),
            current: *code == view_code,
        })
        .collect();
    let orgs = my_orgs(&viewer)
        .into_iter()
        .map(|o| Opt {
            label: org_name(&state, &o),
            selected: o == org,
            value: o,
        })
        .collect();
    render(
        StatusCode::OK,
        &InboxPage {
            layout: layout(&tr, tr.t("inbox-title"), &uri),
            org_name: org_name(&state, &org),
            org: org.clone(),
            orgs,
            tabs,
            rows,
            sent,
            empty: tr.t("inbox-empty"),
            next_page: more.then(|| href(view_code, page + 1)),
            prev_page: (page > 0).then(|| href(view_code, page - 1)),
            unread: tr.n("notifications-unread", "count", unread.max(0) as usize),
        },
    )
}

/// A tab's count; beyond the store's cap, "1000+".
pub(crate) fn count_label(n: i64) -> String {
    if n > loket_store::referrals::COUNT_CAP {
        format!("{}+", loket_store::referrals::COUNT_CAP)
    } else {
        n.to_string()
    }
}

// ------------------------------------------------------- overdue (network)

pub struct OverdueRow {
    pub service: String,
    pub receiver: String,
    pub sender: String,
    pub status: String,
    pub due: String,
    pub days: i64,
}

#[derive(Template)]
#[template(path = "referrals/referrals_overdue.html")]
pub struct OverduePage {
    layout: Layout,
    rows: Vec<OverdueRow>,
}

/// The coordinator's list: which organisations are behind, never who the person is.
pub async fn overdue(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let today = state.clock.today();
    let list = match queries::overdue(&state, 500).await {
        Ok(list) => list,
        Err(e) => return failure(e),
    };
    let rows = list
        .iter()
        .map(|r| OverdueRow {
            service: service_name(&state, &r.service_id, lang),
            receiver: org_name(&state, &r.receiver_org),
            sender: sender_name(&state, &tr, r),
            status: tr.t(&format!("referral-status-{}", r.status.code())),
            due: r.due_on.map(|d| tr.date(d)).unwrap_or_default(),
            days: r.due_on.map(|d| (today - d).num_days()).unwrap_or(0),
        })
        .collect();
    render(
        StatusCode::OK,
        &OverduePage {
            layout: layout(&tr, tr.t("overdue-title"), &uri),
            rows,
        },
    )
}
