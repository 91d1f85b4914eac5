//! Who funds the region's services (`/beheer/financiering`), for the coordinator
//! and the funders: per year the known amounts and the Employer Board's fees;
//! per agreement its funders, the organisations it funds, the amount per year
//! (a maximum or fixed; the source's words where it names no amount), its
//! conditions with their deadlines, and where it comes from.

use crate::AppState;
use crate::error::failure;
use crate::pages::view::{Layout, Page, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::monitoring::funding;
use loket_domain::monitoring::funding::Funding;
use loket_domain::monitoring::programme::euros;
use loket_domain::search::CatalogueIndex;

pub struct YearLine {
    pub year: i32,
    pub agreements: String,
    pub board: String,
    pub members: usize,
    pub total: String,
}

pub struct GrantLine {
    pub year: i32,
    pub amount: String,
    pub wording: String,
}

pub struct ConditionLine {
    pub deadline: String,
    pub text: String,
    pub passed: bool,
}

pub struct AgreementView {
    pub id: String,
    pub name: String,
    pub funders: String,
    pub recipients: String,
    pub signed: Option<String>,
    pub maximum: bool,
    pub grants: Vec<GrantLine>,
    pub conditions: Vec<ConditionLine>,
    pub source: String,
}

#[derive(Template)]
#[template(path = "monitoring/funding.html")]
pub struct FundingPage {
    layout: Layout,
    region: String,
    years: Vec<YearLine>,
    agreements: Vec<AgreementView>,
    fee: String,
}

fn organisation(idx: &CatalogueIndex, key: &str) -> String {
    idx.organizations()
        .iter()
        .find(|o| o.key == key)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| key.to_string())
}

fn agreements(
    tr: &Tr,
    idx: &CatalogueIndex,
    f: &Funding,
    today: chrono::NaiveDate,
) -> Vec<AgreementView> {
    f.agreements
        .iter()
        .map(|a| AgreementView {
            id: a.id.clone(),
            name: a.name.clone(),
            funders: a
                .funders
                .iter()
                .filter_map(|id| f.funders.iter().find(|x| &x.id == id))
                .map(|x| x.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
            recipients: a
                .recipients
                .iter()
                .map(|k| organisation(idx, k))
                .collect::<Vec<_>>()
                .join(", "),
            signed: a.signed.map(|d| tr.date(d)),
            maximum: a.maximum,
            grants: a
                .grants
                .iter()
                .map(|g| GrantLine {
                    year: g.year,
                    amount: g.cents.map_or_else(|| tr.t("funding-no-amount"), euros),
                    wording: g.wording.clone(),
                })
                .collect(),
            conditions: a
                .conditions
                .iter()
                .map(|c| ConditionLine {
                    deadline: tr.date(c.deadline),
                    text: c.text.clone(),
                    passed: c.deadline < today,
                })
                .collect(),
            source: a.source.clone(),
        })
        .collect()
}

pub async fn page(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(f) = state.funding.first() else {
        return failure(loket_app::AppError::NotFound);
    };
    let board = match funding::employer_board(&state).await {
        Ok(b) => b,
        Err(e) => return failure(e),
    };
    let idx = state.index();
    let mut per_year = f.per_year();
    for year in board.keys() {
        per_year.entry(*year).or_insert(0);
    }
    let years = per_year
        .iter()
        .map(|(year, cents)| {
            let b = board.get(year).copied().unwrap_or_default();
            YearLine {
                year: *year,
                agreements: euros(*cents),
                board: tr.s(
                    "funding-board-paid",
                    &[("paid", euros(b.paid)), ("promised", euros(b.promised))],
                ),
                members: b.members,
                total: euros(cents + b.promised),
            }
        })
        .collect();
    let page = FundingPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("funding-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        region: idx
            .regions
            .get(&f.region)
            .map(|r| r.name.get(lang).to_string())
            .unwrap_or_else(|| f.region.clone()),
        agreements: agreements(&tr, &idx, f, state.clock.today()),
        years,
        fee: tr.s(
            "funding-board-fee",
            &[("fee", euros(f.employer_board_fee_cents))],
        ),
    };
    render(StatusCode::OK, &page)
}
