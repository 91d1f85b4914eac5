//! The front door's questions as data. The file is versioned in the repository
//! now; later the coordinator edits it in the UI.

use loket_domain::Text;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "loket-front-door";

/// The flow shipped with loket.
pub const DEFAULT_FLOW: &str = include_str!("../../../seed/front-door.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One option.
    Single,
    /// Any number of options.
    Multi,
    /// A municipality, a country, or abroad (and for `allow_none`, "not known yet").
    Place,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    #[serde(default)]
    pub example: Option<Text>,
    /// Only shown to these target groups; everyone when absent.
    #[serde(default, rename = "for")]
    pub for_groups: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Only asked of these target groups (the answer to `who`); everyone when absent.
    #[serde(default)]
    pub when: Option<Vec<String>>,
    /// May be skipped.
    #[serde(default)]
    pub optional: bool,
    /// A place question that accepts "not known yet".
    #[serde(default)]
    pub allow_none: bool,
}

impl Question {
    pub fn applies_to(&self, who: Option<&str>) -> bool {
        match (&self.when, who) {
            (None, _) => true,
            (Some(groups), Some(who)) => groups.iter().any(|g| g == who),
            (Some(_), None) => false,
        }
    }

    /// The options a visitor of this target group sees.
    pub fn choices_for<'a>(
        &'a self,
        who: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Choice> + 'a {
        self.options
            .iter()
            .filter(move |c| match (&c.for_groups, who) {
                (None, _) => true,
                (Some(groups), Some(who)) => groups.iter().any(|g| g == who),
                (Some(_), None) => false,
            })
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub about: Option<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("front-door flow: {path}: {message}")]
    Invalid { path: String, message: String },
}

impl Flow {
    pub fn parse(json: &str) -> Result<Self, FlowError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let flow: Flow = serde_path_to_error::deserialize(de).map_err(|e| FlowError::Invalid {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
        let invalid = |path: String, message: &str| {
            Err(FlowError::Invalid {
                path,
                message: message.into(),
            })
        };
        if flow.format != FORMAT {
            return invalid("format".into(), "expected \"loket-front-door\"");
        }
        if flow.questions.first().map(|q| q.id.as_str()) != Some("who") {
            return invalid("questions[0]".into(), "the first question must be `who`");
        }
        for (i, q) in flow.questions.iter().enumerate() {
            if flow
                .questions
                .iter()
                .filter(|other| other.id == q.id)
                .count()
                > 1
            {
                return invalid(format!("questions[{i}].id"), "is used twice");
            }
            if q.kind != QuestionKind::Place && q.options.is_empty() {
                return invalid(
                    format!("questions[{i}].options"),
                    "a choice question needs options",
                );
            }
            if q.text.exact(loket_domain::Lang::Nl).is_none() {
                return invalid(format!("questions[{i}].text"), "needs Dutch text");
            }
        }
        Ok(flow)
    }

    pub fn default_flow() -> Result<Self, FlowError> {
        Flow::parse(DEFAULT_FLOW)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions this visitor is asked, in order.
    pub fn questions_for<'a>(
        &'a self,
        who: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.applies_to(who))
    }
}
