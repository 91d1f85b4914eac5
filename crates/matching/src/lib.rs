//! Matching international talent with the region's employers (Welcome to Maastricht Region).
//!
//! - [`language`]: ISO 639-1 languages with CEFR levels.
//! - [`permit`]: the right to work: free movement, or a permit route (highly skilled migrant
//!   with a recognised sponsor, EU Blue Card) with its dated salary thresholds.
//! - [`profile`]: what the engine knows of a candidate and a vacancy.
//! - [`filter`]: hard filters, each failure with its reason.
//! - [`score`]: the weighted score, explained per factor.
//! - [`index`]: the in-memory index that ranks candidates for a vacancy and vacancies for a
//!   candidate, kept current from the change feed.
//! - [`vocabulary`]: ESCO occupations and skills, type-ahead.
//! - [`synthetic`]: deterministic, skewed synthetic data for benchmarks and evaluation.
//! - [`evaluation`]: nDCG and MAP, and the BM25 text baseline the engine is measured against.
//!
//! Pure: no I/O, deterministic.

pub mod evaluation;
pub mod filter;
pub mod index;
pub mod language;
pub mod permit;
pub mod profile;
pub mod score;
pub mod synthetic;
pub mod vocabulary;

pub use filter::{Admission, Exclusion, FilterSettings, check, passes};
pub use index::{Excluded, MatchIndex, Ranked, Settings};
pub use language::{Cefr, Language, LanguageError, LanguageLevel};
pub use permit::{AgeBand, Nationality, NoRoute, Obstacle, RightToWork, Scheme, Threshold};
pub use profile::{Candidate, Concept, Occupation, Place, Vacancy, WorkPlace};
pub use score::{Detail, Explanation, FactorScore, OccupationFit, Weights, explain};
pub use vocabulary::{Kind, Suggestion, Vocabulary, VocabularyError};
