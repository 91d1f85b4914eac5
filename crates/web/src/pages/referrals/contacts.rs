//! Registering a client contact at the front office: one keyboard-only form,
//! anonymous unless a follow-up needs a name (then with its legal basis).

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::referrals::new::{language_options, problem_message};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::contacts::register;
use loket_domain::contact::{COUNTRIES, Channel, ContactInput, ContactOutcome};
use loket_domain::policy::{self, Action};
use loket_domain::referral::LegalBasis;
use loket_domain::{Lang, TaxonomyKind};
use serde::Deserialize;

/// A checkbox of the topics list.
pub struct Check {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "referrals/contact_form.html")]
pub struct ContactPage {
    layout: Layout,
    token: String,
    org: String,
    org_name: String,
    services: Vec<Opt>,
    channels: Vec<Opt>,
    outcomes: Vec<Opt>,
    target_groups: Vec<Opt>,
    topics: Vec<Check>,
    residence: Vec<Opt>,
    work: Vec<Opt>,
    languages: Vec<Opt>,
    bases: Vec<Opt>,
    minutes: String,
    name: String,
    contact: String,
    errors: Errors,
    saved: bool,
    today_count: String,
}

/// The form as posted. Topics arrive as repeated fields, so the body is read as pairs.
fn input_from(pairs: &[(String, String)]) -> ContactInput {
    let one = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    ContactInput {
        service_id: one("service_id"),
        channel: one("channel"),
        target_group: one("target_group"),
        topics: pairs
            .iter()
            .filter(|(k, _)| k == "topics")
            .map(|(_, v)| v.clone())
            .collect(),
        residence_country: one("residence_country"),
        work_country: one("work_country"),
        language: one("language"),
        outcome: one("outcome"),
        minutes: one("minutes"),
        name: one("name"),
        contact: one("contact"),
        basis: one("basis"),
    }
}

fn options(values: &[&str], prefix: &str, selected: &str, tr: &Tr) -> Vec<Opt> {
    values
        .iter()
        .map(|v| Opt {
            value: v.to_string(),
            label: tr.t(&format!("{prefix}{v}")),
            selected: *v == selected,
        })
        .collect()
}

fn my_orgs(viewer: &Viewer) -> Vec<String> {
    policy::reach_of(&viewer.memberships, Action::RegisterContact).organizations
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    org: &str,
    input: &ContactInput,
    errors: Errors,
    saved: bool,
    today_count: i64,
) -> ContactPage {
    let lang: Lang = tr.lang;
    let idx = state.index();
    let mut services: Vec<Opt> = idx
        .services_of(org)
        .map(|s| Opt {
            value: s.id.clone(),
            label: s.name.get(lang).to_string(),
            selected: s.id == input.service_id,
        })
        .collect();
    tr.sort_by_key(&mut services, |o| &o.label);
    let terms = |kind| {
        let mut list: Vec<(String, String)> = idx
            .terms_of(kind)
            .map(|t| (t.code.clone(), t.name.get(lang).to_string()))
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    };
    let channel_codes: Vec<&str> = Channel::ALL.iter().map(|c| c.code()).collect();
    let outcome_codes: Vec<&str> = ContactOutcome::ALL.iter().map(|c| c.code()).collect();
    let basis_codes: Vec<&str> = LegalBasis::ALL.iter().map(|c| c.code()).collect();
    ContactPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("contact-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        token: state.form_token(viewer),
        org: org.to_string(),
        org_name: idx
            .organization(org)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        services,
        channels: options(&channel_codes, "contact-channel-", &input.channel, tr),
        outcomes: options(&outcome_codes, "contact-outcome-", &input.outcome, tr),
        target_groups: terms(TaxonomyKind::TargetGroup)
            .into_iter()
            .map(|(code, label)| Opt {
                selected: code == input.target_group,
                value: code,
                label,
            })
            .collect(),
        topics: terms(TaxonomyKind::Topic)
            .into_iter()
            .map(|(code, label)| Check {
                checked: input.topics.contains(&code),
                value: code,
                label,
            })
            .collect(),
        residence: options(&COUNTRIES, "country-", &input.residence_country, tr),
        work: options(&COUNTRIES, "country-", &input.work_country, tr),
        languages: language_options(tr, &input.language),
        bases: options(&basis_codes, "basis-", &input.basis, tr),
        minutes: input.minutes.clone(),
        name: input.name.clone(),
        contact: input.contact.clone(),
        errors,
        saved,
        today_count: tr.n("contact-today", "count", today_count.max(0) as usize),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct FormParams {
    #[serde(default)]
    org: String,
    #[serde(default)]
    dienst: String,
    #[serde(default)]
    saved: String,
}

/// Contacts the organisation registered today.
async fn today_count(state: &AppState, org: &str) -> i64 {
    let today = state.clock.today();
    let start = today
        .and_hms_opt(0, 0, 0)
        .and_then(|t| {
            t.and_local_timezone(chrono_tz::Europe::Amsterdam)
                .earliest()
        })
        .map(|t| t.timestamp())
        .unwrap_or(0);
    loket_app::referrals::queries::contacts_since(state, org, start).await
}

pub async fn form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<FormParams>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let orgs = my_orgs(&viewer);
    let Some(org) = orgs
        .iter()
        .find(|o| **o == params.org)
        .or(orgs.first())
        .cloned()
    else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    // The desk's usual answers are preselected: a routine contact is a few keys.
    let input = ContactInput {
        service_id: params.dienst.clone(),
        channel: Channel::WalkIn.code().into(),
        outcome: ContactOutcome::Answered.code().into(),
        language: lang.code().into(),
        ..Default::default()
    };
    let count = today_count(&state, &org).await;
    let page = page(
        &state,
        &tr,
        &uri,
        &viewer,
        &org,
        &input,
        Errors::default(),
        !params.saved.is_empty(),
        count,
    );
    render(StatusCode::OK, &page)
}

pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let asked_org = pairs
        .iter()
        .find(|(k, _)| k == "org")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let orgs = my_orgs(&viewer);
    // The organisation asked for must be one of the viewer's; none asked: their first.
    let chosen = if asked_org.is_empty() {
        orgs.first()
    } else {
        orgs.iter().find(|o| *o == asked_org)
    };
    let Some(org) = chosen.cloned() else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let input = input_from(&pairs);
    match register(&state, &viewer.account.id, &org, &input, "web").await {
        Ok(c) => Redirect::to(&format!(
            "/beheer/contacten?{}",
            crate::present::query_string(&[
                ("org", &org),
                ("dienst", &c.service_id),
                ("saved", "1"),
                ("lang", lang.code()),
            ])
        ))
        .into_response(),
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                errors.add(p.field, problem_message(&tr, p.field, p.problem));
            }
            let count = today_count(&state, &org).await;
            let page = page(
                &state, &tr, &uri, &viewer, &org, &input, errors, false, count,
            );
            render(StatusCode::BAD_REQUEST, &page)
        }
        Err(e) => failure(e),
    }
}
