//! Row readers of the talent storage; the macro
//! [`sqlx_talent_impls!`](crate::sqlx_talent_impls) in `talent.rs` holds the code that needs the pool type.

use crate::talent::{
    CandidateRecord, ChangeKind, CvInfo, Employer, Introduction, IntroductionEvent, TalentChange,
    VacancyRecord,
};
use crate::{StoreError, StoreResult};
use loket_domain::talent::candidate::CandidateDetails;
use loket_domain::talent::introduction::{Actor, IntroStatus, NotHiredReason};
use loket_domain::talent::vacancy::VacancyStatus;

pub fn actor_code(a: Actor) -> &'static str {
    match a {
        Actor::Programme => "programme",
        Actor::Employer => "employer",
        Actor::Candidate => "candidate",
    }
}

pub fn parse_actor(code: &str) -> StoreResult<Actor> {
    match code {
        "programme" => Ok(Actor::Programme),
        "employer" => Ok(Actor::Employer),
        "candidate" => Ok(Actor::Candidate),
        other => Err(StoreError::Corrupt(format!("actor {other:?}"))),
    }
}

fn status(code: &str) -> StoreResult<IntroStatus> {
    IntroStatus::parse(code).ok_or_else(|| StoreError::Corrupt(format!("status {code:?}")))
}

fn reason(code: Option<String>) -> StoreResult<Option<NotHiredReason>> {
    code.map(|c| {
        NotHiredReason::parse(&c).ok_or_else(|| StoreError::Corrupt(format!("reason {c:?}")))
    })
    .transpose()
}

pub const EMPLOYER_COLUMNS: &str = "id, doc, verified_at, created_at, version";
/// id, doc, verified_at, created_at, version
pub type EmployerRow = (String, String, Option<i64>, i64, i64);

pub fn employer(row: EmployerRow) -> StoreResult<Employer> {
    let (id, doc, verified_at, created_at, version) = row;
    Ok(Employer {
        id,
        details: crate::sql::from_json(&doc)?,
        verified_at,
        created_at,
        version,
    })
}

pub const VACANCY_COLUMNS: &str =
    "id, employer_id, status, doc, version, created_at, updated_at, published_at";
pub type VacancyRow = (String, String, String, String, i64, i64, i64, Option<i64>);

pub fn vacancy(row: VacancyRow) -> StoreResult<VacancyRecord> {
    let (id, employer_id, status, doc, version, created_at, updated_at, published_at) = row;
    Ok(VacancyRecord {
        id,
        employer_id,
        status: VacancyStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("vacancy status {status:?}")))?,
        details: crate::sql::from_json(&doc)?,
        version,
        created_at,
        updated_at,
        published_at,
    })
}

pub const CANDIDATE_COLUMNS: &str = "c.id, c.account_id, c.registered_by, c.name, c.email, c.phone, \
     c.profile, c.consent_at, c.last_activity_at, c.version, cv.bytes, cv.uploaded_at";
pub const CANDIDATE_FROM: &str =
    "candidates c LEFT JOIN candidate_cvs cv ON cv.candidate_id = c.id";
pub type CandidateRow = (
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
);

pub fn candidate(row: CandidateRow) -> StoreResult<CandidateRecord> {
    let (
        id,
        account_id,
        registered_by,
        name,
        email,
        phone,
        profile,
        consent_at,
        last_activity_at,
        version,
        bytes,
        uploaded_at,
    ) = row;
    Ok(CandidateRecord {
        id,
        account_id,
        registered_by,
        details: CandidateDetails {
            name,
            email,
            phone,
            profile: crate::sql::from_json(&profile)?,
        },
        consent_at,
        last_activity_at,
        version,
        cv: bytes
            .zip(uploaded_at)
            .map(|(bytes, uploaded_at)| CvInfo { bytes, uploaded_at }),
    })
}

pub const INTRODUCTION_COLUMNS: &str = "id, vacancy_id, candidate_id, status, reason, proposed_as, \
     consent_expires_at, version, created_at, updated_at";
pub type IntroductionRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
    i64,
    i64,
    i64,
);

pub fn introduction(row: IntroductionRow) -> StoreResult<Introduction> {
    let (
        id,
        vacancy_id,
        candidate_id,
        st,
        rs,
        proposed_as,
        consent_expires_at,
        version,
        created_at,
        updated_at,
    ) = row;
    Ok(Introduction {
        id,
        vacancy_id,
        candidate_id,
        status: status(&st)?,
        reason: reason(rs)?,
        proposed_as: parse_actor(&proposed_as)?,
        consent_expires_at,
        version,
        created_at,
        updated_at,
    })
}

/// version, at, actor, to_status, reason
pub type EventRow = (i64, i64, String, String, Option<String>);

pub fn introduction_event(row: EventRow) -> StoreResult<IntroductionEvent> {
    let (version, at, actor, to, rs) = row;
    Ok(IntroductionEvent {
        version,
        at,
        actor: parse_actor(&actor)?,
        to: status(&to)?,
        reason: reason(rs)?,
    })
}

pub fn change(row: (i64, String, String)) -> StoreResult<TalentChange> {
    let (seq, kind, id) = row;
    Ok(TalentChange {
        seq,
        kind: ChangeKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("change kind {kind:?}")))?,
        id,
    })
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
