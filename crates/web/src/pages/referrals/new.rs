//! Referring someone to another organisation's service, with consent or another
//! legal basis recorded.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::referrals::detail::load;
use crate::pages::referrals::inbox::chosen_org;
use crate::pages::referrals::shared::{caller, layout, my_orgs, org_name, service_name};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, OptGroup, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::referrals::{self as desk, ReferError};
use loket_domain::Lang;
use loket_domain::referral::{LegalBasis, ReferralRequest, Side};
use serde::Deserialize;

// ------------------------------------------------------------ new referral

#[derive(Template)]
#[template(path = "referrals/referral_new.html")]
pub struct NewPage {
    layout: Layout,
    token: String,
    org: String,
    orgs: Vec<Opt>,
    services: Vec<OptGroup>,
    languages: Vec<Opt>,
    bases: Vec<Opt>,
    form: ReferralForm,
    errors: Errors,
    previous_service: String,
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct ReferralForm {
    #[serde(default)]
    pub org: String,
    #[serde(default)]
    pub service_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub basis: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub previous_id: String,
}

/// The languages people may ask to be helped in.
pub(crate) fn language_options(tr: &Tr, selected: &str) -> Vec<Opt> {
    [
        "nl", "en", "de", "fr", "pl", "ro", "bg", "es", "pt", "tr", "ar", "uk",
    ]
    .iter()
    .map(|code| Opt {
        value: code.to_string(),
        label: tr.t(&format!("lang-name-{code}")),
        selected: *code == selected,
    })
    .collect()
}

/// Services of other organisations, grouped by organisation, to refer to.
pub(crate) fn service_groups(
    state: &AppState,
    lang: Lang,
    own: &str,
    selected: &str,
) -> Vec<OptGroup> {
    let idx = state.index();
    let collation = loket_i18n::Collation::new(lang.code());
    let mut groups: Vec<OptGroup> = idx
        .organizations()
        .iter()
        .filter(|o| o.id != own)
        .map(|o| {
            let mut options: Vec<Opt> = idx
                .services_of(&o.id)
                .filter(|s| s.status == loket_domain::ServiceStatus::Active)
                .map(|s| Opt {
                    value: s.id.clone(),
                    label: s.name.get(lang).to_string(),
                    selected: s.id == selected,
                })
                .collect();
            collation.sort_by_key(&mut options, |o| &o.label);
            OptGroup {
                label: o.name.clone(),
                options,
            }
        })
        .filter(|g| !g.options.is_empty())
        .collect();
    collation.sort_by_key(&mut groups, |o| &o.label);
    groups
}

pub(crate) fn new_page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    org: &str,
    form: ReferralForm,
    errors: Errors,
) -> NewPage {
    let lang = tr.lang;
    NewPage {
        layout: layout(tr, tr.t("referral-new-title"), uri),
        token: state.form_token(viewer),
        org: org.to_string(),
        orgs: my_orgs(viewer)
            .into_iter()
            .map(|o| Opt {
                label: org_name(state, &o),
                selected: o == org,
                value: o,
            })
            .collect(),
        services: service_groups(state, lang, org, &form.service_id),
        languages: language_options(tr, &form.language),
        bases: LegalBasis::ALL
            .iter()
            .map(|b| Opt {
                value: b.code().into(),
                label: tr.t(&format!("basis-{}", b.code())),
                selected: form.basis == b.code(),
            })
            .collect(),
        previous_service: String::new(),
        form,
        errors,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewParams {
    #[serde(default)]
    org: String,
    #[serde(default)]
    dienst: String,
    #[serde(default)]
    vervolg: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<NewParams>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let mut form = ReferralForm {
        service_id: params.dienst.clone(),
        language: lang.code().into(),
        ..Default::default()
    };
    let mut org = chosen_org(&viewer, &params.org);
    let mut previous_service = String::new();
    if !params.vervolg.is_empty() {
        // Referring on: the person's details come from the referral received.
        match load(&state, &viewer, &params.vervolg).await {
            Ok(Some((r, party))) if r.side_of(&party) == Some(Side::Receiver) => {
                if let Some(p) = &r.person {
                    form.name = p.name.clone();
                    form.contact = p.contact.clone();
                    form.language = p.language.clone();
                }
                form.previous_id = r.id.clone();
                previous_service = tr.s(
                    "referral-new-onward",
                    &[("service", service_name(&state, &r.service_id, lang))],
                );
                org = Some(party);
            }
            Ok(_) => return crate::pages::errors::not_found_page(&state, lang, &uri),
            Err(e) => return failure(e),
        }
    }
    let Some(org) = org else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let mut page = new_page(&state, &tr, &uri, &viewer, &org, form, Errors::default());
    page.previous_service = previous_service;
    render(StatusCode::OK, &page)
}

/// The message for a problem with a referral field, in the viewer's language.
pub(crate) fn problem_message(tr: &Tr, field: &str, problem: &str) -> String {
    let specific = format!("referral-error-{field}-{problem}");
    let text = tr.t(&specific);
    if text != specific && !text.is_empty() {
        text
    } else {
        tr.t(&format!("referral-error-{problem}"))
    }
}

pub async fn create(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(form): CheckedForm<ReferralForm>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(org) = chosen_org(&viewer, &form.org) else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let request = ReferralRequest {
        service_id: form.service_id.clone(),
        name: form.name.clone(),
        contact: form.contact.clone(),
        language: form.language.clone(),
        note: form.note.clone(),
        basis: form.basis.clone(),
        purpose: form.purpose.clone(),
        previous_id: Some(form.previous_id.clone()).filter(|p| !p.is_empty()),
    };
    match desk::refer(&state, Some(caller(&viewer, &org)), &request).await {
        Ok(r) => Redirect::to(&format!(
            "/beheer/verwijzingen/{}?done=sent&lang={}",
            r.id,
            lang.code()
        ))
        .into_response(),
        Err(ReferError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                errors.add(p.field, problem_message(&tr, p.field, p.problem));
            }
            let page = new_page(&state, &tr, &uri, &viewer, &org, form, errors);
            render(StatusCode::BAD_REQUEST, &page)
        }
        Err(ReferError::Store(e)) => failure(e),
    }
}
