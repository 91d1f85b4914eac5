//! Who funds the region's services (`/beheer/financiering`), for the coordinator
//! and the funders: per year the known amounts and the Employer Board's fees;
//! per agreement its funders, the organisations it funds, the amount per year
//! (a maximum or fixed; the source's words where it names no amount), its
//! conditions with their deadlines, and where it comes from; how a maximum is
//! split over the organisations and where each condition stands. A funder
//! account linked to a funder sees first what that funder funds, with links to
//! those results. The coordinator records the splits, the conditions and the
//! links here (errors next to their fields, nothing stored).

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::view::{Layout, Opt, Page, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::monitoring::funding::{self, FundingView, LinkInput};
use loket_domain::monitoring::allocation::{ConditionInput, ConditionStatus, ShareInput};
use loket_domain::monitoring::funding::{Agreement, Funding};
use loket_domain::monitoring::programme::euros;
use loket_domain::policy::{self, Action, Target};
use loket_domain::referral::FieldProblem;
use loket_domain::search::CatalogueIndex;
use serde::Deserialize;

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
    /// Open with its deadline passed.
    pub passed: bool,
    /// "Met on 20 February 2026 (recorded by …): note", or "Open".
    pub state: String,
}

/// How a maximum contribution is split: per organisation the share of each year.
pub struct SplitView {
    pub years: Vec<i32>,
    pub rows: Vec<(String, Vec<String>)>,
    /// Per year: "€ x of € y shared out".
    pub totals: Vec<String>,
}

pub struct AgreementView {
    pub id: String,
    pub name: String,
    pub funders: String,
    pub recipients: String,
    pub signed: Option<String>,
    pub maximum: bool,
    pub grants: Vec<GrantLine>,
    pub split: Option<SplitView>,
    pub conditions: Vec<ConditionLine>,
    pub source: String,
}

/// What a linked funder funds: its agreements, with links to the results of
/// the organisations they fund.
pub struct FunderView {
    /// "What ESZL funds".
    pub heading: String,
    pub agreements: Vec<(String, String)>,
    /// Organisation name and its results' address.
    pub results: Vec<(String, String)>,
}

/// A funder account and the funders it stands for (id and name).
pub struct AccountLinks {
    pub id: String,
    pub label: String,
    pub funders: Vec<(String, String)>,
}

fn organisation(idx: &CatalogueIndex, key: &str) -> String {
    idx.organizations()
        .iter()
        .find(|o| o.key == key)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| key.to_string())
}

fn split(tr: &Tr, idx: &CatalogueIndex, v: &FundingView, a: &Agreement) -> Option<SplitView> {
    if !a.maximum || a.recipients.len() < 2 {
        return None;
    }
    let years: Vec<i32> = a.grants.iter().map(|g| g.year).collect();
    let share = |r: &str, y: i32| {
        v.shares
            .iter()
            .find(|s| s.value.agreement == a.id && s.value.recipient == r && s.value.year == y)
            .map(|s| s.value.cents)
    };
    let rows = a
        .recipients
        .iter()
        .map(|r| {
            let cells = years
                .iter()
                .map(|y| share(r, *y).map_or_else(|| "–".to_string(), euros))
                .collect();
            (organisation(idx, r), cells)
        })
        .collect();
    let shares: Vec<_> = v.shares.iter().map(|s| s.value.clone()).collect();
    let totals = a
        .grants
        .iter()
        .map(|g| {
            let shared = loket_domain::monitoring::allocation::shared(&shares, a, g.year);
            match g.cents {
                Some(max) => tr.s(
                    "funding-shared-of",
                    &[("shared", euros(shared)), ("maximum", euros(max))],
                ),
                None => euros(shared),
            }
        })
        .collect();
    Some(SplitView {
        years,
        rows,
        totals,
    })
}

/// A condition's state in words, and whether it is still open.
fn condition_state(tr: &Tr, v: &FundingView, a: &Agreement, condition: &str) -> (String, bool) {
    let Some(r) = v
        .conditions
        .iter()
        .find(|c| c.value.agreement == a.id && c.value.condition == condition)
    else {
        return (tr.t("funding-status-open"), true);
    };
    let who = v.names.get(&r.set_by).cloned().unwrap_or_default();
    let mut text = match (r.value.status, r.value.on) {
        (ConditionStatus::Open, _) | (_, None) => tr.t("funding-status-open"),
        (status, Some(on)) => tr.s(
            &format!("funding-condition-{}-on", status.code()),
            &[("day", tr.date(on)), ("who", who)],
        ),
    };
    if !r.value.note.is_empty() {
        text.push_str(": ");
        text.push_str(&r.value.note);
    }
    (text, r.value.status == ConditionStatus::Open)
}

fn agreements(
    tr: &Tr,
    idx: &CatalogueIndex,
    v: &FundingView,
    today: chrono::NaiveDate,
) -> Vec<AgreementView> {
    let f = &v.funding;
    f.agreements
        .iter()
        .map(|a| AgreementView {
            id: a.id.clone(),
            name: a.name.clone(),
            funders: funder_names(f, &a.funders),
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
            split: split(tr, idx, v, a),
            conditions: a
                .conditions
                .iter()
                .map(|c| {
                    let (state, open) = condition_state(tr, v, a, &c.id);
                    ConditionLine {
                        deadline: tr.date(c.deadline),
                        text: c.text.clone(),
                        passed: open && c.deadline < today,
                        state,
                    }
                })
                .collect(),
            source: a.source.clone(),
        })
        .collect()
}

fn funder_names(f: &Funding, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| f.funders.iter().find(|x| &x.id == id))
        .map(|x| x.name.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What each funder the viewer stands for funds, with links to this year's
/// results of the organisations funded.
fn funded_by(
    tr: &Tr,
    idx: &CatalogueIndex,
    f: &Funding,
    funders: &[String],
    year: i32,
    lang: loket_domain::Lang,
) -> Vec<FunderView> {
    funders
        .iter()
        .filter_map(|id| f.funders.iter().find(|x| &x.id == id))
        .map(|funder| {
            let theirs: Vec<&Agreement> = f
                .agreements
                .iter()
                .filter(|a| a.funders.contains(&funder.id))
                .collect();
            let mut keys: Vec<&String> = theirs.iter().flat_map(|a| &a.recipients).collect();
            keys.sort();
            keys.dedup();
            FunderView {
                heading: tr.s("funding-what-you-fund", &[("funder", funder.name.clone())]),
                agreements: theirs
                    .iter()
                    .map(|a| (a.id.clone(), a.name.clone()))
                    .collect(),
                results: keys
                    .into_iter()
                    .filter_map(|key| idx.organizations().iter().find(|o| &o.key == key))
                    .map(|o| {
                        let q = crate::present::query_string(&[
                            ("org", &o.id),
                            ("jaar", &year.to_string()),
                            ("lang", lang.code()),
                        ]);
                        (o.name.clone(), format!("/beheer/resultaten?{q}"))
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "monitoring/funding.html")]
pub struct FundingPage {
    layout: Layout,
    region: String,
    funded: Vec<FunderView>,
    years: Vec<YearLine>,
    agreements: Vec<AgreementView>,
    fee: String,
    can_edit: bool,
    token: String,
    errors: Errors,
    saved: bool,
    share: ShareInput,
    share_agreements: Vec<Opt>,
    recipients: Vec<Opt>,
    share_years: Vec<Opt>,
    condition: ConditionInput,
    condition_options: Vec<Opt>,
    statuses: Vec<Opt>,
    accounts: Vec<AccountLinks>,
    account_options: Vec<Opt>,
    funder_options: Vec<Opt>,
}

/// What a form sent, to show again with its problems.
#[derive(Default)]
pub struct Sent {
    share: ShareInput,
    condition: ConditionInput,
    link: LinkInput,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
pub struct Params {
    #[serde(default)]
    opgeslagen: String,
}

/// The region whose funding is shown (South Limburg's ships).
fn region(state: &AppState) -> String {
    funding::first_region(state).unwrap_or_default()
}

fn opts(items: impl Iterator<Item = (String, String)>, chosen: &str) -> Vec<Opt> {
    items
        .map(|(value, label)| Opt {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

fn year_lines(
    tr: &Tr,
    f: &Funding,
    board: &std::collections::BTreeMap<i32, funding::Board>,
) -> Vec<YearLine> {
    let mut per_year = f.per_year();
    for year in board.keys() {
        per_year.entry(*year).or_insert(0);
    }
    per_year
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
        .collect()
}

async fn show(state: &AppState, ui: Page, viewer: &Viewer, sent: Sent, saved: bool) -> Response {
    let Page { lang, tr, uri } = ui;
    let code = region(state);
    let v = match funding::view(state, &code).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let board = match funding::employer_board(state).await {
        Ok(b) => b,
        Err(e) => return failure(e),
    };
    let mine: Vec<String> = match funding::funders_of(state, &viewer.account.id).await {
        Ok(links) => links
            .into_iter()
            .filter(|l| l.region == code)
            .map(|l| l.funder)
            .collect(),
        Err(e) => return failure(e),
    };
    let idx = state.index();
    let f = &v.funding;
    let splittable: Vec<&Agreement> = f
        .agreements
        .iter()
        .filter(|a| a.maximum && a.recipients.len() > 1)
        .collect();
    let Sent {
        share,
        condition,
        link,
        errors,
    } = sent;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let accounts: Vec<AccountLinks> = v
        .funder_accounts
        .iter()
        .map(|(a, funders)| AccountLinks {
            id: a.id.clone(),
            label: format!("{} ({})", a.display_name, a.email.as_str()),
            funders: funders
                .iter()
                .map(|id| (id.clone(), funder_names(f, std::slice::from_ref(id))))
                .collect(),
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
        funded: funded_by(&tr, &idx, f, &mine, super::query::this_year(state), lang),
        agreements: agreements(&tr, &idx, &v, state.clock.today()),
        years: year_lines(&tr, f, &board),
        fee: tr.s(
            "funding-board-fee",
            &[("fee", euros(f.employer_board_fee_cents))],
        ),
        can_edit: policy::allows(&viewer.memberships, Action::SetTargets, Target::Network),
        token: state.form_token(viewer),
        saved,
        share_agreements: opts(
            splittable.iter().map(|a| (a.id.clone(), a.name.clone())),
            &share.agreement,
        ),
        recipients: opts(
            splittable
                .iter()
                .flat_map(|a| &a.recipients)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|k| (k.clone(), organisation(&idx, k))),
            &share.recipient,
        ),
        share_years: opts(
            splittable
                .iter()
                .flat_map(|a| a.grants.iter().map(|g| g.year))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|y| (y.to_string(), y.to_string())),
            &share.year,
        ),
        condition_options: opts(
            f.conditions().into_iter().map(|(a, c)| {
                (
                    format!("{}/{}", a.id, c.id),
                    format!("{} – {}", tr.date(c.deadline), a.name),
                )
            }),
            &format!("{}/{}", condition.agreement, condition.condition),
        ),
        statuses: opts(
            ConditionStatus::ALL.iter().map(|s| {
                (
                    s.code().to_string(),
                    tr.t(&format!("funding-status-{}", s.code())),
                )
            }),
            &condition.status,
        ),
        account_options: opts(
            accounts.iter().map(|a| (a.id.clone(), a.label.clone())),
            &link.account,
        ),
        funder_options: opts(
            f.funders.iter().map(|x| (x.id.clone(), x.name.clone())),
            &link.funder,
        ),
        accounts,
        share,
        condition,
        errors,
    };
    render(status, &page)
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
) -> Response {
    let saved = params.opgeslagen == "1";
    show(&state, ui, &viewer, Sent::default(), saved).await
}

fn errors_of(tr: &Tr, problems: &[FieldProblem]) -> Errors {
    let mut errors = Errors::default();
    for p in problems {
        errors.add(
            p.field,
            tr.t(&format!("funding-error-{}-{}", p.field, p.problem)),
        );
    }
    errors
}

fn back(lang: loket_domain::Lang, anchor: &str) -> Response {
    Redirect::to(&format!(
        "/beheer/financiering?opgeslagen=1&lang={}#{anchor}",
        lang.code()
    ))
    .into_response()
}

pub async fn set_share(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(input): CheckedForm<ShareInput>,
) -> Response {
    match funding::set_share(&state, &region(&state), &input, &viewer.account.id).await {
        Ok(s) => back(ui.lang, &format!("agreement-{}", s.agreement)),
        Err(AppError::Invalid(p)) => {
            let sent = Sent {
                errors: errors_of(&ui.tr, &p),
                share: input,
                ..Sent::default()
            };
            show(&state, ui, &viewer, sent, false).await
        }
        Err(e) => failure(e),
    }
}

/// The condition form: `condition` is `{agreement}/{condition}`.
#[derive(Debug, Default, Deserialize)]
pub struct ConditionForm {
    #[serde(default)]
    condition: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    on: String,
    #[serde(default)]
    note: String,
}

pub async fn set_condition(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(form): CheckedForm<ConditionForm>,
) -> Response {
    let (agreement, condition) = form.condition.split_once('/').unwrap_or(("", ""));
    let input = ConditionInput {
        agreement: agreement.to_string(),
        condition: condition.to_string(),
        status: form.status,
        on: form.on,
        note: form.note,
    };
    match funding::set_condition(&state, &region(&state), &input, &viewer.account.id).await {
        Ok(c) => back(ui.lang, &format!("agreement-{}", c.agreement)),
        Err(AppError::Invalid(p)) => {
            let sent = Sent {
                errors: errors_of(&ui.tr, &p),
                condition: input,
                ..Sent::default()
            };
            show(&state, ui, &viewer, sent, false).await
        }
        Err(e) => failure(e),
    }
}

pub async fn link_funder(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(input): CheckedForm<LinkInput>,
) -> Response {
    match funding::link_funder(&state, &region(&state), &input, &viewer.account.id).await {
        Ok(_) => back(ui.lang, "funder-accounts"),
        Err(AppError::Invalid(p)) => {
            let sent = Sent {
                errors: errors_of(&ui.tr, &p),
                link: input,
                ..Sent::default()
            };
            show(&state, ui, &viewer, sent, false).await
        }
        Err(e) => failure(e),
    }
}
