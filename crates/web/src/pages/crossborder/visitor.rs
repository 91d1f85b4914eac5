//! The cross-border explainer for visitors (`/grensverkenner`): plain
//! questions, one a page (the answers so far travel in the address, as in the
//! front door: no personal data, nothing stored), then the answer page: per
//! domain the answer in plain words with the article and source under it, what
//! would change at the thresholds, a disclaimer and a warm handover to the
//! border information point (its callback form, with the situation written out
//! for the visitor to send or change).

use crate::AppState;
use crate::pages::view::{Layout, Page, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_crossborder::explain::{Answer, Domain, Outcome};
use loket_crossborder::{Country, SituationInput};

const BASE: &str = "/grensverkenner";

enum Ask {
    /// One of these values (and "" for the optional "none" choice, labelled by the key).
    Choice(&'static [&'static str], Option<&'static str>),
    /// A number from 0 to `max`.
    Number(f64),
}

struct Step {
    id: &'static str,
    ask: Ask,
    /// Whether the step is asked, given the answers so far.
    when: fn(&Answers) -> bool,
}

type Answers = Vec<(String, String)>;

fn get<'a>(a: &'a Answers, id: &str) -> Option<&'a str> {
    a.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str())
}

const COUNTRIES: &[&str] = &["NL", "DE", "BE"];

fn always(_: &Answers) -> bool {
    true
}

fn posted(a: &Answers) -> bool {
    get(a, "kind") == Some("posted")
}

fn has_children(a: &Answers) -> bool {
    get(a, "children_residence").is_some_and(|c| !c.is_empty())
}

const STEPS: &[Step] = &[
    Step {
        id: "residence",
        ask: Ask::Choice(COUNTRIES, None),
        when: always,
    },
    Step {
        id: "work",
        ask: Ask::Choice(COUNTRIES, None),
        when: always,
    },
    Step {
        id: "kind",
        ask: Ask::Choice(
            &["employee", "self-employed", "civil-servant", "posted"],
            None,
        ),
        when: always,
    },
    Step {
        id: "posting_months",
        ask: Ask::Number(600.0),
        when: posted,
    },
    Step {
        id: "residence_share",
        ask: Ask::Number(100.0),
        when: always,
    },
    Step {
        id: "telework_share",
        ask: Ask::Number(100.0),
        when: always,
    },
    Step {
        id: "days_outside_work_state",
        ask: Ask::Number(366.0),
        when: always,
    },
    Step {
        id: "children_residence",
        ask: Ask::Choice(COUNTRIES, Some("xb-no-children")),
        when: always,
    },
    Step {
        id: "other_parent_works_in",
        ask: Ask::Choice(COUNTRIES, Some("xb-other-parent-no-work")),
        when: has_children,
    },
    Step {
        id: "unemployment",
        ask: Ask::Choice(&["whole", "short-time"], Some("xb-not-unemployed")),
        when: always,
    },
];

/// Whether an answer to a step is one it takes.
fn valid(step: &Step, value: &str) -> bool {
    match &step.ask {
        Ask::Choice(values, none) => {
            values.contains(&value) || (none.is_some() && value.is_empty())
        }
        Ask::Number(max) => value
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(|n| n.is_finite() && (0.0..=*max).contains(&n)),
    }
}

/// The answers as given, only those of known steps (and `datum`), once each.
fn answers(pairs: Vec<(String, String)>) -> Answers {
    let mut out: Answers = Vec::new();
    for (k, v) in pairs {
        let known = k == "datum" || STEPS.iter().any(|s| s.id == k);
        if known && !out.iter().any(|(key, _)| *key == k) {
            out.push((k, v));
        }
    }
    out
}

pub struct ChoiceView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "crossborder/question.html")]
pub struct QuestionPage {
    layout: Layout,
    step: String,
    id: String,
    text: String,
    hint: Option<String>,
    error: Option<String>,
    choices: Vec<ChoiceView>,
    number: Option<String>,
    unit: String,
    hidden: Answers,
    restart: String,
}

fn country_name(tr: &Tr, c: &str) -> String {
    tr.t(&format!("xb-country-{c}"))
}

/// A country as a message argument: its name, and its code as `{name}_code`
/// (languages whose grammar changes with the country select on it).
fn country_args(name: &'static str, code: &str, tr: &Tr) -> [(String, String); 2] {
    [
        (name.to_string(), country_name(tr, code)),
        (format!("{name}_code"), code.to_string()),
    ]
}

/// A message with country arguments (see [`country_args`]) and others.
fn with_countries(
    tr: &Tr,
    key: &str,
    countries: &[(&'static str, &str)],
    more: &[(&str, String)],
) -> String {
    let owned: Vec<(String, String)> = countries
        .iter()
        .flat_map(|(name, code)| country_args(name, code, tr))
        .collect();
    let mut args: Vec<(&str, String)> =
        owned.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    args.extend(more.iter().cloned());
    tr.s(key, &args)
}

fn question_page(
    tr: &Tr,
    uri: &axum::http::Uri,
    a: &Answers,
    n: usize,
    step: &Step,
    error: bool,
) -> QuestionPage {
    let work = get(a, "work")
        .map(|w| country_name(tr, w))
        .unwrap_or_default();
    let text = tr.s(&format!("xb-q-{}", step.id), &[("work", work)]);
    let hint_key = format!("xb-q-{}-hint", step.id);
    let hint = Some(tr.t(&hint_key)).filter(|h| *h != hint_key && !h.is_empty());
    let given = get(a, step.id).unwrap_or_default().to_string();
    let (choices, number) = match &step.ask {
        Ask::Choice(values, none) => {
            let mut c: Vec<ChoiceView> = values
                .iter()
                .map(|v| ChoiceView {
                    id: format!("{}-{v}", step.id),
                    value: (*v).to_string(),
                    label: if COUNTRIES.contains(v) {
                        country_name(tr, v)
                    } else {
                        tr.t(&format!("xb-{}-{v}", step.id))
                    },
                    checked: given == *v,
                })
                .collect();
            if let Some(key) = none {
                c.push(ChoiceView {
                    id: format!("{}-none", step.id),
                    value: String::new(),
                    label: tr.t(key),
                    checked: false,
                });
            }
            (c, None)
        }
        Ask::Number(_) => (Vec::new(), Some(given)),
    };
    QuestionPage {
        layout: Layout::new(tr.clone(), text.clone(), "cross-border", uri.path(), None),
        step: tr.s(
            "xb-step",
            &[("n", (n + 1).to_string()), ("of", STEPS.len().to_string())],
        ),
        id: step.id.to_string(),
        error: error.then(|| {
            tr.t(&format!(
                "xb-error-{}",
                if number.is_some() { "number" } else { "choose" }
            ))
        }),
        unit: tr.t(if step.id == "posting_months" {
            "xb-unit-months"
        } else if step.id == "days_outside_work_state" {
            "xb-unit-days"
        } else {
            "xb-unit-percent"
        }),
        text,
        hint,
        choices,
        number,
        hidden: a.iter().filter(|(k, _)| k != step.id).cloned().collect(),
        restart: format!("{BASE}?lang={}", tr.lang.code()),
    }
}

/// The next question, or the answer page once every question is answered.
pub async fn question(ui: Page, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    let Page { tr, uri, .. } = ui;
    let a = answers(pairs);
    for (n, step) in STEPS.iter().enumerate() {
        if !(step.when)(&a) {
            continue;
        }
        match get(&a, step.id) {
            Some(v) if valid(step, v) => continue,
            Some(_) => {
                return render(
                    StatusCode::BAD_REQUEST,
                    &question_page(&tr, &uri, &a, n, step, true),
                );
            }
            None => {
                return render(
                    StatusCode::OK,
                    &question_page(&tr, &uri, &a, n, step, false),
                );
            }
        }
    }
    let mut q = a.clone();
    q.push(("lang".into(), tr.lang.code().into()));
    Redirect::to(&format!("{BASE}/antwoord?{}", query(&q))).into_response()
}

fn query(pairs: &[(String, String)]) -> String {
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    crate::present::query_string_keep_empty(&refs)
}

fn number(a: &Answers, id: &str) -> Option<f64> {
    get(a, id).and_then(|v| v.trim().replace(',', ".").parse().ok())
}

fn situation(a: &Answers, today: chrono::NaiveDate) -> SituationInput {
    SituationInput {
        date: get(a, "datum").map_or_else(|| today.to_string(), str::to_string),
        residence: get(a, "residence").unwrap_or_default().into(),
        work: get(a, "work").unwrap_or_default().into(),
        kind: get(a, "kind").unwrap_or_default().into(),
        posting_months: number(a, "posting_months").map(|m| m as i64),
        residence_share: number(a, "residence_share"),
        telework_share: number(a, "telework_share"),
        days_outside_work_state: number(a, "days_outside_work_state").map(|d| d as i64),
        children_residence: get(a, "children_residence").unwrap_or_default().into(),
        other_parent_works_in: get(a, "other_parent_works_in").unwrap_or_default().into(),
        unemployment: get(a, "unemployment").unwrap_or_default().into(),
        ..SituationInput::default()
    }
}

pub struct SourceView {
    pub article: String,
    pub title: String,
    pub url: String,
}

pub struct AnswerCard {
    pub heading: String,
    pub text: String,
    pub option: Option<String>,
    pub sources: Vec<SourceView>,
}

#[derive(Template)]
#[template(path = "crossborder/answer.html")]
pub struct AnswerPage {
    layout: Layout,
    summary: String,
    cards: Vec<AnswerCard>,
    changes: Vec<String>,
    errors: Vec<String>,
    handover: Option<(String, String)>,
    restart: String,
}

fn outcome_text(tr: &Tr, domain: Domain, o: &Outcome) -> String {
    let key = |kind: &str| format!("xb-a-{}-{kind}", domain.code());
    let with = |kind: &str, countries: &[(&'static str, &Country)]| {
        let codes: Vec<(&'static str, &str)> = countries
            .iter()
            .map(|(name, c)| (*name, c.code()))
            .collect();
        with_countries(tr, &key(kind), &codes, &[])
    };
    match o {
        Outcome::Country { country } => with("country", &[("country", country)]),
        Outcome::InsuredAbroad {
            insured,
            registered,
        } => with(
            "insured-abroad",
            &[("insured", insured), ("registered", registered)],
        ),
        Outcome::PerDay { work, home } => with("per-day", &[("work", work), ("home", home)]),
        Outcome::FirstAndTopUp { first, top_up } => {
            with("first-and-top-up", &[("first", first), ("top_up", top_up)])
        }
        Outcome::Applies { applies } => tr.t(&key(if *applies {
            "applies"
        } else {
            "does-not-apply"
        })),
        Outcome::NeedsAdviser { reason } => tr.s(
            "xb-a-needs-adviser",
            &[("reason", tr.t(&format!("xb-reason-{reason}")))],
        ),
    }
}

fn card(state: &AppState, tr: &Tr, a: &Answer) -> AnswerCard {
    let book = &state.crossborder;
    AnswerCard {
        heading: tr.t(&format!("crossborder-domain-{}", a.domain.code())),
        text: outcome_text(tr, a.domain, &a.outcome),
        option: a.option.as_ref().map(|(o, _)| {
            tr.s(
                "xb-option-telework",
                &[("answer", outcome_text(tr, a.domain, o))],
            )
        }),
        sources: a
            .trace
            .iter()
            .filter_map(|id| book.rule(id))
            .map(|r| SourceView {
                article: r.source.article.clone(),
                title: r.source.title.clone(),
                url: r.source.url.clone(),
            })
            .collect(),
    }
}

/// What would change at the thresholds: days outside the work country and
/// the share of work in the country of residence.
fn changes(state: &AppState, tr: &Tr, input: &SituationInput, now: &[Answer]) -> Vec<String> {
    let mut out = Vec::new();
    let days = input.days_outside_work_state.unwrap_or(0);
    let share = input
        .residence_share
        .unwrap_or(0.0)
        .max(input.telework_share.unwrap_or(0.0));
    let work = [("work", input.work.as_str())];
    let home = [("home", input.residence.as_str())];
    let alternatives = [
        (days < 35).then(|| {
            (
                SituationInput {
                    days_outside_work_state: Some(35),
                    ..input.clone()
                },
                with_countries(tr, "xb-if-days-from", &work, &[]),
            )
        }),
        (days >= 35).then(|| {
            (
                SituationInput {
                    days_outside_work_state: Some(34),
                    ..input.clone()
                },
                with_countries(tr, "xb-if-days-below", &work, &[]),
            )
        }),
        (share < 25.0).then(|| {
            (
                SituationInput {
                    residence_share: Some(25.0),
                    ..input.clone()
                },
                with_countries(tr, "xb-if-share-from", &home, &[]),
            )
        }),
        (share >= 25.0).then(|| {
            (
                SituationInput {
                    residence_share: Some(24.0),
                    telework_share: Some(24.0),
                    ..input.clone()
                },
                with_countries(tr, "xb-if-share-below", &home, &[]),
            )
        }),
    ];
    for (alt, condition) in alternatives.into_iter().flatten() {
        let Ok(e) = loket_app::crossborder::explain(state, &alt) else {
            continue;
        };
        for a in &e.answers {
            let before = now.iter().find(|b| b.domain == a.domain);
            if before.is_some_and(|b| b.outcome != a.outcome) {
                out.push(format!(
                    "{condition}: {} – {}",
                    tr.t(&format!("crossborder-domain-{}", a.domain.code())),
                    outcome_text(tr, a.domain, &a.outcome)
                ));
            }
        }
    }
    out
}

/// The situation in the visitor's words, for the handover.
fn summary(tr: &Tr, input: &SituationInput) -> String {
    with_countries(
        tr,
        "xb-summary",
        &[("home", &input.residence), ("work", &input.work)],
        &[
            ("kind", tr.t(&format!("xb-kind-{}", input.kind))),
            ("share", format!("{}", input.residence_share.unwrap_or(0.0))),
            (
                "telework",
                format!("{}", input.telework_share.unwrap_or(0.0)),
            ),
            (
                "days",
                input.days_outside_work_state.unwrap_or(0).to_string(),
            ),
            (
                "date",
                chrono::NaiveDate::parse_from_str(&input.date, "%Y-%m-%d")
                    .map_or_else(|_| input.date.clone(), |d| tr.date(d)),
            ),
        ],
    )
}

/// The border information point's service whose callback form takes the handover.
fn handover(state: &AppState, tr: &Tr, answers: &[Answer], text: &str) -> Option<(String, String)> {
    let key = answers.first().and_then(|a| a.advisers.first())?;
    let idx = state.index();
    let org = idx.organizations().iter().find(|o| o.key == *key)?;
    let service = idx
        .services()
        .iter()
        .find(|s| s.organization_id == org.id)?;
    let q = crate::present::query_string(&[("vraag", text), ("lang", tr.lang.code())]);
    Some((
        tr.s("xb-handover", &[("organisation", org.name.clone())]),
        format!("/diensten/{}/terugbellen?{q}", service.id),
    ))
}

pub async fn answer(
    State(state): State<AppState>,
    ui: Page,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let a = answers(pairs);
    let input = situation(&a, state.clock.today());
    let restart = format!("{BASE}?lang={}", tr.lang.code());
    let layout = Layout::new(
        tr.clone(),
        tr.t("xb-answer-title"),
        "cross-border",
        uri.path(),
        uri.query(),
    );
    match loket_app::crossborder::explain(&state, &input) {
        Ok(e) => {
            let text = summary(&tr, &input);
            let page = AnswerPage {
                cards: e.answers.iter().map(|x| card(&state, &tr, x)).collect(),
                changes: changes(&state, &tr, &input, &e.answers),
                handover: handover(&state, &tr, &e.answers, &text),
                summary: text,
                errors: Vec::new(),
                restart,
                layout,
            };
            render(StatusCode::OK, &page)
        }
        Err(loket_app::AppError::Invalid(problems)) => {
            let page = AnswerPage {
                summary: String::new(),
                cards: Vec::new(),
                changes: Vec::new(),
                handover: None,
                errors: {
                    let mut e: Vec<String> = problems
                        .iter()
                        .map(|p| {
                            tr.t(if p.field == "date" {
                                "xb-problem-date"
                            } else {
                                "xb-problem-other"
                            })
                        })
                        .collect();
                    e.dedup();
                    e
                },
                restart,
                layout,
            };
            render(StatusCode::BAD_REQUEST, &page)
        }
        Err(e) => crate::error::failure(e),
    }
}
