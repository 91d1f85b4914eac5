//! The referral pages of the staff area: the inbox per organisation, one
//! referral with its status history, actions and internal notes, referring a
//! person to another organisation's service, notifications, and the
//! coordinator's overdue list (no personal data). The use cases themselves are
//! in [`crate::referrals`].

use super::forms::Errors;
use super::manage::csrf_refused;
use super::pages::tr;
use super::sign_in::failure;
use super::view::{Layout, Opt, OptGroup, Tr, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::referrals::{self as desk, ActError, Caller, ReferError};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::Lang;
use loket_domain::policy::{self, Action};
use loket_domain::referral::{
    self, LegalBasis, Outcome, Reason, Referral, ReferralRequest, Side, Status, Transition,
};
use loket_store::referrals::{InboxQuery, InboxView};
use serde::Deserialize;

/// Referrals per inbox page.
const PAGE_SIZE: i64 = 50;
/// "Due" in the inbox: due within this many days.
const DUE_SOON_DAYS: u64 = 2;

fn layout(tr: &Tr, title: String, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), title, "staff", uri.path(), uri.query())
}

/// Date and time in the region, for people.
pub(crate) fn local_time(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The organisations whose referrals the viewer handles (policy: own organisation).
fn my_orgs(viewer: &Viewer) -> Vec<String> {
    policy::organizations_for(&viewer.memberships, Action::HandleReferrals).unwrap_or_default()
}

fn caller<'a>(viewer: &'a Viewer, org: &'a str) -> Caller<'a> {
    Caller {
        account_id: &viewer.account.id,
        organization_id: org,
        origin: "web",
    }
}

fn org_name(state: &AppState, id: &str) -> String {
    state
        .index()
        .organization(id)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn service_name(state: &AppState, id: &str, lang: Lang) -> String {
    state
        .index()
        .service(id)
        .map(|s| s.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn sender_name(state: &AppState, tr: &Tr, r: &Referral) -> String {
    match r.sender_org() {
        Some(org) => org_name(state, org),
        None => tr.t("referral-from-front-door"),
    }
}

// ------------------------------------------------------------------ inbox

pub struct Tab {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct Row {
    pub id: String,
    pub created: String,
    pub service: String,
    pub other_party: String,
    pub status: String,
    pub due: String,
    pub overdue: bool,
    pub person: String,
}

#[derive(Template)]
#[template(path = "referral_inbox.html")]
pub struct InboxPage {
    layout: Layout,
    org: String,
    org_name: String,
    orgs: Vec<Opt>,
    tabs: Vec<Tab>,
    rows: Vec<Row>,
    sent: bool,
    empty: String,
    next_page: Option<String>,
    prev_page: Option<String>,
    unread: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct InboxParams {
    #[serde(default)]
    org: String,
    #[serde(default)]
    view: String,
    /// Text, so that a mangled link shows the first page instead of an error.
    #[serde(default)]
    page: String,
}

const VIEWS: [(&str, InboxView); 7] = [
    ("open", InboxView::Open),
    ("new", InboxView::New),
    ("due", InboxView::Due),
    ("overdue", InboxView::Overdue),
    ("mine", InboxView::Mine),
    ("all", InboxView::AllReceived),
    ("sent", InboxView::Sent),
];

/// The organisation a page is for: the one asked for if the viewer may, else their first.
fn chosen_org(viewer: &Viewer, asked: &str) -> Option<String> {
    let orgs = my_orgs(viewer);
    orgs.iter()
        .find(|o| o.as_str() == asked)
        .or(orgs.first())
        .cloned()
}

pub async fn inbox(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Query(params): Query<InboxParams>,
) -> Response {
    let tr = tr(&state, lang);
    let Some(org) = chosen_org(&viewer, &params.org) else {
        return super::pages::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let (view_code, view) = VIEWS
        .iter()
        .find(|(code, _)| *code == params.view)
        .copied()
        .unwrap_or(VIEWS[0]);
    let today = super::hours::today_in_region();
    let page = params.page.parse::<i64>().unwrap_or(0).clamp(0, 100_000);
    let query = InboxQuery {
        organization_id: &org,
        view,
        account_id: &viewer.account.id,
        today,
        due_until: today + chrono::Days::new(DUE_SOON_DAYS),
        limit: PAGE_SIZE + 1,
        offset: page * PAGE_SIZE,
    };
    let (referrals, counts, unread) = match tokio::try_join!(
        state.store.inbox(&query),
        state.store.inbox_counts(&query),
        state.store.unread_notifications(&viewer.account.id),
    ) {
        Ok(found) => found,
        Err(e) => return failure(&state, e),
    };
    let more = referrals.len() as i64 > PAGE_SIZE;
    let sent = view == InboxView::Sent;
    let rows = referrals
        .iter()
        .take(PAGE_SIZE as usize)
        .map(|r| Row {
            id: r.id.clone(),
            created: local_time(r.created_at),
            service: service_name(&state, &r.service_id, lang),
            other_party: if sent {
                org_name(&state, &r.receiver_org)
            } else {
                sender_name(&state, &tr, r)
            },
            status: tr.t(&format!("referral-status-{}", r.status.code())),
            due: r.due_on.map(|d| d.to_string()).unwrap_or_default(),
            overdue: r.due_on.is_some_and(|d| d < today),
            person: r
                .person
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| tr.t("referral-person-removed")),
        })
        .collect();
    let count_of = |code: &str| match code {
        "open" => Some(counts.open),
        "new" => Some(counts.new),
        "due" => Some(counts.due),
        "overdue" => Some(counts.overdue),
        "mine" => Some(counts.mine),
        "sent" => Some(counts.sent),
        _ => None,
    };
    let href = |view: &str, page: i64| {
        let page = page.to_string();
        format!(
            "/beheer/verwijzingen?{}",
            super::view::query_string(&[
                ("org", &org),
                ("view", view),
                ("page", if page == "0" { "" } else { &page }),
                ("lang", lang.code()),
            ])
        )
    };
    let tabs = VIEWS
        .iter()
        .map(|(code, _)| Tab {
            label: match count_of(code) {
                Some(n) => tr.s(&format!("inbox-tab-{code}"), &[("count", count_label(n))]),
                None => tr.t(&format!("inbox-tab-{code}")),
            },
            href: href(code, 0),
            current: *code == view_code,
        })
        .collect();
    let orgs = my_orgs(&viewer)
        .into_iter()
        .map(|o| Opt {
            label: org_name(&state, &o),
            selected: o == org,
            value: o,
        })
        .collect();
    render(
        StatusCode::OK,
        &InboxPage {
            layout: layout(&tr, tr.t("inbox-title"), &uri),
            org_name: org_name(&state, &org),
            org: org.clone(),
            orgs,
            tabs,
            rows,
            sent,
            empty: tr.t("inbox-empty"),
            next_page: more.then(|| href(view_code, page + 1)),
            prev_page: (page > 0).then(|| href(view_code, page - 1)),
            unread: tr.n("notifications-unread", "count", unread.max(0) as usize),
        },
    )
}

/// A tab's count; beyond the store's cap, "1000+".
fn count_label(n: i64) -> String {
    if n > loket_store::referrals::COUNT_CAP {
        format!("{}+", loket_store::referrals::COUNT_CAP)
    } else {
        n.to_string()
    }
}

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
}

#[derive(Template)]
#[template(path = "referral.html")]
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

fn action_forms(tr: &Tr, r: &Referral, side: Side) -> Vec<ActionForm> {
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
            ActionForm {
                to: to.code(),
                label: tr.t(&format!("referral-action-{}", to.code())),
                choices,
            }
        })
        .collect()
}

async fn account_name(state: &AppState, id: &str) -> String {
    match state.store.account(id).await {
        Ok(Some((a, _))) => a.display_name,
        _ => String::new(),
    }
}

/// Builds the page of one referral as `org` sees it.
#[allow(clippy::too_many_arguments)]
async fn referral_page(
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
) -> Result<ReferralPage, loket_store::StoreError> {
    let lang = tr.lang;
    let side = r.side_of(org).unwrap_or(Side::Sender);
    let history = state
        .store
        .referral_history(&r.id)
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
    for n in state.store.notes(&r.id, org).await? {
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
    let today = super::hours::today_in_region();
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
        due: r.due_on.map(|d| d.to_string()).unwrap_or_default(),
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
async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<(Referral, String)>, loket_store::StoreError> {
    let Some(r) = state.store.referral(id).await? else {
        return Ok(None);
    };
    Ok(desk::party_org(&viewer.memberships, &r).map(|org| (r, org)))
}

pub async fn detail(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(params): Query<DetailParams>,
) -> Response {
    let tr = tr(&state, lang);
    let (r, org) = match load(&state, &viewer, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return super::pages::not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    if let Err(e) = state.store.mark_read(&viewer.account.id, &id, now()).await {
        tracing::warn!(error = %e, "marking notifications read failed");
    }
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
        Err(e) => failure(&state, e),
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
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
async fn refused(
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
        ActError::NotFound => return super::pages::not_found_page(state, lang, uri),
        ActError::Store(e) => return failure(state, clone_error(e)),
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
        Ok(None) => return super::pages::not_found_page(state, lang, uri),
        Err(e) => return failure(state, e),
    };
    match referral_page(
        state, tr, uri, viewer, &r, &org, None, conflict, errors, note_text,
    )
    .await
    {
        Ok(page) => render(status, &page),
        Err(e) => failure(state, e),
    }
}

fn clone_error(e: &loket_store::StoreError) -> loket_store::StoreError {
    loket_store::StoreError::Database(e.to_string())
}

/// Runs a use case for the referral in the path and redirects to its page.
#[allow(clippy::too_many_arguments)]
async fn act<F, Fut>(
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
        Ok(None) => return super::pages::not_found_page(state, lang, uri),
        Err(e) => return failure(state, e),
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<StatusForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    let Some(to) = Status::parse(&form.to) else {
        let tr = tr(&state, lang);
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<VersionForm>, axum::extract::rejection::FormRejection>,
) -> Response {
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<VersionForm>, axum::extract::rejection::FormRejection>,
) -> Response {
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
    token: String,
    #[serde(default)]
    text: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<NoteForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let org = match load(&state, &viewer, &id).await {
        Ok(Some((_, org))) => org,
        Ok(None) => return super::pages::not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    match desk::add_note(&state, caller(&viewer, &org), &id, &form.text).await {
        Ok(()) => Redirect::to(&format!(
            "/beheer/verwijzingen/{id}?done=note&lang={}#notes",
            lang.code()
        ))
        .into_response(),
        Err(e) => {
            let tr = tr(&state, lang);
            // The typed note is kept, so nothing is lost.
            refused(&state, &tr, &uri, &viewer, &id, e, "text", form.text).await
        }
    }
}

// ------------------------------------------------------------ new referral

#[derive(Template)]
#[template(path = "referral_new.html")]
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
    pub token: String,
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
fn service_groups(state: &AppState, lang: Lang, own: &str, selected: &str) -> Vec<OptGroup> {
    let idx = state.index();
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
            options.sort_by(|a, b| a.label.cmp(&b.label));
            OptGroup {
                label: o.name.clone(),
                options,
            }
        })
        .filter(|g| !g.options.is_empty())
        .collect();
    groups.sort_by(|a, b| a.label.cmp(&b.label));
    groups
}

fn new_page(
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Query(params): Query<NewParams>,
) -> Response {
    let tr = tr(&state, lang);
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
            Ok(_) => return super::pages::not_found_page(&state, lang, &uri),
            Err(e) => return failure(&state, e),
        }
    }
    let Some(org) = org else {
        return super::pages::forbidden_page(&state, lang, &uri, Some(&viewer));
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    form: Result<axum::Form<ReferralForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let Some(org) = chosen_org(&viewer, &form.org) else {
        return super::pages::forbidden_page(&state, lang, &uri, Some(&viewer));
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
        Err(ReferError::Store(e)) => failure(&state, e),
    }
}

// ---------------------------------------------------------- notifications

pub struct NotificationRow {
    pub href: String,
    pub text: String,
    pub at: String,
    pub read: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
pub struct NotificationsPage {
    layout: Layout,
    rows: Vec<NotificationRow>,
}

pub async fn notifications(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let list = match state.store.notifications(&viewer.account.id, 100).await {
        Ok(list) => list,
        Err(e) => return failure(&state, e),
    };
    let rows = list
        .into_iter()
        .map(|n| NotificationRow {
            href: format!(
                "/beheer/verwijzingen/{}?lang={}",
                n.referral_id,
                lang.code()
            ),
            text: tr.t(&format!("notice-{}", n.kind)),
            at: local_time(n.at),
            read: n.read,
        })
        .collect();
    render(
        StatusCode::OK,
        &NotificationsPage {
            layout: layout(&tr, tr.t("notifications-title"), &uri),
            rows,
        },
    )
}

// ------------------------------------------------------- overdue (network)

pub struct OverdueRow {
    pub service: String,
    pub receiver: String,
    pub sender: String,
    pub status: String,
    pub due: String,
    pub days: i64,
}

#[derive(Template)]
#[template(path = "referrals_overdue.html")]
pub struct OverduePage {
    layout: Layout,
    rows: Vec<OverdueRow>,
}

/// The coordinator's list: which organisations are behind, never who the person is.
pub async fn overdue(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
    let today = super::hours::today_in_region();
    let list = match state.store.overdue_referrals(today, 500).await {
        Ok(list) => list,
        Err(e) => return failure(&state, e),
    };
    let rows = list
        .iter()
        .map(|r| OverdueRow {
            service: service_name(&state, &r.service_id, lang),
            receiver: org_name(&state, &r.receiver_org),
            sender: sender_name(&state, &tr, r),
            status: tr.t(&format!("referral-status-{}", r.status.code())),
            due: r.due_on.map(|d| d.to_string()).unwrap_or_default(),
            days: r.due_on.map(|d| (today - d).num_days()).unwrap_or(0),
        })
        .collect();
    render(
        StatusCode::OK,
        &OverduePage {
            layout: layout(&tr, tr.t("overdue-title"), &uri),
            rows,
        },
    )
}
