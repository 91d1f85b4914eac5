//! The search vocabulary's forgiving side: words with the same stem and words
//! one or two typing errors away.
//!
//! The catalogue's words are kept in a finite-state transducer (`fst`) that maps
//! each word to its place in the search index's vocabulary. Typos are found by
//! running a Levenshtein automaton (`levenshtein_automata`, the one tantivy
//! uses, with a transposition counting as one error) over that transducer, so a
//! lookup visits only the words within reach instead of comparing with every
//! word. Stems come from the Snowball stemmers (`rust-stemmers`) for the
//! languages the catalogue is written in and Romanian; Polish and Bulgarian
//! have no Snowball stemmer, and the topic keywords list their word forms.

use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Words shorter than this are never corrected: too many short words are one error apart.
pub const MIN_FUZZY_CHARS: usize = 5;
/// From this length on, two errors are forgiven.
const TWO_ERRORS_FROM: usize = 9;

const STEMMED: [Algorithm; 5] = [
    Algorithm::Dutch,
    Algorithm::English,
    Algorithm::German,
    Algorithm::French,
    Algorithm::Romanian,
];

pub struct Lexicon {
    words: Map<Vec<u8>>,
    one_error: LevenshteinAutomatonBuilder,
    two_errors: LevenshteinAutomatonBuilder,
    stemmers: Vec<Stemmer>,
    /// Per stemmer (same order): stem → the vocabulary places of the words with that stem.
    stems: Vec<HashMap<String, Vec<u32>>>,
}

/// A word of the vocabulary near the one asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Near {
    /// The place in the vocabulary.
    pub place: u32,
    /// Typing errors between the two (0 for the same stem).
    pub errors: u8,
}

impl Lexicon {
    /// `words` must be sorted and unique (the search index's vocabulary).
    pub fn build<'a>(words: impl Iterator<Item = &'a str> + Clone) -> Lexicon {
        let map = Map::from_iter(words.clone().enumerate().map(|(i, w)| (w, i as u64)))
            .unwrap_or_default();
        let stemmers: Vec<Stemmer> = STEMMED.iter().map(|&a| Stemmer::create(a)).collect();
        let stems = stemmers
            .iter()
            .map(|stemmer| {
                let mut by_stem: HashMap<String, Vec<u32>> = HashMap::new();
                for (i, w) in words.clone().enumerate() {
                    by_stem
                        .entry(stemmer.stem(w).into_owned())
                        .or_default()
                        .push(i as u32);
                }
                by_stem
            })
            .collect();
        Lexicon {
            words: map,
            one_error: LevenshteinAutomatonBuilder::new(1, true),
            two_errors: LevenshteinAutomatonBuilder::new(2, true),
            stemmers,
            stems,
        }
    }

    /// Whether the vocabulary has exactly this word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// Words sharing a stem with `word` in one of the stemmed languages.
    pub fn same_stem(&self, word: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .stemmers
            .iter()
            .zip(&self.stems)
            .filter_map(|(stemmer, by_stem)| by_stem.get(stemmer.stem(word).as_ref()))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Words within one typing error (two for long words) of `word`; none for short words.
    pub fn near(&self, word: &str) -> Vec<Near> {
        let chars = word.chars().count();
        if chars < MIN_FUZZY_CHARS {
            return Vec::new();
        }
        let builder = if chars >= TWO_ERRORS_FROM {
            &self.two_errors
        } else {
            &self.one_error
        };
        let dfa = builder.build_dfa(word);
        let mut stream = self.words.search_with_state(&dfa).into_stream();
        let mut out = Vec::new();
        while let Some((_, place, state)) = stream.next() {
            if let Distance::Exact(errors) = dfa.distance(state) {
                out.push(Near {
                    place: place as u32,
                    errors,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> (Vec<&'static str>, Lexicon) {
        let mut words = vec![
            "belasting",
            "belastingen",
            "krankenversicherung",
            "werkloosheidsuitkering",
            "benefit",
            "benefits",
            "housing",
            "huis",
            "kindergeld",
        ];
        words.sort_unstable();
        let lexicon = Lexicon::build(words.iter().copied());
        (words, lexicon)
    }

    fn names(words: &[&str], places: impl IntoIterator<Item = u32>) -> Vec<String> {
        places
            .into_iter()
            .map(|p| words[p as usize].to_string())
            .collect()
    }

    #[test]
    fn typos_find_the_word_and_short_words_stay_exact() {
        let (words, lx) = lexicon();
        let near = |w: &str| names(&words, lx.near(w).into_iter().map(|n| n.place));
        assert_eq!(near("belastng"), ["belasting"]);
        assert_eq!(near("krankenversichrung"), ["krankenversicherung"]);
        assert_eq!(near("benfit"), ["benefit"]);
        // Two errors in a long word; a transposition is one.
        assert_eq!(near("kindregled"), ["kindergeld"]);
        assert!(near("huus").is_empty(), "four letters: no guessing");
    }

    #[test]
    fn stems_join_word_forms() {
        let (words, lx) = lexicon();
        assert_eq!(
            names(&words, lx.same_stem("belastingen")),
            ["belasting", "belastingen"]
        );
        assert_eq!(
            names(&words, lx.same_stem("benefit")),
            ["benefit", "benefits"]
        );
    }
}
