//! Who is signed in, for the header of every page: name, organisation, their
//! start page and a sign-out form.
//!
//! The session middleware knows the viewer before any handler runs; pages
//! build their [`Layout`](crate::pages::view::Layout) in dozens of places. So
//! a middleware just inside the session's puts the header's facts in a
//! task-local for the duration of the request, and `Layout::new` reads them:
//! one place decides, every page shows.

use crate::AppState;
use crate::session::Viewer;
use loket_domain::account::{Membership, Role};
use loket_domain::policy::{self, Action};
use loket_store::SessionStage;

#[derive(Debug, Clone)]
pub struct Who {
    pub name: String,
    pub organization: Option<String>,
    /// The role's start page (`/beheer`, `/beheer/cijfers`, `/werkgever`, `/account`).
    pub home: &'static str,
    /// The session's form token, for the sign-out form.
    pub token: String,
    /// The staff area's menu: the areas this person may use.
    pub menu: Vec<MenuItem>,
}

/// An entry of the staff menu: where it leads and its message key.
#[derive(Debug, Clone)]
pub struct MenuItem {
    pub href: &'static str,
    pub key: &'static str,
}

tokio::task_local! {
    static WHO: Option<Who>;
}

/// The header's facts for a completed sign-in; `None` for visitors and API tokens.
pub(crate) fn of(state: &AppState, viewer: &Viewer) -> Option<Who> {
    if viewer.stage != SessionStage::Full || viewer.api_scopes.is_some() {
        return None;
    }
    let idx = state.index();
    let organization = viewer
        .memberships
        .iter()
        .filter_map(|m| m.organization_id.as_deref())
        .find_map(|id| idx.organization(id).map(|o| o.name.clone()));
    let name = if viewer.account.display_name.trim().is_empty() {
        viewer.account.email.as_str().to_string()
    } else {
        viewer.account.display_name.clone()
    };
    Some(Who {
        name,
        organization,
        home: home_for(&viewer.memberships),
        token: state.csrf.session_token(&viewer.session_hash),
        menu: menu_for(&viewer.memberships, &state.talent_programme),
    })
}

/// The staff menu: one entry per area the person's roles open, in the order
/// of a working day (start, referrals, contacts, talent, figures).
pub(crate) fn menu_for(memberships: &[Membership], talent_programme: &str) -> Vec<MenuItem> {
    let net = policy::Target::Network;
    let may = |action: Action| policy::allows(memberships, action, net);
    let home = home_for(memberships);
    let mut menu = vec![MenuItem {
        href: home,
        key: "who-home",
    }];
    if may(Action::HandleReferrals) {
        menu.push(MenuItem {
            href: "/beheer/verwijzingen",
            key: "inbox-title",
        });
    }
    if may(Action::OrganiseEvents) {
        menu.push(MenuItem {
            href: "/beheer/evenementen",
            key: "evorg-title",
        });
    }
    if may(Action::RegisterContact) {
        menu.push(MenuItem {
            href: "/beheer/contacten",
            key: "contact-title",
        });
    }
    if policy::allows(
        memberships,
        Action::MatchTalent,
        policy::Target::Organization {
            id: talent_programme,
            regions: &[],
        },
    ) {
        menu.push(MenuItem {
            href: "/beheer/talent",
            key: "talent-title",
        });
    }
    // A coordinator (of the network or of one region) and the platform admin keep regions.
    let keeps_regions = memberships.iter().any(|m| {
        matches!(m.role, Role::Coordinator | Role::PlatformAdmin)
            && policy::allows(
                std::slice::from_ref(m),
                Action::ManageRegion,
                policy::Target::Region(m.region.as_deref().unwrap_or_default()),
            )
    });
    if keeps_regions {
        menu.push(MenuItem {
            href: "/beheer/regio",
            key: "regionadmin-list-title",
        });
    }
    if may(Action::ViewStaleRecords) {
        menu.push(MenuItem {
            href: "/beheer/verouderd",
            key: "menu-records",
        });
    }
    if may(Action::ViewFrontDoorInsight) {
        menu.push(MenuItem {
            href: "/coordinator/voordeur",
            key: "menu-insight",
        });
    }
    if may(Action::ManageFrontDoor) {
        menu.push(MenuItem {
            href: "/beheer/grensregels",
            key: "crossborder-rules-title",
        });
    }
    if may(Action::ViewReferralFigures) && home != "/beheer/cijfers" {
        menu.push(MenuItem {
            href: "/beheer/cijfers",
            key: "figures-title",
        });
    }
    if may(Action::ViewReferralFigures) {
        menu.push(MenuItem {
            href: "/beheer/resultaten",
            key: "results-title",
        });
    }
    if may(Action::ViewAggregates) {
        menu.push(MenuItem {
            href: "/beheer/programma",
            key: "programme-title",
        });
        menu.push(MenuItem {
            href: "/beheer/financiering",
            key: "funding-title",
        });
        menu.push(MenuItem {
            href: "/beheer/arbeidsmarkt",
            key: "labour-title",
        });
    }
    menu
}

/// Middleware, inside the session's: runs the rest of the request with the
/// signed-in person's header facts in scope.
pub(crate) async fn remember(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let who = req.extensions().get::<Viewer>().and_then(|v| of(&state, v));
    WHO.scope(who, next.run(req)).await
}

/// The signed-in person of the current request, if any.
pub fn current() -> Option<Who> {
    WHO.try_with(Clone::clone).ok().flatten()
}

/// Where a role starts: each lands on a page it can use, never one that refuses it.
pub(crate) fn home_for(memberships: &[Membership]) -> &'static str {
    let has = |role: Role| memberships.iter().any(|m| m.role == role);
    if policy::reach_of(memberships, Action::UseStaffArea).anywhere() {
        "/beheer"
    } else if has(Role::Funder) {
        "/beheer/cijfers"
    } else if has(Role::Employer) {
        "/werkgever"
    } else {
        "/account"
    }
}
