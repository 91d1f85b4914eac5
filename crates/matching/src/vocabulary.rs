//! The ESCO vocabulary: occupations and skills by URI, their labels, ISCO groups where known,
//! and type-ahead search. The data is compiled in (`seed/esco/`, with ESCO's attribution).

use crate::profile::{Concept, Occupation};
use serde::Serialize;
use std::collections::HashMap;
use thiserror::Error;

const OCCUPATIONS: &str = include_str!("../../../seed/esco/occupations.tsv");
const SKILLS: &str = include_str!("../../../seed/esco/skills.tsv");
const OCCUPATION_ISCO: &str = include_str!("../../../seed/esco/occupation-isco.tsv");
/// loket's own Dutch, German and French search words for common concepts (this
/// ESCO extract is English only); they find a concept, its label stays ESCO's.
const ALIASES: &str = include_str!("../../../seed/esco/aliases.tsv");

pub const OCCUPATION_PREFIX: &str = "http://data.europa.eu/esco/occupation/";
pub const SKILL_PREFIX: &str = "http://data.europa.eu/esco/skill/";
pub const ATTRIBUTION: &str =
    "This service uses the ESCO classification of the European Commission.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Occupation,
    Skill,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Occupation => OCCUPATION_PREFIX,
            Kind::Skill => SKILL_PREFIX,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VocabularyError {
    #[error("{uri:?} is not a known ESCO {kind}")]
    Unknown { uri: String, kind: &'static str },
    #[error("the ESCO data file is malformed at line {line}")]
    Malformed { line: usize },
}

struct Entry {
    kind: Kind,
    id: &'static str,
    label: &'static str,
    /// Lower case: the preferred and alternative labels.
    search: String,
    isco: Option<u16>,
}

/// One concept as shown in type-ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub uri: String,
    pub label: &'static str,
}

pub struct Vocabulary {
    entries: Vec<Entry>,
    by_id: HashMap<&'static str, Concept>,
}

impl Vocabulary {
    /// The English ESCO vocabulary compiled into loket.
    pub fn esco() -> Result<Vocabulary, VocabularyError> {
        let mut entries = Vec::with_capacity(17_000);
        read(OCCUPATIONS, Kind::Occupation, &mut entries)?;
        read(SKILLS, Kind::Skill, &mut entries)?;
        let mut by_id = HashMap::with_capacity(entries.len());
        for (n, entry) in entries.iter().enumerate() {
            by_id.insert(entry.id, Concept(n as u32));
        }
        let mut vocabulary = Vocabulary { entries, by_id };
        for (n, line) in OCCUPATION_ISCO.lines().enumerate().skip(1) {
            let mut fields = line.split('\t');
            let (Some(id), Some(isco)) = (fields.next(), fields.next()) else {
                return Err(VocabularyError::Malformed { line: n + 1 });
            };
            let isco = isco
                .parse()
                .map_err(|_| VocabularyError::Malformed { line: n + 1 })?;
            let concept = vocabulary.by_id.get(id).copied();
            match concept.and_then(|c| vocabulary.entries.get_mut(c.0 as usize)) {
                Some(entry) => entry.isco = Some(isco),
                None => return Err(VocabularyError::Malformed { line: n + 1 }),
            }
        }
        vocabulary.add_aliases()?;
        Ok(vocabulary)
    }

    fn add_aliases(&mut self) -> Result<(), VocabularyError> {
        for (n, line) in ALIASES.lines().enumerate().skip(1) {
            let mut fields = line.split('\t');
            let (Some(kind), Some(id), Some(_lang), Some(words)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(VocabularyError::Malformed { line: n + 1 });
            };
            let kind = match kind {
                "occupation" => Kind::Occupation,
                "skill" => Kind::Skill,
                _ => return Err(VocabularyError::Malformed { line: n + 1 }),
            };
            let entry = self
                .by_id
                .get(id)
                .copied()
                .and_then(|c| self.entries.get_mut(c.0 as usize))
                .filter(|e| e.kind == kind)
                .ok_or(VocabularyError::Malformed { line: n + 1 })?;
            entry.search.push(' ');
            entry.search.push_str(&words.to_lowercase());
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A concept by its URI, which must be of the expected kind.
    pub fn lookup(&self, kind: Kind, uri: &str) -> Result<Concept, VocabularyError> {
        let unknown = || VocabularyError::Unknown {
            uri: uri.to_string(),
            kind: match kind {
                Kind::Occupation => "occupation",
                Kind::Skill => "skill",
            },
        };
        let id = uri.trim().strip_prefix(kind.prefix()).ok_or_else(unknown)?;
        self.by_id
            .get(id)
            .copied()
            .filter(|c| self.entries[c.0 as usize].kind == kind)
            .ok_or_else(unknown)
    }

    /// A concept of a kind by its URI or, failing that, its preferred label (any case), as
    /// people type it in a form.
    pub fn resolve(&self, kind: Kind, text: &str) -> Option<Concept> {
        let text = text.trim();
        if let Ok(c) = self.lookup(kind, text) {
            return Some(c);
        }
        let lower = text.to_lowercase();
        self.entries
            .iter()
            .position(|e| e.kind == kind && e.label.to_lowercase() == lower)
            .map(|n| Concept(n as u32))
    }

    /// An occupation with its ISCO group, as the engine wants it.
    pub fn occupation(&self, uri: &str) -> Result<Occupation, VocabularyError> {
        let concept = self.lookup(Kind::Occupation, uri)?;
        Ok(Occupation {
            concept,
            isco: self.isco(concept),
        })
    }

    pub fn uri(&self, concept: Concept) -> Option<String> {
        let entry = self.entries.get(concept.0 as usize)?;
        Some(format!("{}{}", entry.kind.prefix(), entry.id))
    }

    pub fn label(&self, concept: Concept) -> Option<&'static str> {
        self.entries.get(concept.0 as usize).map(|e| e.label)
    }

    pub fn kind(&self, concept: Concept) -> Option<Kind> {
        self.entries.get(concept.0 as usize).map(|e| e.kind)
    }

    pub fn isco(&self, concept: Concept) -> Option<u16> {
        self.entries.get(concept.0 as usize).and_then(|e| e.isco)
    }

    /// Concepts of a kind whose labels contain every word of the query as a word prefix;
    /// a preferred label that starts with the query as a whole word first ("Java
    /// (computer programming)" for "java"), then one that starts with it as a prefix
    /// ("Javanese"), then labels holding every word; shorter labels first within each.
    pub fn suggest(&self, kind: Kind, query: &str, limit: usize) -> Vec<Suggestion> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = words.join(" ");
        let mut hits: Vec<(u8, usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter(|(_, e)| words.iter().all(|w| has_word_prefix(&e.search, w)))
            .map(|(n, e)| {
                let label = e.label.to_lowercase();
                let whole_word = label
                    .strip_prefix(query.as_str())
                    .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric));
                let rank = if whole_word {
                    0
                } else if label.starts_with(&query) {
                    1
                } else if words.iter().all(|w| has_word_prefix(&label, w)) {
                    2
                } else {
                    3
                };
                (rank, e.label.len(), n)
            })
            .collect();
        hits.sort_unstable();
        hits.into_iter()
            .take(limit)
            .filter_map(|(_, _, n)| {
                let concept = Concept(n as u32);
                Some(Suggestion {
                    uri: self.uri(concept)?,
                    label: self.entries[n].label,
                })
            })
            .collect()
    }
}

fn has_word_prefix(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        at == 0
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

fn read(data: &'static str, kind: Kind, out: &mut Vec<Entry>) -> Result<(), VocabularyError> {
    for (n, line) in data.lines().enumerate().skip(1) {
        let mut fields = line.split('\t');
        let (Some(id), Some(label), Some(labels)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(VocabularyError::Malformed { line: n + 1 });
        };
        out.push(Entry {
            kind,
            id,
            label,
            search: labels.to_lowercase(),
            isco: None,
        });
    }
    Ok(())
}
