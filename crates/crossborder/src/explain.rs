//! From a situation to an answer per domain. Each function below is one
//! domain's rules in the order the regulations apply them; each answer names
//! the rules that decided it (the trace) and who advises on it.

use crate::country::Country;
use crate::rules::RuleBook;
use crate::situation::{Situation, Unemployment, WorkerKind};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Domain {
    SocialSecurity,
    HealthCare,
    WageTax,
    Unemployment,
    ChildBenefit,
    Compensation,
    NinetyPercent,
    ThirtyPercent,
}

impl Domain {
    pub fn code(self) -> &'static str {
        match self {
            Domain::SocialSecurity => "social-security",
            Domain::HealthCare => "health-care",
            Domain::WageTax => "wage-tax",
            Domain::Unemployment => "unemployment",
            Domain::ChildBenefit => "child-benefit",
            Domain::Compensation => "compensation",
            Domain::NinetyPercent => "ninety-percent",
            Domain::ThirtyPercent => "thirty-percent",
        }
    }
}

/// What the rules say for a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// This country's system applies.
    Country { country: Country },
    /// Insured in one country, registered (with an S1) in another.
    InsuredAbroad {
        insured: Country,
        registered: Country,
    },
    /// Each working day is taxed where it was worked.
    PerDay { work: Country, home: Country },
    /// One country pays first, another pays the difference up to its amount.
    FirstAndTopUp { first: Country, top_up: Country },
    /// A scheme or status applies, or not.
    Applies { applies: bool },
    /// The rules do not settle the case; why.
    NeedsAdviser { reason: &'static str },
}

/// The answer for one domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub domain: Domain,
    pub outcome: Outcome,
    /// An outcome available on request (e.g. the telework framework agreement).
    pub option: Option<(Outcome, &'static str)>,
    /// The rules that decided it, in the order applied.
    pub trace: Vec<&'static str>,
    /// Who advises on it: organisations of the catalogue (by key) first, then
    /// the national bodies.
    pub advisers: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub answers: Vec<Answer>,
}

impl Explanation {
    pub fn answer(&self, domain: Domain) -> Option<&Answer> {
        self.answers.iter().find(|a| a.domain == domain)
    }
}

/// The border information point for a pair of countries.
fn border_point(a: Country, b: Country) -> &'static str {
    use Country::*;
    match (a, b) {
        (Netherlands, Belgium) | (Belgium, Netherlands) => "gip-maastricht",
        _ => "gip-aachen-eurode",
    }
}

fn social_security_body(c: Country) -> &'static str {
    match c {
        Country::Netherlands => "SVB",
        Country::Germany => "DVKA",
        Country::Belgium => "RSZ/ONSS",
    }
}

fn tax_office(c: Country) -> &'static str {
    match c {
        Country::Netherlands => "Belastingdienst (kantoor Buitenland)",
        Country::Germany => "Finanzamt",
        Country::Belgium => "FOD Financiën / SPF Finances",
    }
}

fn employment_service(c: Country) -> &'static str {
    match c {
        Country::Netherlands => "UWV",
        Country::Germany => "Agentur für Arbeit",
        Country::Belgium => "RVA/ONEM",
    }
}

fn family_payer(c: Country) -> &'static str {
    match c {
        Country::Netherlands => "SVB (kinderbijslag)",
        Country::Germany => "Familienkasse (Kindergeld)",
        Country::Belgium => "Groeipakket / AVIQ / Ministerium der DG",
    }
}

fn answer(
    domain: Domain,
    outcome: Outcome,
    trace: Vec<&'static str>,
    advisers: Vec<&'static str>,
) -> Answer {
    Answer {
        domain,
        outcome,
        option: None,
        trace,
        advisers,
    }
}

/// The telework framework agreement's signatories and its start.
fn telework_agreement_applies(s: &Situation) -> bool {
    let start = NaiveDate::from_ymd_opt(2023, 7, 1);
    matches!(s.kind, WorkerKind::Employee)
        && start.is_some_and(|d| s.date >= d)
        && s.employer_seat != s.residence
        && s.telework_share > 0.0
        && s.telework_share < 50.0
        // The work in the country of residence is telework only.
        && s.residence_share <= s.telework_share
}

/// The share of work in the country of residence: what is worked there,
/// teleworking included.
fn residence_share(s: &Situation) -> f64 {
    s.residence_share.max(s.telework_share)
}

pub fn social_security(s: &Situation) -> Answer {
    let point = border_point(s.residence, s.work);
    let advisers = |c: Country| vec![point, social_security_body(c)];
    let mut trace = vec!["ss-one-state"];
    let country = |c| Outcome::Country { country: c };
    if s.kind == WorkerKind::CivilServant {
        trace.push("ss-civil-servant");
        return answer(
            Domain::SocialSecurity,
            country(s.employer_seat),
            trace,
            advisers(s.employer_seat),
        );
    }
    if s.kind == WorkerKind::Posted {
        if s.posting_months.is_some_and(|m| m <= 24) {
            trace.push("ss-posting");
            return answer(
                Domain::SocialSecurity,
                country(s.employer_seat),
                trace,
                advisers(s.employer_seat),
            );
        }
        trace.push("ss-posting-too-long");
    }
    if s.self_employed_in.is_some_and(|c| c != s.work) && s.kind != WorkerKind::SelfEmployed {
        trace.push("ss-employed-and-self-employed");
        return answer(
            Domain::SocialSecurity,
            country(s.work),
            trace,
            advisers(s.work),
        );
    }
    let share = residence_share(s);
    if s.residence == s.work || share == 0.0 {
        trace.push("ss-work-state");
        return answer(
            Domain::SocialSecurity,
            country(s.work),
            trace,
            advisers(s.work),
        );
    }
    // Marginal work is left out of the assessment, but whether work is
    // marginal is the competent body's judgement: an adviser looks at it.
    if s.marginal {
        trace.push("ss-marginal");
        return answer(
            Domain::SocialSecurity,
            Outcome::NeedsAdviser {
                reason: "marginal-work",
            },
            trace,
            advisers(s.residence),
        );
    }
    if s.kind == WorkerKind::SelfEmployed {
        trace.push("ss-self-employed-several");
        let outcome = if share >= 25.0 {
            country(s.residence)
        } else {
            Outcome::NeedsAdviser {
                reason: "centre-of-interest",
            }
        };
        return answer(
            Domain::SocialSecurity,
            outcome,
            trace,
            advisers(s.residence),
        );
    }
    if s.several_employers {
        trace.push("ss-several-employers");
        return answer(
            Domain::SocialSecurity,
            Outcome::NeedsAdviser {
                reason: "several-employers",
            },
            trace,
            advisers(s.residence),
        );
    }
    if share >= 25.0 {
        trace.push("ss-substantial-residence");
        let mut a = answer(
            Domain::SocialSecurity,
            country(s.residence),
            trace,
            advisers(s.residence),
        );
        if telework_agreement_applies(s) {
            a.trace.push("ss-telework-agreement");
            a.option = Some((country(s.employer_seat), "ss-telework-agreement"));
        }
        return a;
    }
    trace.push("ss-employer-seat");
    answer(
        Domain::SocialSecurity,
        country(s.employer_seat),
        trace,
        advisers(s.employer_seat),
    )
}

pub fn health_care(s: &Situation, social: &Answer) -> Answer {
    let point = border_point(s.residence, s.work);
    let Outcome::Country { country: insured } = social.outcome else {
        return answer(
            Domain::HealthCare,
            Outcome::NeedsAdviser {
                reason: "social-security-first",
            },
            social.trace.clone(),
            vec![point],
        );
    };
    if s.private_health_insurance && insured == Country::Germany {
        return answer(
            Domain::HealthCare,
            Outcome::NeedsAdviser {
                reason: "private-insurance",
            },
            vec!["hc-private-de"],
            vec![point, "DVKA"],
        );
    }
    if insured == s.residence {
        return answer(
            Domain::HealthCare,
            Outcome::Country { country: insured },
            vec!["hc-home"],
            vec![point],
        );
    }
    let mut trace = Vec::new();
    if insured == Country::Netherlands {
        trace.push("hc-nl-zorgverzekering");
    }
    trace.push("hc-s1-residence");
    if s.residence == Country::Netherlands {
        trace.push("hc-nl-resident-verdragspolis");
    }
    answer(
        Domain::HealthCare,
        Outcome::InsuredAbroad {
            insured,
            registered: s.residence,
        },
        trace,
        vec![
            point,
            if s.residence == Country::Netherlands {
                "CZ / CAK"
            } else {
                "health insurer where you live"
            },
        ],
    )
}

/// The 34-day home-office rule of the NL–DE treaty applies from this day.
pub fn nl_de_home_office_rule_from() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 1, 1)
}

pub fn wage_tax(s: &Situation) -> Answer {
    use Country::*;
    let point = border_point(s.residence, s.work);
    let advisers = vec![point, tax_office(s.work), tax_office(s.residence)];
    // Public pay across the border: generally the paying state, but the
    // treaties make exceptions by nationality and residence, and the NL–DE
    // protocol splits it by where the work is done: not settled here.
    if s.kind == WorkerKind::CivilServant && s.residence != s.work {
        return answer(
            Domain::WageTax,
            Outcome::NeedsAdviser {
                reason: "civil-servant-tax",
            },
            vec!["tax-civil-servant"],
            advisers,
        );
    }
    if s.residence == s.work {
        return answer(
            Domain::WageTax,
            Outcome::Country { country: s.work },
            vec!["tax-home"],
            advisers,
        );
    }
    if s.days_in_work_state <= 183 && s.employer_seat != s.work {
        return answer(
            Domain::WageTax,
            Outcome::Country {
                country: s.residence,
            },
            vec!["tax-work-state", "tax-183-days"],
            advisers,
        );
    }
    let per_day = Outcome::PerDay {
        work: s.work,
        home: s.residence,
    };
    let nl_de = matches!(
        (s.residence, s.work),
        (Netherlands, Germany) | (Germany, Netherlands)
    );
    if nl_de && nl_de_home_office_rule_from().is_some_and(|from| s.date >= from) {
        let outcome = if s.days_outside_work_state < 35 {
            Outcome::Country { country: s.work }
        } else {
            per_day
        };
        return answer(
            Domain::WageTax,
            outcome,
            vec!["tax-work-state", "tax-nl-de-34-days"],
            advisers,
        );
    }
    let outcome = if s.days_outside_work_state == 0 {
        Outcome::Country { country: s.work }
    } else {
        per_day
    };
    answer(Domain::WageTax, outcome, vec!["tax-work-state"], advisers)
}

pub fn unemployment(s: &Situation) -> Option<Answer> {
    let point = border_point(s.residence, s.work);
    let (country, rule) = match s.unemployment {
        Unemployment::None => return None,
        Unemployment::ShortTime => (s.work, "ub-short-time"),
        Unemployment::Whole if s.residence == s.work => (s.work, "ub-home"),
        Unemployment::Whole => (s.residence, "ub-whole-residence"),
    };
    Some(answer(
        Domain::Unemployment,
        Outcome::Country { country },
        vec![rule],
        vec![point, employment_service(country)],
    ))
}

pub fn child_benefit(s: &Situation) -> Option<Answer> {
    let children = s.children?;
    let point = border_point(s.residence, s.work);
    let home = children.residence;
    let mut advisers = vec![point, family_payer(home)];
    let (outcome, rule) = match children.other_parent_works_in.filter(|o| *o != s.work) {
        // Both parents work, in different countries.
        Some(other) => {
            if home == s.work || home == other {
                let top_up = if home == s.work { other } else { s.work };
                advisers.push(family_payer(top_up));
                (
                    Outcome::FirstAndTopUp {
                        first: home,
                        top_up,
                    },
                    "fb-children-residence",
                )
            } else {
                (
                    Outcome::NeedsAdviser {
                        reason: "children-in-a-third-country",
                    },
                    "fb-children-residence",
                )
            }
        }
        None if home == s.work => (Outcome::Country { country: home }, "fb-home"),
        None => {
            advisers.push(family_payer(s.work));
            (
                Outcome::FirstAndTopUp {
                    first: s.work,
                    top_up: home,
                },
                "fb-priority",
            )
        }
    };
    Some(answer(Domain::ChildBenefit, outcome, vec![rule], advisers))
}

pub fn compensation(s: &Situation) -> Option<Answer> {
    let abroad = matches!(s.work, Country::Germany | Country::Belgium);
    let employee = matches!(s.kind, WorkerKind::Employee | WorkerKind::Posted);
    (s.residence == Country::Netherlands && abroad).then(|| {
        answer(
            Domain::Compensation,
            Outcome::Applies { applies: employee },
            vec!["tax-nl-compensation"],
            vec![
                border_point(s.residence, s.work),
                "Belastingdienst (kantoor Buitenland)",
            ],
        )
    })
}

pub fn ninety_percent(s: &Situation) -> Option<Answer> {
    let share = s.income_share_in_work_state?;
    if s.residence == s.work {
        return None;
    }
    let point = border_point(s.residence, s.work);
    let (outcome, rule) = match s.work {
        Country::Netherlands => (
            Outcome::Applies {
                applies: share >= 90.0,
            },
            "tax-nl-90",
        ),
        Country::Germany => (
            Outcome::Applies {
                applies: share >= 90.0,
            },
            "tax-de-90",
        ),
        Country::Belgium => (
            Outcome::NeedsAdviser {
                reason: "not-verified",
            },
            "tax-be-75",
        ),
    };
    Some(answer(
        Domain::NinetyPercent,
        outcome,
        vec![rule],
        vec![point, tax_office(s.work)],
    ))
}

pub fn thirty_percent(s: &Situation) -> Option<Answer> {
    let km = s.earlier_residence_km?;
    (s.work == Country::Netherlands).then(|| {
        answer(
            Domain::ThirtyPercent,
            Outcome::Applies { applies: km > 150 },
            vec!["tax-30-distance"],
            vec![border_point(s.residence, s.work), "Belastingdienst"],
        )
    })
}

/// Every answer the situation calls for. A rule the engine used that the
/// book lacks or that does not apply on the situation's date turns its answer
/// into "needs an adviser": loket never answers on a rule it cannot show.
pub fn explain(book: &RuleBook, s: &Situation) -> Explanation {
    let social = social_security(s);
    let health = health_care(s, &social);
    let answers = [Some(social), Some(health), Some(wage_tax(s))]
        .into_iter()
        .chain([
            unemployment(s),
            child_benefit(s),
            compensation(s),
            ninety_percent(s),
            thirty_percent(s),
        ])
        .flatten()
        .map(|a| checked(book, s.date, a))
        .collect();
    Explanation { answers }
}

fn checked(book: &RuleBook, day: NaiveDate, mut a: Answer) -> Answer {
    let shown = a
        .trace
        .iter()
        .all(|id| book.rule(id).is_some_and(|r| r.applies_on(day)));
    if !shown {
        a.outcome = Outcome::NeedsAdviser {
            reason: "rule-not-in-force",
        };
        a.option = None;
    }
    a
}
