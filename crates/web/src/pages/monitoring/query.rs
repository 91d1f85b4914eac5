//! What the dashboard and its exports are asked for: whose results (the same
//! choice as the figures: network, a region, an organisation) and which period
//! (a year, or from one day to another); and how a scope is named.

use crate::AppState;
use crate::pages::forms::Errors;
use crate::present::Tr;
use chrono::Datelike;
use loket_app::referrals::figures_scope::{self, FiguresChoice, FiguresScope};
use loket_domain::Lang;
use loket_domain::monitoring::Period;
use loket_domain::search::CatalogueIndex;
use serde::Deserialize;

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Params {
    /// An organisation's id, or `regio:{code}` for a region (one list offers both).
    #[serde(default)]
    pub org: String,
    /// A year; used when no days are given.
    #[serde(default)]
    pub jaar: String,
    /// First and last day, `YYYY-MM-DD`.
    #[serde(default)]
    pub van: String,
    #[serde(default)]
    pub tot: String,
    /// `aan` or `uit`: the quarterly report was just subscribed to or stopped.
    #[serde(default)]
    pub abonnement: String,
}

/// The question as understood: whose results, for which period (or the period's
/// problems, each next to its field, and this year instead).
pub struct Asked {
    pub choice: FiguresChoice,
    pub period: Period,
    pub errors: Errors,
}

pub fn this_year(state: &AppState) -> i32 {
    state.clock.today().year()
}

/// `None` when the person may see no scope at all.
pub fn ask(
    state: &AppState,
    tr: &Tr,
    memberships: &[loket_domain::account::Membership],
    p: &Params,
) -> Option<Asked> {
    let idx = state.index();
    let choice = figures_scope::choose(
        memberships,
        &idx,
        p.org.strip_prefix("regio:"),
        Some(p.org.as_str()).filter(|o| !o.is_empty()),
    )?;
    let year = p
        .jaar
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| this_year(state));
    let fallback = Period::year(year).or_else(|| Period::year(2026));
    let mut errors = Errors::default();
    let period = if p.van.is_empty() && p.tot.is_empty() {
        fallback
    } else {
        match Period::parse(&p.van, &p.tot) {
            Ok(period) => Some(period),
            Err(problems) => {
                for pr in problems {
                    errors.add(pr.field, tr.t(&format!("results-error-{}", pr.problem)));
                }
                fallback
            }
        }
    }?;
    Some(Asked {
        choice,
        period,
        errors,
    })
}

/// The value of a scope in the choice list.
pub fn scope_value(scope: &FiguresScope) -> String {
    match scope {
        FiguresScope::Network => String::new(),
        FiguresScope::Region(code) => format!("regio:{code}"),
        FiguresScope::Organization(o) => o.clone(),
    }
}

/// A scope in words: "The whole network", "Region South Limburg", an organisation.
pub fn scope_name(tr: &Tr, idx: &CatalogueIndex, lang: Lang, scope: &FiguresScope) -> String {
    match scope {
        FiguresScope::Network => tr.t("figures-network"),
        FiguresScope::Region(code) => idx
            .regions
            .get(code)
            .map(|r| tr.s("figures-region", &[("name", r.name.get(lang).to_string())]))
            .unwrap_or_else(|| code.clone()),
        FiguresScope::Organization(o) => idx
            .organization(o)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| o.clone()),
    }
}
