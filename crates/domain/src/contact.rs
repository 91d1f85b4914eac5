//! Client contacts as the front office registers them: counted for the funders
//! ("2,300 client contacts"), anonymous unless a follow-up needs a name.

use serde::{Deserialize, Serialize};

use crate::referral::{LegalBasis, MAX_CONTACT_CHARS, MAX_NAME_CHARS, is_language_code};

/// How the person reached the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    WalkIn,
    Phone,
    Email,
    Chat,
    Event,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::WalkIn,
        Channel::Phone,
        Channel::Email,
        Channel::Chat,
        Channel::Event,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Channel::WalkIn => "walk-in",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::Event => "event",
        }
    }
    pub fn parse(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// How the contact ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactOutcome {
    Answered,
    Referred,
    FollowUp,
}

impl ContactOutcome {
    pub const ALL: [ContactOutcome; 3] = [
        ContactOutcome::Answered,
        ContactOutcome::Referred,
        ContactOutcome::FollowUp,
    ];
    pub fn code(self) -> &'static str {
        match self {
            ContactOutcome::Answered => "answered",
            ContactOutcome::Referred => "referred",
            ContactOutcome::FollowUp => "follow-up",
        }
    }
    pub fn parse(code: &str) -> Option<ContactOutcome> {
        ContactOutcome::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Countries people live and work in, as the region counts them.
pub const COUNTRIES: [&str; 4] = ["NL", "BE", "DE", "other"];

/// The most minutes a single contact can take (a working day).
pub const MAX_MINUTES: u32 = 480;
/// The most topics one contact can be about.
pub const MAX_TOPICS: usize = 10;

/// A registered contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub organization_id: String,
    pub service_id: String,
    /// The account that registered it.
    pub registered_by: String,
    pub at: i64,
    pub channel: Channel,
    /// Taxonomy term ids (target group); empty when unknown.
    pub target_group: Option<String>,
    pub topics: Vec<String>,
    pub residence_country: Option<String>,
    pub work_country: Option<String>,
    pub language: String,
    pub outcome: ContactOutcome,
    pub minutes: Option<u32>,
    /// Only when a follow-up needs it.
    pub person: Option<ContactPerson>,
}

/// Who to follow up with, and on what basis their details are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    pub name: String,
    pub contact: String,
    pub basis: LegalBasis,
}

/// The contact form as submitted (codes as text, checked by [`check`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    pub service_id: String,
    pub channel: String,
    #[serde(default)]
    pub target_group: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub residence_country: String,
    #[serde(default)]
    pub work_country: String,
    pub language: String,
    pub outcome: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub basis: String,
}

/// What a valid input becomes (everything but id, organisation, who and when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedContact {
    pub service_id: String,
    pub channel: Channel,
    pub target_group: Option<String>,
    pub topics: Vec<String>,
    pub residence_country: Option<String>,
    pub work_country: Option<String>,
    pub language: String,
    pub outcome: ContactOutcome,
    pub minutes: Option<u32>,
    pub person: Option<ContactPerson>,
}

/// Checks every field at once. `known_term` says whether a taxonomy term id exists
/// (target groups and topics); the caller checks that the service is the caller's.
pub fn check(
    input: &ContactInput,
    known_term: impl Fn(&str) -> bool,
) -> Result<CheckedContact, Vec<crate::referral::FieldProblem>> {
    use crate::referral::FieldProblem;
    let mut problems = Vec::new();
    let mut problem =
        |field: &'static str, problem: &'static str| problems.push(FieldProblem { field, problem });
    if input.service_id.trim().is_empty() {
        problem("service_id", "required");
    }
    let channel = Channel::parse(&input.channel);
    if channel.is_none() {
        problem("channel", "required");
    }
    let outcome = ContactOutcome::parse(&input.outcome);
    if outcome.is_none() {
        problem("outcome", "required");
    }
    if !is_language_code(&input.language) {
        problem("language", "unknown");
    }
    let target_group = Some(input.target_group.trim()).filter(|t| !t.is_empty());
    if target_group.is_some_and(|t| !known_term(t)) {
        problem("target_group", "unknown");
    }
    let mut topics: Vec<String> = input
        .topics
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    topics.sort();
    topics.dedup();
    if topics.len() > MAX_TOPICS {
        problem("topics", "too-many");
    } else if topics.iter().any(|t| !known_term(t)) {
        problem("topics", "unknown");
    }
    let residence = non_empty(&input.residence_country);
    if residence.is_some_and(|c| !COUNTRIES.contains(&c)) {
        problem("residence_country", "unknown");
    }
    let work = non_empty(&input.work_country);
    if work.is_some_and(|c| !COUNTRIES.contains(&c)) {
        problem("work_country", "unknown");
    }
    let minutes = match input.minutes.trim() {
        "" => None,
        m => match m.parse::<u32>() {
            Ok(n) if (1..=MAX_MINUTES).contains(&n) => Some(n),
            _ => {
                problem("minutes", "out-of-range");
                None
            }
        },
    };
    let name = input.name.trim();
    let reach = input.contact.trim();
    let basis = LegalBasis::parse(input.basis.trim());
    let wants_person = !name.is_empty() || !reach.is_empty();
    if name.chars().count() > MAX_NAME_CHARS {
        problem("name", "too-long");
    }
    if reach.chars().count() > MAX_CONTACT_CHARS {
        problem("contact", "too-long");
    }
    if wants_person && basis.is_none() {
        // Personal details are kept only with a recorded basis.
        problem("basis", "no-basis");
    }
    let is_follow_up = outcome == Some(ContactOutcome::FollowUp);
    if wants_person && !is_follow_up && outcome.is_some() {
        // Without a follow-up there is no purpose for keeping a name.
        problem("name", "only-for-follow-up");
    }
    match (channel, outcome) {
        (Some(channel), Some(outcome)) if problems.is_empty() => Ok(CheckedContact {
            service_id: input.service_id.trim().to_string(),
            channel,
            target_group: target_group.map(str::to_string),
            topics,
            residence_country: residence.map(str::to_string),
            work_country: work.map(str::to_string),
            language: input.language.clone(),
            outcome,
            minutes,
            person: match basis {
                Some(basis) if wants_person => Some(ContactPerson {
                    name: name.to_string(),
                    contact: reach.to_string(),
                    basis,
                }),
                _ => None,
            },
        }),
        _ => Err(problems),
    }
}

fn non_empty(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routine() -> ContactInput {
        ContactInput {
            service_id: "svc".into(),
            channel: "phone".into(),
            topics: vec!["tax".into(), "tax".into()],
            residence_country: "BE".into(),
            work_country: "NL".into(),
            language: "nl".into(),
            outcome: "answered".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_routine_contact_is_anonymous() {
        let c = check(&routine(), |t| t == "tax").unwrap();
        assert_eq!(c.channel, Channel::Phone);
        assert_eq!(c.topics, vec!["tax".to_string()]);
        assert_eq!(c.person, None);
    }

    #[test]
    fn a_name_needs_a_follow_up_and_a_basis() {
        let mut input = routine();
        input.name = "Jan".into();
        let problems = check(&input, |_| true).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            fields,
            vec![("basis", "no-basis"), ("name", "only-for-follow-up")]
        );
        input.outcome = "follow-up".into();
        input.basis = "consent".into();
        input.contact = "jan@example.org".into();
        let c = check(&input, |_| true).unwrap();
        assert_eq!(c.person.unwrap().basis, LegalBasis::Consent);
    }

    #[test]
    fn every_bad_field_is_named() {
        let input = ContactInput {
            channel: "pigeon".into(),
            language: "Nederlands".into(),
            outcome: "".into(),
            minutes: "-3".into(),
            residence_country: "FR".into(),
            topics: vec!["nope".into()],
            ..Default::default()
        };
        let problems = check(&input, |_| false).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                "service_id",
                "channel",
                "outcome",
                "language",
                "topics",
                "residence_country",
                "minutes"
            ]
        );
    }
}
