//! Public, server-rendered pages. They work without JavaScript; all text comes
//! from the message files or the catalogue, in the visitor's language.

pub(crate) mod account;
pub(crate) mod api_tokens;
pub(crate) mod contacts;
pub(crate) mod figures;
pub(crate) mod flow_edit;
pub(crate) mod forms;
pub(crate) mod front_door;
pub(crate) mod hours;
pub(crate) mod insight;
pub(crate) mod intake;
pub(crate) mod manage;
pub(crate) mod pages;
mod privacy;
pub(crate) mod proposals;
pub(crate) mod records;
pub(crate) mod referrals;
pub(crate) mod sign_in;
pub(crate) mod talent;
pub(crate) mod talent_desk;
pub(crate) mod view;

use crate::routes::{Access, RouteTable, Scope};
use axum::handler::Handler;
use loket_domain::policy::Action;

pub use pages::not_found;

/// The ESCO type-ahead for forms: progressive enhancement, the forms work without it.
async fn talent_script() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../../static/typeahead.js"),
    )
        .into_response()
}

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public, SignedIn};
    table
        .get("/", Public, pages::home)
        .get("/diensten", Public, pages::search)
        .get("/diensten/{id}", Public, pages::service)
        .get("/diensten/{id}/terugbellen", Public, intake::form)
        .post("/diensten/{id}/terugbellen", Public, intake::submit)
        .get("/organisaties", Public, pages::organizations)
        .get("/organisaties/{id}", Public, pages::organization)
        .get("/vacatures", Public, talent::vacancies)
        .get("/vacatures/{id}", Public, talent::vacancy)
        .get(
            "/werkgevers/aanmelden",
            Public,
            talent::employer_register_form,
        )
        .post("/werkgevers/aanmelden", Public, talent::employer_register)
        .get("/talent/aanmelden", Public, talent::candidate_form)
        .post(
            "/talent/aanmelden",
            Public,
            talent::candidate_register.layer(axum::extract::DefaultBodyLimit::max(
                talent::MAX_REGISTRATION_BYTES,
            )),
        )
        .get("/introductie/{id}", Public, talent::consent_form)
        .post("/introductie/{id}", Public, talent::consent_answer)
        .get("/static/typeahead.js", Public, talent_script)
        .get(
            "/werkgever",
            Allowed(Action::ManageVacancies, Scope::Network),
            talent::employer_home,
        )
        .get(
            "/werkgever/{id}/vacatures/nieuw",
            Allowed(Action::ManageVacancies, Scope::EmployerInPath),
            talent::vacancy_new_form,
        )
        .post(
            "/werkgever/{id}/vacatures/nieuw",
            Allowed(Action::ManageVacancies, Scope::EmployerInPath),
            talent::vacancy_create,
        )
        .get(
            "/werkgever/vacatures/{id}/kandidaten",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            talent_desk::employer_matches,
        )
        .post(
            "/werkgever/vacatures/{id}/sluiten",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            talent::vacancy_close,
        )
        .post(
            "/werkgever/vacatures/{id}/voorstellen",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            talent_desk::employer_propose,
        )
        .get(
            "/werkgever/introducties/{id}",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            talent::employer_introduction,
        )
        .post(
            "/werkgever/introducties/{id}",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            talent::employer_step,
        )
        .get(
            "/werkgever/introducties/{id}/cv",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            talent::employer_cv,
        )
        .get(
            "/beheer/talent",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::home,
        )
        .post(
            "/beheer/talent/werkgevers/{id}/verifieren",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::verify,
        )
        .post(
            "/beheer/talent/werkgevers/{id}/employer-board",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::board,
        )
        .get(
            "/beheer/talent/vacatures/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::matches,
        )
        .post(
            "/beheer/talent/vacatures/{id}/voorstellen",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::propose,
        )
        .get(
            "/beheer/talent/kandidaten/nieuw",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::candidate_form,
        )
        .post(
            "/beheer/talent/kandidaten/nieuw",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::candidate_create.layer(axum::extract::DefaultBodyLimit::max(
                talent::MAX_REGISTRATION_BYTES,
            )),
        )
        .get(
            "/beheer/talent/kandidaten/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::candidate,
        )
        .get(
            "/beheer/talent/kandidaten/{id}/cv",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::candidate_cv,
        )
        .get(
            "/beheer/talent/introducties/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::introduction,
        )
        .post(
            "/beheer/talent/introducties/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent_desk::step,
        )
        .get(
            "/beheer/plaatsingen",
            Allowed(Action::ViewPlacementFigures, Scope::Network),
            talent_desk::placements,
        )
        .post(
            "/beheer/plaatsingen",
            Allowed(Action::SetPlacementTargets, Scope::Network),
            talent_desk::set_target,
        )
        .get("/organisaties/aanmelden", Public, proposals::form)
        .post("/organisaties/aanmelden", Public, proposals::submit)
        .get("/toegankelijkheid", Public, pages::accessibility)
        .get("/privacy", Public, privacy::page)
        .get("/voordeur", Public, front_door::question)
        .get("/voordeur/resultaat", Public, front_door::result)
        .post("/voordeur/feedback", Public, front_door::feedback)
        // Signing in and out; these pages check the half-finished session themselves.
        .get("/aanmelden", Public, sign_in::sign_in_form)
        .post("/aanmelden", Public, sign_in::sign_in)
        .get("/aanmelden/code", Public, sign_in::code_form)
        .post("/aanmelden/code", Public, sign_in::code)
        .get("/aanmelden/tweede-factor", Public, sign_in::enrol_form)
        .post("/aanmelden/tweede-factor", Public, sign_in::enrol)
        .post("/afmelden", Public, sign_in::sign_out)
        .get("/wachtwoord-vergeten", Public, sign_in::forgot_form)
        .post("/wachtwoord-vergeten", Public, sign_in::forgot)
        .get("/wachtwoord-instellen", Public, sign_in::set_password_form)
        .post("/wachtwoord-instellen", Public, sign_in::set_password)
        // One's own account.
        .get("/account", SignedIn, account::page)
        .post(
            "/account/overal-afmelden",
            SignedIn,
            account::sign_out_everywhere,
        )
        .get("/account/mijn-gegevens", SignedIn, account::my_data)
        // The staff area.
        .get(
            "/beheer",
            Allowed(Action::UseStaffArea, Scope::Network),
            manage::home,
        )
        .get(
            "/beheer/diensten/{id}",
            Allowed(Action::EditService, Scope::ServiceInPath),
            manage::edit_service,
        )
        .post(
            "/beheer/diensten/{id}",
            Allowed(Action::EditService, Scope::ServiceInPath),
            manage::save_service,
        )
        .post(
            "/beheer/diensten/{id}/bevestigen",
            Allowed(Action::ConfirmRecord, Scope::ServiceInPath),
            manage::confirm_service,
        )
        .get(
            "/beheer/diensten/{id}/geschiedenis",
            Allowed(Action::ViewHistory, Scope::ServiceInPath),
            manage::history,
        )
        .get(
            "/beheer/locaties/{id}",
            Allowed(Action::EditService, Scope::LocationInPath),
            records::edit_location,
        )
        .post(
            "/beheer/locaties/{id}",
            Allowed(Action::EditService, Scope::LocationInPath),
            records::save_location,
        )
        .get(
            "/beheer/termen",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::terms,
        )
        .get(
            "/beheer/termen/{id}",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::edit_term,
        )
        .post(
            "/beheer/termen/{id}",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::save_term,
        )
        .get(
            "/beheer/organisaties/aanvragen",
            Allowed(Action::ApproveOrganizations, Scope::Network),
            proposals::list,
        )
        .post(
            "/beheer/organisaties/aanvragen/{id}",
            Allowed(Action::ApproveOrganizations, Scope::Network),
            proposals::decide,
        )
        .get(
            "/beheer/organisaties/{id}/uitnodigen",
            Allowed(Action::InviteMember, Scope::OrganizationInPath),
            manage::invite_form,
        )
        .post(
            "/beheer/organisaties/{id}/uitnodigen",
            Allowed(Action::InviteMember, Scope::OrganizationInPath),
            manage::invite,
        )
        .get(
            "/beheer/verouderd",
            Allowed(Action::ViewStaleRecords, Scope::Network),
            manage::stale,
        )
        .get(
            "/beheer/logboek",
            Allowed(Action::ViewAuditLog, Scope::Network),
            manage::audit_log,
        )
        .get(
            "/beheer/logboek.csv",
            Allowed(Action::ViewAuditLog, Scope::Network),
            manage::audit_log_csv,
        )
        .get(
            "/beheer/accounts",
            Allowed(Action::ManageAccounts, Scope::Network),
            manage::accounts,
        )
        .get(
            "/beheer/accounts/{id}/gegevens",
            Allowed(Action::ManageAccounts, Scope::Network),
            manage::account_data,
        )
        .post(
            "/beheer/accounts/{id}/wissen",
            Allowed(Action::ManageAccounts, Scope::Network),
            manage::erase_account,
        )
        .get(
            "/beheer/voordeur",
            Allowed(Action::ManageFrontDoor, Scope::Network),
            flow_edit::edit,
        )
        .post(
            "/beheer/voordeur",
            Allowed(Action::ManageFrontDoor, Scope::Network),
            flow_edit::save,
        )
        // Contacts and referrals.
        .get(
            "/beheer/contacten",
            Allowed(Action::RegisterContact, Scope::Network),
            contacts::form,
        )
        .post(
            "/beheer/contacten",
            Allowed(Action::RegisterContact, Scope::Network),
            contacts::save,
        )
        .get(
            "/beheer/verwijzingen",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::inbox,
        )
        .get(
            "/beheer/verwijzingen/nieuw",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::new_form,
        )
        .post(
            "/beheer/verwijzingen/nieuw",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::create,
        )
        .get(
            "/beheer/verwijzingen/achterstallig",
            Allowed(Action::ViewOverdueReferrals, Scope::Network),
            referrals::overdue,
        )
        .get(
            "/beheer/verwijzingen/{id}",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::detail,
        )
        .post(
            "/beheer/verwijzingen/{id}/status",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::change_status,
        )
        .post(
            "/beheer/verwijzingen/{id}/toewijzen",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::assign,
        )
        .post(
            "/beheer/verwijzingen/{id}/toestemming-intrekken",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::withdraw,
        )
        .post(
            "/beheer/verwijzingen/{id}/notities",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::add_note,
        )
        .get(
            "/beheer/organisaties/{id}/api-sleutels",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            api_tokens::list,
        )
        .post(
            "/beheer/organisaties/{id}/api-sleutels",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            api_tokens::create,
        )
        .post(
            "/beheer/organisaties/{id}/api-sleutels/{token}/intrekken",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            api_tokens::revoke,
        )
        .get(
            "/beheer/cijfers",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            figures::page,
        )
        .get(
            "/beheer/meldingen",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::notifications,
        )
        .get(
            "/coordinator/voordeur",
            Allowed(Action::ViewFrontDoorInsight, Scope::Network),
            insight::page,
        )
}
