//! An introduction as the employer or programme staff see it, its next steps,
//! and the CV once the candidate consented.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::forms::Errors;
use crate::pages::forms::csrf_refused;
use crate::pages::talent::shared::{
    errors_from, labels, languages_text, one, place_name, status_text,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::present::tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};
use loket_domain::Lang;
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::{CandidateDetails, nationality_code};
use loket_domain::talent::introduction::{Actor, IntroStatus, NotHiredReason, allowed};
use loket_matching::Kind;
use loket_store::talent::VacancyRecord;

// ------------------------------------------------------------------ introductions (shared page)

pub struct ProfileView {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub occupations: String,
    pub skills: String,
    pub languages: String,
    pub experience: String,
    pub home: String,
    pub cv_href: String,
}

#[derive(Template)]
#[template(path = "talent/introduction.html")]
pub struct IntroductionPage {
    layout: Layout,
    vacancy: String,
    employer: String,
    status: String,
    message: Option<String>,
    profile: Option<ProfileView>,
    action: String,
    token: String,
    version: i64,
    next: Vec<Opt>,
    reasons: Vec<Opt>,
    history: Vec<String>,
    errors: Errors,
}

pub(crate) fn profile_view(
    state: &AppState,
    tr: &Tr,
    c: &CandidateDetails,
    cv_href: String,
) -> ProfileView {
    let vocabulary = state.talent.vocabulary();
    let p = &c.profile;
    ProfileView {
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone().unwrap_or_default(),
        occupations: labels(vocabulary, Kind::Occupation, &p.occupations).join(", "),
        skills: labels(vocabulary, Kind::Skill, &p.skills).join(", "),
        languages: languages_text(tr, &p.languages),
        experience: tr.n("years", "count", usize::from(p.experience_years)),
        home: match &p.municipality {
            Some(m) => format!("{} ({})", place_name(state, m), p.residence_country),
            None => tr.s(
                "candidate-lives-abroad",
                &[("country", tr.t(&format!("country-{}", p.residence_country)))],
            ),
        },
        cv_href,
    }
}

/// The introduction page, for the employer (`/werkgever/…`) or programme staff (`/beheer/…`).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn introduction_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    actor: Actor,
    errors: Errors,
    message: Option<String>,
) -> Response {
    let intro = match records::introduction(state, id).await {
        Ok(Some(i)) => i,
        Ok(None) => return not_found_page(state, tr.lang, uri),
        Err(e) => return failure(e),
    };
    let (vacancy, history, candidate) = match (
        records::vacancy(state, &intro.vacancy_id).await,
        records::introduction_history(state, id).await,
        records::candidate(state, &intro.candidate_id).await,
    ) {
        (Ok(v), Ok(h), Ok(c)) => (v, h, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return failure(e),
    };
    let employer = match &vacancy {
        Some(v) => records::employer(state, &v.employer_id)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let base = match actor {
        Actor::Employer => "/werkgever/introducties",
        _ => "/beheer/talent/introducties",
    };
    let sees_profile = actor == Actor::Programme || intro.status.employer_sees_profile();
    let profile = candidate.filter(|_| sees_profile).map(|c| {
        let cv = if c.cv.is_some() {
            format!("{base}/{id}/cv")
        } else {
            String::new()
        };
        profile_view(state, tr, &c.details, cv)
    });
    let next: Vec<Opt> = allowed(intro.status, actor)
        .iter()
        .map(|s| Opt {
            value: s.code().into(),
            label: status_text(tr, *s),
            selected: false,
        })
        .collect();
    let page = IntroductionPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("introduction-title"),
            if actor == Actor::Employer {
                "vacancies"
            } else {
                "staff"
            },
            uri.path(),
            uri.query(),
        ),
        vacancy: vacancy
            .as_ref()
            .map(|v| v.details.title.get(tr.lang).to_string())
            .unwrap_or_default(),
        employer: employer.map(|e| e.details.name).unwrap_or_default(),
        status: status_text(tr, intro.status),
        message,
        profile,
        action: format!("{base}/{id}?lang={}", tr.lang.code()),
        token: state.form_token(viewer),
        version: intro.version,
        next,
        reasons: NotHiredReason::ALL
            .iter()
            .map(|r| Opt {
                value: r.code().into(),
                label: tr.t(&format!("not-hired-{}", r.code())),
                selected: false,
            })
            .collect(),
        history: history
            .iter()
            .map(|h| {
                let when = chrono::DateTime::from_timestamp(h.at, 0)
                    .map(|t| tr.date(t.date_naive()))
                    .unwrap_or_default();
                format!("{when}: {}", status_text(tr, h.to))
            })
            .collect(),
        errors,
    };
    render(StatusCode::OK, &page)
}

pub async fn employer_introduction(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    introduction_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &id,
        Actor::Employer,
        Errors::default(),
        None,
    )
    .await
}

/// A recruitment step posted from an introduction page, by `actor`.
pub(crate) async fn post_step(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    viewer: &Viewer,
    id: &str,
    actor: Actor,
    pairs: &[(String, String)],
) -> Response {
    let tr = tr(state, lang);
    if !state.form_token_ok(viewer, &one(pairs, "token")) {
        return csrf_refused(state, lang);
    }
    let version: i64 = one(pairs, "version").parse().unwrap_or(0);
    let Some(to) = IntroStatus::parse(&one(pairs, "to")) else {
        let errors = errors_from(
            &tr,
            &[FieldProblem {
                field: "to",
                problem: "required",
            }],
        );
        return introduction_page(state, &tr, uri, viewer, id, actor, errors, None).await;
    };
    let reason = NotHiredReason::parse(&one(pairs, "reason"));
    let start = chrono::NaiveDate::parse_from_str(&one(pairs, "start_date"), "%Y-%m-%d").ok();
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::step(state, acting, actor, id, version, to, reason, start).await {
        Ok(_) => {
            introduction_page(
                state,
                &tr,
                uri,
                viewer,
                id,
                actor,
                Errors::default(),
                Some(tr.t("introduction-saved")),
            )
            .await
        }
        Err(CaseError::Invalid(problems)) => {
            let page = introduction_page(
                state,
                &tr,
                uri,
                viewer,
                id,
                actor,
                errors_from(&tr, &problems),
                None,
            )
            .await;
            (StatusCode::BAD_REQUEST, page).into_response()
        }
        Err(CaseError::Conflict) => {
            let page = introduction_page(
                state,
                &tr,
                uri,
                viewer,
                id,
                actor,
                Errors::default(),
                Some(tr.t("introduction-conflict")),
            )
            .await;
            (StatusCode::CONFLICT, page).into_response()
        }
        Err(CaseError::NotFound) | Err(CaseError::Expired) => not_found_page(state, lang, uri),
        Err(CaseError::Store(e)) => failure(e),
    }
}

pub async fn employer_step(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let pairs = form.map(|f| f.0).unwrap_or_default();
    post_step(&state, lang, &uri, &viewer, &id, Actor::Employer, &pairs).await
}

/// The CV as a download: never inline, never sniffed, never cached.
pub(crate) async fn cv_download(state: &AppState, candidate_id: &str) -> Response {
    match records::candidate_cv(state, candidate_id).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"cv.pdf\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => failure(e),
    }
}

pub async fn employer_cv(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    match records::introduction(&state, &id).await {
        // The employer sees the CV only after the candidate consented.
        Ok(Some(i)) if i.status.employer_sees_profile() => {
            cv_download(&state, &i.candidate_id).await
        }
        Ok(_) => not_found_page(&state, lang, &uri),
        Err(e) => failure(e),
    }
}

pub(crate) fn nationality_text(tr: &Tr, c: &CandidateDetails) -> String {
    let mut text = tr.t(&format!(
        "nationality-{}",
        nationality_code(c.profile.nationality)
    ));
    if c.profile.work_authorised {
        text.push_str(&format!(" · {}", tr.t("candidate-work-authorised")));
    }
    text
}

pub(crate) fn vacancy_requirements(tr: &Tr, v: &VacancyRecord, sponsor: bool) -> String {
    let mut parts = vec![languages_text(tr, &v.details.languages)];
    parts.push(if v.details.sponsors_permit {
        tr.t("vacancy-sponsors-short")
    } else {
        tr.t("vacancy-no-sponsorship-short")
    });
    if sponsor {
        parts.push(tr.t("employer-is-sponsor"));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}
