//! The employer's area (`/werkgever`): their vacancies and introductions,
//! posting and closing a vacancy.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::{forbidden_page, not_found_page};
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::talent::shared::{
    LangRow, checked, eqf_options, errors_from, label_lines, language_inputs, language_rows,
    municipality_options, name_unknown, one, resolve_lines, status_text,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::talent::programme;
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};
use loket_domain::Text;
use loket_domain::talent::vacancy::{Contract, VacancyInput, VacancyStatus};
use loket_matching::{Kind, Vocabulary};
use loket_store::talent::{Employer, Introduction};

// ------------------------------------------------------------------ the employer's area

pub struct IntroItem {
    pub id: String,
    pub who: String,
    pub status: String,
}

pub struct VacancyRow {
    pub id: String,
    pub title: String,
    pub status: String,
    pub published: bool,
    pub introductions: Vec<IntroItem>,
    /// Drafts and published vacancies can still be changed.
    pub editable: bool,
}

pub struct EmployerBlock {
    pub id: String,
    pub name: String,
    pub verified: bool,
    pub vacancies: Vec<VacancyRow>,
}

#[derive(Template)]
#[template(path = "talent/employer_home.html")]
pub struct EmployerHomePage {
    layout: Layout,
    token: String,
    employers: Vec<EmployerBlock>,
}

/// How a candidate appears in a list: by name only when the viewer may see it.
pub(crate) async fn intro_items(
    state: &AppState,
    tr: &Tr,
    intros: &[Introduction],
    always_named: bool,
) -> Result<Vec<IntroItem>, loket_app::AppError> {
    let mut items = Vec::new();
    for i in intros {
        let named = always_named || i.status.employer_sees_profile();
        let who = if named {
            records::candidate(state, &i.candidate_id)
                .await?
                .map_or_else(|| tr.t("candidate-erased"), |c| c.details.name)
        } else {
            tr.t("candidate-awaiting-consent")
        };
        items.push(IntroItem {
            id: i.id.clone(),
            who,
            status: status_text(tr, i.status),
        });
    }
    Ok(items)
}

pub async fn employer_home(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let employers = match records::employers_of_account(&state, &viewer.account.id).await {
        Ok(e) => e,
        Err(e) => return failure(e),
    };
    if employers.is_empty() {
        return forbidden_page(&state, lang, &uri, Some(&viewer));
    }
    let mut blocks = Vec::new();
    for e in employers {
        let vacancies = match records::vacancies_of_employer(&state, &e.id).await {
            Ok(v) => v,
            Err(err) => return failure(err),
        };
        let mut rows = Vec::new();
        for v in vacancies {
            let intros = match records::introductions_for_vacancy(&state, &v.id).await {
                Ok(i) => i,
                Err(err) => return failure(err),
            };
            let introductions = match intro_items(&state, &tr, &intros, false).await {
                Ok(i) => i,
                Err(err) => return failure(err),
            };
            rows.push(VacancyRow {
                id: v.id.clone(),
                title: v.details.title.get(lang).to_string(),
                status: tr.t(&format!("vacancy-status-{}", v.status.code())),
                published: v.status == VacancyStatus::Published,
                editable: v.status != VacancyStatus::Closed,
                introductions,
            });
        }
        blocks.push(EmployerBlock {
            id: e.id,
            name: e.details.name,
            verified: e.verified_at.is_some(),
            vacancies: rows,
        });
    }
    let page = EmployerHomePage {
        token: state.form_token(&viewer),
        layout: Layout::new(
            tr.clone(),
            tr.t("employer-home-title"),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        employers: blocks,
    };
    render(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "talent/vacancy_form.html")]
pub struct VacancyFormPage {
    layout: Layout,
    action: String,
    /// The version an edit is based on (a colleague's later change is not overwritten).
    version: Option<i64>,
    token: String,
    employer: String,
    verified: bool,
    input: VacancyInput,
    title_nl: String,
    title_en: String,
    title_de: String,
    title_fr: String,
    description_nl: String,
    description_en: String,
    occupation: String,
    essential_skills: String,
    optional_skills: String,
    eqf: Vec<Opt>,
    language_rows: Vec<LangRow>,
    municipalities: Vec<Opt>,
    work_places: Vec<Opt>,
    contracts: Vec<Opt>,
    errors: Errors,
}

/// The vacancy a form is for: a new one of `employer`, or an existing one
/// (its id and the version the form was opened on).
pub(crate) struct FormFor<'a> {
    pub employer: &'a Employer,
    pub existing: Option<(&'a str, i64)>,
}

pub(crate) fn vacancy_form_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    target: FormFor<'_>,
    input: &VacancyInput,
    errors: Errors,
) -> VacancyFormPage {
    let vocabulary = state.talent.vocabulary();
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let employer = target.employer;
    let (title, action) = match target.existing {
        None => (
            "vacancy-new-title",
            format!(
                "/werkgever/{}/vacatures/nieuw?lang={}",
                employer.id,
                tr.lang.code()
            ),
        ),
        Some((id, _)) => (
            "vacancy-edit-title",
            format!("/werkgever/vacatures/{id}/bewerken?lang={}", tr.lang.code()),
        ),
    };
    VacancyFormPage {
        layout: Layout::new(
            tr.clone(),
            tr.t(title),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        action,
        version: target.existing.map(|(_, v)| v),
        token: state.form_token(viewer),
        employer: employer.details.name.clone(),
        verified: employer.verified_at.is_some(),
        title_nl: text(&input.title.nl),
        title_en: text(&input.title.en),
        title_de: text(&input.title.de),
        title_fr: text(&input.title.fr),
        description_nl: text(&input.description.nl),
        description_en: text(&input.description.en),
        occupation: label_lines(
            vocabulary,
            Kind::Occupation,
            std::slice::from_ref(&input.occupation),
        ),
        essential_skills: label_lines(vocabulary, Kind::Skill, &input.essential_skills),
        optional_skills: label_lines(vocabulary, Kind::Skill, &input.optional_skills),
        eqf: eqf_options(tr, &input.eqf, true),
        language_rows: language_rows(tr, &input.languages),
        municipalities: municipality_options(state, &input.municipality, Some(tr.t("choose"))),
        work_places: ["on-site", "hybrid", "remote"]
            .iter()
            .map(|w| Opt {
                value: w.to_string(),
                label: tr.t(&format!("work-place-{w}")),
                selected: *w == input.work_place,
            })
            .collect(),
        contracts: Contract::ALL
            .iter()
            .map(|c| Opt {
                value: c.code().into(),
                label: tr.t(&format!("contract-{}", c.code())),
                selected: c.code() == input.contract,
            })
            .collect(),
        input: input.clone(),
        errors,
    }
}

pub(crate) fn vacancy_input(vocabulary: &Vocabulary, pairs: &[(String, String)]) -> VacancyInput {
    VacancyInput {
        title: Text::new(
            &one(pairs, "title_nl"),
            &one(pairs, "title_en"),
            &one(pairs, "title_de"),
            &one(pairs, "title_fr"),
        ),
        description: Text::new(
            &one(pairs, "description_nl"),
            &one(pairs, "description_en"),
            "",
            "",
        ),
        occupation: resolve_lines(vocabulary, Kind::Occupation, &one(pairs, "occupation"))
            .into_iter()
            .next()
            .unwrap_or_default(),
        essential_skills: resolve_lines(vocabulary, Kind::Skill, &one(pairs, "essential_skills")),
        optional_skills: resolve_lines(vocabulary, Kind::Skill, &one(pairs, "optional_skills")),
        eqf: one(pairs, "eqf"),
        experience_years: one(pairs, "experience_years"),
        languages: language_inputs(pairs),
        municipality: one(pairs, "municipality"),
        work_place: one(pairs, "work_place"),
        hours_per_week: one(pairs, "hours_per_week"),
        contract: one(pairs, "contract"),
        salary_min: one(pairs, "salary_min"),
        salary_max: one(pairs, "salary_max"),
        start: one(pairs, "start"),
        positions: one(pairs, "positions"),
        sponsors_permit: checked(pairs, "sponsors_permit"),
    }
}

/// Names the occupation and skills ESCO does not know in their messages.
pub(crate) fn name_unknown_in_vacancy(
    errors: &mut Errors,
    tr: &Tr,
    state: &AppState,
    input: &VacancyInput,
) {
    let vocabulary = state.talent.vocabulary();
    let occupation = std::slice::from_ref(&input.occupation);
    name_unknown(
        errors,
        tr,
        vocabulary,
        "occupation",
        Kind::Occupation,
        occupation,
    );
    for (field, values) in [
        ("essential_skills", &input.essential_skills),
        ("optional_skills", &input.optional_skills),
    ] {
        name_unknown(errors, tr, vocabulary, field, Kind::Skill, values);
    }
}

pub(crate) async fn employer_of(
    state: &AppState,
    id: &str,
) -> Result<Option<Employer>, loket_app::AppError> {
    records::employer(state, id).await
}

pub async fn vacancy_new_form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let employer = match employer_of(&state, &id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let input = VacancyInput {
        municipality: employer.details.municipality.clone(),
        work_place: "on-site".into(),
        contract: Contract::Permanent.code().into(),
        hours_per_week: "36".into(),
        positions: "1".into(),
        ..Default::default()
    };
    render(
        StatusCode::OK,
        &vacancy_form_page(
            &state,
            &tr,
            &uri,
            &viewer,
            FormFor {
                employer: &employer,
                existing: None,
            },
            &input,
            Errors::default(),
        ),
    )
}

pub async fn vacancy_create(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let employer = match employer_of(&state, &id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let input = vacancy_input(state.talent.vocabulary(), &pairs);
    let status = if one(&pairs, "status") == "published" {
        VacancyStatus::Published
    } else {
        VacancyStatus::Draft
    };
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    match recruitment::save_vacancy(&state, acting, &employer, None, &input, status).await {
        Ok(_) => Redirect::to(&format!("/werkgever?lang={}", lang.code())).into_response(),
        Err(CaseError::Invalid(problems)) => render(
            StatusCode::BAD_REQUEST,
            &vacancy_form_page(
                &state,
                &tr,
                &uri,
                &viewer,
                FormFor {
                    employer: &employer,
                    existing: None,
                },
                &input,
                {
                    let mut errors = errors_from(&tr, &problems);
                    name_unknown_in_vacancy(&mut errors, &tr, &state, &input);
                    errors
                },
            ),
        ),
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => failure(loket_store::StoreError::Unavailable("vacancy".into())),
    }
}

/// The employer closes a vacancy (filled or withdrawn): it leaves the public list and matching.
pub async fn vacancy_close(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let v = match records::vacancy(&state, &id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    match programme::close_vacancy(&state, &v, &viewer.account.id).await {
        Ok(()) => Redirect::to(&format!("/werkgever?lang={}", lang.code())).into_response(),
        Err(e) => failure(e),
    }
}
