//! Editing catalogue records other than services: locations (by their
//! organisation's staff) and taxonomy terms (by the coordinator). One form page
//! serves both; every save is versioned and conflicts are refused.

use crate::AppState;
use crate::error::failure;
use crate::pages::catalogue::history::VersionRow;
use crate::pages::forms::Errors;
use crate::pages::forms::csrf_refused;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::catalogue::editing::{self as versioned, Edit};
use loket_app::catalogue::history;
use loket_domain::TaxonomyKind;
use loket_domain::editing::{self, EditProblem, Fields, changed_fields};
use serde::Deserialize;

pub struct FormField {
    pub name: String,
    pub label: String,
    pub value: String,
    pub multiline: bool,
    pub error: Option<String>,
}

pub struct FormSection {
    pub legend: String,
    pub lang: Option<&'static str>,
    pub fields: Vec<FormField>,
}

#[derive(Template)]
#[template(path = "catalogue/record_edit.html")]
pub struct RecordPage {
    layout: Layout,
    action: String,
    public_link: Option<String>,
    sections: Vec<FormSection>,
    token: String,
    version: i64,
    errors: Errors,
    saved: bool,
    conflict: bool,
    versions: Vec<VersionRow>,
}

/// How a record kind's fields are laid out: per-language groups, then the rest.
struct Layouts {
    /// (field prefix, label key, multiline)
    texts: &'static [(&'static str, &'static str, bool)],
    /// (field name, label key, multiline)
    others: &'static [(&'static str, &'static str, bool)],
    others_legend: &'static str,
}

const LOCATION: Layouts = Layouts {
    texts: &[
        ("name", "edit-field-name", false),
        ("description", "edit-field-description", true),
        ("accessibility", "edit-field-accessibility", true),
    ],
    others: &[
        ("address_1", "edit-field-address", false),
        ("postal_code", "edit-field-postal-code", false),
        ("city", "edit-field-city", false),
        ("country", "edit-field-country", false),
        ("url", "edit-field-url", false),
    ],
    others_legend: "edit-address-legend",
};

const TERM: Layouts = Layouts {
    texts: &[("name", "edit-field-name", false)],
    others: &[("keywords", "edit-field-keywords", true)],
    others_legend: "edit-keywords-legend",
};

use crate::pages::catalogue::services::LANG_LABELS;

fn sections(tr: &Tr, layouts: &Layouts, fields: &Fields, errors: &Errors) -> Vec<FormSection> {
    let field = |name: String, label: &str, multiline: bool| FormField {
        error: errors.get(&name).cloned(),
        value: fields.get(&name).cloned().unwrap_or_default(),
        label: tr.t(label),
        multiline,
        name,
    };
    let mut out: Vec<FormSection> = LANG_LABELS
        .iter()
        .map(|(lang, label)| FormSection {
            legend: tr.t(label),
            lang: Some(lang.code()),
            fields: layouts
                .texts
                .iter()
                .map(|(prefix, label, multi)| {
                    field(format!("{prefix}_{}", lang.code()), label, *multi)
                })
                .collect(),
        })
        .collect();
    out.push(FormSection {
        legend: tr.t(layouts.others_legend),
        lang: None,
        fields: layouts
            .others
            .iter()
            .map(|(name, label, multi)| field(name.to_string(), label, *multi))
            .collect(),
    });
    out
}

fn errors_from(tr: &Tr, problems: Vec<EditProblem>, layouts: &Layouts) -> Errors {
    let mut errors = Errors::default();
    for p in problems {
        errors.add(
            static_name(&p.field, layouts),
            tr.t(&format!("edit-error-{}", p.code)),
        );
    }
    errors
}

/// The fixed field names of a layout, so errors can point at them.
fn static_name(field: &str, layouts: &Layouts) -> &'static str {
    const NAMES: &[&str] = &[
        "name_nl",
        "name_en",
        "name_de",
        "name_fr",
        "description_nl",
        "description_en",
        "description_de",
        "description_fr",
        "accessibility_nl",
        "accessibility_en",
        "accessibility_de",
        "accessibility_fr",
    ];
    NAMES
        .iter()
        .copied()
        .chain(layouts.others.iter().map(|(n, _, _)| *n))
        .find(|n| *n == field)
        .unwrap_or("form")
}

async fn version_rows(
    state: &AppState,
    tr: &Tr,
    entity: &str,
    id: &str,
) -> Result<Vec<VersionRow>, loket_app::AppError> {
    let saved = history::versions(state, entity, id).await?;
    let mut rows = Vec::new();
    for (i, s) in saved.iter().enumerate() {
        let v = &s.version;
        let who = match (&s.by, v.actor.as_str()) {
            (_, "import") => tr.t("history-import"),
            (Some(name), _) => name.clone(),
            (None, _) => tr.t("history-unknown-person"),
        };
        rows.push(VersionRow {
            version: v.version,
            at: crate::present::local_time(v.at),
            who,
            changed: match saved.get(i + 1) {
                Some(older) => changed_fields(&older.version.doc, &v.doc).join(", "),
                None => tr.t("history-first"),
            },
        });
    }
    Ok(rows)
}

struct PageInput<'a> {
    title: String,
    action: String,
    public_link: Option<String>,
    layouts: &'a Layouts,
    entity: &'static str,
    id: &'a str,
    fields: Fields,
    version: i64,
    errors: Errors,
    saved: bool,
    conflict: bool,
}

async fn page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    input: PageInput<'_>,
    status: StatusCode,
) -> Response {
    let versions = match version_rows(state, tr, input.entity, input.id).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let layout = Layout::new(tr.clone(), input.title, "staff", uri.path(), uri.query());
    render(
        status,
        &RecordPage {
            layout,
            action: input.action,
            public_link: input.public_link,
            sections: sections(tr, input.layouts, &input.fields, &input.errors),
            token: state.form_token(viewer),
            version: input.version,
            errors: input.errors,
            saved: input.saved,
            conflict: input.conflict,
            versions,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    pub saved: String,
}

fn posted(pairs: Vec<(String, String)>) -> (Fields, String, i64) {
    let mut fields = Fields::new();
    let (mut token, mut version) = (String::new(), 0);
    for (k, v) in pairs {
        match k.as_str() {
            "token" => token = v,
            "version" => version = v.parse().unwrap_or(0),
            _ => {
                fields.insert(k, v);
            }
        }
    }
    (fields, token, version)
}

// --------------------------------------------------------------- locations

pub async fn edit_location(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(location) = idx.location(&id) else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let version = match history::current_version(&state, "location", &id).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let input = PageInput {
        title: tr.s(
            "edit-title",
            &[("name", location.name.get(lang).to_string())],
        ),
        action: format!("/beheer/locaties/{id}"),
        public_link: Some(format!("/organisaties/{}", location.organization_id)),
        layouts: &LOCATION,
        entity: "location",
        id: &id,
        fields: editing::location_fields(location),
        version,
        errors: Errors::default(),
        saved: q.saved == "1",
        conflict: false,
    };
    page(&state, &tr, &uri, &viewer, input, StatusCode::OK).await
}

pub async fn save_location(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let (fields, token, version) = posted(form.map(|f| f.0).unwrap_or_default());
    if !state.form_token_ok(&viewer, &token) {
        return csrf_refused(&state, lang);
    }
    let idx = state.index();
    let Some(original) = idx.location(&id).cloned() else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let input = |errors: Errors, conflict: bool| PageInput {
        title: tr.s(
            "edit-title",
            &[("name", original.name.get(lang).to_string())],
        ),
        action: format!("/beheer/locaties/{id}"),
        public_link: Some(format!("/organisaties/{}", original.organization_id)),
        layouts: &LOCATION,
        entity: "location",
        id: &id,
        fields: fields.clone(),
        version,
        errors,
        saved: false,
        conflict,
    };
    let edited = match editing::apply_location(&fields, &original) {
        Ok(l) => l,
        Err(problems) => {
            let errors = errors_from(&tr, problems, &LOCATION);
            return page(
                &state,
                &tr,
                &uri,
                &viewer,
                input(errors, false),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let edit = Edit::Location {
        location: &edited,
        expected: version,
    };
    match versioned::save(&state, edit, &viewer.account.id).await {
        Ok(_) => Redirect::to(&format!("/beheer/locaties/{id}?saved=1")).into_response(),
        Err(AppError::Conflict { .. }) => {
            page(
                &state,
                &tr,
                &uri,
                &viewer,
                input(Errors::default(), true),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => failure(e),
    }
}

// ------------------------------------------------------------------- terms

pub struct TermRow {
    pub id: String,
    pub name: String,
    pub keywords: String,
}

pub struct TermGroup {
    pub name: String,
    pub terms: Vec<TermRow>,
}

#[derive(Template)]
#[template(path = "catalogue/terms.html")]
pub struct TermsPage {
    layout: Layout,
    groups: Vec<TermGroup>,
}

pub async fn terms(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let groups = TaxonomyKind::ALL
        .iter()
        .map(|kind| TermGroup {
            name: tr.t(&format!("taxonomy-{}", kind.code())),
            terms: idx
                .terms_of(*kind)
                .map(|t| TermRow {
                    id: t.id.clone(),
                    name: t.name.get(lang).to_string(),
                    keywords: t.keywords.clone(),
                })
                .collect(),
        })
        .collect();
    let layout = Layout::new(
        tr.clone(),
        tr.t("terms-title"),
        "staff",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::OK, &TermsPage { layout, groups })
}

pub async fn edit_term(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(term) = idx.term_by_id(&id) else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let version = match history::current_version(&state, "taxonomy_term", &id).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let input = PageInput {
        title: tr.s("edit-title", &[("name", term.name.get(lang).to_string())]),
        action: format!("/beheer/termen/{id}"),
        public_link: None,
        layouts: &TERM,
        entity: "taxonomy_term",
        id: &id,
        fields: editing::term_fields(term),
        version,
        errors: Errors::default(),
        saved: q.saved == "1",
        conflict: false,
    };
    page(&state, &tr, &uri, &viewer, input, StatusCode::OK).await
}

pub async fn save_term(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let (fields, token, version) = posted(form.map(|f| f.0).unwrap_or_default());
    if !state.form_token_ok(&viewer, &token) {
        return csrf_refused(&state, lang);
    }
    let idx = state.index();
    let Some(original) = idx.term_by_id(&id).cloned() else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let input = |errors: Errors, conflict: bool| PageInput {
        title: tr.s(
            "edit-title",
            &[("name", original.name.get(lang).to_string())],
        ),
        action: format!("/beheer/termen/{id}"),
        public_link: None,
        layouts: &TERM,
        entity: "taxonomy_term",
        id: &id,
        fields: fields.clone(),
        version,
        errors,
        saved: false,
        conflict,
    };
    let edited = match editing::apply_term(&fields, &original) {
        Ok(t) => t,
        Err(problems) => {
            let errors = errors_from(&tr, problems, &TERM);
            return page(
                &state,
                &tr,
                &uri,
                &viewer,
                input(errors, false),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let edit = Edit::Term {
        term: &edited,
        expected: version,
    };
    match versioned::save(&state, edit, &viewer.account.id).await {
        Ok(_) => Redirect::to(&format!("/beheer/termen/{id}?saved=1")).into_response(),
        Err(AppError::Conflict { .. }) => {
            page(
                &state,
                &tr,
                &uri,
                &viewer,
                input(Errors::default(), true),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => failure(e),
    }
}
