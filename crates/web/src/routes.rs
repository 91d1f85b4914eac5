//! The route table: every route is registered together with who may use it
//! ([`Access`]), so a route cannot exist without a policy entry. The table is
//! public ([`route_table`]) so that the authorization matrix test covers every
//! route that exists.

use crate::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::routing::{get, post};
use loket_domain::policy::Action;
use std::collections::HashMap;

/// Which organisation a route's action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Not one organisation: the network, or the person's own things.
    Network,
    /// The organisation that offers the service `{id}` in the path.
    ServiceInPath,
    /// The organisation `{id}` in the path.
    OrganizationInPath,
    /// The organisation that has the location `{id}` in the path.
    LocationInPath,
    /// The sender's or the receiver's organisation of the referral `{id}` in the
    /// path: either party is allowed, nobody else.
    ReferralInPath,
    /// The talent programme's organisation (Welcome to Maastricht Region).
    TalentProgramme,
    /// The employer `{id}` in the path.
    EmployerInPath,
    /// The employer of the vacancy `{id}` in the path.
    EmployerOfVacancyInPath,
    /// The employer of the vacancy of the introduction `{id}` in the path.
    EmployerOfIntroductionInPath,
    /// The labour-market region `{code}` in the path.
    RegionInPath,
    /// The organiser of the event `{id}` in the path.
    EventInPath,
    /// The organiser of the event whose date `{id}` is in the path.
    EventDateInPath,
}

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Everyone, signed in or not.
    Public,
    /// Anyone who completed sign-in (their own account pages).
    SignedIn,
    /// Those the policy allows this action on this scope.
    Allowed(Action, Scope),
    /// A monitoring system with the configured metrics token (no person's session).
    Scraper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteEntry {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

/// Builds the router and the table of routes side by side.
pub(crate) struct RouteTable {
    router: Router<AppState>,
    entries: Vec<RouteEntry>,
}

impl RouteTable {
    pub(crate) fn new() -> Self {
        RouteTable {
            router: Router::new(),
            entries: Vec::new(),
        }
    }

    pub(crate) fn get<H, T>(mut self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.entries.push(RouteEntry {
            method: "GET",
            path,
            access,
        });
        self.router = self.router.route(path, get(handler));
        self
    }

    pub(crate) fn post<H, T>(mut self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.entries.push(RouteEntry {
            method: "POST",
            path,
            access,
        });
        self.router = self.router.route(path, post(handler));
        self
    }

    pub(crate) fn into_parts(self) -> (Router<AppState>, Vec<RouteEntry>) {
        (self.router, self.entries)
    }
}

/// Access by method and route pattern, for the authorization layer.
pub(crate) type AccessMap = HashMap<(&'static str, &'static str), Access>;

pub(crate) fn access_map(entries: &[RouteEntry]) -> AccessMap {
    entries
        .iter()
        .map(|e| ((e.method, e.path), e.access))
        .collect()
}

/// Every route of the application with its access rule.
pub fn route_table() -> Vec<RouteEntry> {
    crate::all_routes().into_parts().1
}
