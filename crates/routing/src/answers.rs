//! A visitor's answers: as they arrive (from a link or an API call), and checked.

use crate::flow::{Flow, QuestionKind};
use loket_domain::area::Areas;
use std::collections::BTreeMap;

/// Answers as they arrive: question id → values. A key that is present with no
/// value is an optional question the visitor skipped. `{id}_postcode` may stand
/// in for a place question's municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAnswers {
    pub values: BTreeMap<String, Vec<String>>,
}

/// Where someone lives or works, as precisely as they said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A municipality code from the catalogue's areas.
    Municipality(String),
    /// Somewhere in NL, DE or BE.
    Country(String),
    /// Outside the three countries.
    Abroad,
    /// "Not known yet".
    Unknown,
}

impl Place {
    /// The area code to compare with service areas, when there is one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Place::Municipality(c) | Place::Country(c) => Some(c),
            Place::Abroad | Place::Unknown => None,
        }
    }

    fn encode(&self) -> String {
        match self {
            Place::Municipality(c) | Place::Country(c) => c.clone(),
            Place::Abroad => "abroad".into(),
            Place::Unknown => "none".into(),
        }
    }
}

/// Checked answers: every value is one the flow offers this visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    /// The target group.
    pub who: String,
    /// `eu` or `other`.
    pub nationality: Option<String>,
    /// `short`, `long` or `settle`.
    pub stay: Option<String>,
    pub live: Option<Place>,
    pub work: Option<Place>,
    pub company: Option<Place>,
    /// `small`, `medium` or `large`.
    pub size: Option<String>,
    /// `NL`, `DE`, `BE` or `abroad`.
    pub staff_from: Option<String>,
    /// A topic code; `None` when the visitor chose "something else".
    pub topic: Option<String>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub channel: Option<String>,
}

/// What is wrong with one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    Missing,
    UnknownQuestion,
    NotAsked,
    UnknownChoice,
    TooMany,
    UnknownPlace,
    UnknownPostcode,
}

impl AnswerProblem {
    /// A stable code, for the API and for message keys (`answer-error-{code}`).
    pub fn code(self) -> &'static str {
        match self {
            AnswerProblem::Missing => "missing",
            AnswerProblem::UnknownQuestion => "unknown-question",
            AnswerProblem::NotAsked => "not-asked",
            AnswerProblem::UnknownChoice => "unknown-choice",
            AnswerProblem::TooMany => "too-many",
            AnswerProblem::UnknownPlace => "unknown-place",
            AnswerProblem::UnknownPostcode => "unknown-postcode",
        }
    }

    /// In plain English, for API clients.
    pub fn description(self) -> &'static str {
        match self {
            AnswerProblem::Missing => "this question needs an answer",
            AnswerProblem::UnknownQuestion => "there is no such question",
            AnswerProblem::NotAsked => "this question is not asked of this target group (`who`)",
            AnswerProblem::UnknownChoice => {
                "not one of the options for this question (and this target group)"
            }
            AnswerProblem::TooMany => "takes one value",
            AnswerProblem::UnknownPlace => {
                "not a municipality code, NL, DE, BE, abroad (or none where allowed)"
            }
            AnswerProblem::UnknownPostcode => "not a postcode (NL 6411 AB, DE 52062 or BE 3620)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{question}: {}", problem.code())]
pub struct AnswerError {
    pub question: String,
    pub problem: AnswerProblem,
}

const COUNTRIES: [&str; 3] = ["NL", "DE", "BE"];

impl RawAnswers {
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            let entry = values.entry(k).or_default();
            let v = v.trim();
            if !v.is_empty() {
                entry.push(v.to_string());
            }
        }
        RawAnswers { values }
    }

    pub fn first(&self, id: &str) -> Option<&str> {
        self.values
            .get(id)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    pub fn who(&self) -> Option<&str> {
        self.first("who")
    }

    /// Replaces `{id}_postcode` by the municipality it lies in, so that links are canonical.
    pub fn resolve_postcodes(&mut self, flow: &Flow, areas: &Areas) -> Vec<AnswerError> {
        let mut errors = Vec::new();
        for q in flow
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Place)
        {
            let key = format!("{}_postcode", q.id);
            let Some(postcodes) = self.values.remove(&key) else {
                continue;
            };
            let has_place = self.values.get(&q.id).is_some_and(|v| !v.is_empty());
            match postcodes.first() {
                None => {}
                // The municipality chosen wins over a postcode typed as well (which
                // must still be a postcode).
                Some(pc) if has_place && loket_domain::area::postcode_country(pc).is_some() => {}
                Some(_) if has_place => errors.push(AnswerError {
                    question: q.id.clone(),
                    problem: AnswerProblem::UnknownPostcode,
                }),
                // A postcode outside the catalogue's area still says the country:
                // the visitor is routed as living or working there (no wrong door).
                Some(pc) => match (
                    loket_domain::area::postcode_country(pc),
                    areas.municipality_for_postcode(pc),
                ) {
                    (Some(_), Some(m)) => {
                        self.values.insert(q.id.clone(), vec![m.code.clone()]);
                    }
                    (Some(country), None) => {
                        self.values.insert(q.id.clone(), vec![country.to_string()]);
                    }
                    (None, _) => errors.push(AnswerError {
                        question: q.id.clone(),
                        problem: AnswerProblem::UnknownPostcode,
                    }),
                },
            }
        }
        errors
    }

    /// Problems with the answers given so far (not with missing ones).
    pub fn problems(&self, flow: &Flow, areas: &Areas) -> Vec<AnswerError> {
        let who = self.who();
        let mut errors = Vec::new();
        for (id, values) in &self.values {
            let err = |problem| AnswerError {
                question: id.clone(),
                problem,
            };
            let Some(q) = flow.question(id) else {
                errors.push(err(AnswerProblem::UnknownQuestion));
                continue;
            };
            if id != "who" && !q.applies_to(who) {
                errors.push(err(AnswerProblem::NotAsked));
                continue;
            }
            if values.is_empty() {
                if !q.optional {
                    errors.push(err(AnswerProblem::Missing));
                }
                continue;
            }
            match q.kind {
                QuestionKind::Single | QuestionKind::Multi => {
                    if q.kind == QuestionKind::Single && values.len() > 1 {
                        errors.push(err(AnswerProblem::TooMany));
                    } else if values
                        .iter()
                        .any(|v| !q.choices_for(who).any(|c| &c.value == v))
                    {
                        errors.push(err(AnswerProblem::UnknownChoice));
                    }
                }
                QuestionKind::Place => {
                    if values.len() > 1 {
                        errors.push(err(AnswerProblem::TooMany));
                    } else if parse_place(&values[0], q.allow_none, areas).is_none() {
                        errors.push(err(AnswerProblem::UnknownPlace));
                    }
                }
            }
        }
        errors
    }

    /// The next question to ask: the first one that applies and has no answer yet.
    pub fn next_question<'a>(&self, flow: &'a Flow) -> Option<&'a crate::flow::Question> {
        let who = self.who();
        flow.questions
            .iter()
            .filter(|q| q.applies_to(who))
            .find(|q| !self.values.contains_key(&q.id))
    }

    /// Checks everything: every applicable question answered, every answer valid.
    pub fn check(&self, flow: &Flow, areas: &Areas) -> Result<Answers, Vec<AnswerError>> {
        let mut errors = self.problems(flow, areas);
        for q in flow.questions_for(self.who()) {
            if !self.values.contains_key(&q.id) && !q.optional {
                errors.push(AnswerError {
                    question: q.id.clone(),
                    problem: AnswerProblem::Missing,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let one = |id: &str| self.first(id).map(str::to_string);
        let place = |id: &str| {
            flow.question(id).and_then(|q| {
                self.first(id)
                    .and_then(|v| parse_place(v, q.allow_none, areas))
            })
        };
        Ok(Answers {
            who: one("who").unwrap_or_default(),
            nationality: one("nationality"),
            stay: one("stay"),
            live: place("live"),
            work: place("work"),
            company: place("company"),
            size: one("size"),
            staff_from: one("staff_from"),
            topic: one("topic").filter(|t| t != "other"),
            languages: self.values.get("languages").cloned().unwrap_or_default(),
            channel: one("channel"),
        })
    }
}

fn parse_place(value: &str, allow_none: bool, areas: &Areas) -> Option<Place> {
    match value {
        "abroad" => Some(Place::Abroad),
        "none" if allow_none => Some(Place::Unknown),
        c if COUNTRIES.contains(&c) => Some(Place::Country(c.to_string())),
        c if areas.municipality(c).is_some() => Some(Place::Municipality(c.to_string())),
        _ => None,
    }
}

impl Answers {
    /// The answers as query pairs, in flow order: the shareable result link.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("who", self.who.clone())];
        let mut push = |k: &'static str, v: &Option<String>| {
            if let Some(v) = v {
                pairs.push((k, v.clone()));
            }
        };
        push("nationality", &self.nationality);
        push("stay", &self.stay);
        push("live", &self.live.as_ref().map(Place::encode));
        push("work", &self.work.as_ref().map(Place::encode));
        push("company", &self.company.as_ref().map(Place::encode));
        push("size", &self.size);
        push("staff_from", &self.staff_from);
        pairs.push((
            "topic",
            self.topic.clone().unwrap_or_else(|| "other".into()),
        ));
        if self.languages.is_empty() {
            pairs.push(("languages", String::new()));
        }
        for l in &self.languages {
            pairs.push(("languages", l.clone()));
        }
        pairs.push(("channel", self.channel.clone().unwrap_or_default()));
        pairs
    }

    /// A key for counting how often this combination is asked (no personal data:
    /// only the coarse answers, with places at municipality or country level).
    pub fn combination_key(&self) -> String {
        self.to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }
}
