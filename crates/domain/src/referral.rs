//! Warm referrals between organisations ("no wrong door") and their life cycle.
//!
//! The statuses follow FHIR R4 `Task.status`. The sender (organisation A, or the
//! front door) asks; the receiver (organisation B, owner of the service) answers.
//! Ownership ("regie") moves from A to B when B accepts. A always sees the status
//! and outcome of what it sent (the loop closes) but never B's internal notes;
//! organisations that are neither sender nor receiver see nothing.
//!
//! Everything here is pure: the store persists a [`StatusChange`] only when the
//! referral still has the version it was read at.

use serde::{Deserialize, Serialize};

/// Where a referral is in its life cycle (FHIR `Task.status` codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Requested,
    Received,
    Accepted,
    Rejected,
    InProgress,
    OnHold,
    Completed,
    Failed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Requested,
        Status::Received,
        Status::Accepted,
        Status::Rejected,
        Status::InProgress,
        Status::OnHold,
        Status::Completed,
        Status::Failed,
        Status::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::InProgress => "in-progress",
            Status::OnHold => "on-hold",
            Status::Completed => "completed",
            Status::Failed => "failed",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Nothing follows a final status.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Rejected | Status::Completed | Status::Failed | Status::Cancelled
        )
    }

    /// Whether the receiver has taken the case on (and so owns it).
    pub fn is_taken_on(self) -> bool {
        matches!(
            self,
            Status::Accepted
                | Status::InProgress
                | Status::OnHold
                | Status::Completed
                | Status::Failed
        )
    }

    /// Waiting for the receiver's first answer (the acknowledgement service level).
    pub fn awaits_acknowledgement(self) -> bool {
        self == Status::Requested
    }
}

/// Which end of a referral someone acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Sender,
    Receiver,
}

/// Why a referral was rejected, or why it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    NotEligible,
    NoCapacity,
    WrongService,
    CouldNotContact,
    ClientDeclined,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::NotEligible,
        Reason::NoCapacity,
        Reason::WrongService,
        Reason::CouldNotContact,
        Reason::ClientDeclined,
        Reason::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Reason::NotEligible => "not-eligible",
            Reason::NoCapacity => "no-capacity",
            Reason::WrongService => "wrong-service",
            Reason::CouldNotContact => "could-not-contact",
            Reason::ClientDeclined => "client-declined",
            Reason::Other => "other",
        }
    }
    pub fn parse(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What came of a completed referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    GotHelp,
    ReferredOn,
    NoLongerNeeded,
    Other,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::GotHelp,
        Outcome::ReferredOn,
        Outcome::NoLongerNeeded,
        Outcome::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Outcome::GotHelp => "got-help",
            Outcome::ReferredOn => "referred-on",
            Outcome::NoLongerNeeded => "no-longer-needed",
            Outcome::Other => "other",
        }
    }
    pub fn parse(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The statuses `side` may move a referral to from `from`. The receiver does the
/// work; the sender may only withdraw its request before the receiver takes it on.
pub fn allowed(from: Status, side: Side) -> &'static [Status] {
    use Status::*;
    match (side, from) {
        (Side::Receiver, Requested) => &[Received, Accepted, Rejected],
        (Side::Receiver, Received) => &[Accepted, Rejected],
        (Side::Receiver, Accepted) => &[InProgress, OnHold, Completed, Failed],
        (Side::Receiver, InProgress) => &[OnHold, Completed, Failed],
        (Side::Receiver, OnHold) => &[InProgress, Completed, Failed],
        (Side::Sender, Requested | Received) => &[Cancelled],
        _ => &[],
    }
}

/// A requested status change, with its reason or outcome where one is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub to: Status,
    #[serde(default)]
    pub reason: Option<Reason>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// Not from this status, or not by this side.
    #[error("a referral that is {} cannot become {}", from.code(), to.code())]
    NotAllowed {
        from: Status,
        to: Status,
        allowed: Vec<Status>,
    },
    #[error("a rejection or failure needs a reason")]
    ReasonNeeded,
    #[error("completing needs an outcome")]
    OutcomeNeeded,
}

/// Checks a transition: allowed from this status for this side, with a reason
/// for rejected/failed and an outcome for completed. Extra reason or outcome
/// fields on other transitions are dropped rather than stored.
pub fn check(from: Status, side: Side, t: &Transition) -> Result<Transition, TransitionError> {
    let permitted = allowed(from, side);
    if !permitted.contains(&t.to) {
        return Err(TransitionError::NotAllowed {
            from,
            to: t.to,
            allowed: permitted.to_vec(),
        });
    }
    let needs_reason = matches!(t.to, Status::Rejected | Status::Failed);
    let needs_outcome = t.to == Status::Completed;
    if needs_reason && t.reason.is_none() {
        return Err(TransitionError::ReasonNeeded);
    }
    if needs_outcome && t.outcome.is_none() {
        return Err(TransitionError::OutcomeNeeded);
    }
    Ok(Transition {
        to: t.to,
        reason: t.reason.filter(|_| needs_reason),
        outcome: t.outcome.filter(|_| needs_outcome),
    })
}

/// The lawful basis for sharing a person's data with the receiver (GDPR art. 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// The person agreed, for this purpose and this recipient (art. 6(1)(a)).
    Consent,
    /// A statutory task of the sender (art. 6(1)(e)), e.g. a municipality's.
    PublicTask,
    /// A legal obligation of the sender (art. 6(1)(c)).
    LegalObligation,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 3] = [
        LegalBasis::Consent,
        LegalBasis::PublicTask,
        LegalBasis::LegalObligation,
    ];
    pub fn code(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::PublicTask => "public-task",
            LegalBasis::LegalObligation => "legal-obligation",
        }
    }
    pub fn parse(code: &str) -> Option<LegalBasis> {
        LegalBasis::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// The only personal data that travels with a referral: enough to get in touch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// A phone number or an e-mail address; from the callback request in one form
    /// (international number, lower-case address), from staff as they typed it.
    pub contact: String,
    /// The language the person wants to be helped in (`nl`, `en`, `de`, `fr` or another code).
    pub language: String,
}

/// Why and on what basis the person's data is shared, as recorded by the sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub basis: LegalBasis,
    /// The purpose, in the sender's words ("help with the A1 certificate").
    pub purpose: String,
    /// When the consent was given or the basis recorded (Unix seconds).
    pub recorded_at: i64,
    /// When the person withdrew consent; their data is then removed.
    pub withdrawn_at: Option<i64>,
}

impl Consent {
    /// The data categories that travel, for the consent text and the log.
    pub const DATA_CATEGORIES: [&'static str; 4] = ["name", "contact", "language", "question"];
}

/// Who sent a referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// A visitor of the front door asked the service to contact them.
    FrontDoor,
    /// Staff of an organisation referred the person.
    Organization {
        organization_id: String,
        account_id: String,
    },
}

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: String,
    /// Raised by one on every change; a change names the version it was based on.
    pub version: i64,
    pub source: Source,
    /// The organisation that offers `service_id`.
    pub receiver_org: String,
    pub service_id: String,
    pub status: Status,
    pub reason: Option<Reason>,
    pub outcome: Option<Outcome>,
    /// `None` once the data was removed (consent withdrawn, or retention).
    pub person: Option<Person>,
    /// The handover note or the visitor's question; removed with the person.
    pub note: String,
    pub consent: Consent,
    /// The receiver's member who handles it.
    pub assignee: Option<String>,
    /// The referral this one continues ("referred on"), if any.
    pub previous_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The date by which the receiver must act next (acknowledge, or give an update);
    /// `None` once final.
    pub due_on: Option<chrono::NaiveDate>,
}

impl Referral {
    pub fn sender_org(&self) -> Option<&str> {
        match &self.source {
            Source::FrontDoor => None,
            Source::Organization {
                organization_id, ..
            } => Some(organization_id),
        }
    }

    /// Which end an organisation is on; `None`: it must not see this referral at all.
    pub fn side_of(&self, org: &str) -> Option<Side> {
        if self.receiver_org == org {
            Some(Side::Receiver)
        } else if self.sender_org() == Some(org) {
            Some(Side::Sender)
        } else {
            None
        }
    }

    /// The organisation that owns the case: the receiver once it took it on, the
    /// sender before (the receiver for front-door requests, which have no sender).
    pub fn owner_org(&self) -> &str {
        if self.status.is_taken_on() {
            &self.receiver_org
        } else {
            self.sender_org().unwrap_or(&self.receiver_org)
        }
    }

    /// Whether the loop is closed for the sender: the receiver reported an end.
    pub fn loop_closed(&self) -> bool {
        self.status.is_final() && self.status != Status::Cancelled
    }
}

/// One entry of a referral's status history. Entries are never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The referral's version this change produced (1 for creation).
    pub version: i64,
    pub at: i64,
    pub actor: String,
    /// The organisation the actor acted for; `None` for the front door.
    pub actor_org: Option<String>,
    pub from: Option<Status>,
    pub to: Status,
    pub reason: Option<Reason>,
    pub outcome: Option<Outcome>,
}

/// The service levels of a service: acknowledge within `ack_working_days`,
/// then give an update at least every `update_days` calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLevel {
    pub ack_working_days: u32,
    pub update_days: u32,
}

impl Default for ServiceLevel {
    fn default() -> Self {
        ServiceLevel {
            ack_working_days: 2,
            update_days: 30,
        }
    }
}

impl ServiceLevel {
    /// The next due date for a referral now in `status`, changed on `day`.
    pub fn due_on(self, status: Status, day: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        if status.is_final() {
            None
        } else if status.awaits_acknowledgement() {
            Some(crate::workdays::add_working_days(
                day,
                self.ack_working_days,
            ))
        } else {
            day.checked_add_days(chrono::Days::new(u64::from(self.update_days)))
        }
    }
}

/// Who acts on a referral: an account, for an organisation (`None`: the front door).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor<'a> {
    pub account_id: &'a str,
    pub organization_id: Option<&'a str>,
}

/// The referral after a transition by `actor` on `side`, and its history entry.
/// The new version is one more than the old; the caller stores both only if the
/// stored referral still has the old version.
pub fn apply(
    r: &Referral,
    side: Side,
    actor: Actor<'_>,
    t: &Transition,
    now: i64,
    today: chrono::NaiveDate,
    level: ServiceLevel,
) -> Result<(Referral, StatusChange), TransitionError> {
    let t = check(r.status, side, t)?;
    let mut next = r.clone();
    next.version = r.version + 1;
    next.status = t.to;
    next.reason = t.reason;
    next.outcome = t.outcome;
    next.updated_at = now;
    next.due_on = level.due_on(t.to, today);
    Ok((next.clone(), moved(r, &next, actor, now)))
}

/// The history entry of a status move from `before` to `after`.
fn moved(before: &Referral, after: &Referral, actor: Actor<'_>, now: i64) -> StatusChange {
    StatusChange {
        version: after.version,
        at: now,
        actor: actor.account_id.to_string(),
        actor_org: actor.organization_id.map(str::to_string),
        from: Some(before.status),
        to: after.status,
        reason: after.reason,
        outcome: after.outcome,
    }
}

/// A new referral from a checked request, and its first history entry.
#[allow(clippy::too_many_arguments)]
pub fn create(
    id: String,
    request: &ReferralRequest,
    source: Source,
    receiver_org: String,
    actor: Actor<'_>,
    now: i64,
    today: chrono::NaiveDate,
    level: ServiceLevel,
) -> (Referral, StatusChange) {
    let basis = LegalBasis::parse(&request.basis).unwrap_or(LegalBasis::Consent);
    let referral = Referral {
        id,
        version: 1,
        source,
        receiver_org,
        service_id: request.service_id.trim().to_string(),
        status: Status::Requested,
        reason: None,
        outcome: None,
        person: Some(Person {
            name: request.name.trim().to_string(),
            contact: request.contact.trim().to_string(),
            language: request.language.clone(),
        }),
        note: request.note.trim().to_string(),
        consent: Consent {
            basis,
            purpose: request.purpose.trim().to_string(),
            recorded_at: now,
            withdrawn_at: None,
        },
        assignee: None,
        previous_id: request.previous_id.clone().filter(|p| !p.is_empty()),
        created_at: now,
        updated_at: now,
        due_on: level.due_on(Status::Requested, today),
    };
    let change = StatusChange {
        version: 1,
        at: now,
        actor: actor.account_id.to_string(),
        actor_org: actor.organization_id.map(str::to_string),
        from: None,
        to: Status::Requested,
        reason: None,
        outcome: None,
    };
    (referral, change)
}

/// The referral after the person withdrew consent: their data and the note go,
/// and an open referral ends (cancelled, the person declined), because without
/// consent there is nothing lawful left to do with it; the history says who ended it.
pub fn withdraw_consent(
    r: &Referral,
    actor: Actor<'_>,
    now: i64,
) -> (Referral, Option<StatusChange>) {
    let mut next = r.clone();
    next.version = r.version + 1;
    next.person = None;
    next.note = String::new();
    next.consent.withdrawn_at = Some(now);
    next.updated_at = now;
    if r.status.is_final() {
        return (next, None);
    }
    next.status = Status::Cancelled;
    next.reason = Some(Reason::ClientDeclined);
    next.due_on = None;
    next.outcome = None;
    let change = moved(r, &next, actor, now);
    (next, Some(change))
}

/// The referral assigned to a member of the receiver (or to nobody).
pub fn assign(r: &Referral, assignee: Option<String>, now: i64) -> Referral {
    let mut next = r.clone();
    next.version = r.version + 1;
    next.assignee = assignee;
    next.updated_at = now;
    next
}

/// Limits on what a person may type, so that a referral stays a handover and
/// not a file.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_CONTACT_CHARS: usize = 200;
pub const MAX_NOTE_CHARS: usize = 2000;
pub const MAX_PURPOSE_CHARS: usize = 300;

/// What a sender (or a visitor) submits to refer someone.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralRequest {
    pub service_id: String,
    pub name: String,
    pub contact: String,
    pub language: String,
    pub note: String,
    /// A [`LegalBasis`] code; empty when none was recorded (refused).
    pub basis: String,
    pub purpose: String,
    #[serde(default)]
    pub previous_id: Option<String>,
}

/// A field of a [`ReferralRequest`] that is wrong, and how (a message key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    /// `required`, `too-long`, `unknown`, `no-basis`, …
    pub problem: &'static str,
}

/// Every problem of a referral request at once; the service must exist (checked by the caller).
pub fn check_request(r: &ReferralRequest) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut need = |field: &'static str, value: &str, max: usize| {
        if value.trim().is_empty() {
            problems.push(FieldProblem {
                field,
                problem: "required",
            });
        } else if value.chars().count() > max {
            problems.push(FieldProblem {
                field,
                problem: "too-long",
            });
        }
    };
    need("name", &r.name, MAX_NAME_CHARS);
    need("contact", &r.contact, MAX_CONTACT_CHARS);
    need("note", &r.note, MAX_NOTE_CHARS);
    need("purpose", &r.purpose, MAX_PURPOSE_CHARS);
    let name = r.name.trim();
    if !name.is_empty() && (name.chars().filter(|c| c.is_alphabetic()).count() < 2) {
        problems.push(FieldProblem {
            field: "name",
            problem: "too-short",
        });
    }
    // Someone has to be able to call or write back: "asdf" is no way to reach a person.
    let contact = r.contact.trim();
    if !contact.is_empty()
        && contact.chars().count() <= MAX_CONTACT_CHARS
        && crate::phone::ContactAddress::parse(contact).is_none()
    {
        problems.push(FieldProblem {
            field: "contact",
            problem: "unreachable",
        });
    }
    if r.service_id.trim().is_empty() {
        problems.push(FieldProblem {
            field: "service_id",
            problem: "required",
        });
    }
    if !is_language_code(&r.language) {
        problems.push(FieldProblem {
            field: "language",
            problem: "unknown",
        });
    }
    if LegalBasis::parse(&r.basis).is_none() {
        problems.push(FieldProblem {
            field: "basis",
            problem: "no-basis",
        });
    }
    problems
}

/// Two or three lowercase letters (ISO 639), which covers the languages people ask for.
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
#[path = "referral_tests.rs"]
mod tests;
