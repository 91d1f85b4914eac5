//! Who may do what: the one place where authorization is decided. Every use case
//! names an [`Action`] and its [`Target`]; [`allows`] answers from [`GRANTS`].
//! Web routes name their action in the route table (`loket-web`), and a test
//! matrix over every route × role × own/other organisation checks the outcome.

use crate::account::{Membership, Role};
use crate::region::RegionDirectory;

/// Something a signed-in person wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The staff area's start page.
    UseStaffArea,
    /// Edit a service's text, contacts and languages, and preview it.
    EditService,
    /// Confirm that a record is still right (sets its `assured_date`).
    ConfirmRecord,
    /// See who changed what in a record.
    ViewHistory,
    /// Invite someone into an organisation.
    InviteMember,
    /// The completeness list (services nobody can reach well or nobody confirmed
    /// for twelve months) and asking an organisation's admins to complete them.
    ViewStaleRecords,
    /// The front door's anonymous counts and visitors' feedback.
    ViewFrontDoorInsight,
    /// Aggregated figures only (no free text, no personal data).
    ViewAggregates,
    /// View, filter and export the audit and processing log.
    ViewAuditLog,
    /// List accounts; a data subject's access export and erasure.
    ManageAccounts,
    /// Edit the taxonomies' terms (names in four languages, search words).
    ManageTaxonomies,
    /// Approve or decline organisations that ask to join the network.
    ApproveOrganizations,
    /// Edit the texts of the front door's questions.
    ManageFrontDoor,
    /// Register client contacts for one's organisation.
    RegisterContact,
    /// Send, receive and handle referrals of one's organisation (the inbox).
    HandleReferrals,
    /// The network's overdue referrals, without personal data (escalations).
    ViewOverdueReferrals,
    /// Contact and referral figures and the indicators' results against their
    /// targets: one's organisation's, a region's, or the network's.
    ViewReferralFigures,
    /// Create and revoke an organisation's API tokens.
    ManageApiTokens,
    /// Programme staff of Welcome to Maastricht Region: candidates, matching, introductions,
    /// verifying employers (target: the programme's organisation).
    MatchTalent,
    /// An employer's own vacancies and their introductions (target: the employer).
    ManageVacancies,
    /// Placements against the expected placements (aggregates, no personal data).
    ViewPlacementFigures,
    /// Set the expected placements per year.
    SetPlacementTargets,
    /// Set the indicators' targets per year (network, region, organisation, service).
    SetTargets,
    /// A region's menu (which services, which partner contributes each) and its look.
    ManageRegion,
    /// Publish one's organisation's events, see who registered and check them in.
    OrganiseEvents,
}

/// What an action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The whole network.
    Network,
    /// One organisation's records; `regions` are the labour-market regions whose menu
    /// it contributes to (the web tier looks them up; a region's coordinator reaches
    /// only organisations of its region).
    Organization { id: &'a str, regions: &'a [String] },
    /// One labour-market region's own things: its menu, wording, look.
    Region(&'a str),
    /// One employer's records; `linked` says whether the person's account acts for it
    /// (the web tier looks that up; the policy decides what it allows).
    Employer { id: &'a str, linked: bool },
}

/// How far a role's grant reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Only the organisation the role is held in.
    Own,
    /// Any organisation and the network.
    Any,
}

/// Every grant there is. Anything not listed is refused.
pub const GRANTS: &[(Action, Role, Reach)] = &[
    (Action::UseStaffArea, Role::Staff, Reach::Own),
    (Action::UseStaffArea, Role::OrgAdmin, Reach::Own),
    (Action::UseStaffArea, Role::Coordinator, Reach::Any),
    (Action::UseStaffArea, Role::PlatformAdmin, Reach::Any),
    (Action::EditService, Role::Staff, Reach::Own),
    (Action::EditService, Role::OrgAdmin, Reach::Own),
    (Action::EditService, Role::Coordinator, Reach::Any),
    (Action::ConfirmRecord, Role::Staff, Reach::Own),
    (Action::ConfirmRecord, Role::OrgAdmin, Reach::Own),
    (Action::ConfirmRecord, Role::Coordinator, Reach::Any),
    (Action::ViewHistory, Role::Staff, Reach::Own),
    (Action::ViewHistory, Role::OrgAdmin, Reach::Own),
    (Action::ViewHistory, Role::Coordinator, Reach::Any),
    (Action::ViewHistory, Role::PlatformAdmin, Reach::Any),
    (Action::InviteMember, Role::OrgAdmin, Reach::Own),
    (Action::InviteMember, Role::PlatformAdmin, Reach::Any),
    (Action::ViewStaleRecords, Role::Coordinator, Reach::Any),
    (Action::ViewFrontDoorInsight, Role::Coordinator, Reach::Any),
    (Action::ViewAggregates, Role::Coordinator, Reach::Any),
    (Action::ViewAggregates, Role::Funder, Reach::Any),
    (Action::ViewAuditLog, Role::PlatformAdmin, Reach::Any),
    (Action::ManageAccounts, Role::PlatformAdmin, Reach::Any),
    (Action::ManageTaxonomies, Role::Coordinator, Reach::Any),
    (Action::ApproveOrganizations, Role::Coordinator, Reach::Any),
    (Action::ManageFrontDoor, Role::Coordinator, Reach::Any),
    (Action::RegisterContact, Role::Staff, Reach::Own),
    (Action::RegisterContact, Role::OrgAdmin, Reach::Own),
    (Action::HandleReferrals, Role::Staff, Reach::Own),
    (Action::HandleReferrals, Role::OrgAdmin, Reach::Own),
    (Action::ViewOverdueReferrals, Role::Coordinator, Reach::Any),
    (Action::ViewReferralFigures, Role::Staff, Reach::Own),
    (Action::ViewReferralFigures, Role::OrgAdmin, Reach::Own),
    (Action::ViewReferralFigures, Role::Coordinator, Reach::Any),
    (Action::ViewReferralFigures, Role::Funder, Reach::Any),
    (Action::ManageApiTokens, Role::OrgAdmin, Reach::Own),
    (Action::MatchTalent, Role::Staff, Reach::Own),
    (Action::MatchTalent, Role::OrgAdmin, Reach::Own),
    (Action::ManageVacancies, Role::Employer, Reach::Own),
    (Action::ViewPlacementFigures, Role::Staff, Reach::Own),
    (Action::ViewPlacementFigures, Role::OrgAdmin, Reach::Own),
    (Action::ViewPlacementFigures, Role::Coordinator, Reach::Any),
    (Action::ViewPlacementFigures, Role::Funder, Reach::Any),
    (Action::SetPlacementTargets, Role::Coordinator, Reach::Any),
    (Action::SetTargets, Role::Coordinator, Reach::Any),
    (Action::ManageRegion, Role::Coordinator, Reach::Any),
    (Action::ManageRegion, Role::PlatformAdmin, Reach::Any),
    (Action::OrganiseEvents, Role::Staff, Reach::Own),
    (Action::OrganiseEvents, Role::OrgAdmin, Reach::Own),
    (Action::OrganiseEvents, Role::Coordinator, Reach::Any),
];

/// Actions whose network-wide page narrows itself to what the person reaches
/// ([`reach_of`]): a role tied to a region opens the page and sees its region's part.
const NARROWED_TO_REACH: &[Action] = &[
    Action::UseStaffArea,
    Action::OrganiseEvents,
    Action::ViewReferralFigures,
    Action::ViewFrontDoorInsight,
];

/// What a grant with [`Reach::Any`] reaches when the role is tied to one region:
/// that region's own things, the organisations contributing to its menu, and of the
/// network only the pages that narrow themselves to the region.
fn within_region(region: &str, action: Action, target: Target<'_>) -> bool {
    match target {
        Target::Region(code) => code == region,
        Target::Organization { regions, .. } => regions.iter().any(|r| r == region),
        Target::Network => NARROWED_TO_REACH.contains(&action),
        Target::Employer { .. } => false,
    }
}

/// Whether someone holding `memberships` may do `action` on `target`.
/// A grant with [`Reach::Own`] covers only the organisation the role is held in;
/// for [`Target::Network`] it covers actions that are not about one organisation's
/// records (for example the staff area's start page).
pub fn allows(memberships: &[Membership], action: Action, target: Target<'_>) -> bool {
    GRANTS
        .iter()
        .filter(|(a, _, _)| *a == action)
        .any(|(_, role, reach)| {
            memberships.iter().any(|m| {
                m.role == *role
                    && match (reach, target) {
                        (Reach::Any, _) => match &m.region {
                            None => true,
                            Some(region) => within_region(region, action, target),
                        },
                        // An employer's account never acts for a network organisation.
                        (Reach::Own, Target::Organization { id, .. }) => {
                            m.role != Role::Employer && m.organization_id.as_deref() == Some(id)
                        }
                        // A region's own things are never reached by an organisation's role.
                        (Reach::Own, Target::Region(_)) => false,
                        (Reach::Own, Target::Network) => {
                            m.organization_id.is_some() || m.role == Role::Employer
                        }
                        // Only an employer's own accounts reach its records with an own grant.
                        (Reach::Own, Target::Employer { linked, .. }) => {
                            m.role == Role::Employer && linked
                        }
                    }
            })
        })
}

/// Where someone may do an action: everywhere, or in some regions (through a role
/// tied to a region) and some organisations (through a role held in one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reached {
    pub everywhere: bool,
    pub regions: Vec<String>,
    pub organizations: Vec<String>,
}

impl Reached {
    /// Whether the action is allowed somewhere at all.
    pub fn anywhere(&self) -> bool {
        self.everywhere || !self.regions.is_empty() || !self.organizations.is_empty()
    }
}

/// Where someone holding `memberships` may do `action`.
pub fn reach_of(memberships: &[Membership], action: Action) -> Reached {
    let mut reached = Reached::default();
    for (_, role, reach) in GRANTS.iter().filter(|(a, _, _)| *a == action) {
        for m in memberships.iter().filter(|m| m.role == *role) {
            match (reach, &m.region) {
                (Reach::Any, None) => reached.everywhere = true,
                (Reach::Any, Some(region)) => reached.regions.push(region.clone()),
                (Reach::Own, _) => reached.organizations.extend(m.organization_id.clone()),
            }
        }
    }
    for list in [&mut reached.regions, &mut reached.organizations] {
        list.sort();
        list.dedup();
    }
    reached
}

/// The organisations in which someone may do `action` (`None`: all of them): those
/// their roles are held in, and those contributing to the menu of a region their
/// role is tied to.
pub fn organizations_for(
    memberships: &[Membership],
    action: Action,
    regions: &RegionDirectory,
) -> Option<Vec<String>> {
    let reached = reach_of(memberships, action);
    if reached.everywhere {
        return None;
    }
    let mut orgs = reached.organizations;
    for code in &reached.regions {
        orgs.extend(regions.contributors(code));
    }
    orgs.sort();
    orgs.dedup();
    Some(orgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, org: Option<&str>) -> Vec<Membership> {
        vec![Membership {
            region: None,
            organization_id: org.map(String::from),
            role,
        }]
    }

    #[test]
    fn staff_edit_their_own_organisation_only() {
        let staff = member(Role::Staff, Some("gip"));
        assert!(allows(
            &staff,
            Action::EditService,
            Target::Organization {
                id: "gip",
                regions: &[]
            }
        ));
        assert!(!allows(
            &staff,
            Action::EditService,
            Target::Organization {
                id: "svb",
                regions: &[]
            }
        ));
        assert!(!allows(&staff, Action::ViewAuditLog, Target::Network));
        assert_eq!(
            organizations_for(&staff, Action::EditService, &RegionDirectory::default()),
            Some(vec!["gip".to_string()])
        );
    }

    #[test]
    fn network_roles_reach_every_organisation() {
        let coordinator = member(Role::Coordinator, None);
        assert!(allows(
            &coordinator,
            Action::EditService,
            Target::Organization {
                id: "svb",
                regions: &[]
            }
        ));
        assert_eq!(
            organizations_for(
                &coordinator,
                Action::EditService,
                &RegionDirectory::default()
            ),
            None
        );
        let funder = member(Role::Funder, None);
        assert!(allows(&funder, Action::ViewAggregates, Target::Network));
        assert!(!allows(
            &funder,
            Action::ViewFrontDoorInsight,
            Target::Network
        ));
        assert!(!allows(
            &funder,
            Action::EditService,
            Target::Organization {
                id: "svb",
                regions: &[]
            }
        ));
    }

    #[test]
    fn an_employer_account_reaches_its_own_employer_only() {
        let employer = member(Role::Employer, None);
        let own = Target::Employer {
            id: "e1",
            linked: true,
        };
        let other = Target::Employer {
            id: "e2",
            linked: false,
        };
        assert!(allows(&employer, Action::ManageVacancies, own));
        assert!(!allows(&employer, Action::ManageVacancies, other));
        assert!(allows(&employer, Action::ManageVacancies, Target::Network));
        assert!(!allows(
            &employer,
            Action::MatchTalent,
            Target::Organization {
                id: "wtmr",
                regions: &[]
            }
        ));
        // Staff of an organisation are not an employer's accounts, linked or not.
        let staff = member(Role::Staff, Some("wtmr"));
        assert!(!allows(&staff, Action::ManageVacancies, own));
        assert!(allows(
            &staff,
            Action::MatchTalent,
            Target::Organization {
                id: "wtmr",
                regions: &[]
            }
        ));
        assert!(!allows(
            &staff,
            Action::MatchTalent,
            Target::Organization {
                id: "uwv",
                regions: &[]
            }
        ));
    }

    #[test]
    fn nobody_is_allowed_anything_without_a_grant() {
        assert!(!allows(&[], Action::UseStaffArea, Target::Network));
        let candidate = member(Role::Candidate, None);
        let employer = member(Role::Employer, Some("acme"));
        for action in GRANTS.iter().map(|g| g.0) {
            assert!(!allows(&candidate, action, Target::Network));
            assert!(!allows(
                &employer,
                action,
                Target::Organization {
                    id: "acme",
                    regions: &[]
                }
            ));
        }
    }

    fn midden_limburg() -> RegionDirectory {
        use crate::region::{LabourMarketRegion, MenuEntry, RegionLook, RegionStatus};
        let entry = |service: &str, contributor: &str| MenuEntry {
            service: service.into(),
            contributor: contributor.into(),
        };
        RegionDirectory::new(vec![LabourMarketRegion {
            code: "midden-limburg".into(),
            name: crate::text::Text::new("Midden-Limburg", "Central Limburg", "", ""),
            municipalities: vec!["GM0957".into()],
            areas_abroad: vec![],
            generalists: vec![],
            languages: vec![crate::text::Lang::Nl],
            host: None,
            look: RegionLook::default(),
            status: RegionStatus::Live,
            menu: vec![
                entry("wml-1", "wml"),
                entry("wml-2", "wml"),
                entry("gip-1", "gip"),
            ],
        }])
    }

    #[test]
    fn a_regional_role_reaches_the_organisations_of_its_region_and_its_narrowed_pages() {
        let regional = vec![Membership {
            region: Some("midden-limburg".into()),
            organization_id: None,
            role: Role::Coordinator,
        }];
        let dir = midden_limburg();
        assert_eq!(
            organizations_for(&regional, Action::EditService, &dir),
            Some(vec!["gip".to_string(), "wml".to_string()])
        );
        let reached = reach_of(&regional, Action::ViewReferralFigures);
        assert!(!reached.everywhere);
        assert_eq!(reached.regions, vec!["midden-limburg".to_string()]);
        // Figures and insight narrow themselves; the audit log and taxonomies do not.
        assert!(allows(
            &regional,
            Action::ViewReferralFigures,
            Target::Network
        ));
        assert!(allows(
            &regional,
            Action::ViewFrontDoorInsight,
            Target::Network
        ));
        assert!(!allows(
            &regional,
            Action::ManageTaxonomies,
            Target::Network
        ));
        assert!(!allows(
            &regional,
            Action::ViewStaleRecords,
            Target::Network
        ));
        let funder = vec![Membership {
            region: Some("midden-limburg".into()),
            organization_id: None,
            role: Role::Funder,
        }];
        assert!(allows(
            &funder,
            Action::ViewReferralFigures,
            Target::Network
        ));
        assert!(!allows(
            &funder,
            Action::ViewFrontDoorInsight,
            Target::Network
        ));
        assert!(!reach_of(&funder, Action::EditService).anywhere());
    }
}
