//! The programme staff's desk (`/beheer/talent`): employers to verify, Employer
//! Board membership, vacancies and recent candidates.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::forms::CheckedForm;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::talent::programme;
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};
use loket_domain::talent::employer::{BOARD_FEE_CENTS, BoardMembership, BoardStatus};
use serde::Deserialize;

pub struct EmployerRow {
    pub id: String,
    pub name: String,
    pub kvk: String,
    pub sector: String,
    pub verified: bool,
    pub sponsor: bool,
    pub version: i64,
    /// The Employer Board status this year (`none` when not asked).
    pub board: Vec<crate::pages::view::Opt>,
}

#[derive(Template)]
#[template(path = "talent/talent_home.html")]
pub struct TalentHomePage {
    layout: Layout,
    token: String,
    counts: String,
    employers: Vec<EmployerRow>,
    vacancies: Vec<(String, String, String)>,
    candidates: Vec<(String, String)>,
    board_heading: String,
    board_year: i32,
}

pub async fn home(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { lang, tr, uri } = ui;
    let employers = match records::employers(&state).await {
        Ok(e) => e,
        Err(e) => return failure(e),
    };
    let names: std::collections::HashMap<String, String> = employers
        .iter()
        .map(|e| (e.id.clone(), e.details.name.clone()))
        .collect();
    let published = match records::published_vacancies(&state, 200, 0).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let counts = {
        let index = state.talent.read();
        tr.counts(
            "talent-counts",
            &[
                ("candidates", index.candidate_count()),
                ("vacancies", index.vacancy_count()),
            ],
        )
    };
    let named = match records::recent_candidates(&state, 50).await {
        Ok(list) => list,
        Err(e) => return failure(e),
    };
    let board_year = {
        use chrono::Datelike;
        state.clock.today().year()
    };
    let mut rows = Vec::new();
    for e in &employers {
        let current = match records::board_memberships(&state, &e.id).await {
            Ok(list) => list
                .into_iter()
                .find(|m| m.year == board_year)
                .map(|m| m.status),
            Err(err) => return failure(err),
        };
        let mut board = vec![crate::pages::view::Opt {
            value: "none".into(),
            label: tr.t("board-status-none"),
            selected: current.is_none(),
        }];
        board.extend(BoardStatus::ALL.iter().map(|s| crate::pages::view::Opt {
            value: s.code().into(),
            label: tr.t(&format!("board-status-{}", s.code())),
            selected: current == Some(*s),
        }));
        rows.push(EmployerRow {
            id: e.id.clone(),
            name: e.details.name.clone(),
            kvk: e.details.kvk_number.clone(),
            sector: tr.t(&format!("sector-{}", e.details.sector.code())),
            verified: e.verified_at.is_some(),
            sponsor: e.details.recognised_sponsor,
            version: e.version,
            board,
        });
    }
    let page = TalentHomePage {
        board_heading: tr.s("board-heading", &[("year", board_year.to_string())]),
        board_year,
        layout: Layout::new(
            tr.clone(),
            tr.t("talent-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        token: state.form_token(&viewer),
        counts,
        employers: rows,
        vacancies: published
            .iter()
            .map(|v| {
                (
                    v.id.clone(),
                    v.details.title.get(lang).to_string(),
                    names.get(&v.employer_id).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        candidates: named,
    };
    render(StatusCode::OK, &page)
}

#[derive(Debug, Default, Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    version: i64,
    #[serde(default)]
    recognised_sponsor: String,
}

pub async fn verify(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<VerifyForm>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::verify_employer(
        &state,
        acting,
        &id,
        form.version,
        !form.recognised_sponsor.is_empty(),
    )
    .await
    {
        Ok(_) | Err(CaseError::Conflict) => {
            Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response()
        }
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct BoardForm {
    #[serde(default)]
    year: String,
    #[serde(default)]
    status: String,
}

/// Records an employer's Employer Board membership for a year (fee €10,000).
pub async fn board(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<BoardForm>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let (Ok(year), Some(status)) = (form.year.parse::<i32>(), BoardStatus::parse(&form.status))
    else {
        // "none" or a tampered form: nothing to record.
        return Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response();
    };
    let membership = BoardMembership {
        year,
        fee_cents: BOARD_FEE_CENTS,
        status,
    };
    match programme::set_board_membership(&state, &id, &membership, &viewer.account.id).await {
        Ok(()) => Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response(),
        Err(AppError::NotFound) => not_found_page(&state, lang, &uri),
        Err(e) => failure(e),
    }
}
