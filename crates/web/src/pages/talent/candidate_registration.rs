//! International talent registers (`/talent/aanmelden`): consent for matching,
//! a PDF CV, every problem named next to its field.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::csrf_refused;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::forms::{Upload, read_upload};
use crate::pages::talent::shared::{
    CANDIDATE_FORM, LangRow, checked, eqf_options, errors_from, label_lines, language_inputs,
    language_rows, municipality_options, name_unknown, notice, one, registration_throttled,
    resolve_lines,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use loket_app::limits;
use loket_app::talent::held_cv;
use loket_app::talent::recruitment::{self, CaseError};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::CandidateInput;
use loket_matching::{Kind, Vocabulary};
use loket_store::talent::RegisteredBy;

// ------------------------------------------------------------------ candidate registration

#[derive(Template)]
#[template(path = "talent/candidate_form.html")]
pub struct CandidatePage {
    layout: Layout,
    action: String,
    intro: String,
    token: String,
    input: CandidateInput,
    occupations: String,
    skills: String,
    countries: Vec<Opt>,
    municipalities: Vec<Opt>,
    nationalities: Vec<Opt>,
    age_bands: Vec<Opt>,
    eqf: Vec<Opt>,
    language_rows: Vec<LangRow>,
    consent_text: String,
    consent_label: String,
    errors: Errors,
    /// The token of a CV kept from the last try (the form shows it is kept).
    pub(crate) cv_held: Option<String>,
}

/// Countries people in the programme come from most (ISO 3166-1), the Euregio first.
pub const COUNTRIES: [&str; 24] = [
    "NL", "BE", "DE", "FR", "LU", "PL", "RO", "BG", "ES", "PT", "IT", "GR", "HU", "UA", "TR", "IN",
    "PH", "ID", "CN", "BR", "ZA", "NG", "US", "GB",
];

/// Whether the form is the public one or staff registering on someone's behalf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Registrar {
    Public,
    Staff,
}

pub(crate) fn candidate_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    who: Registrar,
    token: String,
    input: &CandidateInput,
    errors: Errors,
) -> CandidatePage {
    let vocabulary = state.talent.vocabulary();
    let option = |value: &str, key: String, selected: bool| Opt {
        value: value.into(),
        label: tr.t(&key),
        selected,
    };
    let (title, intro, action, consent_label) = match who {
        Registrar::Public => (
            tr.t("candidate-register-title"),
            tr.t("candidate-register-intro"),
            format!("/talent/aanmelden?lang={}", tr.lang.code()),
            tr.t("candidate-consent-self"),
        ),
        Registrar::Staff => (
            tr.t("candidate-staff-title"),
            tr.t("candidate-staff-intro"),
            format!("/beheer/talent/kandidaten/nieuw?lang={}", tr.lang.code()),
            tr.t("candidate-consent-staff"),
        ),
    };
    CandidatePage {
        layout: Layout::new(
            tr.clone(),
            title,
            if who == Registrar::Public {
                "vacancies"
            } else {
                "staff"
            },
            uri.path(),
            uri.query(),
        ),
        action,
        intro,
        token,
        occupations: label_lines(vocabulary, Kind::Occupation, &input.occupations),
        skills: label_lines(vocabulary, Kind::Skill, &input.skills),
        countries: std::iter::once(Opt {
            value: String::new(),
            label: tr.t("choose"),
            selected: input.residence_country.is_empty(),
        })
        .chain(
            COUNTRIES
                .iter()
                .map(|c| option(c, format!("country-{c}"), *c == input.residence_country)),
        )
        .collect(),
        municipalities: municipality_options(
            state,
            &input.municipality,
            Some(tr.t("candidate-outside-region")),
        ),
        nationalities: ["eu-eea-swiss", "other"]
            .iter()
            .map(|n| option(n, format!("nationality-{n}"), *n == input.nationality))
            .collect(),
        age_bands: ["under30", "from30"]
            .iter()
            .map(|a| option(a, format!("age-band-{a}"), *a == input.age_band))
            .collect(),
        eqf: eqf_options(tr, &input.eqf, false),
        language_rows: language_rows(tr, &input.languages),
        consent_text: tr.t("candidate-consent-text"),
        consent_label,
        input: input.clone(),
        errors,
        cv_held: None,
    }
}

/// The CV of a submission: a file chosen now, or else the one held from the
/// last try (`cv_token`), with that token while it is still good.
pub(crate) async fn submitted_cv(
    state: &AppState,
    upload: &Upload,
) -> (Option<Vec<u8>>, Option<String>) {
    if let Some(bytes) = &upload.file {
        return (Some(bytes.clone()), None);
    }
    let token = one(&upload.pairs, "cv_token");
    match held_cv::take(state, &token).await {
        Ok(Some(bytes)) => (Some(bytes), Some(token)),
        Ok(None) => (None, None),
        Err(e) => {
            tracing::warn!(error = %e, "reading a held CV failed");
            (None, None)
        }
    }
}

/// The token to put in a form shown again, so its CV need not be chosen again.
pub(crate) async fn keep_cv(
    state: &AppState,
    cv: Option<&[u8]>,
    held: Option<String>,
) -> Option<String> {
    if held.is_some() {
        return held;
    }
    match held_cv::hold(state, cv?).await {
        Ok(token) => token,
        Err(e) => {
            tracing::warn!(error = %e, "holding a CV failed");
            None
        }
    }
}

pub(crate) fn candidate_input(
    vocabulary: &Vocabulary,
    pairs: &[(String, String)],
) -> CandidateInput {
    CandidateInput {
        name: one(pairs, "name"),
        email: one(pairs, "email"),
        phone: one(pairs, "phone"),
        occupations: resolve_lines(vocabulary, Kind::Occupation, &one(pairs, "occupations")),
        skills: resolve_lines(vocabulary, Kind::Skill, &one(pairs, "skills")),
        experience_years: one(pairs, "experience_years"),
        eqf: one(pairs, "eqf"),
        languages: language_inputs(pairs),
        residence_country: one(pairs, "residence_country"),
        municipality: one(pairs, "municipality"),
        nationality: one(pairs, "nationality"),
        work_authorised: checked(pairs, "work_authorised"),
        age_band: one(pairs, "age_band"),
        recent_graduate: checked(pairs, "recent_graduate"),
        max_commute_km: one(pairs, "max_commute_km"),
        will_relocate: checked(pairs, "will_relocate"),
        desired_salary: one(pairs, "desired_salary"),
        available_from: one(pairs, "available_from"),
        consent: checked(pairs, "consent"),
    }
}

pub async fn candidate_form(State(state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    let input = CandidateInput {
        max_commute_km: "30".into(),
        ..Default::default()
    };
    let token = state.csrf.token(CANDIDATE_FORM, state.clock.unix());
    render(
        StatusCode::OK,
        &candidate_page(
            &state,
            &tr,
            &uri,
            Registrar::Public,
            token,
            &input,
            Errors::default(),
        ),
    )
}

pub async fn candidate_register(
    State(state): State<AppState>,
    ui: Page,
    client: ClientKey,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Ok(multipart) = multipart else {
        return csrf_refused(&state, lang);
    };
    let upload = read_upload(multipart, "cv").await;
    if !state.csrf.verify(
        CANDIDATE_FORM,
        &one(&upload.pairs, "token"),
        state.clock.unix(),
    ) {
        return csrf_refused(&state, lang);
    }
    let input = candidate_input(state.talent.vocabulary(), &upload.pairs);
    let (cv, held) = submitted_cv(&state, &upload).await;
    let again = |errors: Errors, status: StatusCode, cv_held: Option<String>| {
        let token = state.csrf.token(CANDIDATE_FORM, state.clock.unix());
        let mut page = candidate_page(&state, &tr, &uri, Registrar::Public, token, &input, errors);
        page.cv_held = cv_held;
        render(status, &page)
    };
    if upload.too_large {
        return again(
            errors_from(
                &tr,
                &[FieldProblem {
                    field: "cv",
                    problem: "too-large",
                }],
            ),
            StatusCode::BAD_REQUEST,
            held,
        );
    }
    if !one(&upload.pairs, "website").is_empty() {
        // Only robots fill in the hidden field: thank them, keep nothing.
        return notice(
            &state,
            &tr,
            &uri,
            tr.t("candidate-registered-title"),
            tr.t("candidate-registered"),
            vec![],
        );
    }
    let rate_key = format!("candidate-registration:{}", client.0);
    match limits::last_hour(&state, &rate_key).await {
        Ok(n) if registration_throttled(&rate_key, n) => {
            let mut errors = Errors::default();
            errors.add("form", tr.t("form-error-rate-limited"));
            return again(
                errors,
                StatusCode::TOO_MANY_REQUESTS,
                keep_cv(&state, cv.as_deref(), held).await,
            );
        }
        Ok(_) => {}
        Err(e) => return failure(e),
    }
    let account = format!("self:{}", client.0.chars().take(12).collect::<String>());
    match recruitment::register_candidate(
        &state,
        &input,
        cv.as_deref(),
        RegisteredBy::Staff(&account),
        "web",
    )
    .await
    {
        Ok(_) => {
            if let Err(e) = limits::count(&state, &rate_key).await {
                tracing::warn!(error = %e, "counting a registration failed");
            }
            notice(
                &state,
                &tr,
                &uri,
                tr.t("candidate-registered-title"),
                tr.t("candidate-registered"),
                vec![(
                    format!("/vacatures?lang={}", lang.code()),
                    tr.t("vacancies-title"),
                )],
            )
        }
        Err(CaseError::Invalid(problems)) => {
            let mut errors = errors_from(&tr, &problems);
            let vocabulary = state.talent.vocabulary();
            name_unknown(
                &mut errors,
                &tr,
                vocabulary,
                "occupations",
                Kind::Occupation,
                &input.occupations,
            );
            name_unknown(
                &mut errors,
                &tr,
                vocabulary,
                "skills",
                Kind::Skill,
                &input.skills,
            );
            let kept = keep_cv(&state, cv.as_deref(), held).await;
            again(errors, StatusCode::BAD_REQUEST, kept)
        }
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => failure(loket_store::StoreError::Unavailable("registration".into())),
    }
}
