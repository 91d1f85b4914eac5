//! A vacancy's best candidates with a per-factor explanation and who was
//! filtered out and why; proposing introductions (staff and employers).

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::talent::employer::{IntroItem, intro_items};
use crate::pages::talent::shared::{errors_from, place_name};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};
use loket_domain::talent::introduction::Actor;
use loket_domain::talent::vacancy::VacancyStatus;
use loket_matching::filter::Exclusion;
use loket_matching::permit::{Obstacle, RightToWork};
use loket_matching::score::{Detail, OccupationFit};
use loket_matching::{Ranked, Vocabulary};
use serde::Deserialize;
use uuid::Uuid;

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
#[template(path = "talent/employer_matches.html")]
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
pub(crate) async fn employer_matches_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    errors: Errors,
    message: Option<String>,
) -> Response {
    let record = match records::vacancy(state, id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(state, tr.lang, uri),
        Err(e) => return failure(e),
    };
    let intros = match records::introductions_for_vacancy(state, id).await {
        Ok(i) => i,
        Err(e) => return failure(e),
    };
    let today = state.clock.today();
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
                    .map(|i| crate::pages::talent::shared::status_text(tr, i.status))
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
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    employer_matches_page(&state, &tr, &uri, &viewer, &id, Errors::default(), None).await
}

/// The employer shortlists a candidate; the candidate is asked for consent by e-mail.
pub async fn employer_propose(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<ProposeForm>,
) -> Response {
    let Page { lang, tr, uri } = ui;
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
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Template)]
#[template(path = "talent/talent_matches.html")]
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

pub(crate) fn concept_list(
    vocabulary: &Vocabulary,
    concepts: &[loket_matching::Concept],
) -> String {
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

pub(crate) fn obstacle_text(tr: &Tr, o: &Obstacle) -> String {
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
        Exclusion::OutsideTheRegion => tr.t("exclusion-outside-the-region"),
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

pub(crate) async fn matches_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    errors: Errors,
    message: Option<String>,
) -> Response {
    let lang = tr.lang;
    let record = match records::vacancy(state, id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(state, lang, uri),
        Err(e) => return failure(e),
    };
    let employer = match records::employer(state, &record.employer_id).await {
        Ok(e) => e,
        Err(e) => return failure(e),
    };
    let intros = match records::introductions_for_vacancy(state, id).await {
        Ok(i) => i,
        Err(e) => return failure(e),
    };
    let vocabulary = state.talent.vocabulary();
    let today = state.clock.today();
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
        let name = match records::candidate(state, &key).await {
            Ok(Some(c)) => c.details.name,
            Ok(None) => continue, // erased a moment ago
            Err(e) => return failure(e),
        };
        let proposed = intros
            .iter()
            .find(|i| i.candidate_id == key)
            .map(|i| crate::pages::talent::shared::status_text(tr, i.status))
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
        if let Ok(Some(c)) = records::candidate(state, &key).await {
            out.push(ExcludedItem {
                id: key,
                name: c.details.name,
                reasons: x.exclusions.iter().map(|e| exclusion_text(tr, e)).collect(),
            });
        }
    }
    let introductions = match intro_items(state, tr, &intros, true).await {
        Ok(i) => i,
        Err(e) => return failure(e),
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
        requirements: crate::pages::talent::introductions::vacancy_requirements(
            tr, &record, sponsor,
        ),
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
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    matches_page(&state, &tr, &uri, &viewer, &id, Errors::default(), None).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    candidate_id: String,
}

pub async fn propose(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<ProposeForm>,
) -> Response {
    let Page { lang, tr, uri } = ui;
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
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}
