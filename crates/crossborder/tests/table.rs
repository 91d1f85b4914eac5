#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Table tests written from the rules and their sources
//! (`seed/cross-border/rules.json`): each row is a situation, the domain asked
//! about, the outcome the source gives and the rule that must be in the trace.

use loket_crossborder::explain::{Domain, Outcome};
use loket_crossborder::{Country, RuleBook, SituationInput, explain};

const NL: Country = Country::Netherlands;
const DE: Country = Country::Germany;
const BE: Country = Country::Belgium;

/// A Dutch resident employed in Germany on 1 June 2026, working there every day.
fn base() -> SituationInput {
    SituationInput {
        date: "2026-06-01".into(),
        residence: "NL".into(),
        work: "DE".into(),
        kind: "employee".into(),
        ..SituationInput::default()
    }
}

fn country(c: Country) -> Outcome {
    Outcome::Country { country: c }
}

struct Case {
    name: &'static str,
    input: SituationInput,
    domain: Domain,
    outcome: Outcome,
    rule: &'static str,
}

fn case(
    name: &'static str,
    change: impl FnOnce(&mut SituationInput),
    domain: Domain,
    outcome: Outcome,
    rule: &'static str,
) -> Case {
    let mut input = base();
    change(&mut input);
    Case {
        name,
        input,
        domain,
        outcome,
        rule,
    }
}

fn cases() -> Vec<Case> {
    use Domain::*;
    let adviser = |reason| Outcome::NeedsAdviser { reason };
    let per_day = |work, home| Outcome::PerDay { work, home };
    let first = |first, top_up| Outcome::FirstAndTopUp { first, top_up };
    let applies = |applies| Outcome::Applies { applies };
    let abroad = |insured, registered| Outcome::InsuredAbroad {
        insured,
        registered,
    };
    vec![
        // Social security: Regulation 883/2004 Art. 11-13, 987/2009 Art. 14.
        case(
            "works in Germany only",
            |_| {},
            SocialSecurity,
            country(DE),
            "ss-work-state",
        ),
        case(
            "works in the Netherlands only, lives in Belgium",
            |i| {
                i.residence = "BE".into();
                i.work = "NL".into();
            },
            SocialSecurity,
            country(NL),
            "ss-work-state",
        ),
        case(
            "lives and works in Belgium",
            |i| {
                i.residence = "BE".into();
                i.work = "BE".into();
            },
            SocialSecurity,
            country(BE),
            "ss-work-state",
        ),
        case(
            "civil servant of a German administration",
            |i| i.kind = "civil-servant".into(),
            SocialSecurity,
            country(DE),
            "ss-civil-servant",
        ),
        case(
            "Dutch civil servant working in Belgium",
            |i| {
                i.kind = "civil-servant".into();
                i.work = "BE".into();
                i.employer_seat = "NL".into();
            },
            SocialSecurity,
            country(NL),
            "ss-civil-servant",
        ),
        case(
            "posted 24 months from NL",
            |i| {
                i.kind = "posted".into();
                i.employer_seat = "NL".into();
                i.residence = "NL".into();
                i.posting_months = Some(24);
            },
            SocialSecurity,
            country(NL),
            "ss-posting",
        ),
        case(
            "posted 25 months from NL",
            |i| {
                i.kind = "posted".into();
                i.employer_seat = "NL".into();
                i.posting_months = Some(25);
            },
            SocialSecurity,
            country(DE),
            "ss-posting-too-long",
        ),
        case(
            "posted 6 months from BE",
            |i| {
                i.kind = "posted".into();
                i.residence = "BE".into();
                i.employer_seat = "BE".into();
                i.posting_months = Some(6);
            },
            SocialSecurity,
            country(BE),
            "ss-posting",
        ),
        case(
            "25 % in the residence state",
            |i| i.residence_share = Some(25.0),
            SocialSecurity,
            country(NL),
            "ss-substantial-residence",
        ),
        case(
            "24.9 % in the residence state",
            |i| i.residence_share = Some(24.9),
            SocialSecurity,
            country(DE),
            "ss-employer-seat",
        ),
        case(
            "24.9 % in the residence state, employer seated in Belgium",
            |i| {
                i.residence_share = Some(24.9);
                i.employer_seat = "BE".into();
            },
            SocialSecurity,
            country(BE),
            "ss-employer-seat",
        ),
        case(
            "40 % telework counts as work in the residence state",
            |i| i.telework_share = Some(40.0),
            SocialSecurity,
            country(NL),
            "ss-substantial-residence",
        ),
        case(
            "40 % telework: the framework agreement is open",
            |i| i.telework_share = Some(40.0),
            SocialSecurity,
            country(NL),
            "ss-telework-agreement",
        ),
        case(
            "marginal work: whether it is marginal needs an adviser",
            |i| {
                i.residence_share = Some(30.0);
                i.marginal = true;
            },
            SocialSecurity,
            adviser("marginal-work"),
            "ss-marginal",
        ),
        case(
            "several employers in several states",
            |i| {
                i.residence_share = Some(30.0);
                i.several_employers = true;
            },
            SocialSecurity,
            adviser("several-employers"),
            "ss-several-employers",
        ),
        case(
            "self-employed, 30 % at home",
            |i| {
                i.kind = "self-employed".into();
                i.residence_share = Some(30.0);
            },
            SocialSecurity,
            country(NL),
            "ss-self-employed-several",
        ),
        case(
            "self-employed, 10 % at home",
            |i| {
                i.kind = "self-employed".into();
                i.residence_share = Some(10.0);
            },
            SocialSecurity,
            adviser("centre-of-interest"),
            "ss-self-employed-several",
        ),
        case(
            "employed in Germany, self-employed in the Netherlands",
            |i| {
                i.self_employed_in = "NL".into();
                i.residence_share = Some(40.0);
            },
            SocialSecurity,
            country(DE),
            "ss-employed-and-self-employed",
        ),
        case(
            "every answer starts from one state at a time",
            |_| {},
            SocialSecurity,
            country(DE),
            "ss-one-state",
        ),
        // Health care: Art. 17-18, Annex III, national rules.
        case(
            "NL resident insured in Germany registers the S1 in NL",
            |_| {},
            HealthCare,
            abroad(DE, NL),
            "hc-s1-residence",
        ),
        case(
            "NL resident insured in Germany: treaty policy with CZ",
            |_| {},
            HealthCare,
            abroad(DE, NL),
            "hc-nl-resident-verdragspolis",
        ),
        case(
            "German resident working in NL: Dutch zorgverzekering",
            |i| {
                i.residence = "DE".into();
                i.work = "NL".into();
            },
            HealthCare,
            abroad(NL, DE),
            "hc-nl-zorgverzekering",
        ),
        case(
            "Belgian resident working in NL: S1 in Belgium",
            |i| {
                i.residence = "BE".into();
                i.work = "NL".into();
            },
            HealthCare,
            abroad(NL, BE),
            "hc-s1-residence",
        ),
        case(
            "Belgian resident working in Germany",
            |i| {
                i.residence = "BE".into();
                i.work = "DE".into();
            },
            HealthCare,
            abroad(DE, BE),
            "hc-s1-residence",
        ),
        case(
            "insured where they live",
            |i| i.residence_share = Some(30.0),
            HealthCare,
            country(NL),
            "hc-home",
        ),
        case(
            "German private insurance gives no S1",
            |i| i.private_health_insurance = true,
            HealthCare,
            adviser("private-insurance"),
            "hc-private-de",
        ),
        case(
            "social security unsettled: health care too",
            |i| {
                i.residence_share = Some(30.0);
                i.several_employers = true;
            },
            HealthCare,
            adviser("social-security-first"),
            "ss-several-employers",
        ),
        // Wage tax: NL-DE Art. 14 (1a from 2026), NL-BE Art. 15, BE-DE Art. 15.
        case(
            "NL-DE 2026, 34 days outside Germany: Germany taxes all",
            |i| i.days_outside_work_state = Some(34),
            WageTax,
            country(DE),
            "tax-nl-de-34-days",
        ),
        case(
            "NL-DE 2026, 35 days outside Germany: per day",
            |i| i.days_outside_work_state = Some(35),
            WageTax,
            per_day(DE, NL),
            "tax-nl-de-34-days",
        ),
        case(
            "NL-DE 2026, 40 home-office days",
            |i| i.days_outside_work_state = Some(40),
            WageTax,
            per_day(DE, NL),
            "tax-nl-de-34-days",
        ),
        case(
            "NL-DE 2025, 34 days outside Germany: per day",
            |i| {
                i.date = "2025-12-31".into();
                i.days_outside_work_state = Some(34);
            },
            WageTax,
            per_day(DE, NL),
            "tax-work-state",
        ),
        case(
            "DE-NL 2026, 20 days at home in Germany: NL taxes all",
            |i| {
                i.residence = "DE".into();
                i.work = "NL".into();
                i.days_outside_work_state = Some(20);
            },
            WageTax,
            country(NL),
            "tax-nl-de-34-days",
        ),
        case(
            "NL-BE, 40 home-office days: per day, no threshold",
            |i| {
                i.work = "BE".into();
                i.days_outside_work_state = Some(40);
            },
            WageTax,
            per_day(BE, NL),
            "tax-work-state",
        ),
        case(
            "NL-BE, 10 home-office days: still per day",
            |i| {
                i.work = "BE".into();
                i.days_outside_work_state = Some(10);
            },
            WageTax,
            per_day(BE, NL),
            "tax-work-state",
        ),
        case(
            "BE-DE, every day in Germany",
            |i| {
                i.residence = "BE".into();
                i.work = "DE".into();
            },
            WageTax,
            country(DE),
            "tax-work-state",
        ),
        case(
            "BE-DE, 15 home-office days",
            |i| {
                i.residence = "BE".into();
                i.work = "DE".into();
                i.days_outside_work_state = Some(15);
            },
            WageTax,
            per_day(DE, BE),
            "tax-work-state",
        ),
        case(
            "183 days, employer not in the work state",
            |i| {
                i.days_in_work_state = Some(183);
                i.employer_seat = "NL".into();
            },
            WageTax,
            country(NL),
            "tax-183-days",
        ),
        case(
            "184 days, employer not in the work state",
            |i| {
                i.days_in_work_state = Some(184);
                i.employer_seat = "NL".into();
            },
            WageTax,
            country(DE),
            "tax-nl-de-34-days",
        ),
        case(
            "183 days, employer in the work state",
            |i| i.days_in_work_state = Some(183),
            WageTax,
            country(DE),
            "tax-work-state",
        ),
        case(
            "civil servant paid across the border: an adviser",
            |i| {
                i.kind = "civil-servant".into();
                i.employer_seat = "NL".into();
            },
            WageTax,
            adviser("civil-servant-tax"),
            "tax-civil-servant",
        ),
        case(
            "lives and works in NL",
            |i| i.work = "NL".into(),
            WageTax,
            country(NL),
            "tax-home",
        ),
        // Unemployment: Art. 65.
        case(
            "wholly unemployed frontier worker: residence state",
            |i| i.unemployment = "whole".into(),
            Unemployment,
            country(NL),
            "ub-whole-residence",
        ),
        case(
            "short-time work: work state",
            |i| i.unemployment = "short-time".into(),
            Unemployment,
            country(DE),
            "ub-short-time",
        ),
        case(
            "Belgian resident working in NL, wholly unemployed",
            |i| {
                i.residence = "BE".into();
                i.work = "NL".into();
                i.unemployment = "whole".into();
            },
            Unemployment,
            country(BE),
            "ub-whole-residence",
        ),
        case(
            "unemployed where they live and worked",
            |i| {
                i.work = "NL".into();
                i.unemployment = "whole".into();
            },
            Unemployment,
            country(NL),
            "ub-home",
        ),
        // Child benefit: Art. 67-68.
        case(
            "children in NL, only this parent works, in Germany",
            |i| i.children_residence = "NL".into(),
            ChildBenefit,
            first(DE, NL),
            "fb-priority",
        ),
        case(
            "children in NL, other parent works in NL",
            |i| {
                i.children_residence = "NL".into();
                i.other_parent_works_in = "NL".into();
            },
            ChildBenefit,
            first(NL, DE),
            "fb-children-residence",
        ),
        case(
            "children in Germany, other parent works in NL",
            |i| {
                i.children_residence = "DE".into();
                i.other_parent_works_in = "NL".into();
            },
            ChildBenefit,
            first(DE, NL),
            "fb-children-residence",
        ),
        case(
            "children in Belgium, parents work in NL and DE",
            |i| {
                i.children_residence = "BE".into();
                i.other_parent_works_in = "NL".into();
            },
            ChildBenefit,
            adviser("children-in-a-third-country"),
            "fb-children-residence",
        ),
        case(
            "children, work and other parent all in Germany",
            |i| {
                i.children_residence = "DE".into();
                i.other_parent_works_in = "DE".into();
            },
            ChildBenefit,
            country(DE),
            "fb-home",
        ),
        case(
            "children in Belgium, parent works in NL only",
            |i| {
                i.residence = "BE".into();
                i.work = "NL".into();
                i.children_residence = "BE".into();
            },
            ChildBenefit,
            first(NL, BE),
            "fb-priority",
        ),
        // The Dutch compensation scheme.
        case(
            "NL resident employed in Germany",
            |_| {},
            Compensation,
            applies(true),
            "tax-nl-compensation",
        ),
        case(
            "NL resident employed in Belgium",
            |i| i.work = "BE".into(),
            Compensation,
            applies(true),
            "tax-nl-compensation",
        ),
        case(
            "NL resident self-employed in Germany",
            |i| i.kind = "self-employed".into(),
            Compensation,
            applies(false),
            "tax-nl-compensation",
        ),
        // The 90 % status.
        case(
            "German resident, 90 % of income taxed in NL",
            |i| {
                i.residence = "DE".into();
                i.work = "NL".into();
                i.income_share_in_work_state = Some(90.0);
            },
            NinetyPercent,
            applies(true),
            "tax-nl-90",
        ),
        case(
            "German resident, 89.9 % of income taxed in NL",
            |i| {
                i.residence = "DE".into();
                i.work = "NL".into();
                i.income_share_in_work_state = Some(89.9);
            },
            NinetyPercent,
            applies(false),
            "tax-nl-90",
        ),
        case(
            "NL resident, 95 % of income taxed in Germany",
            |i| i.income_share_in_work_state = Some(95.0),
            NinetyPercent,
            applies(true),
            "tax-de-90",
        ),
        case(
            "NL resident, 50 % of income taxed in Germany",
            |i| i.income_share_in_work_state = Some(50.0),
            NinetyPercent,
            applies(false),
            "tax-de-90",
        ),
        case(
            "NL resident working in Belgium: the 75 % rule needs an adviser",
            |i| {
                i.work = "BE".into();
                i.income_share_in_work_state = Some(80.0);
            },
            NinetyPercent,
            adviser("not-verified"),
            "tax-be-75",
        ),
        // The 30 % ruling's distance condition.
        case(
            "earlier residence 151 km from the Dutch border",
            |i| {
                i.residence = "NL".into();
                i.work = "NL".into();
                i.earlier_residence_km = Some(151);
            },
            ThirtyPercent,
            applies(true),
            "tax-30-distance",
        ),
        case(
            "earlier residence 150 km from the Dutch border",
            |i| {
                i.work = "NL".into();
                i.earlier_residence_km = Some(150);
            },
            ThirtyPercent,
            applies(false),
            "tax-30-distance",
        ),
        case(
            "recruited in Aachen, 30 km away",
            |i| {
                i.residence = "DE".into();
                i.work = "NL".into();
                i.earlier_residence_km = Some(30);
            },
            ThirtyPercent,
            applies(false),
            "tax-30-distance",
        ),
    ]
}

#[test]
fn every_row_gets_the_outcome_its_source_gives_with_the_rule_in_the_trace() {
    let book = RuleBook::shipped().unwrap();
    let all = cases();
    assert!(all.len() >= 60, "{} rows", all.len());
    for c in all {
        let s = c
            .input
            .check(&book)
            .unwrap_or_else(|p| panic!("{}: {p:?}", c.name));
        let e = explain(&book, &s);
        let a = e
            .answer(c.domain)
            .unwrap_or_else(|| panic!("{}: no answer for {:?}", c.name, c.domain));
        assert_eq!(a.outcome, c.outcome, "{}", c.name);
        assert!(
            a.trace.contains(&c.rule),
            "{}: {} not in {:?}",
            c.name,
            c.rule,
            a.trace
        );
        assert!(!a.advisers.is_empty(), "{}: nobody advises", c.name);
    }
}

#[test]
fn the_rows_cover_every_rule_of_the_book() {
    let book = RuleBook::shipped().unwrap();
    let mut used = std::collections::BTreeSet::new();
    for c in cases() {
        let s = c.input.check(&book).unwrap();
        for a in explain(&book, &s).answers {
            used.extend(a.trace.iter().map(|id| id.to_string()));
        }
    }
    let unused: Vec<&str> = book
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !used.contains(*id))
        .collect();
    assert!(unused.is_empty(), "no row reaches {unused:?}");
}

#[test]
fn the_framework_agreement_ends_at_half_the_time_teleworked() {
    let book = RuleBook::shipped().unwrap();
    let option = |share: f64| {
        let mut i = base();
        i.telework_share = Some(share);
        let s = i.check(&book).unwrap();
        explain(&book, &s)
            .answer(Domain::SocialSecurity)
            .unwrap()
            .option
            .clone()
    };
    assert_eq!(option(49.9), Some((country(DE), "ss-telework-agreement")));
    assert_eq!(option(50.0), None, "50 % telework: no framework agreement");
    // Before 1 July 2023 the agreement did not exist.
    let mut before = base();
    before.date = "2024-01-01".into();
    before.telework_share = Some(40.0);
    let s = before.check(&book).unwrap();
    assert!(
        explain(&book, &s)
            .answer(Domain::SocialSecurity)
            .unwrap()
            .option
            .is_some()
    );
}

#[test]
fn the_same_situation_on_two_dates_gets_two_wage_tax_answers() {
    let book = RuleBook::shipped().unwrap();
    let on = |date: &str| {
        let mut i = base();
        i.date = date.into();
        i.days_outside_work_state = Some(20);
        let s = i.check(&book).unwrap();
        explain(&book, &s).answer(Domain::WageTax).unwrap().clone()
    };
    let old = on("2025-12-31");
    let new = on("2026-01-02");
    assert_eq!(old.outcome, Outcome::PerDay { work: DE, home: NL });
    assert!(!old.trace.contains(&"tax-nl-de-34-days"));
    assert_eq!(new.outcome, country(DE));
    assert!(new.trace.contains(&"tax-nl-de-34-days"));
}

#[test]
fn bad_input_names_every_problem() {
    let book = RuleBook::shipped().unwrap();
    let mut i = base();
    i.telework_share = Some(120.0);
    i.work = "FR".into();
    i.date = "2031-01-01".into();
    i.kind = "pirate".into();
    let problems: Vec<(&str, &str)> = i
        .check(&book)
        .unwrap_err()
        .into_iter()
        .map(|p| (p.field, p.problem))
        .collect();
    assert_eq!(
        problems,
        [
            ("date", "outside-rules"),
            ("work", "unknown-country"),
            ("kind", "unknown"),
            ("telework_share", "over-100"),
        ]
    );
    let mut posted = base();
    posted.kind = "posted".into();
    assert_eq!(posted.check(&book).unwrap_err()[0].field, "posting_months");
}

#[test]
fn every_rule_has_a_source_and_none_has_expired() {
    let book = RuleBook::shipped().unwrap();
    // The rules are checked against the last day they are meant to answer for.
    for r in &book.rules {
        assert!(
            r.valid_to.is_none_or(|to| to >= book.covers.to),
            "{} expires before {}",
            r.id,
            book.covers.to
        );
        assert!(r.source.url.starts_with("https://"), "{}", r.id);
    }
    let broken = loket_crossborder::rules::SHIPPED.replacen(
        "\"url\": \"https://eur-lex.europa.eu/eli/reg/2004/883/oj\"",
        "\"url\": \"\"",
        1,
    );
    assert!(
        RuleBook::parse(&broken).is_err(),
        "a rule without a source is refused"
    );
}
