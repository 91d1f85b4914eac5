//! The digital front door's routing engine ("no wrong door").
//!
//! - [`flow`]: the questions, defined as data (`seed/front-door.json`), and which
//!   question comes next given the answers so far.
//! - [`answers`]: a visitor's answers, checked against the flow and the catalogue.
//! - [`engine`]: ranks the catalogue's services by fit with the answers and
//!   explains every result; never returns nothing.
//!
//! Pure: no I/O, deterministic, cheap enough to run on every page view.

pub mod answers;
pub mod engine;
pub mod flow;

pub use answers::{AnswerError, AnswerProblem, Answers, Place, RawAnswers};
pub use engine::{Reason, Routed, Routing, route, route_in};
pub use flow::{Flow, Question, QuestionKind};
