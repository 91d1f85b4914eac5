//! The front door's questions as data. The structure (questions, options,
//! conditions) lives in `seed/front-door.json`; the coordinator rewords the texts
//! in the staff area ([`Flow::with_texts`]), and the saved versions override the file.

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

/// The longest text of a question, hint or option.
pub const MAX_FLOW_TEXT: usize = 300;

impl Flow {
    /// The texts of one language as form fields: `q.{id}.text`, `q.{id}.hint`,
    /// `q.{id}.opt.{n}`, `q.{id}.ex.{n}` for the n-th option (an option value may
    /// appear twice, for different target groups), without fallback to Dutch.
    pub fn texts(&self, lang: loket_domain::Lang) -> Vec<(String, String)> {
        let exact = |t: &Text| t.exact(lang).unwrap_or("").to_string();
        let mut out = Vec::new();
        for q in &self.questions {
            out.push((format!("q.{}.text", q.id), exact(&q.text)));
            out.push((
                format!("q.{}.hint", q.id),
                q.hint.as_ref().map(exact).unwrap_or_default(),
            ));
            for (n, c) in q.options.iter().enumerate() {
                out.push((format!("q.{}.opt.{n}", q.id), exact(&c.label)));
                out.push((
                    format!("q.{}.ex.{n}", q.id),
                    c.example.as_ref().map(exact).unwrap_or_default(),
                ));
            }
        }
        out
    }

    /// The flow with the texts of one language replaced; the structure (questions,
    /// options, conditions) stays as it is. Every problem at once, as (field, code):
    /// `required-dutch`, `too-long`, `control-characters`.
    pub fn with_texts(
        &self,
        lang: loket_domain::Lang,
        fields: &std::collections::BTreeMap<String, String>,
    ) -> Result<Flow, Vec<(String, &'static str)>> {
        let mut problems = Vec::new();
        let mut flow = self.clone();
        let mut set = |text: &mut Text, key: String, required: bool| {
            let value = fields.get(&key).map(|v| v.trim()).unwrap_or("");
            if value.chars().count() > MAX_FLOW_TEXT {
                problems.push((key.clone(), "too-long"));
            }
            if value.chars().any(char::is_control) {
                problems.push((key.clone(), "control-characters"));
            }
            if required && value.is_empty() && lang == loket_domain::Lang::Nl {
                problems.push((key.clone(), "required-dutch"));
            }
            text.set(lang, value.to_string());
        };
        for q in &mut flow.questions {
            set(&mut q.text, format!("q.{}.text", q.id), true);
            let mut hint = q.hint.clone().unwrap_or_default();
            set(&mut hint, format!("q.{}.hint", q.id), false);
            q.hint = (!hint.is_blank()).then_some(hint);
            for (n, c) in q.options.iter_mut().enumerate() {
                set(&mut c.label, format!("q.{}.opt.{n}", q.id), true);
                let mut example = c.example.clone().unwrap_or_default();
                set(&mut example, format!("q.{}.ex.{n}", q.id), false);
                c.example = (!example.is_blank()).then_some(example);
            }
        }
        if problems.is_empty() {
            Ok(flow)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use loket_domain::Lang;

    #[test]
    fn texts_round_trip_and_only_texts_change() {
        let flow = Flow::default_flow().expect("flow");
        for lang in Lang::ALL {
            let fields = flow.texts(lang).into_iter().collect();
            let again = flow.with_texts(lang, &fields).expect("valid");
            assert_eq!(
                serde_json::to_value(&again).expect("json"),
                serde_json::to_value(&flow).expect("json")
            );
        }
        let mut fields: std::collections::BTreeMap<_, _> =
            flow.texts(Lang::De).into_iter().collect();
        fields.insert("q.who.text".into(), "Wer sind Sie? <b>neu</b>".into());
        let edited = flow.with_texts(Lang::De, &fields).expect("valid");
        assert_eq!(
            edited.questions[0].text.de.as_deref(),
            Some("Wer sind Sie? <b>neu</b>")
        );
        assert_eq!(edited.questions[0].text.nl, flow.questions[0].text.nl);
        let mut nl: std::collections::BTreeMap<_, _> = flow.texts(Lang::Nl).into_iter().collect();
        nl.insert("q.who.text".into(), String::new());
        nl.insert("q.who.hint".into(), "x".repeat(MAX_FLOW_TEXT + 1));
        let problems = flow.with_texts(Lang::Nl, &nl).expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                ("q.who.text".to_string(), "required-dutch"),
                ("q.who.hint".to_string(), "too-long")
            ]
        );
    }
}
