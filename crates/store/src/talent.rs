//! Storage for Welcome to Maastricht Region: employers and their accounts, the Employer
//! Board, vacancies, candidates with their CVs, introductions with their history, placements
//! and targets, and the change feed of candidates and vacancies. Times are Unix seconds.

use async_trait::async_trait;
use loket_domain::talent::candidate::{CandidateDetails, CandidateProfile};
use loket_domain::talent::employer::{BoardMembership, EmployerDetails};
use loket_domain::talent::introduction::{Actor, IntroStatus, NotHiredReason};
use loket_domain::talent::placement::{Placement, PlacementFigures};
use loket_domain::talent::vacancy::{VacancyDetails, VacancyStatus};

use crate::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employer {
    pub id: String,
    pub details: EmployerDetails,
    /// Programme staff checked the employer (and its recognised-sponsor claim).
    pub verified_at: Option<i64>,
    pub created_at: i64,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VacancyRecord {
    pub id: String,
    pub employer_id: String,
    pub status: VacancyStatus,
    pub details: VacancyDetails,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

/// A CV as stored: the checked PDF and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCv {
    pub content: Vec<u8>,
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CvInfo {
    pub bytes: i64,
    pub uploaded_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRecord {
    pub id: String,
    /// The candidate's own account, when they registered themselves.
    pub account_id: Option<String>,
    /// The staff account that registered the candidate on their behalf.
    pub registered_by: Option<String>,
    pub details: CandidateDetails,
    pub consent_at: i64,
    pub last_activity_at: i64,
    pub version: i64,
    pub cv: Option<CvInfo>,
}

/// Who registers a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisteredBy<'a> {
    /// The candidate, signed in with this account.
    Themselves(&'a str),
    /// Programme staff with this account, on the candidate's behalf.
    Staff(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduction {
    pub id: String,
    pub vacancy_id: String,
    pub candidate_id: String,
    pub status: IntroStatus,
    pub reason: Option<NotHiredReason>,
    pub proposed_as: Actor,
    pub consent_expires_at: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntroductionEvent {
    pub version: i64,
    pub at: i64,
    pub actor: Actor,
    pub to: IntroStatus,
    pub reason: Option<NotHiredReason>,
}

/// What a hire records besides the introduction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlacement {
    pub service_id: String,
    pub start_date: chrono::NaiveDate,
}

/// A move of an introduction, checked against the domain's rules inside the transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntroductionMove {
    pub id: String,
    /// The version the actor saw; a different stored version is a conflict.
    pub version: i64,
    pub to: IntroStatus,
    pub actor: Actor,
    pub reason: Option<NotHiredReason>,
    /// Required when `to` is hired.
    pub placement: Option<NewPlacement>,
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Candidate,
    Vacancy,
}

impl ChangeKind {
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Candidate => "candidate",
            ChangeKind::Vacancy => "vacancy",
        }
    }

    pub fn parse(code: &str) -> Option<ChangeKind> {
        [ChangeKind::Candidate, ChangeKind::Vacancy]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// One entry of the change feed: this record changed (or is gone); read its current state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalentChange {
    pub seq: i64,
    pub kind: ChangeKind,
    pub id: String,
}

#[async_trait]
pub trait TalentStore: Send + Sync + 'static {
    /// A new employer, linked to the account that registered it (if any). A KvK number
    /// already registered is refused (`Rejected`, field `kvk_number`).
    async fn create_employer(
        &self,
        details: &EmployerDetails,
        account_id: Option<&str>,
        at: i64,
    ) -> StoreResult<Employer>;

    async fn employer(&self, id: &str) -> StoreResult<Option<Employer>>;

    /// Lets an account act for an employer (granting twice changes nothing).
    async fn link_employer_account(&self, employer_id: &str, account_id: &str) -> StoreResult<()>;

    /// Removes an employer that has no vacancies (undoing a registration that failed
    /// half-way); false when it has vacancies or does not exist.
    async fn remove_employer(&self, id: &str) -> StoreResult<bool>;

    /// The employers an account acts for.
    async fn employers_of_account(&self, account_id: &str) -> StoreResult<Vec<Employer>>;

    /// All employers, the unverified first, then by name.
    async fn employers(&self) -> StoreResult<Vec<Employer>>;

    /// Programme staff verify an employer and confirm (or correct) its recognised-sponsor
    /// status. `Conflict` when `version` is not the stored one.
    async fn verify_employer(
        &self,
        id: &str,
        version: i64,
        recognised_sponsor: bool,
        by: &str,
        at: i64,
    ) -> StoreResult<Employer>;

    /// Sets the Employer Board membership of a year (insert or replace).
    async fn set_board_membership(
        &self,
        employer_id: &str,
        membership: &BoardMembership,
    ) -> StoreResult<()>;

    async fn board_memberships(&self, employer_id: &str) -> StoreResult<Vec<BoardMembership>>;

    /// A new vacancy; recorded on the change feed.
    async fn create_vacancy(
        &self,
        employer_id: &str,
        details: &VacancyDetails,
        status: VacancyStatus,
        at: i64,
    ) -> StoreResult<VacancyRecord>;

    /// Replaces a vacancy's details and status; `Conflict` when `version` is stale.
    async fn update_vacancy(
        &self,
        id: &str,
        version: i64,
        details: &VacancyDetails,
        status: VacancyStatus,
        at: i64,
    ) -> StoreResult<VacancyRecord>;

    async fn vacancy(&self, id: &str) -> StoreResult<Option<VacancyRecord>>;

    async fn vacancies_of_employer(&self, employer_id: &str) -> StoreResult<Vec<VacancyRecord>>;

    /// Published vacancies, newest first.
    async fn published_vacancies(&self, limit: i64, offset: i64)
    -> StoreResult<Vec<VacancyRecord>>;

    /// A new candidate with consent, and the CV if any, in one transaction; on the feed.
    async fn create_candidate(
        &self,
        details: &CandidateDetails,
        by: RegisteredBy<'_>,
        cv: Option<&NewCv>,
        at: i64,
    ) -> StoreResult<CandidateRecord>;

    /// Replaces a candidate's details (and the CV when one is given); counts as activity.
    async fn update_candidate(
        &self,
        id: &str,
        version: i64,
        details: &CandidateDetails,
        cv: Option<&NewCv>,
        at: i64,
    ) -> StoreResult<CandidateRecord>;

    async fn candidate(&self, id: &str) -> StoreResult<Option<CandidateRecord>>;

    /// The most recently registered candidates: id and name, newest first.
    async fn recent_candidates(&self, limit: i64) -> StoreResult<Vec<(String, String)>>;

    async fn candidate_of_account(&self, account_id: &str) -> StoreResult<Option<CandidateRecord>>;

    async fn candidate_cv(&self, id: &str) -> StoreResult<Option<Vec<u8>>>;

    /// Erases a candidate: personal data, CV and introductions (placements keep their
    /// counts). Recorded on the feed so every node drops the candidate. False if unknown.
    async fn erase_candidate(&self, id: &str, at: i64) -> StoreResult<bool>;

    /// Erases every candidate whose last activity was before `before`.
    async fn erase_inactive_candidates(&self, before: i64, at: i64) -> StoreResult<u64>;

    /// Feed entries after `seq`, in order, at most `limit`.
    async fn talent_changes(&self, after: i64, limit: i64) -> StoreResult<Vec<TalentChange>>;

    async fn latest_talent_change(&self) -> StoreResult<i64>;

    /// Candidates' matching profiles by id after `after_id`, at most `limit`: the index build.
    async fn candidate_profiles(
        &self,
        after_id: &str,
        limit: i64,
    ) -> StoreResult<Vec<(String, CandidateProfile)>>;

    /// Vacancies by id after `after_id` (all statuses; the index keeps the published).
    async fn vacancy_records(&self, after_id: &str, limit: i64) -> StoreResult<Vec<VacancyRecord>>;

    /// Shortlists a candidate for a vacancy; the consent link's token is stored as a hash.
    /// A candidate already proposed for the vacancy is refused (`Rejected`, field `candidate_id`).
    async fn propose_introduction(
        &self,
        vacancy_id: &str,
        candidate_id: &str,
        proposed_as: Actor,
        token_hash: &str,
        expires_at: i64,
        at: i64,
    ) -> StoreResult<Introduction>;

    async fn introduction(&self, id: &str) -> StoreResult<Option<Introduction>>;

    async fn introduction_history(&self, id: &str) -> StoreResult<Vec<IntroductionEvent>>;

    async fn introduction_by_token(&self, token_hash: &str) -> StoreResult<Option<Introduction>>;

    /// Moves an introduction; a hire records its placement in the same transaction. A move
    /// the rules do not allow is `Rejected` (field `status`; `reason` for a missing reason,
    /// `placement` for a hire without one); a stale version is `Conflict`.
    async fn move_introduction(&self, change: &IntroductionMove) -> StoreResult<Introduction>;

    async fn introductions_for_vacancy(&self, vacancy_id: &str) -> StoreResult<Vec<Introduction>>;

    async fn introductions_for_candidate(
        &self,
        candidate_id: &str,
    ) -> StoreResult<Vec<Introduction>>;

    async fn set_placement_target(&self, year: i32, expected: u32, at: i64) -> StoreResult<()>;

    async fn placement_figures(&self, year: i32) -> StoreResult<PlacementFigures>;

    async fn placements(&self, year: i32) -> StoreResult<Vec<Placement>>;
}
