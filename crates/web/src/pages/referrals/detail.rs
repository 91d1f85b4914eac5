//! One referral as a party sees it: status, person, next steps, history and the
//! organisation's own notes; the actions on it (status, assign, withdraw
//! consent, notes), each through a referral use case.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::forms::csrf_refused;
use crate::pages::referrals::shared::{
    caller, layout, local_time, org_name, sender_name, service_name,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::present::tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::referrals::queries;
use loket_app::referrals::{self as desk, ActError};
use loket_domain::Lang;
use loket_domain::referral::{
    self, LegalBasis, Outcome, Reason, Referral, Side, Status, Transition,
};
use serde::Deserialize;

// ----------------------------------------------------------------- detail

pub struct HistoryRow {
    pub at: String,
    pub status: String,
    pub detail: String,
    pub by: String,
}

pub struct NoteRow {
    pub at: String,
    pub author: String,
    pub text: String,
}

/// A button (with a select where a reason or outcome is needed) per allowed status.
pub struct ActionForm {
    pub to: &'static str,
    pub label: String,
    pub choices: Option<(String, String, Vec<Opt>)>,
    /// For a step that ends the referral against the person's wish (reject,
    /// fail, cancel): what will happen, shown before the button that does it.
    pub confirm: Option<String>,
    /// `primary`, `secondary` or `danger`: the look says what the step does.
    pub kind: &'static str,
}

#[derive(Template)]
#[template(path = "referrals/referral.html")]
pub struct ReferralPage {
    layout: Layout,
    id: String,
    version: i64,
    token: String,
    side_receiver: bool,
    service: String,
    receiver: String,
    sender: String,
    status: String,
    status_code: &'static str,
    reason: String,
    outcome: String,
    due: String,
    overdue: bool,
    assigned: String,
    assigned_to_me: bool,
    person: Option<(String, String, String)>,
    note: String,
    basis: String,
    purpose: String,
    recorded: String,
    withdrawn: String,
    can_withdraw: bool,
    previous: Option<String>,
    history: Vec<HistoryRow>,
    notes: Vec<NoteRow>,
    actions: Vec<ActionForm>,
    can_refer_on: bool,
    message: Option<String>,
    conflict: Option<String>,
    errors: Errors,
    note_text: String,
}

pub(crate) fn action_forms(tr: &Tr, r: &Referral, side: Side) -> Vec<ActionForm> {
    referral::allowed(r.status, side)
        .iter()
        .map(|&to| {
            let choices = match to {
                Status::Rejected | Status::Failed => Some((
                    "reason".to_string(),
                    tr.t("referral-reason"),
                    Reason::ALL
                        .iter()
                        .map(|x| Opt {
                            value: x.code().into(),
                            label: tr.t(&format!("referral-reason-{}", x.code())),
                            selected: false,
                        })
                        .collect(),
                )),
                Status::Completed => Some((
                    "outcome".to_string(),
                    tr.t("referral-outcome"),
                    Outcome::ALL
                        .iter()
                        .map(|x| Opt {
                            value: x.code().into(),
                            label: tr.t(&format!("referral-outcome-{}", x.code())),
                            selected: false,
                        })
                        .collect(),
                )),
                _ => None,
            };
            let ends = matches!(to, Status::Rejected | Status::Failed | Status::Cancelled);
            ActionForm {
                to: to.code(),
                label: tr.t(&format!("referral-action-{}", to.code())),
                choices,
                confirm: ends.then(|| tr.t(&format!("referral-confirm-{}", to.code()))),
                kind: match to {
                    _ if ends => "danger",
                    Status::Accepted | Status::Completed => "primary",
                    _ => "secondary",
                },
            }
        })
        .collect()
}

pub(crate) async fn account_name(state: &AppState, id: &str) -> String {
    queries::account_name(state, id).await
}

/// Builds the page of one referral as `org` sees it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn referral_page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    r: &Referral,
    org: &str,
    message: Option<String>,
    conflict: Option<String>,
    errors: Errors,
    note_text: String,
) -> Result<ReferralPage, loket_app::AppError> {
    let lang = tr.lang;
    let side = r.side_of(org).unwrap_or(Side::Sender);
    let history = queries::history(state, &r.id)
        .await?
        .into_iter()
        .map(|c| HistoryRow {
            at: local_time(c.at),
            status: tr.t(&format!("referral-status-{}", c.to.code())),
            detail: match (c.reason, c.outcome) {
                (Some(reason), _) => tr.t(&format!("referral-reason-{}", reason.code())),
                (_, Some(outcome)) => tr.t(&format!("referral-outcome-{}", outcome.code())),
                _ => String::new(),
            },
            by: match c.actor_org.as_deref() {
                Some(o) => org_name(state, o),
                None => tr.t("referral-from-front-door"),
            },
        })
        .collect();
    let mut notes = Vec::new();
    for n in queries::notes(state, &r.id, org).await? {
        notes.push(NoteRow {
            at: local_time(n.at),
            author: account_name(state, &n.author).await,
            text: n.text,
        });
    }
    let assigned = match &r.assignee {
        Some(a) if side == Side::Receiver => account_name(state, a).await,
        _ => String::new(),
    };
    let today = state.clock.today();
    Ok(ReferralPage {
        layout: layout(
            tr,
            tr.s(
                "referral-title",
                &[("service", service_name(state, &r.service_id, lang))],
            ),
            uri,
        ),
        id: r.id.clone(),
        version: r.version,
        token: state.form_token(viewer),
        side_receiver: side == Side::Receiver,
        service: service_name(state, &r.service_id, lang),
        receiver: org_name(state, &r.receiver_org),
        sender: sender_name(state, tr, r),
        status: tr.t(&format!("referral-status-{}", r.status.code())),
        status_code: r.status.code(),
        reason: r
            .reason
            .map(|x| tr.t(&format!("referral-reason-{}", x.code())))
            .unwrap_or_default(),
        outcome: r
            .outcome
            .map(|x| tr.t(&format!("referral-outcome-{}", x.code())))
            .unwrap_or_default(),
        due: r.due_on.map(|d| tr.date(d)).unwrap_or_default(),
        overdue: r.due_on.is_some_and(|d| d < today),
        assigned_to_me: r.assignee.as_deref() == Some(viewer.account.id.as_str()),
        assigned,
        person: r.person.as_ref().map(|p| {
            (
                p.name.clone(),
                p.contact.clone(),
                tr.t(&format!("lang-name-{}", p.language)),
            )
        }),
        note: r.note.clone(),
        basis: tr.t(&format!("basis-{}", r.consent.basis.code())),
        purpose: r.consent.purpose.clone(),
        recorded: local_time(r.consent.recorded_at),
        withdrawn: r.consent.withdrawn_at.map(local_time).unwrap_or_default(),
        can_withdraw: r.consent.basis == LegalBasis::Consent && r.consent.withdrawn_at.is_none(),
        previous: r.previous_id.clone(),
        history,
        notes,
        actions: action_forms(tr, r, side),
        can_refer_on: side == Side::Receiver && r.status.is_taken_on() && r.person.is_some(),
        message,
        conflict,
        errors,
        note_text,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct DetailParams {
    #[serde(default)]
    done: String,
}

/// Loads the referral and the organisation the viewer acts for on it.
pub(crate) async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<(Referral, String)>, loket_app::AppError> {
    queries::for_viewer(state, &viewer.memberships, id).await
}

pub async fn detail(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(params): Query<DetailParams>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let (r, org) = match load(&state, &viewer, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    queries::mark_read(&state, &viewer.account.id, &id).await;
    let message = (!params.done.is_empty())
        .then(|| tr.t(&format!("referral-done-{}", params.done)))
        .filter(|m| !m.is_empty());
    match referral_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &r,
        &org,
        message,
        None,
        Errors::default(),
        String::new(),
    )
    .await
    {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => failure(e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    outcome: String,
}

/// Shows the outcome of an action that did not go through: a conflict (409)
/// or an error next to the actions (400).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn refused(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    id: &str,
    error: ActError,
    field: &str,
    note_text: String,
) -> Response {
    let lang = tr.lang;
    let (status, conflict, errors) = match &error {
        ActError::NotFound => return crate::pages::errors::not_found_page(state, lang, uri),
        ActError::Store(e) => return failure(clone_error(e)),
        ActError::Conflict { current, .. } => (
            StatusCode::CONFLICT,
            Some(tr.s(
                "referral-conflict",
                &[(
                    "status",
                    tr.t(&format!("referral-status-{}", current.status.code())),
                )],
            )),
            Errors::default(),
        ),
        ActError::Transition(t) => {
            let mut errors = Errors::default();
            let key = match t {
                referral::TransitionError::ReasonNeeded => "referral-error-reason",
                referral::TransitionError::OutcomeNeeded => "referral-error-outcome",
                referral::TransitionError::NotAllowed { .. } => "referral-error-not-allowed",
            };
            errors.add(field, tr.t(key));
            (StatusCode::CONFLICT, None, errors)
        }
        ActError::Invalid(problem) => {
            let mut errors = Errors::default();
            errors.add(field, tr.t(&format!("referral-error-{problem}")));
            (StatusCode::BAD_REQUEST, None, errors)
        }
    };
    let (r, org) = match load(state, viewer, id).await {
        Ok(Some(found)) => found,
        Ok(None) => return crate::pages::errors::not_found_page(state, lang, uri),
        Err(e) => return failure(e),
    };
    match referral_page(
        state, tr, uri, viewer, &r, &org, None, conflict, errors, note_text,
    )
    .await
    {
        Ok(page) => render(status, &page),
        Err(e) => failure(e),
    }
}

pub(crate) fn clone_error(e: &loket_store::StoreError) -> loket_store::StoreError {
    loket_store::StoreError::Database(e.to_string())
}

/// Runs a use case for the referral in the path and redirects to its page.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn act<F, Fut>(
    state: &AppState,
    lang: Lang,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    id: &str,
    token: &str,
    done: &str,
    field: &str,
    run: F,
) -> Response
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<(), ActError>>,
{
    if !state.form_token_ok(viewer, token) {
        return csrf_refused(state, lang);
    }
    let org = match load(state, viewer, id).await {
        Ok(Some((_, org))) => org,
        Ok(None) => return crate::pages::errors::not_found_page(state, lang, uri),
        Err(e) => return failure(e),
    };
    match run(org).await {
        Ok(()) => Redirect::to(&format!(
            "/beheer/verwijzingen/{id}?done={done}&lang={}",
            lang.code()
        ))
        .into_response(),
        Err(e) => {
            let tr = tr(state, lang);
            refused(state, &tr, uri, viewer, id, e, field, String::new()).await
        }
    }
}

pub async fn change_status(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<StatusForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let Some(to) = Status::parse(&form.to) else {
        return refused(
            &state,
            &tr,
            &uri,
            &viewer,
            &id,
            ActError::Invalid("not-allowed"),
            "actions",
            String::new(),
        )
        .await;
    };
    let transition = Transition {
        to,
        reason: Reason::parse(&form.reason),
        outcome: Outcome::parse(&form.outcome),
    };
    let version = form.version.parse().ok();
    act(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        &form.token,
        "status",
        "actions",
        |org| async {
            let org = org;
            desk::change_status(&state, caller(&viewer, &org), &id, version, &transition)
                .await
                .map(|_| ())
        },
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    release: String,
}

pub async fn assign(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<VersionForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let version = form.version.parse().ok();
    let to_me = form.release.is_empty();
    act(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        &form.token,
        "assigned",
        "actions",
        |org| async {
            let org = org;
            desk::assign(&state, caller(&viewer, &org), &id, version, to_me)
                .await
                .map(|_| ())
        },
    )
    .await
}

pub async fn withdraw(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<VersionForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let version = form.version.parse().ok();
    act(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        &form.token,
        "withdrawn",
        "consent",
        |org| async {
            let org = org;
            desk::withdraw_consent(&state, caller(&viewer, &org), &id, version)
                .await
                .map(|_| ())
        },
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    text: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<NoteForm>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let org = match load(&state, &viewer, &id).await {
        Ok(Some((_, org))) => org,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    match desk::add_note(&state, caller(&viewer, &org), &id, &form.text).await {
        Ok(()) => Redirect::to(&format!(
            "/beheer/verwijzingen/{id}?done=note&lang={}#notes",
            lang.code()
        ))
        .into_response(),
        Err(e) => {
            // The typed note is kept, so nothing is lost.
            refused(&state, &tr, &uri, &viewer, &id, e, "text", form.text).await
        }
    }
}
