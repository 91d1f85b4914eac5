//! Figures on contacts and referrals (`/beheer/cijfers`): staff and
//! organisation admins see their organisation's, the coordinator the network's
//! (or one region's or organisation's), funders the same with small cells
//! suppressed; a role tied to a region sees that region's.

use crate::AppState;
use crate::error::failure;
use crate::pages::monitoring::query::{scope_name, scope_value};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::referrals::figures_scope::{self, FiguresScope};
use loket_app::referrals::queries;
use loket_domain::figures::{self, Audience, Cell, ReferralRecord};
use loket_domain::{Lang, TaxonomyKind};
use serde::Deserialize;

pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "referrals/figures.html")]
pub struct FiguresPage {
    layout: Layout,
    scope: String,
    year: i32,
    years: Vec<Opt>,
    /// Network, regions and organisations the viewer may choose from.
    scopes: Vec<Opt>,
    suppressed_note: bool,
    summary: Vec<Line>,
    tables: Vec<Table>,
}

pub struct Table {
    pub caption: String,
    pub lines: Vec<Line>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// An organisation's id, or `regio:{code}` for a region (one list offers both).
    #[serde(default)]
    org: String,
    /// Text, so that a mangled link shows this year instead of an error.
    #[serde(default)]
    jaar: String,
}

impl Params {
    fn region(&self) -> Option<&str> {
        self.org.strip_prefix("regio:")
    }
}

fn cell(tr: &Tr, c: Cell) -> String {
    match c {
        Cell::Count(n) => n.to_string(),
        Cell::Suppressed => tr.t("figures-suppressed"),
    }
}

fn lines(tr: &Tr, list: Vec<(String, Cell)>, label: impl Fn(&str) -> String) -> Vec<Line> {
    list.into_iter()
        .map(|(k, c)| Line {
            label: label(&k),
            value: cell(tr, c),
        })
        .collect()
}

/// Unix seconds at the start of a year in the region.
fn year_start(year: i32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| {
            t.and_local_timezone(chrono_tz::Europe::Amsterdam)
                .earliest()
        })
        .map(|t| t.timestamp())
        .unwrap_or(0)
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(choice) = figures_scope::choose(
        &viewer.memberships,
        &idx,
        params.region(),
        Some(params.org.as_str()).filter(|o| !o.is_empty()),
    ) else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let audience = if choice.exact {
        Audience::Exact
    } else {
        Audience::AggregatesOnly
    };
    let this_year = state.clock.today().format("%Y").to_string();
    let this_year: i32 = this_year.parse().unwrap_or(2026);
    let year = params
        .jaar
        .parse::<i32>()
        .unwrap_or(this_year)
        .clamp(2000, this_year + 1);
    let (from, to) = (year_start(year), year_start(year + 1));
    let partners = figures_scope::partners(&choice.scope, &idx);
    let one_org = match &choice.scope {
        FiguresScope::Organization(o) => Some(o.as_str()),
        _ => None,
    };
    let (contacts, facts) = match queries::figures_input(&state, one_org, from, to).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    let records: Vec<ReferralRecord> = facts
        .iter()
        .map(|f| ReferralRecord {
            referral: &f.referral,
            accepted_at: f.accepted_at,
        })
        .collect();
    let f = figures::figures(partners.as_deref(), &contacts, &records, audience);
    // Staff read the counts behind a rate ("100 % (1 of 1 answered)"); funders
    // the percentage only, so no small count can be worked back out.
    let percent = |r: figures::Rate, counted_key: &str| match r {
        None => tr.t("figures-none"),
        Some(r) if audience == Audience::Exact => tr.counts(
            counted_key,
            &[
                ("percent", r.percent as usize),
                ("part", r.part as usize),
                ("whole", r.whole as usize),
            ],
        ),
        Some(r) => tr.counts("figures-percent", &[("percent", r.percent as usize)]),
    };
    let summary = vec![
        Line {
            label: tr.t("figures-contacts"),
            value: cell(&tr, f.contacts),
        },
        Line {
            label: tr.t("figures-sent"),
            value: cell(&tr, f.referrals_sent),
        },
        Line {
            label: tr.t("figures-received"),
            value: cell(&tr, f.referrals_received),
        },
        Line {
            label: tr.t("figures-acceptance"),
            value: percent(f.acceptance_rate, "figures-acceptance-counted"),
        },
        Line {
            label: tr.t("figures-median-accept"),
            value: f
                .median_hours_to_accept
                .map(|h| tr.n("figures-hours", "count", h as usize))
                .unwrap_or_else(|| tr.t("figures-none")),
        },
        Line {
            label: tr.t("figures-loop-closure"),
            value: percent(f.loop_closure_rate, "figures-loop-closure-counted"),
        },
    ];
    let term = |kind: TaxonomyKind, code: &str, lang: Lang| {
        idx.terms_of(kind)
            .find(|t| t.code == code)
            .map(|t| t.name.get(lang).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    let scope_name = |scope: &FiguresScope| scope_name(&tr, &idx, lang, scope);
    let scopes = choice
        .options
        .iter()
        .map(|o| Opt {
            value: scope_value(o),
            label: scope_name(o),
            selected: *o == choice.scope,
        })
        .collect();
    let page = FiguresPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("figures-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        scope: scope_name(&choice.scope),
        year,
        years: (2025..=this_year)
            .rev()
            .map(|y| Opt {
                value: y.to_string(),
                label: y.to_string(),
                selected: y == year,
            })
            .collect(),
        scopes,
        suppressed_note: audience == Audience::AggregatesOnly,
        summary,
        tables: vec![
            Table {
                caption: tr.t("figures-by-service"),
                lines: lines(&tr, f.contacts_by_service, |id| {
                    idx.service(id)
                        .map(|s| s.name.get(lang).to_string())
                        .unwrap_or_else(|| id.to_string())
                }),
            },
            Table {
                caption: tr.t("figures-by-topic"),
                lines: lines(&tr, f.contacts_by_topic, |c| {
                    term(TaxonomyKind::Topic, c, lang)
                }),
            },
            Table {
                caption: tr.t("figures-by-month"),
                lines: lines(&tr, f.contacts_by_month, str::to_string),
            },
            Table {
                caption: tr.t("figures-by-channel"),
                lines: lines(&tr, f.contacts_by_channel, |c| {
                    tr.t(&format!("contact-channel-{c}"))
                }),
            },
            Table {
                caption: tr.t("figures-outcomes"),
                lines: f
                    .outcomes
                    .into_iter()
                    .map(|(o, c)| Line {
                        label: tr.t(&format!("referral-outcome-{}", o.code())),
                        value: cell(&tr, c),
                    })
                    .collect(),
            },
        ],
    };
    render(StatusCode::OK, &page)
}
