//! Welcome to Maastricht Region: public vacancies, employer and candidate registration, the consent link, the employer's area, and the programme staff's desk (matches, candidates, introductions, placements).
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod candidate_registration;
pub(crate) mod consent;
pub(crate) mod desk;
pub(crate) mod desk_candidates;
pub(crate) mod employer;
pub(crate) mod employer_registration;
pub(crate) mod introductions;
pub(crate) mod matches;
pub(crate) mod placements;
pub(crate) mod shared;
pub(crate) mod vacancies;
pub(crate) mod vacancy_edit;

use crate::routes::{Access, RouteTable, Scope};
use axum::handler::Handler;
use loket_domain::policy::Action;

/// The ESCO type-ahead for forms: progressive enhancement, the forms work without it.
async fn talent_script() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../../../static/typeahead.js"),
    )
        .into_response()
}

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    table
        .get("/vacatures", Public, vacancies::vacancies)
        .get("/vacatures/{id}", Public, vacancies::vacancy)
        .get(
            "/werkgevers/aanmelden",
            Public,
            employer_registration::employer_register_form,
        )
        .post(
            "/werkgevers/aanmelden",
            Public,
            employer_registration::employer_register,
        )
        .get(
            "/talent/aanmelden",
            Public,
            candidate_registration::candidate_form,
        )
        .post(
            "/talent/aanmelden",
            Public,
            candidate_registration::candidate_register.layer(axum::extract::DefaultBodyLimit::max(
                shared::MAX_REGISTRATION_BYTES,
            )),
        )
        .get("/introductie/{id}", Public, consent::consent_form)
        .post("/introductie/{id}", Public, consent::consent_answer)
        .get("/static/typeahead.js", Public, talent_script)
        .get(
            "/werkgever",
            Allowed(Action::ManageVacancies, Scope::Network),
            employer::employer_home,
        )
        .get(
            "/werkgever/{id}/vacatures/nieuw",
            Allowed(Action::ManageVacancies, Scope::EmployerInPath),
            employer::vacancy_new_form,
        )
        .post(
            "/werkgever/{id}/vacatures/nieuw",
            Allowed(Action::ManageVacancies, Scope::EmployerInPath),
            employer::vacancy_create,
        )
        .get(
            "/werkgever/vacatures/{id}/kandidaten",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            matches::employer_matches,
        )
        .get(
            "/werkgever/vacatures/{id}/bewerken",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            vacancy_edit::vacancy_edit_form,
        )
        .post(
            "/werkgever/vacatures/{id}/bewerken",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            vacancy_edit::vacancy_update,
        )
        .post(
            "/werkgever/vacatures/{id}/sluiten",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            employer::vacancy_close,
        )
        .post(
            "/werkgever/vacatures/{id}/voorstellen",
            Allowed(Action::ManageVacancies, Scope::EmployerOfVacancyInPath),
            matches::employer_propose,
        )
        .get(
            "/werkgever/introducties/{id}",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            introductions::employer_introduction,
        )
        .post(
            "/werkgever/introducties/{id}",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            introductions::employer_step,
        )
        .get(
            "/werkgever/introducties/{id}/cv",
            Allowed(Action::ManageVacancies, Scope::EmployerOfIntroductionInPath),
            introductions::employer_cv,
        )
        .get(
            "/beheer/talent",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk::home,
        )
        .post(
            "/beheer/talent/werkgevers/{id}/verifieren",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk::verify,
        )
        .post(
            "/beheer/talent/werkgevers/{id}/employer-board",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk::board,
        )
        .get(
            "/beheer/talent/vacatures/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            matches::matches,
        )
        .post(
            "/beheer/talent/vacatures/{id}/voorstellen",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            matches::propose,
        )
        .get(
            "/beheer/talent/kandidaten/nieuw",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::candidate_form,
        )
        .post(
            "/beheer/talent/kandidaten/nieuw",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::candidate_create.layer(axum::extract::DefaultBodyLimit::max(
                shared::MAX_REGISTRATION_BYTES,
            )),
        )
        .get(
            "/beheer/talent/kandidaten/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::candidate,
        )
        .get(
            "/beheer/talent/kandidaten/{id}/cv",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::candidate_cv,
        )
        .get(
            "/beheer/talent/introducties/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::introduction,
        )
        .post(
            "/beheer/talent/introducties/{id}",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            desk_candidates::step,
        )
        .get(
            "/beheer/plaatsingen",
            Allowed(Action::ViewPlacementFigures, Scope::Network),
            placements::placements,
        )
        .post(
            "/beheer/plaatsingen",
            Allowed(Action::SetPlacementTargets, Scope::Network),
            placements::set_target,
        )
}
