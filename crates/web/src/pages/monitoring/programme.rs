//! A programme's progress (`/beheer/programma`): every milestone with its
//! deadline, status, owner and whether it is overdue; the money planned,
//! committed and spent per action line; the coordinator's forms to update a
//! milestone and enter money (errors next to their fields, nothing stored); and
//! the progress report (voortgangsrapportage) as PDF, XLSX or CSV.

use super::query::this_year;
use super::report;
use crate::AppState;
use crate::error::failure;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::view::{Layout, Opt, Page, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::monitoring::programme::{self, MilestoneInput, Progress};
use loket_app::monitoring::results;
use loket_domain::monitoring::Period;
use loket_domain::monitoring::programme::{BudgetInput, Status, euros};
use loket_domain::policy::{self, Action, Target};
use loket_domain::referral::FieldProblem;
use loket_reports::{Report, Table};
use serde::Deserialize;

/// The programme shown (one ships; more can follow in `seed/programmes/`).
fn code(state: &AppState) -> String {
    state
        .programmes
        .first()
        .map(|p| p.code.clone())
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "monitoring/programme.html")]
pub struct ProgrammePage {
    layout: Layout,
    p: Progress,
    name: String,
    as_of: String,
    from: String,
    to: String,
    can_edit: bool,
    token: String,
    milestone_options: Vec<Opt>,
    line_options: Vec<Opt>,
    statuses: Vec<Opt>,
    milestone_input: MilestoneInput,
    budget_input: BudgetInput,
    errors: Errors,
    saved: bool,
}

impl ProgrammePage {
    fn euros(&self, cents: &i64) -> String {
        euros(*cents)
    }
    fn planned(&self, cents: &Option<i64>) -> String {
        cents.map_or_else(|| "–".into(), euros)
    }
    fn status(&self, s: &Status) -> String {
        self.layout.tr.t(&format!("programme-status-{}", s.code()))
    }
    fn day(&self, d: &chrono::NaiveDate) -> String {
        self.layout.tr.date(*d)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Params {
    #[serde(default)]
    opgeslagen: String,
}

fn problems_to_errors(tr: &Tr, problems: &[FieldProblem]) -> Errors {
    let mut errors = Errors::default();
    for p in problems {
        errors.add(
            p.field,
            tr.t(&format!("programme-error-{}-{}", p.field, p.problem)),
        );
    }
    errors
}

async fn show(
    state: &AppState,
    ui: Page,
    viewer: &Viewer,
    milestone_input: MilestoneInput,
    budget_input: BudgetInput,
    errors: Errors,
    saved: bool,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let today = state.clock.today();
    let p = match programme::progress(state, &code(state), today).await {
        Ok(p) => p,
        Err(e) => return failure(e),
    };
    let milestone_options = p
        .programme
        .action_lines()
        .flat_map(|l| &l.milestones)
        .map(|m| Opt {
            value: m.id.clone(),
            label: format!("{} {}", m.id, m.name),
            selected: m.id == milestone_input.milestone,
        })
        .collect();
    let line_options = p
        .programme
        .action_lines()
        .map(|l| Opt {
            value: l.name.clone(),
            label: l.name.clone(),
            selected: l.name == budget_input.action_line,
        })
        .collect();
    let statuses = Status::ALL
        .iter()
        .map(|s| Opt {
            value: s.code().into(),
            label: tr.t(&format!("programme-status-{}", s.code())),
            selected: s.code() == milestone_input.status,
        })
        .collect();
    let year = this_year(state);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = ProgrammePage {
        layout: Layout::new(
            tr.clone(),
            tr.t("programme-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        name: p.programme.name.get(lang).to_string(),
        as_of: tr.date(p.as_of),
        p,
        from: format!("{year}-01-01"),
        to: format!("{year}-12-31"),
        can_edit: policy::allows(&viewer.memberships, Action::SetTargets, Target::Network),
        token: state.form_token(viewer),
        milestone_options,
        line_options,
        statuses,
        milestone_input,
        budget_input,
        errors,
        saved,
    };
    render(status, &page)
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
) -> Response {
    let budget = BudgetInput {
        on: state.clock.today().to_string(),
        kind: "spent".into(),
        ..BudgetInput::default()
    };
    let saved = params.opgeslagen == "1";
    show(
        &state,
        ui,
        &viewer,
        MilestoneInput::default(),
        budget,
        Errors::default(),
        saved,
    )
    .await
}

fn back(lang: loket_domain::Lang) -> Response {
    Redirect::to(&format!(
        "/beheer/programma?opgeslagen=1&lang={}",
        lang.code()
    ))
    .into_response()
}

pub async fn set_milestone(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(input): CheckedForm<MilestoneInput>,
) -> Response {
    match programme::set_milestone(&state, &code(&state), &input, &viewer.account.id).await {
        Ok(()) => back(ui.lang),
        Err(AppError::Invalid(problems)) => {
            let errors = problems_to_errors(&ui.tr, &problems);
            let budget = BudgetInput {
                on: state.clock.today().to_string(),
                ..BudgetInput::default()
            };
            show(&state, ui, &viewer, input, budget, errors, false).await
        }
        Err(e) => failure(e),
    }
}

pub async fn add_budget(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(input): CheckedForm<BudgetInput>,
) -> Response {
    match programme::add_budget(&state, &code(&state), &input, &viewer.account.id).await {
        Ok(_) => back(ui.lang),
        Err(AppError::Invalid(problems)) => {
            let errors = problems_to_errors(&ui.tr, &problems);
            show(
                &state,
                ui,
                &viewer,
                MilestoneInput::default(),
                input,
                errors,
                false,
            )
            .await
        }
        Err(e) => failure(e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportParams {
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    formaat: String,
}

/// The progress report for a period: milestones as of its last day (overdue
/// ones marked), the money to that day, and the indicators against targets.
fn progress_report(
    tr: &Tr,
    name: &str,
    p: &Progress,
    period: &Period,
    indicators: Table,
) -> Report {
    let mut milestones = Table {
        caption: tr.t("programme-milestones"),
        header: vec![
            tr.t("programme-col-goal"),
            tr.t("programme-col-line"),
            tr.t("programme-col-milestone"),
            tr.t("programme-col-deadline"),
            tr.t("programme-col-status"),
            tr.t("programme-col-owner"),
            tr.t("programme-col-overdue"),
        ],
        rows: Vec::new(),
    };
    let mut budget = Table {
        caption: tr.t("programme-budget"),
        header: vec![
            tr.t("programme-col-line"),
            tr.t("programme-col-programme-line"),
            tr.t("programme-planned"),
            tr.t("programme-committed"),
            tr.t("programme-spent"),
        ],
        rows: Vec::new(),
    };
    for t in &p.themes {
        for g in &t.goals {
            for l in &g.lines {
                for m in &l.milestones {
                    milestones.rows.push(vec![
                        format!("{} {}", g.code, g.name),
                        l.name.clone(),
                        m.milestone.name.clone(),
                        format!("{} ({})", m.milestone.when, tr.date(m.milestone.deadline)),
                        tr.t(&format!("programme-status-{}", m.status.code())),
                        m.owner.clone(),
                        if m.overdue {
                            tr.t("programme-overdue")
                        } else {
                            String::new()
                        },
                    ]);
                }
                budget.rows.push(vec![
                    l.name.clone(),
                    l.programme_line.clone(),
                    l.planned.map(euros).unwrap_or_default(),
                    euros(l.committed),
                    euros(l.spent),
                ]);
            }
        }
    }
    budget.rows.push(vec![
        tr.t("programme-total"),
        String::new(),
        euros(p.planned),
        euros(p.committed),
        euros(p.spent),
    ]);
    Report {
        title: format!("{} – {name}", tr.t("programme-report")),
        facts: vec![
            (tr.t("programme-owner"), p.programme.owner.clone()),
            (
                tr.t("results-file-period"),
                super::results::period_text(tr, period),
            ),
            (tr.t("programme-as-of-label"), tr.date(p.as_of)),
            (
                tr.t("programme-milestones"),
                tr.counts(
                    "programme-milestones-summary",
                    &[("count", p.milestones), ("overdue", p.overdue)],
                ),
            ),
            (tr.t("programme-reporting"), p.programme.reporting.clone()),
        ],
        legend: None,
        tables: vec![milestones, budget, indicators],
    }
}

pub async fn download(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<ReportParams>,
) -> Response {
    let Page { lang, tr, .. } = &ui;
    let year = this_year(&state);
    let (van, tot) = if params.van.is_empty() && params.tot.is_empty() {
        (format!("{year}-01-01"), format!("{year}-12-31"))
    } else {
        (params.van.clone(), params.tot.clone())
    };
    let period = match Period::parse(&van, &tot) {
        Ok(p) => p,
        Err(problems) => {
            let mut errors = Errors::default();
            for p in &problems {
                errors.add(p.field, tr.t(&format!("results-error-{}", p.problem)));
            }
            return show(
                &state,
                ui,
                &viewer,
                MilestoneInput::default(),
                BudgetInput::default(),
                errors,
                false,
            )
            .await;
        }
    };
    let p = match programme::progress(&state, &code(&state), period.last).await {
        Ok(p) => p,
        Err(e) => return failure(e),
    };
    // The indicators of the whole network against the programme's targets:
    // exact for the coordinator, with small numbers hidden for anyone else.
    let exact = policy::allows(&viewer.memberships, Action::SetTargets, Target::Network);
    let r = match results::for_programme(&state, &code(&state), exact, period).await {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let network = tr.t("figures-network");
    let mut indicators = report::report(tr, *lang, &network, &r).tables.remove(0);
    indicators.caption = tr.t("programme-indicators");
    let name = p.programme.name.get(*lang).to_string();
    let doc = progress_report(tr, &name, &p, &period, indicators);
    let file = format!("voortgangsrapportage-{}-{}", period.first, period.last);
    let (content_type, ext, body): (&str, &str, Vec<u8>) = match params.formaat.as_str() {
        "xlsx" => match loket_reports::to_xlsx(&doc) {
            Ok(b) => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
                b,
            ),
            Err(e) => return failure(AppError::Unavailable(e.to_string())),
        },
        "csv" => (
            "text/csv; charset=utf-8",
            "csv",
            loket_reports::to_csv(&doc, ',').into_bytes(),
        ),
        "csv-puntkomma" => (
            "text/csv; charset=utf-8",
            "csv",
            loket_reports::to_csv(&doc, ';').into_bytes(),
        ),
        _ => ("application/pdf", "pdf", loket_reports::to_pdf(&doc)),
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}.{ext}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}
