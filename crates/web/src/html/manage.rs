//! The staff area (`/beheer`): editing services with preview and history,
//! confirming records, invitations, the coordinator's list of stale records,
//! and the platform admin's audit log and accounts. Access to every route is
//! decided by the authorization layer before a handler runs; handlers only
//! narrow lists to what the policy allows.

use super::account::{access_export, export_response};
use super::forms::Errors;
use super::pages::tr;
use super::sign_in::{failure, send_password_link};
use super::view::{Layout, Opt, Tr, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::account::{Email, Membership, Role};
use loket_domain::audit::{AuditEntry, AuditResult};
use loket_domain::editing::{ServiceEdit, TEXT_FIELDS, changed_fields};
use loket_domain::policy::{self, Action};
use loket_domain::{Lang, Service};
use loket_store::{StoreError, TokenPurpose};
use serde::Deserialize;

fn layout(tr: &Tr, title: String, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), title, "staff", uri.path(), uri.query())
}

/// A successful action by a signed-in person, to the audit log.
pub(crate) async fn audit(state: &AppState, action: &str, object: String, actor: &str) {
    state
        .record_audit(crate::audit_trail::web_event(
            action,
            object,
            AuditResult::Success,
            actor,
        ))
        .await;
}

#[derive(Template)]
#[template(path = "csrf_refused.html")]
pub struct CsrfRefusedPage {
    layout: Layout,
}

/// A form without a valid token: 403, and nothing done.
pub(crate) fn csrf_refused(state: &AppState, lang: Lang) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(tr.clone(), tr.t("csrf-title"), "", "/beheer", None);
    render(StatusCode::FORBIDDEN, &CsrfRefusedPage { layout })
}

fn pairs_value<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

// ------------------------------------------------------------------- home

pub struct ServiceRow {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub assured: String,
}

pub struct OrgLink {
    pub id: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "manage_home.html")]
pub struct HomePage {
    layout: Layout,
    welcome: String,
    services: Vec<ServiceRow>,
    locations: Vec<OrgLink>,
    invite_orgs: Vec<OrgLink>,
    can_terms: bool,
    can_proposals: bool,
    can_flow: bool,
    can_stale: bool,
    can_insight: bool,
    can_audit: bool,
    can_accounts: bool,
    can_referrals: bool,
    can_contacts: bool,
    can_overdue: bool,
    can_figures: bool,
    can_talent: bool,
    can_placements: bool,
    token_orgs: Vec<String>,
}

fn service_row(idx: &loket_domain::search::CatalogueIndex, s: &Service, lang: Lang) -> ServiceRow {
    ServiceRow {
        id: s.id.clone(),
        name: s.name.get(lang).to_string(),
        organization: idx
            .organization(&s.organization_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        assured: s
            .assured_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into()),
    }
}

pub async fn home(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let idx = state.index();
    let m = &viewer.memberships;
    let editable = policy::organizations_for(m, Action::EditService);
    let mut services: Vec<ServiceRow> = idx
        .services()
        .iter()
        .filter(|s| {
            editable
                .as_ref()
                .is_none_or(|orgs| orgs.contains(&s.organization_id))
        })
        .map(|s| service_row(&idx, s, lang))
        .collect();
    services.sort_by(|a, b| (&a.organization, &a.name).cmp(&(&b.organization, &b.name)));
    let locations = idx
        .document()
        .locations
        .into_iter()
        .filter(|l| {
            editable
                .as_ref()
                .is_none_or(|orgs| orgs.contains(&l.organization_id))
        })
        .map(|l| OrgLink {
            name: l.name.get(lang).to_string(),
            id: l.id,
        })
        .collect();
    let invite_orgs = match policy::organizations_for(m, Action::InviteMember) {
        None => idx.organizations().iter().collect::<Vec<_>>(),
        Some(ids) => ids.iter().filter_map(|id| idx.organization(id)).collect(),
    }
    .into_iter()
    .map(|o| OrgLink {
        id: o.id.clone(),
        name: o.name.clone(),
    })
    .collect();
    let net = policy::Target::Network;
    render(
        StatusCode::OK,
        &HomePage {
            layout: layout(&tr, tr.t("manage-title"), &uri),
            welcome: tr.s(
                "manage-welcome",
                &[("name", viewer.account.display_name.clone())],
            ),
            services,
            invite_orgs,
            locations,
            can_terms: policy::allows(m, Action::ManageTaxonomies, net),
            can_proposals: policy::allows(m, Action::ApproveOrganizations, net),
            can_flow: policy::allows(m, Action::ManageFrontDoor, net),
            can_stale: policy::allows(m, Action::ViewStaleRecords, net),
            can_insight: policy::allows(m, Action::ViewFrontDoorInsight, net),
            can_audit: policy::allows(m, Action::ViewAuditLog, net),
            can_accounts: policy::allows(m, Action::ManageAccounts, net),
            can_referrals: policy::allows(m, Action::HandleReferrals, net),
            can_contacts: policy::allows(m, Action::RegisterContact, net),
            can_overdue: policy::allows(m, Action::ViewOverdueReferrals, net),
            can_figures: policy::allows(m, Action::ViewReferralFigures, net),
            can_talent: policy::allows(
                m,
                Action::MatchTalent,
                policy::Target::Organization(&state.talent_programme),
            ),
            can_placements: policy::allows(m, Action::ViewPlacementFigures, net),
            token_orgs: policy::organizations_for(m, Action::ManageApiTokens).unwrap_or_default(),
        },
    )
}

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
#[template(path = "service_edit.html")]
pub struct EditPage {
    layout: Layout,
    id: String,
    organization: String,
    sections: Vec<LangSection>,
    url: String,
    email: String,
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

const LANG_LABELS: [(Lang, &str); 4] = [
    (Lang::Nl, "lang-name-nl"),
    (Lang::En, "lang-name-en"),
    (Lang::De, "lang-name-de"),
    (Lang::Fr, "lang-name-fr"),
];

#[allow(clippy::too_many_arguments)]
fn edit_page(
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

async fn stored_service(state: &AppState, id: &str) -> Result<Option<Service>, StoreError> {
    state.store.service(id).await
}

pub async fn edit_service(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<EditQuery>,
) -> Response {
    let tr = tr(&state, lang);
    let service = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return super::pages::not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
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

fn edit_from_pairs(pairs: &[(String, String)]) -> ServiceEdit {
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

fn previews(tr: &Tr, s: &Service) -> Vec<Preview> {
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let pairs = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, pairs_value(&pairs, "token")) {
        return csrf_refused(&state, lang);
    }
    let stored = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return super::pages::not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
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
        chrono::Utc::now()
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
    match state
        .store
        .save_service(&edited, expected, &viewer.account.id)
        .await
    {
        Ok(version) => {
            audit(
                &state,
                "service.update",
                format!("service/{id} v{version}"),
                &viewer.account.id,
            )
            .await;
            if let Err(e) = state.refresh().await {
                tracing::warn!(error = %e, "refreshing the index after an edit failed; the poller will");
            }
            Redirect::to(&format!("/beheer/diensten/{id}?saved=1")).into_response()
        }
        Err(StoreError::Conflict(_)) => {
            page(Errors::default(), Vec::new(), true, StatusCode::CONFLICT)
        }
        Err(e) => failure(&state, e),
    }
}

/// Field names are a fixed set; map the checked field to its static name.
fn field_name(field: &str) -> &'static str {
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
        "languages",
        "status",
    ];
    NAMES
        .iter()
        .find(|n| **n == field)
        .copied()
        .unwrap_or("form")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    pub token: String,
    pub last_modified: String,
}

/// "This record is still right": sets `assured_date` to today.
pub async fn confirm_service(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<ConfirmForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let stored = match stored_service(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return super::pages::not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    let mut confirmed = stored.clone();
    confirmed.assured_date = Some(super::hours::today_in_region());
    confirmed.last_modified = chrono::DateTime::from_timestamp(
        chrono::Utc::now()
            .timestamp()
            .max(stored.last_modified.timestamp() + 1),
        0,
    )
    .unwrap_or_default();
    match state
        .store
        .save_service(&confirmed, stored.last_modified, &viewer.account.id)
        .await
    {
        Ok(version) => {
            audit(
                &state,
                "service.confirm",
                format!("service/{id} v{version}"),
                &viewer.account.id,
            )
            .await;
            let _ = state.refresh().await;
            Redirect::to(&format!("/beheer/diensten/{id}?saved=1")).into_response()
        }
        Err(StoreError::Conflict(_)) => {
            Redirect::to(&format!("/beheer/diensten/{id}")).into_response()
        }
        Err(e) => failure(&state, e),
    }
}

// --------------------------------------------------------------- history

pub(crate) struct VersionRow {
    pub version: i64,
    pub at: String,
    pub who: String,
    pub changed: String,
}

#[derive(Template)]
#[template(path = "service_history.html")]
pub struct HistoryPage {
    layout: Layout,
    id: String,
    versions: Vec<VersionRow>,
}

pub async fn history(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    let versions = match state.store.versions("service", &id).await {
        Ok(v) => v,
        Err(e) => return failure(&state, e),
    };
    let mut rows = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        let who = if v.actor == "import" {
            tr.t("history-import")
        } else {
            match state.store.account(&v.actor).await {
                Ok(Some((a, _))) if !a.display_name.is_empty() => a.display_name,
                _ => tr.t("history-unknown-person"),
            }
        };
        let changed = match versions.get(i + 1) {
            Some(older) => changed_fields(&older.doc, &v.doc).join(", "),
            None => tr.t("history-first"),
        };
        rows.push(VersionRow {
            version: v.version,
            at: chrono::DateTime::from_timestamp(v.at, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default(),
            who,
            changed,
        });
    }
    let name = state
        .index()
        .service(&id)
        .map(|s| s.name.get(lang).to_string())
        .unwrap_or_default();
    render(
        StatusCode::OK,
        &HistoryPage {
            layout: layout(&tr, tr.s("history-title", &[("name", name)]), &uri),
            id,
            versions: rows,
        },
    )
}

// ----------------------------------------------------------------- stale

#[derive(Template)]
#[template(path = "stale.html")]
pub struct StalePage {
    layout: Layout,
    services: Vec<ServiceRow>,
}

/// Services nobody confirmed in the last twelve months (or ever).
pub async fn stale(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
    let idx = state.index();
    let cutoff = super::hours::today_in_region() - chrono::Months::new(12);
    let mut services: Vec<ServiceRow> = idx
        .services()
        .iter()
        .filter(|s| s.assured_date.is_none_or(|d| d < cutoff))
        .map(|s| service_row(&idx, s, lang))
        .collect();
    services.sort_by(|a, b| (&a.assured, &a.organization).cmp(&(&b.assured, &b.organization)));
    render(
        StatusCode::OK,
        &StalePage {
            layout: layout(&tr, tr.t("stale-title"), &uri),
            services,
        },
    )
}

// ---------------------------------------------------------------- invite

#[derive(Template)]
#[template(path = "invite.html")]
pub struct InvitePage {
    layout: Layout,
    org_id: String,
    email: String,
    name: String,
    roles: Vec<Opt>,
    token: String,
    errors: Errors,
    done: Option<String>,
}

fn role_options(tr: &Tr, chosen: &str) -> Vec<Opt> {
    [Role::Staff, Role::OrgAdmin]
        .into_iter()
        .map(|r| Opt {
            value: r.code().into(),
            label: tr.t(&format!("role-{}", r.code())),
            selected: r.code() == chosen,
        })
        .collect()
}

pub async fn invite_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(org): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    let org_name = state
        .index()
        .organization(&org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    render(
        StatusCode::OK,
        &InvitePage {
            layout: layout(
                &tr,
                tr.s("invite-title", &[("organization", org_name.clone())]),
                &uri,
            ),
            org_id: org,
            email: String::new(),
            name: String::new(),
            roles: role_options(&tr, "staff"),
            token: state.form_token(&viewer),
            errors: Errors::default(),
            done: None,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub token: String,
}

pub async fn invite(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(org): Path<String>,
    form: Result<axum::Form<InviteForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let org_name = state
        .index()
        .organization(&org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let mut errors = Errors::default();
    let email = Email::parse(&form.email);
    if email.is_none() {
        errors.add("email", tr.t("signin-error-email"));
    }
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", tr.t("invite-error-name"));
    }
    let role = Role::parse(&form.role).filter(|r| matches!(r, Role::Staff | Role::OrgAdmin));
    if role.is_none() {
        errors.add("role", tr.t("invite-error-role"));
    }
    let page = |errors: Errors, done: Option<String>, status: StatusCode| {
        render(
            status,
            &InvitePage {
                layout: layout(
                    &tr,
                    tr.s("invite-title", &[("organization", org_name.clone())]),
                    &uri,
                ),
                org_id: org.clone(),
                email: if done.is_some() {
                    String::new()
                } else {
                    form.email.chars().take(254).collect()
                },
                name: if done.is_some() {
                    String::new()
                } else {
                    name.chars().take(100).collect()
                },
                roles: role_options(&tr, &form.role),
                token: state.form_token(&viewer),
                errors,
                done,
            },
        )
    };
    let (Some(email), Some(role)) = (email, role) else {
        return page(errors, None, StatusCode::BAD_REQUEST);
    };
    if !errors.is_empty() {
        return page(errors, None, StatusCode::BAD_REQUEST);
    }
    let existing = match state.store.account_by_email(&email).await {
        Ok(a) => a,
        Err(e) => return failure(&state, e),
    };
    let account = match existing {
        Some((a, _)) => a,
        None => {
            // No usable password until the invitation link sets one.
            let new = loket_store::NewAccount {
                email: email.clone(),
                display_name: name.clone(),
                password_hash: "!".into(),
            };
            match state.store.create_account(&new).await {
                Ok(a) => a,
                Err(e) => return failure(&state, e),
            }
        }
    };
    let membership = Membership {
        organization_id: Some(org.clone()),
        role,
    };
    if let Err(e) = state.store.add_membership(&account.id, &membership).await {
        return failure(&state, e);
    }
    let (_, hash) = match state.store.account(&account.id).await {
        Ok(Some(a)) => a,
        Ok(None) => return failure(&state, StoreError::Corrupt("account vanished".into())),
        Err(e) => return failure(&state, e),
    };
    if hash == "!"
        && let Err(e) = send_password_link(&state, &tr, &email, TokenPurpose::Invitation).await
    {
        return failure(&state, e);
    }
    audit(
        &state,
        "member.invite",
        format!(
            "account/{} organization/{org} role/{}",
            account.id,
            role.code()
        ),
        &viewer.account.id,
    )
    .await;
    page(
        Errors::default(),
        Some(tr.s("invite-done", &[("email", email.as_str().to_string())])),
        StatusCode::OK,
    )
}

// ------------------------------------------------------------- audit log

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct LogFilter {
    pub action: String,
    pub actor: String,
    pub result: String,
    pub from: String,
    pub to: String,
}

impl LogFilter {
    fn matches(&self, e: &AuditEntry) -> bool {
        let day = e.at.date_naive().to_string();
        (self.action.is_empty() || e.event.action.starts_with(self.action.trim()))
            && (self.actor.is_empty() || e.event.actor == self.actor.trim())
            && (self.result.is_empty() || e.event.result.as_str() == self.result)
            && (self.from.is_empty() || day.as_str() >= self.from.as_str())
            && (self.to.is_empty() || day.as_str() <= self.to.as_str())
    }

    fn query(&self) -> String {
        super::view::query_string(&[
            ("action", &self.action),
            ("actor", &self.actor),
            ("result", &self.result),
            ("from", &self.from),
            ("to", &self.to),
        ])
    }
}

/// Matching entries, newest first, at most `limit`.
async fn log_entries(
    state: &AppState,
    filter: &LogFilter,
    limit: usize,
) -> Result<(Vec<AuditEntry>, usize), StoreError> {
    let mut found = Vec::new();
    let mut after = 0;
    loop {
        let page = state.store.audit_entries(after, 2000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        found.extend(page.into_iter().filter(|e| filter.matches(e)));
    }
    let total = found.len();
    found.reverse();
    found.truncate(limit);
    Ok((found, total))
}

#[derive(Template)]
#[template(path = "audit_log.html")]
pub struct AuditLogPage {
    layout: Layout,
    filter: LogFilter,
    entries: Vec<AuditEntry>,
    total: usize,
    csv_link: String,
    results: Vec<Opt>,
}

pub async fn audit_log(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Query(filter): Query<LogFilter>,
) -> Response {
    let tr = tr(&state, lang);
    let (entries, total) = match log_entries(&state, &filter, 200).await {
        Ok(r) => r,
        Err(e) => return failure(&state, e),
    };
    let results = ["", "success", "denied", "failed"]
        .into_iter()
        .map(|r| Opt {
            value: r.into(),
            label: if r.is_empty() {
                tr.t("log-any")
            } else {
                r.into()
            },
            selected: filter.result == r,
        })
        .collect();
    render(
        StatusCode::OK,
        &AuditLogPage {
            layout: layout(&tr, tr.t("log-title"), &uri),
            csv_link: format!("/beheer/logboek.csv?{}", filter.query()),
            filter,
            entries,
            total,
            results,
        },
    )
}

fn csv_field(s: &str) -> String {
    // Quote everything; a leading = + - @ is neutralised so spreadsheets do not run it.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub async fn audit_log_csv(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(filter): Query<LogFilter>,
) -> Response {
    let (entries, _) = match log_entries(&state, &filter, usize::MAX).await {
        Ok(r) => r,
        Err(e) => return failure(&state, e),
    };
    let mut out =
        String::from("seq,at,action,object,result,origin,actor,subject,activity,hash\r\n");
    for e in entries.iter().rev() {
        let row = [
            e.seq.to_string(),
            e.at.to_rfc3339(),
            e.event.action.clone(),
            e.event.object.clone(),
            e.event.result.as_str().to_string(),
            e.event.origin.clone(),
            e.event.actor.clone(),
            e.event.subject.clone().unwrap_or_default(),
            e.event.activity.clone().unwrap_or_default(),
            e.hash.clone(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    audit(
        &state,
        "audit-log.export",
        format!("audit-log {}", filter.query()),
        &viewer.account.id,
    )
    .await;
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"loket-logboek.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out,
    )
        .into_response()
}

// -------------------------------------------------------------- accounts

pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub erase_label: String,
}

#[derive(Template)]
#[template(path = "accounts.html")]
pub struct AccountsPage {
    layout: Layout,
    accounts: Vec<AccountRow>,
    token: String,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountsQuery {
    pub erased: String,
}

pub async fn accounts(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Query(q): Query<AccountsQuery>,
) -> Response {
    let tr = tr(&state, lang);
    let list = match state.store.accounts().await {
        Ok(l) => l,
        Err(e) => return failure(&state, e),
    };
    let mut rows = Vec::new();
    for a in list {
        let roles = match state.store.memberships(&a.id).await {
            Ok(m) => m
                .iter()
                .map(|m| match &m.organization_id {
                    Some(o) => format!(
                        "{} ({})",
                        tr.t(&format!("role-{}", m.role.code())),
                        state
                            .index()
                            .organization(o)
                            .map(|o| o.name.clone())
                            .unwrap_or_default()
                    ),
                    None => tr.t(&format!("role-{}", m.role.code())),
                })
                .collect::<Vec<_>>()
                .join(", "),
            Err(e) => return failure(&state, e),
        };
        rows.push(AccountRow {
            erase_label: tr.s(
                "accounts-erase-confirm",
                &[("email", a.email.as_str().to_string())],
            ),
            id: a.id,
            name: a.display_name,
            email: a.email.as_str().to_string(),
            roles,
        });
    }
    render(
        StatusCode::OK,
        &AccountsPage {
            layout: layout(&tr, tr.t("accounts-title"), &uri),
            accounts: rows,
            token: state.form_token(&viewer),
            notice: (q.erased == "1").then(|| tr.t("accounts-erased")),
        },
    )
}

pub async fn account_data(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::account::FormatQuery>,
) -> Response {
    let tr = tr(&state, lang);
    match access_export(&state, &id).await {
        Ok(Some(export)) => {
            super::account::audit(&state, "access-export", &id, &viewer.account.id).await;
            export_response(&tr, &uri, export, &q.format)
        }
        Ok(None) => super::pages::not_found_page(&state, lang, &uri),
        Err(e) => failure(&state, e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub token: String,
    pub confirm: String,
}

/// Erasure (GDPR article 17): personal data goes, the pseudonymous id stays in
/// the log and in the anonymous counts.
pub async fn erase_account(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<EraseForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    if form.confirm != "yes" || id == viewer.account.id {
        return Redirect::to("/beheer/accounts").into_response();
    }
    match state
        .store
        .erase_account(&id, chrono::Utc::now().timestamp())
        .await
    {
        Ok(true) => {
            super::account::audit(&state, "account.erase", &id, &viewer.account.id).await;
            Redirect::to("/beheer/accounts?erased=1").into_response()
        }
        Ok(false) => super::pages::not_found_page(&state, lang, &uri),
        Err(e) => failure(&state, e),
    }
}
