//! The rules as data: what each says, the article and source it comes from,
//! and from when to when it applies. The engine names rules by id; the book
//! checks that each one it uses exists and applies on the reference date.

use chrono::NaiveDate;
use serde::Deserialize;

/// The rules loket ships.
pub const SHIPPED: &str = include_str!("../../../seed/cross-border/rules.json");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub article: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub domain: String,
    /// What the rule says, in plain English (the pages word it per language).
    pub says: String,
    pub source: Source,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl Rule {
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Covers {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    /// The reference dates the explainer answers for.
    pub covers: Covers,
    pub rules: Vec<Rule>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RuleBookError {
    #[error("the rules file is not valid: {0}")]
    Format(String),
    #[error("rule {0} appears twice")]
    Duplicate(String),
    #[error("rule {0} has no source (title, article and an https address)")]
    NoSource(String),
    #[error("rule {0} ends before it begins")]
    Backwards(String),
}

impl RuleBook {
    pub fn parse(text: &str) -> Result<RuleBook, RuleBookError> {
        let book: RuleBook =
            serde_json::from_str(text).map_err(|e| RuleBookError::Format(e.to_string()))?;
        let mut seen = std::collections::BTreeSet::new();
        for r in &book.rules {
            if !seen.insert(r.id.as_str()) {
                return Err(RuleBookError::Duplicate(r.id.clone()));
            }
            let s = &r.source;
            if s.title.trim().is_empty()
                || s.article.trim().is_empty()
                || !s.url.starts_with("https://")
            {
                return Err(RuleBookError::NoSource(r.id.clone()));
            }
            if r.valid_to.is_some_and(|to| to < r.valid_from) {
                return Err(RuleBookError::Backwards(r.id.clone()));
            }
        }
        Ok(book)
    }

    pub fn shipped() -> Result<RuleBook, RuleBookError> {
        RuleBook::parse(SHIPPED)
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Whether the explainer answers for this reference date.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.covers.from <= day && day <= self.covers.to
    }
}
