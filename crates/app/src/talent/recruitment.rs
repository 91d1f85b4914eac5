//! The use cases of Welcome to Maastricht Region, shared by the pages and the API:
//! registering employers, vacancies and candidates; proposing an introduction and asking the
//! candidate's consent by e-mail; the candidate's answer; the recruitment steps after it.
//! Every change is written to the audit log; personal data only with its activity.

use crate::App;
use crate::mail::Mail;
use loket_domain::account::{Email, Membership, Role, password_problems};
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::{self, CandidateDetails, CandidateInput};
use loket_domain::talent::cv;
use loket_domain::talent::employer::{self, EmployerInput};
use loket_domain::talent::introduction::{Actor, CONSENT_LINK_DAYS, IntroStatus, NotHiredReason};
use loket_domain::talent::vacancy::{self, VacancyInput, VacancyStatus};
use loket_store::talent::{
    CandidateRecord, Employer, Introduction, IntroductionMove, NewCv, NewPlacement, RegisteredBy,
    VacancyRecord,
};
use loket_store::{NewAccount, StoreError};
use sha2::{Digest, Sha256};

/// The processing activity of candidates' personal data (register of processing).
pub const ACTIVITY: &str = "talent-matching";

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error("the input has problems")]
    Invalid(Vec<FieldProblem>),
    #[error("someone else changed it in the meantime")]
    Conflict,
    #[error("not found")]
    NotFound,
    #[error("the link has expired")]
    Expired,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for CaseError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(_) => CaseError::Conflict,
            other => CaseError::Store(other),
        }
    }
}

fn problem(field: &'static str, problem: &'static str) -> FieldProblem {
    FieldProblem { field, problem }
}

async fn audit(
    state: &App,
    action: &str,
    object: String,
    actor: &str,
    origin: &str,
    subject: Option<String>,
) {
    state
        .record_audit(AuditEvent {
            action: action.into(),
            object,
            result: AuditResult::Success,
            origin: origin.into(),
            actor: actor.into(),
            activity: subject.as_ref().map(|_| ACTIVITY.to_string()),
            subject,
        })
        .await;
}

/// Who acts: an account and where from (`web`, `api`).
#[derive(Debug, Clone, Copy)]
pub struct Acting<'a> {
    pub account_id: &'a str,
    pub origin: &'a str,
}

/// An employer's self-registration: the account and the organisation, checked together.
#[derive(Debug, Clone, Default)]
pub struct EmployerRegistration {
    pub employer: EmployerInput,
    pub email: String,
    pub display_name: String,
    pub password: String,
}

/// Registers an employer with its first account (role employer, no second factor needed).
/// Every problem is named at once; on any failure nothing is kept.
pub async fn register_employer(
    state: &App,
    r: &EmployerRegistration,
) -> Result<Employer, CaseError> {
    let areas = state.index();
    let checked = employer::check(&r.employer, &areas.areas);
    let mut problems = checked.as_ref().err().cloned().unwrap_or_default();
    let email = Email::parse(&r.email);
    match &email {
        None => problems.push(problem("email", "invalid")),
        Some(e) => {
            if state.store.account_by_email(e).await?.is_some() {
                problems.push(problem("email", "taken"));
            }
            if let Some(p) = password_problems(&r.password, e).first() {
                problems.push(problem("password", p.code()));
            }
        }
    }
    if r.display_name.trim().is_empty() {
        problems.push(problem("display_name", "required"));
    }
    let (Some(email), Ok(details), true) = (email, checked, problems.is_empty()) else {
        return Err(CaseError::Invalid(problems));
    };
    let employer = match state
        .store
        .create_employer(&details, None, state.clock.unix())
        .await
    {
        Ok(e) => e,
        Err(StoreError::Rejected { field, .. }) if field == "kvk_number" => {
            return Err(CaseError::Invalid(vec![problem("kvk_number", "taken")]));
        }
        Err(e) => return Err(e.into()),
    };
    let undo = |e: CaseError| async {
        if let Err(err) = state.store.remove_employer(&employer.id).await {
            tracing::error!(error = %err, "undoing a failed employer registration failed");
        }
        e
    };
    let Some(hash) = state.hash_new_password(r.password.clone()).await else {
        return Err(undo(CaseError::Store(StoreError::Unavailable(
            "password hashing".into(),
        )))
        .await);
    };
    let new = NewAccount {
        email,
        display_name: r.display_name.trim().to_string(),
        password_hash: hash,
    };
    let account = match state.store.create_account(&new).await {
        Ok(a) => a,
        Err(StoreError::Rejected { .. }) => {
            return Err(undo(CaseError::Invalid(vec![problem("email", "taken")])).await);
        }
        Err(e) => return Err(undo(e.into()).await),
    };
    let membership = Membership {
        region: None,
        organization_id: None,
        role: Role::Employer,
    };
    if let Err(e) = state.store.add_membership(&account.id, &membership).await {
        return Err(undo(e.into()).await);
    }
    if let Err(e) = state
        .store
        .link_employer_account(&employer.id, &account.id)
        .await
    {
        return Err(undo(e.into()).await);
    }
    audit(
        state,
        "employer.register",
        format!("employer/{}", employer.id),
        &account.id,
        "web",
        None,
    )
    .await;
    Ok(employer)
}

/// Programme staff verify an employer (and confirm its recognised-sponsor status); its
/// published vacancies go through the change feed again, so matching sees the new status.
pub async fn verify_employer(
    state: &App,
    acting: Acting<'_>,
    id: &str,
    version: i64,
    recognised_sponsor: bool,
) -> Result<Employer, CaseError> {
    let at = state.clock.unix();
    let employer = match state
        .store
        .verify_employer(id, version, recognised_sponsor, acting.account_id, at)
        .await
    {
        Err(StoreError::Rejected { .. }) => return Err(CaseError::NotFound),
        other => other?,
    };
    for v in state.store.vacancies_of_employer(id).await? {
        state
            .store
            .update_vacancy(&v.id, v.version, &v.details, v.status, at)
            .await?;
    }
    audit(
        state,
        "employer.verify",
        format!("employer/{id}"),
        acting.account_id,
        acting.origin,
        None,
    )
    .await;
    Ok(employer)
}

/// Saves a vacancy (new when `existing` is None). Publishing needs a verified employer.
pub async fn save_vacancy(
    state: &App,
    acting: Acting<'_>,
    employer: &Employer,
    existing: Option<(&str, i64)>,
    input: &VacancyInput,
    status: VacancyStatus,
) -> Result<VacancyRecord, CaseError> {
    let areas = state.index();
    let checked = vacancy::check(input, state.talent.vocabulary(), &areas.areas);
    let mut problems = checked.as_ref().err().cloned().unwrap_or_default();
    if status == VacancyStatus::Published && employer.verified_at.is_none() {
        problems.push(problem("status", "employer-unverified"));
    }
    let (Ok(details), true) = (checked, problems.is_empty()) else {
        return Err(CaseError::Invalid(problems));
    };
    let at = state.clock.unix();
    let saved = match existing {
        None => {
            state
                .store
                .create_vacancy(&employer.id, &details, status, at)
                .await?
        }
        Some((id, version)) => {
            state
                .store
                .update_vacancy(id, version, &details, status, at)
                .await?
        }
    };
    let action = if existing.is_some() {
        "vacancy.update"
    } else {
        "vacancy.create"
    };
    audit(
        state,
        action,
        format!("vacancy/{}", saved.id),
        acting.account_id,
        acting.origin,
        None,
    )
    .await;
    Ok(saved)
}

/// Registers a candidate with their consent, and the CV when one is given (a PDF within the
/// limit); nothing is stored unless everything is right.
pub async fn register_candidate(
    state: &App,
    input: &CandidateInput,
    cv_bytes: Option<&[u8]>,
    by: RegisteredBy<'_>,
    origin: &str,
) -> Result<CandidateRecord, CaseError> {
    let areas = state.index();
    let checked = candidate::check(input, state.talent.vocabulary(), &areas.areas);
    let mut problems = checked.as_ref().err().cloned().unwrap_or_default();
    let cv_problem = cv_bytes.and_then(|b| cv::check(b).err());
    if let Some(p) = cv_problem {
        problems.push(problem("cv", p.code()));
    }
    let (Ok(details), true) = (checked, problems.is_empty()) else {
        return Err(CaseError::Invalid(problems));
    };
    let new_cv = cv_bytes.map(|b| NewCv {
        content: b.to_vec(),
        sha256: hex(&Sha256::digest(b)),
    });
    let record = state
        .store
        .create_candidate(&details, by, new_cv.as_ref(), state.clock.unix())
        .await?;
    let actor = match by {
        RegisteredBy::Themselves(a) | RegisteredBy::Staff(a) => a,
    };
    audit(
        state,
        "candidate.register",
        format!("candidate/{}", record.id),
        actor,
        origin,
        Some(format!("candidate/{}", record.id)),
    )
    .await;
    Ok(record)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The language to write to a candidate in: the first of nl, de, fr they speak, else English.
pub fn mail_language(details: &CandidateDetails) -> &'static str {
    let speaks = |code: &str| {
        details
            .profile
            .languages
            .iter()
            .any(|l| l.language.as_str() == code)
    };
    ["nl", "de", "fr"]
        .into_iter()
        .find(|c| speaks(c))
        .unwrap_or("en")
}

/// Shortlists a candidate for a published vacancy and e-mails them the consent link.
pub async fn propose(
    state: &App,
    acting: Acting<'_>,
    vacancy_id: &str,
    candidate_id: &str,
    proposed_as: Actor,
) -> Result<Introduction, CaseError> {
    let vacancy = state
        .store
        .vacancy(vacancy_id)
        .await?
        .filter(|v| v.status == VacancyStatus::Published);
    let (Some(vacancy), Some(candidate)) = (vacancy, state.store.candidate(candidate_id).await?)
    else {
        return Err(CaseError::NotFound);
    };
    let employer = state
        .store
        .employer(&vacancy.employer_id)
        .await?
        .ok_or(CaseError::NotFound)?;
    let token = loket_auth::secrets::new_token();
    let at = state.clock.unix();
    let expires = at + CONSENT_LINK_DAYS * 24 * 60 * 60;
    let intro = match state
        .store
        .propose_introduction(
            vacancy_id,
            candidate_id,
            proposed_as,
            &loket_auth::secrets::hash_secret(&token),
            expires,
            at,
        )
        .await
    {
        Err(StoreError::Rejected { .. }) => {
            return Err(CaseError::Invalid(vec![problem(
                "candidate_id",
                "already-proposed",
            )]));
        }
        other => other?,
    };
    let lang = mail_language(&candidate.details);
    let link = format!("{}/introductie/{token}?lang={lang}", state.public_url);
    let arg = |s: &str| loket_i18n::FluentArg::Str(s.to_string());
    let title = vacancy
        .details
        .title
        .get(lang.parse().unwrap_or(loket_domain::Lang::En))
        .to_string();
    let body = state.i18n.t_args(
        lang,
        "mail-introduction-body",
        &[
            ("name", arg(&candidate.details.name)),
            ("employer", arg(&employer.details.name)),
            ("vacancy", arg(&title)),
            ("link", arg(&link)),
            ("days", loket_i18n::FluentArg::Num(CONSENT_LINK_DAYS)),
        ],
    );
    let mail = Mail {
        to: candidate.details.email.clone(),
        subject: state.i18n.t(lang, "mail-introduction-subject"),
        body,
        unsubscribe: None,
        calendar: None,
    };
    crate::mail::enqueue(state, &mail).await?;
    audit(
        state,
        "introduction.propose",
        format!("introduction/{}", intro.id),
        acting.account_id,
        acting.origin,
        Some(format!("candidate/{candidate_id}")),
    )
    .await;
    Ok(intro)
}

/// The introduction a consent link is for, if the link is valid.
pub async fn introduction_for_token(state: &App, token: &str) -> Result<Introduction, CaseError> {
    let intro = state
        .store
        .introduction_by_token(&loket_auth::secrets::hash_secret(token))
        .await?
        .ok_or(CaseError::NotFound)?;
    if intro
        .consent_expires_at
        .is_some_and(|e| e < state.clock.unix())
    {
        return Err(CaseError::Expired);
    }
    Ok(intro)
}

/// The candidate's answer through the link: consent (the employer may see the profile) or not.
pub async fn answer(
    state: &App,
    token: &str,
    version: i64,
    consent: bool,
) -> Result<Introduction, CaseError> {
    let intro = introduction_for_token(state, token).await?;
    let to = if consent {
        IntroStatus::Consented
    } else {
        IntroStatus::Declined
    };
    let moved = state
        .store
        .move_introduction(&IntroductionMove {
            id: intro.id.clone(),
            version,
            to,
            actor: Actor::Candidate,
            reason: None,
            placement: None,
            at: state.clock.unix(),
        })
        .await?;
    let action = if consent {
        "introduction.consent"
    } else {
        "introduction.decline"
    };
    audit(
        state,
        action,
        format!("introduction/{}", intro.id),
        "candidate",
        "web",
        Some(format!("candidate/{}", intro.candidate_id)),
    )
    .await;
    Ok(moved)
}

/// A recruitment step by programme staff or the employer; a hire records the placement.
#[allow(clippy::too_many_arguments)]
pub async fn step(
    state: &App,
    acting: Acting<'_>,
    actor: Actor,
    id: &str,
    version: i64,
    to: IntroStatus,
    reason: Option<NotHiredReason>,
    start_date: Option<chrono::NaiveDate>,
) -> Result<Introduction, CaseError> {
    if to == IntroStatus::Hired && start_date.is_none() {
        return Err(CaseError::Invalid(vec![problem("start_date", "required")]));
    }
    let placement = start_date
        .filter(|_| to == IntroStatus::Hired)
        .map(|start_date| NewPlacement {
            service_id: mediating_service(state),
            start_date,
        });
    let change = IntroductionMove {
        id: id.into(),
        version,
        to,
        actor,
        reason,
        placement,
        at: state.clock.unix(),
    };
    let moved = match state.store.move_introduction(&change).await {
        Err(StoreError::Rejected { field, .. }) if field == "reason" => {
            return Err(CaseError::Invalid(vec![problem("reason", "required")]));
        }
        Err(StoreError::Rejected { field, .. }) if field == "status" => {
            return Err(CaseError::Invalid(vec![problem("status", "not-allowed")]));
        }
        Err(StoreError::Rejected { field, .. }) if field == "id" => {
            return Err(CaseError::NotFound);
        }
        other => other?,
    };
    audit(
        state,
        &format!("introduction.{}", to.code()),
        format!("introduction/{id}"),
        acting.account_id,
        acting.origin,
        Some(format!("candidate/{}", moved.candidate_id)),
    )
    .await;
    Ok(moved)
}

/// The catalogue service a placement counts for: the programme's recruitment service.
pub fn mediating_service(state: &App) -> String {
    let index = state.index();
    let mut services: Vec<&loket_domain::Service> =
        index.services_of(&state.talent_programme).collect();
    services.sort_by(|a, b| a.id.cmp(&b.id));
    services
        .first()
        .map_or_else(|| state.talent_programme.to_string(), |s| s.id.clone())
}
