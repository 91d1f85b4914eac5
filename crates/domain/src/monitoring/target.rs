//! Targets: the number (or percentage) an indicator should reach in a year, for
//! the network, a region, an organisation or a service. The coordinator sets
//! them; every change is kept, so a report can say what the target was and when
//! it changed.

use super::indicator::Indicators;
use crate::referral::FieldProblem;

/// The years a target may be set for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2020..=2040;
/// The largest count a target may name (well above any region's volume).
pub const MAX_COUNT: u64 = 10_000_000;

/// Whose target it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetScope {
    Network,
    Region(String),
    Organisation(String),
    Service(String),
    /// A programme (its code), measured over the whole network.
    Programme(String),
}

impl TargetScope {
    /// `network`, `region:{code}`, `organisation:{id}`, `service:{id}`,
    /// `programme:{code}`.
    pub fn code(&self) -> String {
        match self {
            TargetScope::Network => "network".into(),
            TargetScope::Region(c) => format!("region:{c}"),
            TargetScope::Organisation(o) => format!("organisation:{o}"),
            TargetScope::Service(s) => format!("service:{s}"),
            TargetScope::Programme(p) => format!("programme:{p}"),
        }
    }
    pub fn parse(code: &str) -> Option<TargetScope> {
        if code == "network" {
            return Some(TargetScope::Network);
        }
        let (kind, id) = code.split_once(':')?;
        if id.is_empty() {
            return None;
        }
        match kind {
            "region" => Some(TargetScope::Region(id.into())),
            "organisation" => Some(TargetScope::Organisation(id.into())),
            "service" => Some(TargetScope::Service(id.into())),
            "programme" => Some(TargetScope::Programme(id.into())),
            _ => None,
        }
    }
}

/// A target as typed in a form or sent to the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct TargetInput {
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub value: String,
}

/// A checked target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub indicator: String,
    pub scope: TargetScope,
    pub year: i32,
    /// A count, or a whole percentage for a rate.
    pub value: u64,
}

/// Every problem of a target at once. `known_scope` says whether the region,
/// organisation or service exists.
pub fn check(
    input: &TargetInput,
    indicators: &Indicators,
    known_scope: impl Fn(&TargetScope) -> bool,
) -> Result<Target, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let code = input.indicator.trim();
    if code.is_empty() {
        problems.push(problem("indicator", "required"));
    } else if !indicators.knows(code) {
        problems.push(problem("indicator", "unknown"));
    }
    let scope = TargetScope::parse(input.scope.trim()).filter(&known_scope);
    if scope.is_none() {
        problems.push(problem("scope", "unknown"));
    }
    let year = input
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y));
    if year.is_none() {
        problems.push(problem("year", "out-of-range"));
    }
    let is_rate = indicators
        .versions(code)
        .first()
        .is_some_and(|i| i.is_rate());
    let value = match whole_number(&input.value) {
        Ok(v) if is_rate && v > 100 => Err("over-100"),
        Ok(v) if v > MAX_COUNT => Err("too-large"),
        other => other,
    };
    if let Err(p) = value {
        problems.push(problem("value", p));
    }
    match (scope, year, value) {
        (Some(scope), Some(year), Ok(value)) if problems.is_empty() => Ok(Target {
            indicator: code.to_string(),
            scope,
            year,
            value,
        }),
        _ => Err(problems),
    }
}

fn problem(field: &'static str, problem: &'static str) -> FieldProblem {
    FieldProblem { field, problem }
}

/// A whole number ≥ 0, with the reason when it is not one.
fn whole_number(text: &str) -> Result<u64, &'static str> {
    let t = text.trim().replace(['\u{a0}', ' '], "");
    if t.is_empty() {
        return Err("required");
    }
    if t.starts_with('-') {
        return Err("negative");
    }
    if t.contains(['.', ',']) {
        return Err("not-a-whole-number");
    }
    t.parse::<u64>().map_err(|_| "not-a-number")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn input(indicator: &str, scope: &str, year: &str, value: &str) -> TargetInput {
        TargetInput {
            indicator: indicator.into(),
            scope: scope.into(),
            year: year.into(),
            value: value.into(),
        }
    }

    fn known(s: &TargetScope) -> bool {
        !matches!(s, TargetScope::Region(c) if c != "zuid-limburg")
    }

    fn fields(r: Result<Target, Vec<FieldProblem>>) -> Vec<(&'static str, &'static str)> {
        r.unwrap_err()
            .iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn a_target_for_a_region_and_year() {
        let t = check(
            &input("contacts", "region:zuid-limburg", "2026", "12 000"),
            &Indicators::shipped(),
            known,
        )
        .unwrap();
        assert_eq!(t.scope, TargetScope::Region("zuid-limburg".into()));
        assert_eq!((t.year, t.value), (2026, 12_000));
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let all = Indicators::shipped();
        assert_eq!(
            fields(check(
                &input("weather", "region:atlantis", "1999", "-3"),
                &all,
                known
            )),
            vec![
                ("indicator", "unknown"),
                ("scope", "unknown"),
                ("year", "out-of-range"),
                ("value", "negative")
            ]
        );
        assert_eq!(
            fields(check(
                &input("contacts", "network", "2026", "2.5"),
                &all,
                known
            )),
            vec![("value", "not-a-whole-number")]
        );
        assert_eq!(
            fields(check(
                &input("loop-closure", "network", "2026", "101"),
                &all,
                known
            )),
            vec![("value", "over-100")]
        );
        assert_eq!(
            fields(check(&input("", "planet:x", "", ""), &all, known)),
            vec![
                ("indicator", "required"),
                ("scope", "unknown"),
                ("year", "out-of-range"),
                ("value", "required")
            ]
        );
    }

    #[test]
    fn scopes_read_back_as_written() {
        for s in [
            TargetScope::Network,
            TargetScope::Region("midden-limburg".into()),
            TargetScope::Organisation("org-1".into()),
            TargetScope::Service("svc:a".into()),
        ] {
            assert_eq!(TargetScope::parse(&s.code()), Some(s));
        }
        assert_eq!(TargetScope::parse("region:"), None);
    }
}
