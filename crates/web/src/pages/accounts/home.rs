//! Where a signed-in person starts: each role lands on a page it can use
//! (staff and coordinators on the staff area, funders on the figures,
//! employers on their vacancies), never on a page that refuses them.

use crate::pages::accounts::shared::go;
use crate::session::SignedIn;
use axum::response::Response;
use loket_domain::account::{Membership, Role};
use loket_domain::policy::{self, Action};

/// The address a sign-in ends on when no other page was asked for.
pub const START: &str = "/start";

pub(crate) fn home_for(memberships: &[Membership]) -> &'static str {
    let has = |role: Role| memberships.iter().any(|m| m.role == role);
    // `None`: everywhere; otherwise the organisations where the staff area is theirs.
    if policy::organizations_for(memberships, Action::UseStaffArea).is_none_or(|o| !o.is_empty()) {
        "/beheer"
    } else if has(Role::Funder) {
        "/beheer/cijfers"
    } else if has(Role::Employer) {
        "/werkgever"
    } else {
        "/account"
    }
}

pub async fn start(SignedIn(viewer): SignedIn) -> Response {
    go(home_for(&viewer.memberships))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, org: Option<&str>) -> Vec<Membership> {
        vec![Membership {
            organization_id: org.map(str::to_string),
            role,
        }]
    }

    #[test]
    fn every_role_lands_on_a_page_of_its_own() {
        assert_eq!(home_for(&member(Role::Staff, Some("gip"))), "/beheer");
        assert_eq!(home_for(&member(Role::Coordinator, None)), "/beheer");
        assert_eq!(home_for(&member(Role::Funder, None)), "/beheer/cijfers");
        assert_eq!(
            home_for(&member(Role::Employer, Some("acme"))),
            "/werkgever"
        );
        assert_eq!(home_for(&[]), "/account");
    }
}
