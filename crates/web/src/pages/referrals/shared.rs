//! What the referral pages share: the frame, times, names of organisations and
//! services, and which organisation a viewer acts for.

use crate::AppState;
use crate::pages::view::Layout;
use crate::present::Tr;
use crate::session::Viewer;
use loket_app::referrals::Caller;
use loket_domain::Lang;
use loket_domain::policy::{self, Action};
use loket_domain::referral::Referral;

/// Referrals per inbox page.
pub(crate) const PAGE_SIZE: i64 = 50;
/// "Due" in the inbox: due within this many days.
pub(crate) const DUE_SOON_DAYS: u64 = 2;

pub(crate) fn layout(tr: &Tr, title: String, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), title, "staff", uri.path(), uri.query())
}

pub(crate) use crate::present::local_time;

/// The organisations whose referrals the viewer handles (policy: own organisation).
pub(crate) fn my_orgs(viewer: &Viewer) -> Vec<String> {
    policy::reach_of(&viewer.memberships, Action::HandleReferrals).organizations
}

pub(crate) fn caller<'a>(viewer: &'a Viewer, org: &'a str) -> Caller<'a> {
    Caller {
        account_id: &viewer.account.id,
        organization_id: org,
        origin: "web",
    }
}

pub(crate) fn org_name(state: &AppState, id: &str) -> String {
    state
        .index()
        .organization(id)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn service_name(state: &AppState, id: &str, lang: Lang) -> String {
    state
        .index()
        .service(id)
        .map(|s| s.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn sender_name(state: &AppState, tr: &Tr, r: &Referral) -> String {
    match r.sender_org() {
        Some(org) => org_name(state, org),
        None => tr.t("referral-from-front-door"),
    }
}
