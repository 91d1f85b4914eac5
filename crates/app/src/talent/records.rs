//! What the talent pages read: employers, vacancies, candidates, introductions
//! with their history, CVs, Employer Board memberships and placements. Access
//! was decided before (programme staff, or the employer's own records); a CV
//! and a candidate's name reach an employer only after the candidate's consent,
//! which the pages check with `IntroStatus::employer_sees_profile`.

use crate::{App, AppResult};
use loket_domain::talent::employer::BoardMembership;
use loket_domain::talent::placement::{Placement, PlacementFigures};
use loket_store::talent::{
    CandidateRecord, Employer, Introduction, IntroductionEvent, VacancyRecord,
};

pub async fn employer(app: &App, id: &str) -> AppResult<Option<Employer>> {
    Ok(app.store.employer(id).await?)
}

pub async fn employers(app: &App) -> AppResult<Vec<Employer>> {
    Ok(app.store.employers().await?)
}

/// The employers an account acts for.
pub async fn employers_of_account(app: &App, account_id: &str) -> AppResult<Vec<Employer>> {
    Ok(app.store.employers_of_account(account_id).await?)
}

pub async fn board_memberships(app: &App, employer_id: &str) -> AppResult<Vec<BoardMembership>> {
    Ok(app.store.board_memberships(employer_id).await?)
}

pub async fn vacancy(app: &App, id: &str) -> AppResult<Option<VacancyRecord>> {
    Ok(app.store.vacancy(id).await?)
}

pub async fn vacancies_of_employer(app: &App, employer_id: &str) -> AppResult<Vec<VacancyRecord>> {
    Ok(app.store.vacancies_of_employer(employer_id).await?)
}

/// Published vacancies, newest first.
pub async fn published_vacancies(
    app: &App,
    limit: i64,
    offset: i64,
) -> AppResult<Vec<VacancyRecord>> {
    Ok(app.store.published_vacancies(limit, offset).await?)
}

pub async fn candidate(app: &App, id: &str) -> AppResult<Option<CandidateRecord>> {
    Ok(app.store.candidate(id).await?)
}

/// The newest candidates (id and name), for programme staff.
pub async fn recent_candidates(app: &App, limit: i64) -> AppResult<Vec<(String, String)>> {
    Ok(app.store.recent_candidates(limit).await?)
}

/// A candidate's CV (PDF bytes).
pub async fn candidate_cv(app: &App, candidate_id: &str) -> AppResult<Option<Vec<u8>>> {
    Ok(app.store.candidate_cv(candidate_id).await?)
}

pub async fn introduction(app: &App, id: &str) -> AppResult<Option<Introduction>> {
    Ok(app.store.introduction(id).await?)
}

pub async fn introduction_history(app: &App, id: &str) -> AppResult<Vec<IntroductionEvent>> {
    Ok(app.store.introduction_history(id).await?)
}

pub async fn introductions_for_vacancy(
    app: &App,
    vacancy_id: &str,
) -> AppResult<Vec<Introduction>> {
    Ok(app.store.introductions_for_vacancy(vacancy_id).await?)
}

pub async fn introductions_for_candidate(
    app: &App,
    candidate_id: &str,
) -> AppResult<Vec<Introduction>> {
    Ok(app.store.introductions_for_candidate(candidate_id).await?)
}

pub async fn placement_figures(app: &App, year: i32) -> AppResult<PlacementFigures> {
    Ok(app.store.placement_figures(year).await?)
}

pub async fn placements(app: &App, year: i32) -> AppResult<Vec<Placement>> {
    Ok(app.store.placements(year).await?)
}
