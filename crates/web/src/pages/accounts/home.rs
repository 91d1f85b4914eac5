//! Where a signed-in person starts: each role lands on a page it can use
//! (staff and coordinators on the staff area, funders on the figures,
//! employers on their vacancies), never on a page that refuses them.

use crate::pages::accounts::shared::go;
use crate::session::SignedIn;
use crate::who::home_for;
use axum::response::Response;

/// The address a sign-in ends on when no other page was asked for.
pub const START: &str = "/start";

pub async fn start(SignedIn(viewer): SignedIn) -> Response {
    go(home_for(&viewer.memberships))
}

#[cfg(test)]
mod tests {
    use super::*;
    use loket_domain::account::{Membership, Role};

    fn member(role: Role, org: Option<&str>) -> Vec<Membership> {
        vec![Membership {
            region: None,
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
