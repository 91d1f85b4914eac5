//! Editing a service in four languages with preview and opening hours, and
//! confirming it is still correct; saves go through the versioned-save use case.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::forms::pairs_value;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::catalogue::editing::{self as versioned, Edit};
use loket_domain::editing::{ServiceEdit, TEXT_FIELDS};
use loket_domain::{Lang, Service};
use serde::Deserialize;

// ---------------------------------------------------------- edit service

pub struct LangSection {
    pub code: &'static str,
    pub label: String,
    pub fields: Vec<TextField>,
}

pub struct TextField {
    pub name: String,
    pub label: String,
    pub value: String,
    pub multiline: bool,
    pub error: Option<String>,
}

pub struct DayHours {
    pub name: String,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

pub struct Preview {
    pub lang: &'static str,
    pub label: String,
    pub name: String,
    pub description: String,
}

#[derive(Template)]
#[template(path = "catalogue/service_edit.html")]
pub struct EditPage {
    layout: Layout,
    id: String,
    organization: String,
    sections: Vec<LangSection>,
    url: String,
    email: String,
    phone: String,
    languages: String,
    statuses: Vec<Opt>,
    hours: Vec<DayHours>,
    last_modified: String,
    assured: String,
    token: String,
    errors: Errors,
    preview: Vec<Preview>,
    saved: bool,
    conflict: bool,
}

pub(crate) const LANG_LABELS: [(Lang, &str); 7] = [
    (Lang::Nl, "lang-name-nl"),
    (Lang::En, "lang-name-en"),
    (Lang::De, "lang-name-de"),
    (Lang::Fr, "lang-name-fr"),
    (Lang::Pl, "lang-name-pl"),
    (Lang::Ro, "lang-name-ro"),
    (Lang::Bg, "lang-name-bg"),
];

#[allow(clippy::too_many_arguments)]
pub(crate) fn edit_page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &crate::session::Viewer,
    stored: &Service,
    edit: &ServiceEdit,
    last_modified: String,
    errors: Errors,
    preview: Vec<Preview>,
    saved: bool,
    conflict: bool,
) -> EditPage {
    let idx = state.index();
    let sections = LANG_LABELS
        .iter()
        .map(|(lang, label)| LangSection {
            code: lang.code(),
            label: tr.t(label),
            fields: TEXT_FIELDS
                .iter()
                .map(|f| {
                    let name = format!("{f}_{}", lang.code());
                    TextField {
                        error: errors.get(&name).cloned(),
                        value: edit.text(f, *lang).to_string(),
                        label: tr.t(&format!("edit-field-{f}")),
                        multiline: *f != "name",
                        name,
                    }
                })
                .collect(),
        })
        .collect();
    let statuses = ["active", "temporarily closed", "inactive", "defunct"]
        .into_iter()
        .map(|s| Opt {
            value: s.to_string(),
            label: tr.t(&format!("status-{}", s.replace(' ', "-"))),
            selected: edit.status == s,
        })
        .collect();
    let hours = loket_domain::editing::DAYS
        .iter()
        .map(|(_, day)| {
            let name = format!("hours_{day}");
            DayHours {
                error: errors.get(&name).cloned(),
                label: tr.t(&format!("weekday-{day}")),
                value: edit.hours.get(*day).cloned().unwrap_or_default(),
                name,
            }
        })
        .collect();
    EditPage {
        hours,
        layout: layout(
            tr,
            tr.s(
                "edit-title",
                &[("name", stored.name.get(tr.lang).to_string())],
            ),
            uri,
        ),
        id: stored.id.clone(),
        organization: idx
            .organization(&stored.organization_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        sections,
        url: edit.url.clone(),
        email: edit.email.clone(),
        phone: edit.phone.clone(),
        languages: edit.languages.clone(),
        statuses,
        last_modified,
        assured: tr.s(
            "edit-confirm-last",
            &[(
                "date",
                stored
                    .assured_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| tr.t("edit-never-confirmed")),
            )],
        ),
        token: state.form_token(viewer),
        errors,
        preview,
        saved,
        conflict,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditQuery {
    pub saved: String,
}

pub(crate) async fn stored_service(
    state: &AppState,
    id: &str,
) -> Result<Option<Service>, loket_app::AppError> {
    loket_app::catalogue::history::stored_service(state, id).await
}

pub async fn edit_service(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<EditQuery>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let service = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let edit = ServiceEdit::from_service(&service);
    let page = edit_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &service,
        &edit,
        service.last_modified.to_rfc3339(),
        Errors::default(),
        Vec::new(),
        q.saved == "1",
        false,
    );
    render(StatusCode::OK, &page)
}

pub(crate) fn edit_from_pairs(pairs: &[(String, String)]) -> ServiceEdit {
    let mut edit = ServiceEdit::default();
    for field in TEXT_FIELDS {
        for lang in Lang::ALL {
            let key = format!("{field}_{}", lang.code());
            edit.texts
                .insert(key.clone(), pairs_value(pairs, &key).to_string());
        }
    }
    edit.url = pairs_value(pairs, "url").to_string();
    edit.email = pairs_value(pairs, "email").to_string();
    edit.phone = pairs_value(pairs, "phone").to_string();
    edit.languages = pairs_value(pairs, "languages").to_string();
    edit.status = pairs_value(pairs, "status").to_string();
    for (_, day) in loket_domain::editing::DAYS {
        edit.hours.insert(
            day.to_string(),
            pairs_value(pairs, &format!("hours_{day}")).to_string(),
        );
    }
    edit
}

pub(crate) fn previews(tr: &Tr, s: &Service) -> Vec<Preview> {
    LANG_LABELS
        .iter()
        .map(|(lang, label)| Preview {
            lang: s.name.resolved_lang(*lang).code(),
            label: tr.t(label),
            name: s.name.get(*lang).to_string(),
            description: s.description.get(*lang).to_string(),
        })
        .collect()
}

pub async fn save_service(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let stored = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let edit = edit_from_pairs(&pairs);
    let seen = pairs_value(&pairs, "last_modified").to_string();
    let expected = chrono::DateTime::parse_from_rfc3339(&seen)
        .map(|t| t.with_timezone(&chrono::Utc))
        .ok();
    let page = |errors: Errors, preview: Vec<Preview>, conflict: bool, status: StatusCode| {
        let p = edit_page(
            &state,
            &tr,
            &uri,
            &viewer,
            &stored,
            &edit,
            seen.clone(),
            errors,
            preview,
            false,
            conflict,
        );
        render(status, &p)
    };
    // A new second, so that the version is distinguishable from the one before.
    let now = chrono::DateTime::from_timestamp(
        state
            .clock
            .now()
            .timestamp()
            .max(stored.last_modified.timestamp() + 1),
        0,
    )
    .unwrap_or_default();
    let edited = match edit.apply(&stored, now) {
        Ok(s) => s,
        Err(problems) => {
            let mut errors = Errors::default();
            for p in problems {
                let field: &'static str = field_name(&p.field);
                errors.add(field, tr.t(&format!("edit-error-{}", p.code)));
            }
            return page(errors, Vec::new(), false, StatusCode::BAD_REQUEST);
        }
    };
    if pairs_value(&pairs, "action") == "preview" {
        return page(
            Errors::default(),
            previews(&tr, &edited),
            false,
            StatusCode::OK,
        );
    }
    let Some(expected) = expected else {
        return page(Errors::default(), Vec::new(), true, StatusCode::CONFLICT);
    };
    let edit = Edit::Service {
        service: &edited,
        expected,
    };
    match versioned::save(&state, edit, &viewer.account.id).await {
        Ok(_) => Redirect::to(&format!("/beheer/diensten/{id}?saved=1")).into_response(),
        Err(AppError::Conflict { .. }) => {
            page(Errors::default(), Vec::new(), true, StatusCode::CONFLICT)
        }
        Err(e) => failure(e),
    }
}

/// Field names are a fixed set; map the checked field to its static name.
pub(crate) fn field_name(field: &str) -> &'static str {
    const NAMES: &[&str] = &[
        "name_nl",
        "name_en",
        "name_de",
        "name_fr",
        "description_nl",
        "description_en",
        "description_de",
        "description_fr",
        "eligibility_nl",
        "eligibility_en",
        "eligibility_de",
        "eligibility_fr",
        "application_process_nl",
        "application_process_en",
        "application_process_de",
        "application_process_fr",
        "fees_nl",
        "fees_en",
        "fees_de",
        "fees_fr",
        "url",
        "email",
        "phone",
        "languages",
        "status",
        "hours_mo",
        "hours_tu",
        "hours_we",
        "hours_th",
        "hours_fr",
        "hours_sa",
        "hours_su",
    ];
    NAMES
        .iter()
        .find(|n| **n == field)
        .copied()
        .unwrap_or("form")
}

/// "This record is still right": sets `assured_date` to today.
pub async fn confirm_service(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let stored = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let confirmed = versioned::confirmed(&state, &stored);
    let edit = Edit::Confirmation {
        service: &confirmed,
        expected: stored.last_modified,
    };
    match versioned::save(&state, edit, &viewer.account.id).await {
        Ok(_) => Redirect::to(&format!("/beheer/diensten/{id}?saved=1")).into_response(),
        // Someone saved meanwhile: show the service as it is now.
        Err(AppError::Conflict { .. }) => {
            Redirect::to(&format!("/beheer/diensten/{id}")).into_response()
        }
        Err(e) => failure(e),
    }
}
