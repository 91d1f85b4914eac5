//! Welcome to Maastricht Region: employers, their vacancies, international talent
//! (candidates), introductions between them and the placements that follow.
//!
//! Inputs arrive as text (from forms and the API) and are checked here, every field at once,
//! into typed records; the matching itself is `loket-matching`.

pub mod candidate;
pub mod cv;
pub mod employer;
pub mod introduction;
pub mod placement;
pub mod vacancy;

use crate::referral::FieldProblem;
use loket_matching::{Kind, LanguageLevel, Vocabulary};
use serde::{Deserialize, Serialize};

/// A language and level as typed in a form: `nl` and `B1`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageInput {
    pub language: String,
    pub level: String,
}

/// The most languages, occupations and skills one record may list.
pub const MAX_LANGUAGES: usize = 10;
pub const MAX_OCCUPATIONS: usize = 5;
pub const MAX_SKILLS: usize = 60;

pub(crate) struct Problems(pub Vec<FieldProblem>);

impl Problems {
    pub fn new() -> Self {
        Problems(Vec::new())
    }

    pub fn add(&mut self, field: &'static str, problem: &'static str) {
        if !self.0.iter().any(|p| p.field == field) {
            self.0.push(FieldProblem { field, problem });
        }
    }

    pub fn text(&mut self, field: &'static str, value: &str, max: usize, required: bool) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.add(field, "required");
        } else if value.chars().count() > max {
            self.add(field, "too-long");
        }
        value.to_string()
    }

    /// A whole number in `range`; empty is `default` (or `required` when there is none).
    pub fn number(
        &mut self,
        field: &'static str,
        value: &str,
        range: std::ops::RangeInclusive<i64>,
        default: Option<i64>,
    ) -> Option<i64> {
        let value = value.trim();
        if value.is_empty() {
            if default.is_none() {
                self.add(field, "required");
            }
            return default;
        }
        match value.parse::<i64>() {
            Ok(n) if n < 0 && *range.start() >= 0 => {
                self.add(field, "negative");
                None
            }
            Ok(n) if range.contains(&n) => Some(n),
            Ok(_) => {
                self.add(field, "out-of-range");
                None
            }
            Err(_) => {
                self.add(field, "not-a-number");
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`; empty is none.
    pub fn date(&mut self, field: &'static str, value: &str) -> Option<chrono::NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.add(field, "not-a-date");
                None
            }
        }
    }

    /// ESCO concepts of a kind by URI, without duplicates; unknown URIs are a problem.
    pub fn concepts(
        &mut self,
        field: &'static str,
        vocabulary: &Vocabulary,
        kind: Kind,
        uris: &[String],
        max: usize,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for uri in uris.iter().map(|u| u.trim()).filter(|u| !u.is_empty()) {
            if vocabulary.lookup(kind, uri).is_err() {
                self.add(field, "unknown-esco");
            } else if !out.iter().any(|o| o == uri) {
                out.push(uri.to_string());
            }
        }
        if out.len() > max {
            self.add(field, "too-many");
        }
        out
    }

    /// Languages with CEFR levels; rows with neither filled in are skipped.
    pub fn languages(&mut self, field: &'static str, rows: &[LanguageInput]) -> Vec<LanguageLevel> {
        let mut out: Vec<LanguageLevel> = Vec::new();
        for row in rows {
            let (language, level) = (row.language.trim(), row.level.trim());
            if language.is_empty() && level.is_empty() {
                continue;
            }
            match LanguageLevel::new(language, level) {
                Ok(l) if out.iter().any(|o| o.language == l.language) => {
                    self.add(field, "duplicate-language")
                }
                Ok(l) => out.push(l),
                Err(loket_matching::LanguageError::UnknownLevel(_)) => {
                    self.add(field, "unknown-level")
                }
                Err(loket_matching::LanguageError::UnknownLanguage(_)) => {
                    self.add(field, "unknown-language")
                }
            }
        }
        if out.len() > MAX_LANGUAGES {
            self.add(field, "too-many");
        }
        out
    }

    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldProblem>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}
