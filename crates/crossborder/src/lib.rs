//! The cross-border situation explainer for the Netherlands, Germany and
//! Belgium: which country's social security, health care, wage tax,
//! unemployment benefit and child benefit apply to a situation, and the Dutch
//! compensation scheme, the 90 % status and the 30 % ruling's distance
//! condition. Rules are data with their article, source and validity
//! (`seed/cross-border/rules.json`); every answer carries the rules that
//! decided it (its trace) and who advises on it; where the rules do not settle
//! a case the answer is "needs an adviser", with the reason.

pub mod country;
pub mod explain;
pub mod rules;
pub mod situation;

pub use country::Country;
pub use explain::{Answer, Domain, Explanation, Outcome, explain};
pub use rules::{Rule, RuleBook};
pub use situation::{Situation, SituationInput};
