//! Programme staff of Welcome to Maastricht Region: verify employers, see a vacancy's ranked
//! candidates with their explanations and those filtered out with their reasons, propose
//! introductions, register candidates on their behalf, follow introductions, and the
//! placements against the year's target.

use super::forms::Errors;
use super::manage::csrf_refused;
use super::pages::{not_found_page, tr};
use super::sign_in::failure;
use super::talent::{
    self as public, IntroItem, Registrar, errors_from, intro_items, labels, one, place_name,
    profile_view, read_upload,
};
use super::view::{Layout, Tr, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::recruitment::{self, Acting, CaseError};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Multipart, OriginalUri, Path, Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::policy::{self, Action, Target};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::CandidateInput;
use loket_domain::talent::employer::{BOARD_FEE_CENTS, BoardMembership, BoardStatus};
use loket_domain::talent::introduction::Actor;
use loket_domain::talent::vacancy::VacancyStatus;
use loket_matching::filter::Exclusion;
use loket_matching::permit::{Obstacle, RightToWork};
use loket_matching::score::{Detail, OccupationFit};
use loket_matching::{Kind, Ranked, Vocabulary};
use loket_store::talent::RegisteredBy;
use serde::Deserialize;
use uuid::Uuid;

pub struct EmployerRow {
    pub id: String,
    pub name: String,
    pub kvk: String,
    pub sector: String,
    pub verified: bool,
    pub sponsor: bool,
    pub version: i64,
    /// The Employer Board status this year (`none` when not asked).
    pub board: Vec<super::view::Opt>,
}

#[derive(Template)]
#[template(path = "talent_home.html")]
pub struct TalentHomePage {
    layout: Layout,
    token: String,
    counts: String,
    employers: Vec<EmployerRow>,
    vacancies: Vec<(String, String, String)>,
    candidates: Vec<(String, String)>,
    board_heading: String,
    board_year: i32,
}

pub async fn home(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let employers = match state.store.employers().await {
        Ok(e) => e,
        Err(e) => return failure(&state, e),
    };
    let names: std::collections::HashMap<String, String> = employers
        .iter()
        .map(|e| (e.id.clone(), e.details.name.clone()))
        .collect();
    let published = match state.store.published_vacancies(200, 0).await {
        Ok(v) => v,
        Err(e) => return failure(&state, e),
    };
    let counts = {
        let index = state.talent.read();
        tr.s(
            "talent-counts",
            &[
                ("candidates", index.candidate_count().to_string()),
                ("vacancies", index.vacancy_count().to_string()),
            ],
        )
    };
    let named = match state.store.recent_candidates(50).await {
        Ok(list) => list,
        Err(e) => return failure(&state, e),
    };
    let board_year = {
        use chrono::Datelike;
        super::hours::today_in_region().year()
    };
    let mut rows = Vec::new();
    for e in &employers {
        let current = match state.store.board_memberships(&e.id).await {
            Ok(list) => list
                .into_iter()
                .find(|m| m.year == board_year)
                .map(|m| m.status),
            Err(err) => return failure(&state, err),
        };
        let mut board = vec![super::view::Opt {
            value: "none".into(),
            label: tr.t("board-status-none"),
            selected: current.is_none(),
        }];
        board.extend(BoardStatus::ALL.iter().map(|s| super::view::Opt {
            value: s.code().into(),
            label: tr.t(&format!("board-status-{}", s.code())),
            selected: current == Some(*s),
        }));
        rows.push(EmployerRow {
            id: e.id.clone(),
            name: e.details.name.clone(),
            kvk: e.details.kvk_number.clone(),
            sector: tr.t(&format!("sector-{}", e.details.sector.code())),
            verified: e.verified_at.is_some(),
            sponsor: e.details.recognised_sponsor,
            version: e.version,
            board,
        });
    }
    let page = TalentHomePage {
        board_heading: tr.s("board-heading", &[("year", board_year.to_string())]),
        board_year,
        layout: Layout::new(
            tr.clone(),
            tr.t("talent-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        token: state.form_token(&viewer),
        counts,
        employers: rows,
        vacancies: published
            .iter()
            .map(|v| {
                (
                    v.id.clone(),
                    v.details.title.get(lang).to_string(),
                    names.get(&v.employer_id).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        candidates: named,
    };
    render(StatusCode::OK, &page)
}

#[derive(Debug, Default, Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    recognised_sponsor: String,
}

pub async fn verify(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<VerifyForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::verify_employer(
        &state,
        acting,
        &id,
        form.version,
        !form.recognised_sponsor.is_empty(),
    )
    .await
    {
        Ok(_) | Err(CaseError::Conflict) => {
            Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response()
        }
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct BoardForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    status: String,
}

/// Records an employer's Employer Board membership for a year (fee €10,000).
pub async fn board(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<BoardForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let (Ok(year), Some(status)) = (form.year.parse::<i32>(), BoardStatus::parse(&form.status))
    else {
        // "none" or a tampered form: nothing to record.
        return Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response();
    };
    let membership = BoardMembership {
        year,
        fee_cents: BOARD_FEE_CENTS,
        status,
    };
    match state.store.set_board_membership(&id, &membership).await {
        Ok(()) => {
            state
                .record_audit(loket_domain::audit::AuditEvent {
                    action: "employer.board".into(),
                    object: format!("employer/{id}"),
                    result: loket_domain::audit::AuditResult::Success,
                    origin: "web".into(),
                    actor: viewer.account.id.clone(),
                    subject: None,
                    activity: None,
                })
                .await;
            Redirect::to(&format!("/beheer/talent?lang={}", lang.code())).into_response()
        }
        Err(loket_store::StoreError::Rejected { .. }) => not_found_page(&state, lang, &uri),
        Err(e) => failure(&state, e),
    }
}

// ------------------------------------------------------------------ matches

pub struct MatchItem {
    pub id: String,
    pub name: String,
    pub score: String,
    pub admission: String,
    pub lines: Vec<String>,
    pub proposed: String,
}

pub struct ExcludedItem {
    pub id: String,
    pub name: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "employer_matches.html")]
pub struct EmployerMatchesPage {
    layout: Layout,
    vacancy_id: String,
    token: String,
    message: Option<String>,
    ranked: Vec<MatchItem>,
    errors: Errors,
}

/// The employer's view of a vacancy's best candidates: pseudonymous (no name, no contact, no
/// CV) until a candidate consents to an introduction.
async fn employer_matches_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    errors: Errors,
    message: Option<String>,
) -> Response {
    let record = match state.store.vacancy(id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(state, tr.lang, uri),
        Err(e) => return failure(state, e),
    };
    let intros = match state.store.introductions_for_vacancy(id).await {
        Ok(i) => i,
        Err(e) => return failure(state, e),
    };
    let today = super::hours::today_in_region();
    let ranked = {
        let index = state.talent.read();
        match Uuid::parse_str(id)
            .ok()
            .and_then(|k| index.vacancy(&k).cloned())
        {
            Some(v) => index.candidates_for(&v, 20, today),
            None => Vec::new(),
        }
    };
    let vocabulary = state.talent.vocabulary();
    let items = ranked
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let key = r.key.to_string();
            MatchItem {
                name: tr.s("employer-candidate-number", &[("n", (n + 1).to_string())]),
                score: tr.s(
                    "match-score",
                    &[("score", format!("{:.0}", r.explanation.total))],
                ),
                admission: admission_text(tr, r),
                lines: explanation_lines(tr, vocabulary, r),
                proposed: intros
                    .iter()
                    .find(|i| i.candidate_id == key)
                    .map(|i| public::status_text(tr, i.status))
                    .unwrap_or_default(),
                id: key,
            }
        })
        .collect();
    let page = EmployerMatchesPage {
        layout: Layout::new(
            tr.clone(),
            tr.s(
                "employer-matches-title",
                &[("vacancy", record.details.title.get(tr.lang).to_string())],
            ),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        vacancy_id: id.to_string(),
        token: state.form_token(viewer),
        message,
        ranked: items,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render(status, &page)
}

pub async fn employer_matches(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    employer_matches_page(&state, &tr, &uri, &viewer, &id, Errors::default(), None).await
}

/// The employer shortlists a candidate; the candidate is asked for consent by e-mail.
pub async fn employer_propose(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<ProposeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::propose(&state, acting, &id, &form.candidate_id, Actor::Employer).await {
        Ok(_) => {
            employer_matches_page(
                &state,
                &tr,
                &uri,
                &viewer,
                &id,
                Errors::default(),
                Some(tr.t("matches-proposed")),
            )
            .await
        }
        Err(CaseError::Invalid(p)) => {
            employer_matches_page(&state, &tr, &uri, &viewer, &id, errors_from(&tr, &p), None).await
        }
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Template)]
#[template(path = "talent_matches.html")]
pub struct MatchesPage {
    layout: Layout,
    vacancy_id: String,
    employer: String,
    place: String,
    requirements: String,
    token: String,
    message: Option<String>,
    ranked: Vec<MatchItem>,
    excluded: Vec<ExcludedItem>,
    introductions: Vec<IntroItem>,
    errors: Errors,
}

fn concept_list(vocabulary: &Vocabulary, concepts: &[loket_matching::Concept]) -> String {
    let list: Vec<&str> = concepts
        .iter()
        .filter_map(|c| vocabulary.label(*c))
        .collect();
    if list.is_empty() {
        "–".into()
    } else {
        list.join(", ")
    }
}

/// One line per factor: its points and the facts behind them.
pub(crate) fn explanation_lines(tr: &Tr, vocabulary: &Vocabulary, r: &Ranked<Uuid>) -> Vec<String> {
    r.explanation
        .factors
        .iter()
        .map(|f| {
            let points = format!("{:.1}/{:.0}", f.points, f.max_points);
            let facts = match &f.detail {
                Detail::EssentialSkills { matched, missing }
                | Detail::OptionalSkills { matched, missing } => tr.s(
                    "explain-skills",
                    &[
                        ("has", matched.len().to_string()),
                        ("of", (matched.len() + missing.len()).to_string()),
                        ("matched", concept_list(vocabulary, matched)),
                        ("missing", concept_list(vocabulary, missing)),
                    ],
                ),
                Detail::Occupation { fit } => match fit {
                    OccupationFit::Same => tr.t("explain-occupation-same"),
                    OccupationFit::SameIscoGroup { isco } => {
                        tr.s("explain-occupation-group", &[("isco", isco.to_string())])
                    }
                    OccupationFit::Different => tr.t("explain-occupation-different"),
                    OccupationFit::NotAsked => tr.t("explain-occupation-not-asked"),
                },
                Detail::Eqf {
                    candidate,
                    required,
                } => tr.s(
                    "explain-eqf",
                    &[
                        ("candidate", candidate.to_string()),
                        (
                            "required",
                            required.map_or_else(|| "–".into(), |r| r.to_string()),
                        ),
                    ],
                ),
                Detail::Experience { years, wanted } => tr.s(
                    "explain-experience",
                    &[("years", years.to_string()), ("wanted", wanted.to_string())],
                ),
                Detail::Salary {
                    desired,
                    offered_max,
                } => match desired {
                    Some(d) => tr.s(
                        "explain-salary",
                        &[("desired", d.to_string()), ("max", offered_max.to_string())],
                    ),
                    None => tr.t("explain-salary-none"),
                },
            };
            let name = match &f.detail {
                Detail::EssentialSkills { .. } => "factor-essential-skills",
                Detail::OptionalSkills { .. } => "factor-optional-skills",
                Detail::Occupation { .. } => "factor-occupation",
                Detail::Eqf { .. } => "factor-eqf",
                Detail::Experience { .. } => "factor-experience",
                Detail::Salary { .. } => "factor-salary",
            };
            format!("{} ({points}): {facts}", tr.t(name))
        })
        .collect()
}

pub(crate) fn admission_text(tr: &Tr, r: &Ranked<Uuid>) -> String {
    let right = match r.admission.right_to_work {
        RightToWork::FreeMovement => tr.t("admission-free-movement"),
        RightToWork::AlreadyAuthorised => tr.t("admission-authorised"),
        RightToWork::HighlySkilledMigrant { threshold } => tr.s(
            "admission-highly-skilled",
            &[
                ("threshold", threshold.monthly_gross.to_string()),
                ("year", threshold.year.to_string()),
            ],
        ),
        RightToWork::BlueCard { threshold } => tr.s(
            "admission-blue-card",
            &[
                ("threshold", threshold.monthly_gross.to_string()),
                ("year", threshold.year.to_string()),
            ],
        ),
    };
    let commute = match r.admission.commute_km {
        Some(km) => tr.s("admission-commute", &[("km", format!("{km:.0}"))]),
        None => tr.t("admission-no-commute"),
    };
    format!("{right} · {commute}")
}

fn obstacle_text(tr: &Tr, o: &Obstacle) -> String {
    match o {
        Obstacle::NotRecognisedSponsor => tr.t("obstacle-not-recognised-sponsor"),
        Obstacle::NoSponsorship => tr.t("obstacle-no-sponsorship"),
        Obstacle::NoHigherEducation { eqf } => {
            tr.s("obstacle-no-higher-education", &[("eqf", eqf.to_string())])
        }
        Obstacle::SalaryBelowThreshold { threshold, offered } => tr.s(
            "obstacle-salary-below",
            &[
                ("threshold", threshold.monthly_gross.to_string()),
                ("year", threshold.year.to_string()),
                ("offered", offered.to_string()),
            ],
        ),
    }
}

pub(crate) fn exclusion_text(tr: &Tr, e: &Exclusion) -> String {
    match e {
        Exclusion::RightToWork { no_route } => tr.s(
            "exclusion-right-to-work",
            &[
                (
                    "highly_skilled",
                    obstacle_text(tr, &no_route.highly_skilled),
                ),
                ("blue_card", obstacle_text(tr, &no_route.blue_card)),
            ],
        ),
        Exclusion::Language {
            language,
            required,
            has,
        } => tr.s(
            "exclusion-language",
            &[
                ("language", tr.t(&format!("lang-name-{language}"))),
                ("required", required.code().to_string()),
                (
                    "has",
                    has.map_or_else(|| tr.t("exclusion-language-none"), |h| h.code().to_string()),
                ),
            ],
        ),
        Exclusion::Commute {
            distance_km,
            max_km,
        } => tr.s(
            "exclusion-commute",
            &[
                ("km", format!("{distance_km:.0}")),
                ("max", max_km.to_string()),
            ],
        ),
        Exclusion::Availability {
            available_from,
            needed_by,
        } => tr.s(
            "exclusion-availability",
            &[
                ("from", available_from.to_string()),
                ("needed", needed_by.to_string()),
            ],
        ),
    }
}

async fn matches_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    errors: Errors,
    message: Option<String>,
) -> Response {
    let lang = tr.lang;
    let record = match state.store.vacancy(id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(state, lang, uri),
        Err(e) => return failure(state, e),
    };
    let employer = match state.store.employer(&record.employer_id).await {
        Ok(e) => e,
        Err(e) => return failure(state, e),
    };
    let intros = match state.store.introductions_for_vacancy(id).await {
        Ok(i) => i,
        Err(e) => return failure(state, e),
    };
    let vocabulary = state.talent.vocabulary();
    let today = super::hours::today_in_region();
    let (ranked, excluded) = {
        let index = state.talent.read();
        match Uuid::parse_str(id)
            .ok()
            .and_then(|k| index.vacancy(&k).cloned())
        {
            Some(v) => (
                index.candidates_for(&v, 25, today),
                index.excluded_for(&v, 50, today),
            ),
            None => (Vec::new(), Vec::new()),
        }
    };
    let mut items = Vec::new();
    for r in &ranked {
        let key = r.key.to_string();
        let name = match state.store.candidate(&key).await {
            Ok(Some(c)) => c.details.name,
            Ok(None) => continue, // erased a moment ago
            Err(e) => return failure(state, e),
        };
        let proposed = intros
            .iter()
            .find(|i| i.candidate_id == key)
            .map(|i| public::status_text(tr, i.status))
            .unwrap_or_default();
        items.push(MatchItem {
            id: key,
            name,
            score: tr.s(
                "match-score",
                &[("score", format!("{:.0}", r.explanation.total))],
            ),
            admission: admission_text(tr, r),
            lines: explanation_lines(tr, vocabulary, r),
            proposed,
        });
    }
    let mut out = Vec::new();
    for x in &excluded {
        let key = x.key.to_string();
        if let Ok(Some(c)) = state.store.candidate(&key).await {
            out.push(ExcludedItem {
                id: key,
                name: c.details.name,
                reasons: x.exclusions.iter().map(|e| exclusion_text(tr, e)).collect(),
            });
        }
    }
    let introductions = match intro_items(state, tr, &intros, true).await {
        Ok(i) => i,
        Err(e) => return failure(state, e),
    };
    let sponsor = employer
        .as_ref()
        .is_some_and(|e| e.details.recognised_sponsor && e.verified_at.is_some());
    let page = MatchesPage {
        layout: Layout::new(
            tr.clone(),
            record.details.title.get(lang).to_string(),
            "staff",
            uri.path(),
            uri.query(),
        ),
        vacancy_id: id.to_string(),
        employer: employer.map(|e| e.details.name).unwrap_or_default(),
        place: place_name(state, &record.details.municipality),
        requirements: public::vacancy_requirements(tr, &record, sponsor),
        token: state.form_token(viewer),
        message: message.or_else(|| {
            (record.status != VacancyStatus::Published).then(|| tr.t("matches-not-published"))
        }),
        ranked: items,
        excluded: out,
        introductions,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render(status, &page)
}

pub async fn matches(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    matches_page(&state, &tr, &uri, &viewer, &id, Errors::default(), None).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    candidate_id: String,
}

pub async fn propose(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<ProposeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::propose(&state, acting, &id, &form.candidate_id, Actor::Programme).await {
        Ok(_) => {
            matches_page(
                &state,
                &tr,
                &uri,
                &viewer,
                &id,
                Errors::default(),
                Some(tr.t("matches-proposed")),
            )
            .await
        }
        Err(CaseError::Invalid(p)) => {
            matches_page(&state, &tr, &uri, &viewer, &id, errors_from(&tr, &p), None).await
        }
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

// ------------------------------------------------------------------ candidates

pub async fn candidate_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let input = CandidateInput {
        max_commute_km: "30".into(),
        ..Default::default()
    };
    let token = state.form_token(&viewer);
    render(
        StatusCode::OK,
        &public::candidate_page(
            &state,
            &tr,
            &uri,
            Registrar::Staff,
            token,
            &input,
            Errors::default(),
        ),
    )
}

pub async fn candidate_create(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let Ok(multipart) = multipart else {
        return csrf_refused(&state, lang);
    };
    let upload = read_upload(multipart).await;
    if !state.form_token_ok(&viewer, &one(&upload.pairs, "token")) {
        return csrf_refused(&state, lang);
    }
    let input = public::candidate_input(state.talent.vocabulary(), &upload.pairs);
    let again = |errors: Errors| {
        let token = state.form_token(&viewer);
        render(
            StatusCode::BAD_REQUEST,
            &public::candidate_page(&state, &tr, &uri, Registrar::Staff, token, &input, errors),
        )
    };
    if upload.too_large {
        return again(errors_from(
            &tr,
            &[FieldProblem {
                field: "cv",
                problem: "too-large",
            }],
        ));
    }
    match recruitment::register_candidate(
        &state,
        &input,
        upload.cv.as_deref(),
        RegisteredBy::Staff(&viewer.account.id),
        "web",
    )
    .await
    {
        Ok(c) => Redirect::to(&format!(
            "/beheer/talent/kandidaten/{}?lang={}",
            c.id,
            lang.code()
        ))
        .into_response(),
        Err(CaseError::Invalid(problems)) => again(errors_from(&tr, &problems)),
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Template)]
#[template(path = "talent_candidate.html")]
pub struct CandidateStaffPage {
    layout: Layout,
    email: String,
    phone: String,
    occupations: String,
    skills: String,
    languages: String,
    experience: String,
    home: String,
    nationality: String,
    consent: String,
    cv_href: String,
    introductions: Vec<IntroItem>,
    vacancies: Vec<(String, String, String)>,
}

pub async fn candidate(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    let c = match state.store.candidate(&id).await {
        Ok(Some(c)) => c,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    let intros = match state.store.introductions_for_candidate(&id).await {
        Ok(i) => i,
        Err(e) => return failure(&state, e),
    };
    let introductions = match intro_items(&state, &tr, &intros, true).await {
        Ok(i) => i,
        Err(e) => return failure(&state, e),
    };
    let cv_href = if c.cv.is_some() {
        format!("/beheer/talent/kandidaten/{id}/cv")
    } else {
        String::new()
    };
    let profile = profile_view(&state, &tr, &c.details, cv_href.clone());
    let today = super::hours::today_in_region();
    let suggestions: Vec<(String, String)> = {
        let index = state.talent.read();
        match Uuid::parse_str(&id)
            .ok()
            .and_then(|k| index.candidate(&k).cloned())
        {
            Some(profile) => index
                .vacancies_for(&profile, 10, today)
                .into_iter()
                .map(|r| (r.key.to_string(), format!("{:.0}", r.explanation.total)))
                .collect(),
            None => Vec::new(),
        }
    };
    let mut vacancies = Vec::new();
    for (vid, score) in suggestions {
        if let Ok(Some(v)) = state.store.vacancy(&vid).await {
            vacancies.push((
                vid,
                v.details.title.get(lang).to_string(),
                tr.s("match-score", &[("score", score)]),
            ));
        }
    }
    let consent_day = chrono::DateTime::from_timestamp(c.consent_at, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default();
    let page = CandidateStaffPage {
        layout: Layout::new(
            tr.clone(),
            c.details.name.clone(),
            "staff",
            uri.path(),
            uri.query(),
        ),
        email: profile.email,
        phone: profile.phone,
        occupations: profile.occupations,
        skills: profile.skills,
        languages: profile.languages,
        experience: profile.experience,
        home: profile.home,
        nationality: public::nationality_text(&tr, &c.details),
        consent: tr.s("candidate-consent-on", &[("day", consent_day)]),
        cv_href,
        introductions,
        vacancies,
    };
    render(StatusCode::OK, &page)
}

pub async fn candidate_cv(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    public::cv_download(&state, &id).await
}

pub async fn introduction(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    public::introduction_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &id,
        Actor::Programme,
        Errors::default(),
        None,
    )
    .await
}

pub async fn step(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let pairs = form.map(|f| f.0).unwrap_or_default();
    public::post_step(&state, lang, &uri, &viewer, &id, Actor::Programme, &pairs).await
}

// ------------------------------------------------------------------ placements

#[derive(Template)]
#[template(path = "placements.html")]
pub struct PlacementsPage {
    layout: Layout,
    year: i32,
    caption: String,
    expected: String,
    effective: String,
    share: String,
    rows: Vec<(String, String, String)>,
    can_set_target: bool,
    token: String,
    target_input: String,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
pub struct YearParams {
    #[serde(default)]
    jaar: String,
}

async fn placements_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    year: i32,
    errors: Errors,
    target_input: String,
) -> Response {
    let figures = match state.store.placement_figures(year).await {
        Ok(f) => f,
        Err(e) => return failure(state, e),
    };
    let placements = match state.store.placements(year).await {
        Ok(p) => p,
        Err(e) => return failure(state, e),
    };
    let vocabulary = state.talent.vocabulary();
    let mut rows = Vec::new();
    for p in placements {
        let employer = state
            .store
            .employer(&p.employer_id)
            .await
            .ok()
            .flatten()
            .map(|e| e.details.name)
            .unwrap_or_default();
        rows.push((
            p.start_date.to_string(),
            labels(
                vocabulary,
                Kind::Occupation,
                std::slice::from_ref(&p.occupation),
            )
            .join(", "),
            employer,
        ));
    }
    let can_set_target = policy::allows(
        &viewer.memberships,
        Action::SetPlacementTargets,
        Target::Network,
    );
    let page = PlacementsPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("placements-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        year,
        caption: tr.s("placements-caption", &[("year", year.to_string())]),
        expected: figures
            .expected
            .map_or_else(|| tr.t("placements-no-target"), |e| e.to_string()),
        effective: figures.effective.to_string(),
        share: figures
            .percent_of_target()
            .map_or_else(|| "–".into(), |p| format!("{p} %")),
        rows,
        can_set_target,
        token: state.form_token(viewer),
        target_input: if target_input.is_empty() {
            figures.expected.map(|e| e.to_string()).unwrap_or_default()
        } else {
            target_input
        },
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render(status, &page)
}

fn year_of(text: &str) -> i32 {
    use chrono::Datelike;
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| super::hours::today_in_region().year())
}

pub async fn placements(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Query(p): Query<YearParams>,
) -> Response {
    let tr = tr(&state, lang);
    placements_page(
        &state,
        &tr,
        &uri,
        &viewer,
        year_of(&p.jaar),
        Errors::default(),
        String::new(),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    expected: String,
}

pub async fn set_target(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    form: Result<axum::Form<TargetForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let year = year_of(&form.year);
    match form.expected.trim().parse::<u32>() {
        Ok(expected) if expected <= 100_000 => {
            if let Err(e) = state
                .store
                .set_placement_target(year, expected, chrono::Utc::now().timestamp())
                .await
            {
                return failure(&state, e);
            }
            Redirect::to(&format!(
                "/beheer/plaatsingen?jaar={year}&lang={}",
                lang.code()
            ))
            .into_response()
        }
        _ => {
            let errors = errors_from(
                &tr,
                &[FieldProblem {
                    field: "expected",
                    problem: "not-a-number",
                }],
            );
            placements_page(
                &state,
                &tr,
                &uri,
                &viewer,
                year,
                errors,
                form.expected.clone(),
            )
            .await
        }
    }
}
