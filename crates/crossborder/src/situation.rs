//! The situation a person describes, as typed (a form or the API), and as
//! checked: every problem at once, each naming its field.

use crate::country::Country;
use crate::rules::RuleBook;
use chrono::NaiveDate;
use loket_domain::referral::FieldProblem;
use serde::Deserialize;

/// How someone works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerKind {
    Employee,
    SelfEmployed,
    CivilServant,
    /// An employee sent to work in another country for a while.
    Posted,
}

impl WorkerKind {
    pub const ALL: [WorkerKind; 4] = [
        WorkerKind::Employee,
        WorkerKind::SelfEmployed,
        WorkerKind::CivilServant,
        WorkerKind::Posted,
    ];
    pub fn code(self) -> &'static str {
        match self {
            WorkerKind::Employee => "employee",
            WorkerKind::SelfEmployed => "self-employed",
            WorkerKind::CivilServant => "civil-servant",
            WorkerKind::Posted => "posted",
        }
    }
    pub fn parse(code: &str) -> Option<WorkerKind> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unemployment {
    None,
    /// Wholly unemployed.
    Whole,
    /// Short-time or intermittent work.
    ShortTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Children {
    pub residence: Country,
    /// Where the other parent works, if they do.
    pub other_parent_works_in: Option<Country>,
}

/// A checked situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    /// The day the answers are for.
    pub date: NaiveDate,
    pub residence: Country,
    pub work: Country,
    pub kind: WorkerKind,
    /// Where the employer (or the paying administration) has its registered office.
    pub employer_seat: Country,
    /// Expected length of a posting.
    pub posting_months: Option<u16>,
    /// Share of working time and pay in the country of residence (telework
    /// included), in per cent.
    pub residence_share: f64,
    /// Share of working time worked from home in the country of residence.
    pub telework_share: f64,
    /// Days this year worked in the country of residence or a third country.
    pub days_outside_work_state: u16,
    /// Days in the work country in any 12 months (the 183-day test).
    pub days_in_work_state: u16,
    pub several_employers: bool,
    /// The work in the other country is marginal.
    pub marginal: bool,
    /// Also self-employed, in this country.
    pub self_employed_in: Option<Country>,
    pub unemployment: Unemployment,
    pub children: Option<Children>,
    /// Privately insured for health (e.g. PKV in Germany).
    pub private_health_insurance: bool,
    /// Share of the whole income taxed in the work country, in per cent.
    pub income_share_in_work_state: Option<f64>,
    /// Distance of the earlier residence to the Dutch border (the 30 % ruling).
    pub earlier_residence_km: Option<u32>,
}

/// A situation as typed; every field optional so that every problem can be
/// named at once.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SituationInput {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub residence: String,
    pub work: String,
    /// `employee`, `self-employed`, `civil-servant` or `posted`.
    pub kind: String,
    /// Defaults to the work country.
    pub employer_seat: String,
    pub posting_months: Option<i64>,
    pub residence_share: Option<f64>,
    pub telework_share: Option<f64>,
    pub days_outside_work_state: Option<i64>,
    /// Defaults to every working day (more than 183).
    pub days_in_work_state: Option<i64>,
    pub several_employers: bool,
    pub marginal: bool,
    pub self_employed_in: String,
    /// empty, `whole` or `short-time`.
    pub unemployment: String,
    pub children_residence: String,
    pub other_parent_works_in: String,
    pub private_health_insurance: bool,
    pub income_share_in_work_state: Option<f64>,
    pub earlier_residence_km: Option<i64>,
}

fn problem(field: &'static str, problem: &'static str) -> FieldProblem {
    FieldProblem { field, problem }
}

/// A country that must be given.
fn country(field: &'static str, text: &str, problems: &mut Vec<FieldProblem>) -> Option<Country> {
    if text.trim().is_empty() {
        problems.push(problem(field, "required"));
        return None;
    }
    let c = Country::parse(text);
    if c.is_none() {
        problems.push(problem(field, "unknown-country"));
    }
    c
}

/// A country that may be left out.
fn optional_country(
    field: &'static str,
    text: &str,
    problems: &mut Vec<FieldProblem>,
) -> Option<Country> {
    if text.trim().is_empty() {
        None
    } else {
        country(field, text, problems)
    }
}

fn share(field: &'static str, value: Option<f64>, problems: &mut Vec<FieldProblem>) -> f64 {
    match value {
        None => 0.0,
        Some(v) if !v.is_finite() || v < 0.0 => {
            problems.push(problem(field, "negative"));
            0.0
        }
        Some(v) if v > 100.0 => {
            problems.push(problem(field, "over-100"));
            0.0
        }
        Some(v) => v,
    }
}

fn days(field: &'static str, value: Option<i64>, problems: &mut Vec<FieldProblem>) -> u16 {
    match value {
        None => 0,
        Some(v) if !(0..=366).contains(&v) => {
            problems.push(problem(field, "not-days-of-a-year"));
            0
        }
        Some(v) => v as u16,
    }
}

impl SituationInput {
    /// The situation, or every problem at once. The date must lie within the
    /// dates the rules cover.
    pub fn check(&self, book: &RuleBook) -> Result<Situation, Vec<FieldProblem>> {
        let mut p = Vec::new();
        let date = match NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d") {
            Ok(d) if book.covers(d) => Some(d),
            Ok(_) => {
                p.push(problem("date", "outside-rules"));
                None
            }
            Err(_) => {
                p.push(problem("date", "not-a-date"));
                None
            }
        };
        let residence = country("residence", &self.residence, &mut p);
        let work = country("work", &self.work, &mut p);
        let kind = WorkerKind::parse(&self.kind);
        if kind.is_none() {
            p.push(problem("kind", "unknown"));
        }
        let employer_seat = optional_country("employer_seat", &self.employer_seat, &mut p);
        let posting_months = match (kind, self.posting_months) {
            (Some(WorkerKind::Posted), None) => {
                p.push(problem("posting_months", "required"));
                None
            }
            (_, Some(m)) if !(1..=600).contains(&m) => {
                p.push(problem("posting_months", "out-of-range"));
                None
            }
            (_, m) => m.map(|m| m as u16),
        };
        let residence_share = share("residence_share", self.residence_share, &mut p);
        let telework_share = share("telework_share", self.telework_share, &mut p);
        let days_outside = days(
            "days_outside_work_state",
            self.days_outside_work_state,
            &mut p,
        );
        let days_in = match self.days_in_work_state {
            None => 366,
            some => days("days_in_work_state", some, &mut p),
        };
        let self_employed_in = optional_country("self_employed_in", &self.self_employed_in, &mut p);
        let unemployment = match self.unemployment.trim() {
            "" => Unemployment::None,
            "whole" => Unemployment::Whole,
            "short-time" => Unemployment::ShortTime,
            _ => {
                p.push(problem("unemployment", "unknown"));
                Unemployment::None
            }
        };
        let children = optional_country("children_residence", &self.children_residence, &mut p);
        let other_parent =
            optional_country("other_parent_works_in", &self.other_parent_works_in, &mut p);
        let income_share = self
            .income_share_in_work_state
            .map(|v| share("income_share_in_work_state", Some(v), &mut p));
        let km = match self.earlier_residence_km {
            Some(k) if !(0..=40_000).contains(&k) => {
                p.push(problem("earlier_residence_km", "out-of-range"));
                None
            }
            k => k.map(|k| k as u32),
        };
        let (Some(date), Some(residence), Some(work), Some(kind)) = (date, residence, work, kind)
        else {
            return Err(p);
        };
        if !p.is_empty() {
            return Err(p);
        }
        Ok(Situation {
            date,
            residence,
            work,
            kind,
            employer_seat: employer_seat.unwrap_or(work),
            posting_months,
            residence_share,
            telework_share,
            days_outside_work_state: days_outside,
            days_in_work_state: days_in,
            several_employers: self.several_employers,
            marginal: self.marginal,
            self_employed_in,
            unemployment,
            children: children.map(|residence| Children {
                residence,
                other_parent_works_in: other_parent,
            }),
            private_health_insurance: self.private_health_insurance,
            income_share_in_work_state: income_share,
            earlier_residence_km: km,
        })
    }
}
