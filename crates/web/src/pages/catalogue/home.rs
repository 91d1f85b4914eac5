//! The staff area's home (`/beheer`): the services a person may edit and the
//! links their roles open.

use crate::AppState;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::Service;
use loket_domain::policy::{self, Action};

// ------------------------------------------------------------------- home

pub struct ServiceRow {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub assured: String,
}

pub struct OrgLink {
    pub id: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "catalogue/manage_home.html")]
pub struct HomePage {
    layout: Layout,
    welcome: String,
    services: Vec<ServiceRow>,
    locations: Vec<OrgLink>,
    invite_orgs: Vec<OrgLink>,
    can_terms: bool,
    can_proposals: bool,
    can_flow: bool,
    can_stale: bool,
    can_insight: bool,
    can_audit: bool,
    can_accounts: bool,
    can_referrals: bool,
    can_contacts: bool,
    can_overdue: bool,
    can_figures: bool,
    can_talent: bool,
    can_placements: bool,
    token_orgs: Vec<String>,
}

pub(crate) fn service_row(
    idx: &loket_domain::search::CatalogueIndex,
    s: &Service,
    tr: &Tr,
) -> ServiceRow {
    let lang = tr.lang;
    ServiceRow {
        id: s.id.clone(),
        name: s.name.get(lang).to_string(),
        organization: idx
            .organization(&s.organization_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        assured: s
            .assured_date
            .map(|d| tr.date(d))
            .unwrap_or_else(|| "—".into()),
    }
}

pub async fn home(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let m = &viewer.memberships;
    let editable = policy::organizations_for(m, Action::EditService, &idx.regions);
    let mut services: Vec<ServiceRow> = idx
        .services()
        .iter()
        .filter(|s| {
            editable
                .as_ref()
                .is_none_or(|orgs| orgs.contains(&s.organization_id))
        })
        .map(|s| service_row(&idx, s, &tr))
        .collect();
    services.sort_by(|a, b| (&a.organization, &a.name).cmp(&(&b.organization, &b.name)));
    let locations = idx
        .document()
        .locations
        .into_iter()
        .filter(|l| {
            editable
                .as_ref()
                .is_none_or(|orgs| orgs.contains(&l.organization_id))
        })
        .map(|l| OrgLink {
            name: l.name.get(lang).to_string(),
            id: l.id,
        })
        .collect();
    let invite_orgs = match policy::organizations_for(m, Action::InviteMember, &idx.regions) {
        None => idx.organizations().iter().collect::<Vec<_>>(),
        Some(ids) => ids.iter().filter_map(|id| idx.organization(id)).collect(),
    }
    .into_iter()
    .map(|o| OrgLink {
        id: o.id.clone(),
        name: o.name.clone(),
    })
    .collect();
    let net = policy::Target::Network;
    render(
        StatusCode::OK,
        &HomePage {
            layout: layout(&tr, tr.t("manage-title"), &uri),
            welcome: tr.s(
                "manage-welcome",
                &[("name", viewer.account.display_name.clone())],
            ),
            services,
            invite_orgs,
            locations,
            can_terms: policy::allows(m, Action::ManageTaxonomies, net),
            can_proposals: policy::allows(m, Action::ApproveOrganizations, net),
            can_flow: policy::allows(m, Action::ManageFrontDoor, net),
            can_stale: policy::allows(m, Action::ViewStaleRecords, net),
            can_insight: policy::allows(m, Action::ViewFrontDoorInsight, net),
            can_audit: policy::allows(m, Action::ViewAuditLog, net),
            can_accounts: policy::allows(m, Action::ManageAccounts, net),
            can_referrals: policy::allows(m, Action::HandleReferrals, net),
            can_contacts: policy::allows(m, Action::RegisterContact, net),
            can_overdue: policy::allows(m, Action::ViewOverdueReferrals, net),
            can_figures: policy::allows(m, Action::ViewReferralFigures, net),
            can_talent: policy::allows(
                m,
                Action::MatchTalent,
                policy::Target::Organization {
                    id: &state.talent_programme,
                    regions: &[],
                },
            ),
            can_placements: policy::allows(m, Action::ViewPlacementFigures, net),
            token_orgs: policy::reach_of(m, Action::ManageApiTokens).organizations,
        },
    )
}
