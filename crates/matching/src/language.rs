//! Languages (ISO 639-1) with a CEFR level, as candidates have them and vacancies require them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// Common European Framework of Reference level, A1 (lowest) to C2 (mastery).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cefr {
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

impl Cefr {
    pub const ALL: [Cefr; 6] = [Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2];

    pub fn code(self) -> &'static str {
        match self {
            Cefr::A1 => "A1",
            Cefr::A2 => "A2",
            Cefr::B1 => "B1",
            Cefr::B2 => "B2",
            Cefr::C1 => "C1",
            Cefr::C2 => "C2",
        }
    }
}

impl fmt::Display for Cefr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LanguageError {
    #[error("{0:?} is not a CEFR level (A1, A2, B1, B2, C1 or C2)")]
    UnknownLevel(String),
    #[error("{0:?} is not an ISO 639-1 language code (two letters, like nl or de)")]
    UnknownLanguage(String),
}

impl FromStr for Cefr {
    type Err = LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        Cefr::ALL
            .into_iter()
            .find(|level| level.code() == upper)
            .ok_or_else(|| LanguageError::UnknownLevel(s.to_string()))
    }
}

/// An ISO 639-1 code, stored as two lower-case ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language([u8; 2]);

impl Language {
    pub fn english() -> Language {
        Language(*b"en")
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for Language {
    type Err = LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.as_bytes() {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Ok(Language([*a, *b])),
            _ => Err(LanguageError::UnknownLanguage(s.to_string())),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A language at a level: what a candidate speaks, or the minimum a vacancy asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageLevel {
    pub language: Language,
    pub level: Cefr,
}

impl LanguageLevel {
    pub fn new(language: &str, level: &str) -> Result<Self, LanguageError> {
        Ok(LanguageLevel {
            language: language.parse()?,
            level: level.parse()?,
        })
    }
}

/// The level a person has in a language, if any.
pub fn level_in(languages: &[LanguageLevel], language: Language) -> Option<Cefr> {
    languages
        .iter()
        .filter(|l| l.language == language)
        .map(|l| l.level)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_in_any_case_and_order_from_a1_to_c2() {
        assert_eq!("b1".parse::<Cefr>(), Ok(Cefr::B1));
        assert_eq!(" C2 ".parse::<Cefr>(), Ok(Cefr::C2));
        assert!(Cefr::A1 < Cefr::A2 && Cefr::B2 < Cefr::C1);
    }

    #[test]
    fn a_level_that_does_not_exist_is_refused_by_name() {
        let err = "Z9".parse::<Cefr>().unwrap_err();
        assert_eq!(err, LanguageError::UnknownLevel("Z9".into()));
        assert!(err.to_string().contains("A1, A2, B1, B2, C1 or C2"));
        assert!("B3".parse::<Cefr>().is_err());
        assert!("".parse::<Cefr>().is_err());
    }

    #[test]
    fn languages_are_two_letters() {
        assert_eq!(
            "NL".parse::<Language>().map(|l| l.to_string()),
            Ok("nl".to_string())
        );
        assert!("dut".parse::<Language>().is_err());
        assert!("n1".parse::<Language>().is_err());
    }
}
