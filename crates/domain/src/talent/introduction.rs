//! Introductions: programme staff (or an employer) shortlist a candidate for a vacancy; the
//! candidate consents through a link sent by e-mail; only then does the employer see the
//! profile. The introduction then follows the recruitment to a hire or not.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntroStatus {
    /// Shortlisted; the candidate is asked to consent.
    Proposed,
    /// The candidate agreed: the employer may see the profile.
    Consented,
    /// The candidate said no (or withdrew consent later).
    Declined,
    /// Staff or the employer withdrew the proposal before it went further.
    Withdrawn,
    /// Employer and candidate were put in touch.
    Introduced,
    Interviewing,
    Hired,
    NotHired,
}

impl IntroStatus {
    pub const ALL: [IntroStatus; 8] = [
        IntroStatus::Proposed,
        IntroStatus::Consented,
        IntroStatus::Declined,
        IntroStatus::Withdrawn,
        IntroStatus::Introduced,
        IntroStatus::Interviewing,
        IntroStatus::Hired,
        IntroStatus::NotHired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IntroStatus::Proposed => "proposed",
            IntroStatus::Consented => "consented",
            IntroStatus::Declined => "declined",
            IntroStatus::Withdrawn => "withdrawn",
            IntroStatus::Introduced => "introduced",
            IntroStatus::Interviewing => "interviewing",
            IntroStatus::Hired => "hired",
            IntroStatus::NotHired => "not-hired",
        }
    }

    pub fn parse(code: &str) -> Option<IntroStatus> {
        IntroStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn is_closed(self) -> bool {
        matches!(
            self,
            IntroStatus::Declined
                | IntroStatus::Withdrawn
                | IntroStatus::Hired
                | IntroStatus::NotHired
        )
    }

    /// Whether the employer may see the candidate's profile (name, contact, CV).
    pub fn employer_sees_profile(self) -> bool {
        matches!(
            self,
            IntroStatus::Consented
                | IntroStatus::Introduced
                | IntroStatus::Interviewing
                | IntroStatus::Hired
                | IntroStatus::NotHired
        )
    }
}

/// Who acts on an introduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// Programme staff.
    Programme,
    /// The employer of the vacancy.
    Employer,
    /// The candidate, through the consent link.
    Candidate,
}

/// Why a candidate was not hired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotHiredReason {
    Skills,
    Language,
    Salary,
    CandidateWithdrew,
    PositionFilled,
    Other,
}

impl NotHiredReason {
    pub const ALL: [NotHiredReason; 6] = [
        NotHiredReason::Skills,
        NotHiredReason::Language,
        NotHiredReason::Salary,
        NotHiredReason::CandidateWithdrew,
        NotHiredReason::PositionFilled,
        NotHiredReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotHiredReason::Skills => "skills",
            NotHiredReason::Language => "language",
            NotHiredReason::Salary => "salary",
            NotHiredReason::CandidateWithdrew => "candidate-withdrew",
            NotHiredReason::PositionFilled => "position-filled",
            NotHiredReason::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<NotHiredReason> {
        NotHiredReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The moves an actor may make from a status.
pub fn allowed(from: IntroStatus, actor: Actor) -> &'static [IntroStatus] {
    use IntroStatus::*;
    match (from, actor) {
        (Proposed, Actor::Candidate) => &[Consented, Declined],
        (Proposed, Actor::Programme | Actor::Employer) => &[Withdrawn],
        (Consented, Actor::Candidate) => &[Declined],
        (Consented, Actor::Programme | Actor::Employer) => &[Introduced, Withdrawn],
        (Introduced, Actor::Programme | Actor::Employer) => &[Interviewing, Hired, NotHired],
        (Interviewing, Actor::Programme | Actor::Employer) => &[Hired, NotHired],
        _ => &[],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("an introduction cannot go from {from:?} to {to:?} by {actor:?}")]
    NotAllowed {
        from: IntroStatus,
        to: IntroStatus,
        actor: Actor,
    },
    #[error("not hired needs a reason")]
    ReasonRequired,
}

/// Checks a move; a reason goes with "not hired" only.
pub fn check_move(
    from: IntroStatus,
    to: IntroStatus,
    actor: Actor,
    reason: Option<NotHiredReason>,
) -> Result<Option<NotHiredReason>, MoveError> {
    if !allowed(from, actor).contains(&to) {
        return Err(MoveError::NotAllowed { from, to, actor });
    }
    match (to, reason) {
        (IntroStatus::NotHired, None) => Err(MoveError::ReasonRequired),
        (IntroStatus::NotHired, reason) => Ok(reason),
        _ => Ok(None),
    }
}

/// The consent link is valid this long.
pub const CONSENT_LINK_DAYS: i64 = 14;

#[cfg(test)]
mod tests {
    use super::*;
    use IntroStatus::*;

    #[test]
    fn only_the_candidate_consents_and_the_employer_sees_nothing_before() {
        assert_eq!(allowed(Proposed, Actor::Candidate), &[Consented, Declined]);
        assert!(check_move(Proposed, Consented, Actor::Employer, None).is_err());
        assert!(check_move(Proposed, Consented, Actor::Programme, None).is_err());
        assert!(!Proposed.employer_sees_profile());
        assert!(!Declined.employer_sees_profile());
        assert!(Consented.employer_sees_profile());
    }

    #[test]
    fn a_hire_follows_an_introduction_and_not_hired_needs_a_reason() {
        assert!(check_move(Consented, Hired, Actor::Employer, None).is_err());
        assert!(check_move(Introduced, Hired, Actor::Employer, None).is_ok());
        assert_eq!(
            check_move(Interviewing, NotHired, Actor::Programme, None),
            Err(MoveError::ReasonRequired)
        );
        assert_eq!(
            check_move(
                Interviewing,
                NotHired,
                Actor::Programme,
                Some(NotHiredReason::Salary)
            ),
            Ok(Some(NotHiredReason::Salary))
        );
        for closed in [Declined, Withdrawn, Hired, NotHired] {
            assert!(closed.is_closed());
            for actor in [Actor::Programme, Actor::Employer, Actor::Candidate] {
                assert!(allowed(closed, actor).is_empty(), "{closed:?} is final");
            }
        }
    }

    #[test]
    fn every_status_has_a_code_that_parses_back() {
        for s in IntroStatus::ALL {
            assert_eq!(IntroStatus::parse(s.code()), Some(s));
        }
        for r in NotHiredReason::ALL {
            assert_eq!(NotHiredReason::parse(r.code()), Some(r));
        }
    }
}
