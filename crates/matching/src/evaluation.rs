//! Ranking quality: nDCG@k and average precision over graded relevance, and a BM25 text
//! ranker as the baseline the engine must beat.
//!
//! Grades run from 0 (not a match) to 3 (excellent). nDCG uses the gain 2^grade − 1; average
//! precision counts a result as relevant from grade 2 ("a good match") up.

use crate::language::LanguageLevel;
use crate::permit::{AgeBand, Nationality};
use crate::profile::{Candidate, Vacancy, WorkPlace};
use crate::vocabulary::{Kind, Vocabulary, VocabularyError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// From this grade on, a result counts as relevant for average precision.
pub const RELEVANT_FROM: u8 = 2;

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade.min(8)) - 1)
}

fn dcg(grades: impl Iterator<Item = u8>) -> f64 {
    grades
        .enumerate()
        .map(|(i, g)| gain(g) / ((i + 2) as f64).log2())
        .sum()
}

/// nDCG@k of a ranking, given the grade of each ranked item in order and the grades of all
/// items that could have been ranked (for the ideal ranking). 1.0 when nothing is relevant.
pub fn ndcg_at(k: usize, ranked: &[u8], all: &[u8]) -> f64 {
    let mut ideal: Vec<u8> = all.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(ideal.into_iter().take(k));
    if best == 0.0 {
        return 1.0;
    }
    dcg(ranked.iter().copied().take(k)) / best
}

/// Average precision of a ranking over the relevant items (grade ≥ [`RELEVANT_FROM`]);
/// relevant items the ranking misses count as found at infinity (precision 0).
pub fn average_precision(ranked: &[u8], relevant_total: usize) -> f64 {
    if relevant_total == 0 {
        return 1.0;
    }
    let mut found = 0usize;
    let mut sum = 0.0;
    for (i, grade) in ranked.iter().enumerate() {
        if *grade >= RELEVANT_FROM {
            found += 1;
            sum += found as f64 / (i + 1) as f64;
        }
    }
    sum / relevant_total as f64
}

/// Okapi BM25 over plain texts (k1 = 1.2, b = 0.75): the text-only baseline.
pub struct Bm25 {
    documents: Vec<HashMap<String, u32>>,
    lengths: Vec<f64>,
    average_length: f64,
    document_frequency: HashMap<String, u32>,
}

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Lower-case words of letters and digits.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

impl Bm25 {
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        let mut document_frequency: HashMap<String, u32> = HashMap::new();
        let mut documents = Vec::with_capacity(texts.len());
        let mut lengths = Vec::with_capacity(texts.len());
        for text in texts {
            let mut counts: HashMap<String, u32> = HashMap::new();
            let mut length = 0.0;
            for token in tokens(text.as_ref()) {
                *counts.entry(token).or_default() += 1;
                length += 1.0;
            }
            for token in counts.keys() {
                *document_frequency.entry(token.clone()).or_default() += 1;
            }
            documents.push(counts);
            lengths.push(length);
        }
        let average_length = lengths.iter().sum::<f64>() / lengths.len().max(1) as f64;
        Bm25 {
            documents,
            lengths,
            average_length,
            document_frequency,
        }
    }

    fn idf(&self, token: &str) -> f64 {
        let n = self.documents.len() as f64;
        let df = f64::from(self.document_frequency.get(token).copied().unwrap_or(0));
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The score of every document for a query text.
    pub fn scores(&self, query: &str) -> Vec<f64> {
        let query: Vec<String> = tokens(query).collect();
        self.documents
            .iter()
            .zip(&self.lengths)
            .map(|(counts, length)| {
                query
                    .iter()
                    .map(|token| {
                        let tf = f64::from(counts.get(token).copied().unwrap_or(0));
                        let norm = K1 * (1.0 - B + B * length / self.average_length.max(1.0));
                        self.idf(token) * tf * (K1 + 1.0) / (tf + norm)
                    })
                    .sum()
            })
            .collect()
    }

    /// Document numbers, best first (ties by number).
    pub fn rank(&self, query: &str) -> Vec<usize> {
        let scores = self.scores(query);
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
        order
    }
}

/// A labelled evaluation set: vacancies and candidates as texts (for BM25) and as profiles
/// with ESCO URIs (for the engine), and graded relevance per vacancy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub about: Vec<String>,
    pub vacancies: Vec<LabelledVacancy>,
    pub candidates: Vec<LabelledCandidate>,
    /// Vacancy id → candidate id → grade (1 to 3); a candidate not listed has grade 0.
    pub grades: BTreeMap<String, BTreeMap<String, u8>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledVacancy {
    pub id: String,
    pub text: String,
    pub occupation: String,
    pub essential_skills: Vec<String>,
    pub optional_skills: Vec<String>,
    pub eqf: Option<u8>,
    pub experience_years: u8,
    pub languages: Vec<LanguageLevel>,
    /// A place of [`crate::synthetic::PLACES`].
    pub place: String,
    pub work_place: WorkPlace,
    pub salary_min: u32,
    pub salary_max: u32,
    pub start: Option<NaiveDate>,
    pub sponsors_permit: bool,
    pub employer_recognised_sponsor: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledCandidate {
    pub id: String,
    pub text: String,
    pub occupations: Vec<String>,
    pub skills: Vec<String>,
    pub experience_years: u8,
    pub eqf: u8,
    pub languages: Vec<LanguageLevel>,
    pub nationality: Nationality,
    pub work_authorised: bool,
    pub age_band: AgeBand,
    pub recent_graduate: bool,
    /// A place of [`crate::synthetic::PLACES`] or [`crate::synthetic::ABROAD`].
    pub place: String,
    pub max_commute_km: u16,
    pub will_relocate: bool,
    pub desired_salary: Option<u32>,
    pub available_from: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    #[error(transparent)]
    Vocabulary(#[from] VocabularyError),
    #[error("unknown place {0:?}")]
    Place(String),
}

fn place(name: &str) -> Result<crate::profile::Place, DatasetError> {
    crate::synthetic::place(name).ok_or_else(|| DatasetError::Place(name.to_string()))
}

fn skills(vocabulary: &Vocabulary, uris: &[String]) -> Result<Vec<crate::Concept>, DatasetError> {
    uris.iter()
        .map(|u| Ok(vocabulary.lookup(Kind::Skill, u)?))
        .collect()
}

impl LabelledVacancy {
    pub fn profile(&self, vocabulary: &Vocabulary) -> Result<Vacancy, DatasetError> {
        Ok(Vacancy {
            occupation: Some(vocabulary.occupation(&self.occupation)?),
            essential_skills: skills(vocabulary, &self.essential_skills)?,
            optional_skills: skills(vocabulary, &self.optional_skills)?,
            eqf: self.eqf,
            experience_years: self.experience_years,
            languages: self.languages.clone(),
            workplace: place(&self.place)?,
            work_place: self.work_place,
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            start: self.start,
            sponsors_permit: self.sponsors_permit,
            employer_recognised_sponsor: self.employer_recognised_sponsor,
        }
        .normalise())
    }
}

impl LabelledCandidate {
    pub fn profile(&self, vocabulary: &Vocabulary) -> Result<Candidate, DatasetError> {
        Ok(Candidate {
            occupations: self
                .occupations
                .iter()
                .map(|u| vocabulary.occupation(u))
                .collect::<Result<_, _>>()?,
            skills: skills(vocabulary, &self.skills)?,
            experience_years: self.experience_years,
            eqf: self.eqf,
            languages: self.languages.clone(),
            nationality: self.nationality,
            work_authorised: self.work_authorised,
            age_band: self.age_band,
            recent_graduate: self.recent_graduate,
            home: place(&self.place)?,
            max_commute_km: self.max_commute_km,
            will_relocate: self.will_relocate,
            desired_salary: self.desired_salary,
            available_from: self.available_from,
        }
        .normalise())
    }
}

/// Mean nDCG@10 and MAP of one ranker over the set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quality {
    pub ndcg_at_10: f64,
    pub map: f64,
}

/// The engine and the BM25 baseline on the same set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Comparison {
    pub vacancies: usize,
    pub candidates: usize,
    pub engine: Quality,
    pub bm25: Quality,
    /// BM25 over only the candidates who pass the engine's hard filters: isolates what the
    /// structured score adds beyond the filters.
    pub bm25_after_filters: Quality,
}

/// Ranks every candidate for every vacancy with the engine (from its profiles) and with BM25
/// (from the texts: the vacancy text as the query, candidate texts as documents).
pub fn compare(
    dataset: &Dataset,
    vocabulary: &Vocabulary,
    settings: crate::index::Settings,
    today: NaiveDate,
) -> Result<Comparison, DatasetError> {
    let mut index = crate::index::MatchIndex::new(settings);
    for (n, candidate) in dataset.candidates.iter().enumerate() {
        index.upsert_candidate(n, candidate.profile(vocabulary)?);
    }
    let bm25 = Bm25::new(
        &dataset
            .candidates
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
    );
    let zero = Quality {
        ndcg_at_10: 0.0,
        map: 0.0,
    };
    let (mut engine, mut baseline, mut filtered) = (zero, zero, zero);
    let profiles: Vec<Candidate> = dataset
        .candidates
        .iter()
        .map(|c| c.profile(vocabulary))
        .collect::<Result<_, _>>()?;
    let empty = BTreeMap::new();
    for vacancy in &dataset.vacancies {
        let grades = dataset.grades.get(&vacancy.id).unwrap_or(&empty);
        let grade_of = |n: usize| grades.get(&dataset.candidates[n].id).copied().unwrap_or(0);
        let all: Vec<u8> = (0..dataset.candidates.len()).map(grade_of).collect();
        let relevant = all.iter().filter(|g| **g >= RELEVANT_FROM).count();
        let profile = vacancy.profile(vocabulary)?;
        let ranked: Vec<u8> = index
            .candidates_for(&profile, dataset.candidates.len(), today)
            .iter()
            .map(|r| grade_of(r.key))
            .collect();
        let text_order = bm25.rank(&vacancy.text);
        let texts: Vec<u8> = text_order.iter().map(|n| grade_of(*n)).collect();
        let eligible: Vec<u8> = text_order
            .iter()
            .filter(|n| crate::filter::passes(&profiles[**n], &profile, today, &settings.filters))
            .map(|n| grade_of(*n))
            .collect();
        for (quality, ranking) in [
            (&mut engine, &ranked),
            (&mut baseline, &texts),
            (&mut filtered, &eligible),
        ] {
            quality.ndcg_at_10 += ndcg_at(10, ranking, &all);
            quality.map += average_precision(ranking, relevant);
        }
    }
    let n = dataset.vacancies.len().max(1) as f64;
    for quality in [&mut engine, &mut baseline, &mut filtered] {
        quality.ndcg_at_10 /= n;
        quality.map /= n;
    }
    Ok(Comparison {
        vacancies: dataset.vacancies.len(),
        candidates: dataset.candidates.len(),
        engine,
        bm25: baseline,
        bm25_after_filters: filtered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_lower_for_a_worse_one() {
        let all = [3, 2, 0, 1, 0];
        assert!((ndcg_at(10, &[3, 2, 1, 0, 0], &all) - 1.0).abs() < 1e-12);
        let worse = ndcg_at(10, &[0, 1, 2, 3, 0], &all);
        assert!(worse < 0.7 && worse > 0.0, "{worse}");
        // Only the first k count.
        assert!(ndcg_at(1, &[3, 0], &[3, 3]) < ndcg_at(2, &[3, 3], &[3, 3]) + 1e-12);
        assert_eq!(ndcg_at(10, &[0, 0], &[0, 0]), 1.0);
    }

    #[test]
    fn average_precision_rewards_relevant_results_early() {
        // relevant at ranks 1 and 3 of 2 relevant: (1/1 + 2/3) / 2
        assert!((average_precision(&[3, 0, 2], 2) - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        // a relevant item never ranked halves the score
        assert!((average_precision(&[3], 2) - 0.5).abs() < 1e-12);
        // grade 1 does not count as relevant
        assert_eq!(average_precision(&[1, 1], 1), 0.0);
    }

    #[test]
    fn bm25_prefers_documents_with_rare_query_words() {
        let docs = [
            "nurse wound care Heerlen",
            "driver forklift warehouse",
            "nurse nurse care",
        ];
        let bm25 = Bm25::new(&docs);
        assert_eq!(bm25.rank("wound nurse")[0], 0);
        assert_eq!(bm25.rank("forklift")[0], 1);
        assert!(bm25.scores("unknown")[0] == 0.0);
    }
}
