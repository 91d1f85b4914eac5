//! Welcome to Maastricht Region, public and employer pages: vacancies and their search, the
//! registration of employers and candidates, the candidate's consent link, and the employer's
//! own area (vacancies, introductions, hires).

use super::forms::{ClientKey, Errors};
use super::manage::csrf_refused;
use super::pages::{forbidden_page, not_found_page, tr};
use super::sign_in::failure;
use super::view::{Layout, Opt, Tr, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::recruitment::{self, Acting, CaseError, EmployerRegistration};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Multipart, OriginalUri, Path, Query, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::LanguageInput;
use loket_domain::talent::candidate::{CandidateDetails, CandidateInput, nationality_code};
use loket_domain::talent::employer::{EmployerInput, Sector, Size};
use loket_domain::talent::introduction::{Actor, IntroStatus, NotHiredReason, allowed};
use loket_domain::talent::vacancy::{Contract, VacancyInput, VacancyStatus, work_place_code};
use loket_domain::{Lang, Text};
use loket_matching::{Cefr, Kind, LanguageLevel, Vocabulary};
use loket_store::talent::{Employer, Introduction, RegisteredBy, VacancyRecord};
use serde::Deserialize;

pub(crate) const CANDIDATE_FORM: &str = "candidate-registration";
pub(crate) const EMPLOYER_FORM: &str = "employer-registration";
/// Public registrations per address and hour.
const REGISTRATIONS_PER_HOUR: i64 = 10;
/// A registration's body: the CV (5 MB) and the fields.
pub const MAX_REGISTRATION_BYTES: usize = 6 * 1024 * 1024;
const LANGUAGE_ROWS: usize = 4;

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

// ------------------------------------------------------------------ shared helpers

/// A field problem in the visitor's language: a message for the field and problem, else one
/// for the problem.
pub(crate) fn message(tr: &Tr, field: &str, problem: &str) -> String {
    let specific = format!("talent-error-{field}-{problem}");
    let text = tr.t(&specific);
    if text != specific && !text.is_empty() {
        text
    } else {
        tr.t(&format!("talent-error-{problem}"))
    }
}

pub(crate) fn errors_from(tr: &Tr, problems: &[FieldProblem]) -> Errors {
    let mut errors = Errors::default();
    for p in problems {
        errors.add(p.field, message(tr, p.field, p.problem));
    }
    errors
}

pub(crate) fn municipality_options(
    state: &AppState,
    selected: &str,
    none: Option<String>,
) -> Vec<Opt> {
    let index = state.index();
    let mut list: Vec<(String, String, String)> = index
        .areas
        .municipalities()
        .map(|m| (m.country.clone(), m.name.clone(), m.code.clone()))
        .collect();
    list.sort();
    none.map(|label| Opt {
        value: String::new(),
        label,
        selected: selected.is_empty(),
    })
    .into_iter()
    .chain(list.into_iter().map(|(country, name, code)| Opt {
        selected: code == selected,
        label: format!("{name} ({country})"),
        value: code,
    }))
    .collect()
}

pub(crate) fn eqf_options(tr: &Tr, selected: &str, none: bool) -> Vec<Opt> {
    let first = none.then(|| Opt {
        value: String::new(),
        label: tr.t("eqf-none"),
        selected: selected.is_empty(),
    });
    first
        .into_iter()
        .chain((1..=8).map(|n| Opt {
            value: n.to_string(),
            label: tr.t(&format!("eqf-{n}")),
            selected: selected == n.to_string(),
        }))
        .collect()
}

pub struct LangRow {
    pub index: usize,
    pub languages: Vec<Opt>,
    pub levels: Vec<Opt>,
}

pub(crate) fn language_rows(tr: &Tr, rows: &[LanguageInput]) -> Vec<LangRow> {
    (0..LANGUAGE_ROWS.max(rows.len()))
        .map(|index| {
            let row = rows.get(index).cloned().unwrap_or_default();
            LangRow {
                index,
                languages: super::referrals::language_options(tr, &row.language),
                levels: Cefr::ALL
                    .iter()
                    .map(|l| Opt {
                        value: l.code().into(),
                        label: l.code().into(),
                        selected: l.code() == row.level,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The language rows as posted: `language_0`/`level_0` … pairs.
pub(crate) fn language_inputs(pairs: &[(String, String)]) -> Vec<LanguageInput> {
    (0..10)
        .map(|n| LanguageInput {
            language: one(pairs, &format!("language_{n}")),
            level: one(pairs, &format!("level_{n}")),
        })
        .filter(|l| !l.language.is_empty() || !l.level.is_empty())
        .collect()
}

pub(crate) fn one(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

fn checked(pairs: &[(String, String)], key: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && !v.is_empty())
}

/// Concepts typed one per line, as URIs where the vocabulary knows the label.
pub(crate) fn resolve_lines(vocabulary: &Vocabulary, kind: Kind, text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            vocabulary
                .resolve(kind, l)
                .and_then(|c| vocabulary.uri(c))
                .unwrap_or_else(|| l.to_string())
        })
        .collect()
}

/// URIs back as labels, one per line (unknown values as typed).
pub(crate) fn label_lines(vocabulary: &Vocabulary, kind: Kind, uris: &[String]) -> String {
    uris.iter()
        .map(|u| {
            vocabulary
                .lookup(kind, u)
                .ok()
                .and_then(|c| vocabulary.label(c))
                .map_or(u.clone(), str::to_string)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn labels(vocabulary: &Vocabulary, kind: Kind, uris: &[String]) -> Vec<String> {
    uris.iter()
        .filter_map(|u| {
            vocabulary
                .lookup(kind, u)
                .ok()
                .and_then(|c| vocabulary.label(c))
        })
        .map(str::to_string)
        .collect()
}

pub(crate) fn languages_text(tr: &Tr, languages: &[LanguageLevel]) -> String {
    languages
        .iter()
        .map(|l| format!("{} {}", tr.t(&format!("lang-name-{}", l.language)), l.level))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn salary_text(tr: &Tr, min: u32, max: u32) -> String {
    tr.s(
        "salary-range",
        &[("min", min.to_string()), ("max", max.to_string())],
    )
}

pub(crate) fn place_name(state: &AppState, code: &str) -> String {
    state
        .index()
        .areas
        .municipality(code)
        .map_or_else(|| code.to_string(), |m| m.name.clone())
}

pub(crate) fn status_text(tr: &Tr, status: IntroStatus) -> String {
    tr.t(&format!("introduction-status-{}", status.code()))
}

fn registration_throttled(key: &str, count: i64) -> bool {
    !key.is_empty() && count >= REGISTRATIONS_PER_HOUR
}

// ------------------------------------------------------------------ vacancies (public)

pub struct VacancyItem {
    pub id: String,
    pub title: String,
    pub employer: String,
    pub place: String,
    pub salary: String,
}

#[derive(Template)]
#[template(path = "vacancies.html")]
pub struct VacanciesPage {
    layout: Layout,
    q: String,
    count: String,
    items: Vec<VacancyItem>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
}

pub async fn vacancies(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Query(p): Query<SearchParams>,
) -> Response {
    let tr = tr(&state, lang);
    let published = match state.store.published_vacancies(500, 0).await {
        Ok(v) => v,
        Err(e) => return failure(&state, e),
    };
    let employers: std::collections::HashMap<String, String> = match state.store.employers().await {
        Ok(list) => list.into_iter().map(|e| (e.id, e.details.name)).collect(),
        Err(e) => return failure(&state, e),
    };
    let vocabulary = state.talent.vocabulary();
    let words: Vec<String> = p.q.split_whitespace().map(str::to_lowercase).collect();
    let mut items = Vec::new();
    for v in published {
        let Some(employer) = employers.get(&v.employer_id).cloned() else {
            continue;
        };
        let title = v.details.title.get(lang).to_string();
        let occupation = labels(
            vocabulary,
            Kind::Occupation,
            std::slice::from_ref(&v.details.occupation),
        )
        .join(" ");
        let place = place_name(&state, &v.details.municipality);
        let haystack = format!(
            "{title} {employer} {occupation} {place} {}",
            v.details.title.all().collect::<Vec<_>>().join(" ")
        )
        .to_lowercase();
        if words.iter().all(|w| haystack.contains(w)) {
            items.push(VacancyItem {
                id: v.id.clone(),
                title,
                employer,
                place,
                salary: salary_text(&tr, v.details.salary_min, v.details.salary_max),
            });
        }
    }
    let page = VacanciesPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("vacancies-title"),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        q: p.q.clone(),
        count: tr.n("vacancies-count", "count", items.len()),
        items,
    };
    render(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "vacancy.html")]
pub struct VacancyPage {
    layout: Layout,
    employer: String,
    place: String,
    description: String,
    occupation: String,
    essential: Vec<String>,
    optional: Vec<String>,
    languages: String,
    eqf: String,
    experience: String,
    work_place: String,
    hours: String,
    contract: String,
    salary: String,
    start: String,
    positions: String,
    permit: String,
}

pub async fn vacancy(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    let v = match state.store.vacancy(&id).await {
        Ok(Some(v)) if v.status == VacancyStatus::Published => v,
        Ok(_) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    let employer = match state.store.employer(&v.employer_id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    let vocabulary = state.talent.vocabulary();
    let d = &v.details;
    let sponsor = employer.details.recognised_sponsor && employer.verified_at.is_some();
    let page = VacancyPage {
        layout: Layout::new(
            tr.clone(),
            d.title.get(lang).to_string(),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        employer: employer.details.name.clone(),
        place: place_name(&state, &d.municipality),
        description: d.description.get(lang).to_string(),
        occupation: labels(
            vocabulary,
            Kind::Occupation,
            std::slice::from_ref(&d.occupation),
        )
        .join(", "),
        essential: labels(vocabulary, Kind::Skill, &d.essential_skills),
        optional: labels(vocabulary, Kind::Skill, &d.optional_skills),
        languages: languages_text(&tr, &d.languages),
        eqf: d
            .eqf
            .map_or_else(|| tr.t("eqf-none"), |e| tr.t(&format!("eqf-{e}"))),
        experience: tr.n("years", "count", usize::from(d.experience_years)),
        work_place: tr.t(&format!("work-place-{}", work_place_code(d.work_place))),
        hours: d.hours_per_week.to_string(),
        contract: tr.t(&format!("contract-{}", d.contract.code())),
        salary: salary_text(&tr, d.salary_min, d.salary_max),
        start: d
            .start
            .map_or_else(|| tr.t("vacancy-start-asap"), |s| s.to_string()),
        positions: d.positions.to_string(),
        permit: match (d.sponsors_permit, sponsor) {
            (true, true) => tr.t("vacancy-permit-sponsor"),
            (true, false) => tr.t("vacancy-permit-blue-card"),
            (false, _) => tr.t("vacancy-permit-none"),
        },
    };
    render(StatusCode::OK, &page)
}

// ------------------------------------------------------------------ employer registration

#[derive(Template)]
#[template(path = "employer_register.html")]
pub struct EmployerRegisterPage {
    layout: Layout,
    token: String,
    name: String,
    kvk_number: String,
    sectors: Vec<Opt>,
    sizes: Vec<Opt>,
    municipalities: Vec<Opt>,
    recognised_sponsor: bool,
    display_name: String,
    email: String,
    errors: Errors,
}

fn employer_register_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    r: &EmployerRegistration,
    errors: Errors,
) -> EmployerRegisterPage {
    let e = &r.employer;
    EmployerRegisterPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("employer-register-title"),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        token: state.csrf.token(EMPLOYER_FORM, now()),
        name: e.name.clone(),
        kvk_number: e.kvk_number.clone(),
        sectors: std::iter::once(Opt {
            value: String::new(),
            label: tr.t("choose"),
            selected: e.sector.is_empty(),
        })
        .chain(Sector::ALL.iter().map(|s| Opt {
            value: s.code().into(),
            label: tr.t(&format!("sector-{}", s.code())),
            selected: s.code() == e.sector,
        }))
        .collect(),
        sizes: std::iter::once(Opt {
            value: String::new(),
            label: tr.t("choose"),
            selected: e.size.is_empty(),
        })
        .chain(Size::ALL.iter().map(|s| Opt {
            value: s.code().into(),
            label: tr.t(&format!("size-{}", s.code())),
            selected: s.code() == e.size,
        }))
        .collect(),
        municipalities: municipality_options(state, &e.municipality, Some(tr.t("choose"))),
        recognised_sponsor: e.recognised_sponsor,
        display_name: r.display_name.clone(),
        email: r.email.clone(),
        errors,
    }
}

pub async fn employer_register_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
    render(
        StatusCode::OK,
        &employer_register_page(
            &state,
            &tr,
            &uri,
            &EmployerRegistration::default(),
            Errors::default(),
        ),
    )
}

pub async fn employer_register(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    client: ClientKey,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let pairs = form.map(|f| f.0).unwrap_or_default();
    if !state
        .csrf
        .verify(EMPLOYER_FORM, &one(&pairs, "token"), now())
    {
        return csrf_refused(&state, lang);
    }
    let r = EmployerRegistration {
        employer: EmployerInput {
            name: one(&pairs, "name"),
            kvk_number: one(&pairs, "kvk_number"),
            sector: one(&pairs, "sector"),
            size: one(&pairs, "size"),
            municipality: one(&pairs, "municipality"),
            recognised_sponsor: checked(&pairs, "recognised_sponsor"),
        },
        email: one(&pairs, "email"),
        display_name: one(&pairs, "display_name"),
        password: pairs
            .iter()
            .find(|(k, _)| k == "password")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    };
    let rate_key = format!("employer-registration:{}", client.0);
    match state.store.count_events(&rate_key, now() - 3600).await {
        Ok(n) if registration_throttled(&rate_key, n) => {
            let mut errors = Errors::default();
            errors.add("form", tr.t("form-error-rate-limited"));
            return render(
                StatusCode::TOO_MANY_REQUESTS,
                &employer_register_page(&state, &tr, &uri, &r, errors),
            );
        }
        Ok(_) => {}
        Err(e) => return failure(&state, e),
    }
    match recruitment::register_employer(&state, &r).await {
        Ok(_) => {
            if let Err(e) = state.store.record_event(&rate_key, now()).await {
                tracing::warn!(error = %e, "counting a registration failed");
            }
            notice(
                &state,
                &tr,
                &uri,
                tr.t("employer-registered-title"),
                tr.t("employer-registered"),
                vec![(
                    format!("/aanmelden?next=/werkgever&lang={}", lang.code()),
                    tr.t("signin-title"),
                )],
            )
        }
        Err(CaseError::Invalid(problems)) => render(
            StatusCode::BAD_REQUEST,
            &employer_register_page(&state, &tr, &uri, &r, errors_from(&tr, &problems)),
        ),
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => failure(
            &state,
            loket_store::StoreError::Unavailable("registration".into()),
        ),
    }
}

#[derive(Template)]
#[template(path = "talent_notice.html")]
pub struct NoticePage {
    layout: Layout,
    message: String,
    links: Vec<(String, String)>,
}

pub(crate) fn notice(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    title: String,
    message: String,
    links: Vec<(String, String)>,
) -> Response {
    let _ = state;
    render(
        StatusCode::OK,
        &NoticePage {
            layout: Layout::new(tr.clone(), title, "vacancies", uri.path(), uri.query()),
            message,
            links,
        },
    )
}

// ------------------------------------------------------------------ candidate registration

#[derive(Template)]
#[template(path = "candidate_form.html")]
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
    }
}

/// A multipart registration: the fields as pairs, and the CV's bytes if a file was chosen.
pub(crate) struct Upload {
    pub pairs: Vec<(String, String)>,
    pub cv: Option<Vec<u8>>,
    /// The body could not be read in full (too large, or broken).
    pub too_large: bool,
}

pub(crate) async fn read_upload(mut multipart: Multipart) -> Upload {
    let mut upload = Upload {
        pairs: Vec::new(),
        cv: None,
        too_large: false,
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let is_file = field.file_name().is_some();
                match field.bytes().await {
                    Ok(bytes) if name == "cv" => {
                        if is_file && !bytes.is_empty() {
                            upload.cv = Some(bytes.to_vec());
                        }
                    }
                    Ok(bytes) => upload
                        .pairs
                        .push((name, String::from_utf8_lossy(&bytes).into_owned())),
                    Err(_) => {
                        upload.too_large = true;
                        return upload;
                    }
                }
            }
            Ok(None) => return upload,
            Err(_) => {
                upload.too_large = true;
                return upload;
            }
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

pub async fn candidate_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
    let input = CandidateInput {
        max_commute_km: "30".into(),
        ..Default::default()
    };
    let token = state.csrf.token(CANDIDATE_FORM, now());
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    client: ClientKey,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let Ok(multipart) = multipart else {
        return csrf_refused(&state, lang);
    };
    let upload = read_upload(multipart).await;
    if !state
        .csrf
        .verify(CANDIDATE_FORM, &one(&upload.pairs, "token"), now())
    {
        return csrf_refused(&state, lang);
    }
    let input = candidate_input(state.talent.vocabulary(), &upload.pairs);
    let again = |errors: Errors, status: StatusCode| {
        let token = state.csrf.token(CANDIDATE_FORM, now());
        render(
            status,
            &candidate_page(&state, &tr, &uri, Registrar::Public, token, &input, errors),
        )
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
    match state.store.count_events(&rate_key, now() - 3600).await {
        Ok(n) if registration_throttled(&rate_key, n) => {
            let mut errors = Errors::default();
            errors.add("form", tr.t("form-error-rate-limited"));
            return again(errors, StatusCode::TOO_MANY_REQUESTS);
        }
        Ok(_) => {}
        Err(e) => return failure(&state, e),
    }
    let account = format!("self:{}", client.0.chars().take(12).collect::<String>());
    match recruitment::register_candidate(
        &state,
        &input,
        upload.cv.as_deref(),
        RegisteredBy::Staff(&account),
        "web",
    )
    .await
    {
        Ok(_) => {
            if let Err(e) = state.store.record_event(&rate_key, now()).await {
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
            again(errors_from(&tr, &problems), StatusCode::BAD_REQUEST)
        }
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => failure(
            &state,
            loket_store::StoreError::Unavailable("registration".into()),
        ),
    }
}

// ------------------------------------------------------------------ consent link

#[derive(Template)]
#[template(path = "consent.html")]
pub struct ConsentPage {
    layout: Layout,
    token: String,
    version: i64,
    open: bool,
    summary: String,
    message: Option<String>,
}

async fn consent_summary(
    state: &AppState,
    tr: &Tr,
    intro: &Introduction,
) -> Result<String, loket_store::StoreError> {
    let vacancy = state.store.vacancy(&intro.vacancy_id).await?;
    let employer = match &vacancy {
        Some(v) => state.store.employer(&v.employer_id).await?,
        None => None,
    };
    Ok(tr.s(
        "consent-summary",
        &[
            (
                "employer",
                employer.map(|e| e.details.name).unwrap_or_default(),
            ),
            (
                "vacancy",
                vacancy
                    .as_ref()
                    .map(|v| v.details.title.get(tr.lang).to_string())
                    .unwrap_or_default(),
            ),
            (
                "place",
                vacancy
                    .map(|v| place_name(state, &v.details.municipality))
                    .unwrap_or_default(),
            ),
        ],
    ))
}

fn consent_page(
    tr: &Tr,
    uri: &Uri,
    token: &str,
    version: i64,
    open: bool,
    summary: String,
    message: Option<String>,
) -> ConsentPage {
    // The token is a secret: the language switch must not repeat it in other links.
    ConsentPage {
        layout: Layout::new(tr.clone(), tr.t("consent-title"), "", uri.path(), None),
        token: token.to_string(),
        version,
        open,
        summary,
        message,
    }
}

/// The consent page once nothing is left to answer: a message only.
fn consent_closed(
    tr: &Tr,
    uri: &Uri,
    token: &str,
    status: StatusCode,
    message: String,
) -> Response {
    render(
        status,
        &consent_page(tr, uri, token, 0, false, String::new(), Some(message)),
    )
}

pub async fn consent_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(token): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    match recruitment::introduction_for_token(&state, &token).await {
        Ok(intro) if intro.status == IntroStatus::Proposed => {
            match consent_summary(&state, &tr, &intro).await {
                Ok(summary) => render(
                    StatusCode::OK,
                    &consent_page(&tr, &uri, &token, intro.version, true, summary, None),
                ),
                Err(e) => failure(&state, e),
            }
        }
        Ok(_) | Err(CaseError::NotFound) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::NOT_FOUND,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Expired) => {
            consent_closed(&tr, &uri, &token, StatusCode::GONE, tr.t("consent-expired"))
        }
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => failure(
            &state,
            loket_store::StoreError::Unavailable("consent".into()),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    version: i64,
}

pub async fn consent_answer(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(token): Path<String>,
    form: Result<axum::Form<ConsentForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    let consent = match form.answer.as_str() {
        "yes" => true,
        "no" => false,
        _ => return consent_form(State(state), UiLang(lang), OriginalUri(uri), Path(token)).await,
    };
    // The unguessable token in the path is the credential; it works once (no session, no CSRF
    // cookie to ride on).
    match recruitment::answer(&state, &token, form.version, consent).await {
        Ok(_) => {
            let message = tr.t(if consent {
                "consent-given"
            } else {
                "consent-declined"
            });
            consent_closed(&tr, &uri, &token, StatusCode::OK, message)
        }
        Err(CaseError::NotFound) | Err(CaseError::Invalid(_)) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::NOT_FOUND,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Expired) => {
            consent_closed(&tr, &uri, &token, StatusCode::GONE, tr.t("consent-expired"))
        }
        Err(CaseError::Conflict) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::CONFLICT,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Store(e)) => failure(&state, e),
    }
}

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
}

pub struct EmployerBlock {
    pub id: String,
    pub name: String,
    pub verified: bool,
    pub vacancies: Vec<VacancyRow>,
}

#[derive(Template)]
#[template(path = "employer_home.html")]
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
) -> Result<Vec<IntroItem>, loket_store::StoreError> {
    let mut items = Vec::new();
    for i in intros {
        let named = always_named || i.status.employer_sees_profile();
        let who = if named {
            state
                .store
                .candidate(&i.candidate_id)
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let employers = match state.store.employers_of_account(&viewer.account.id).await {
        Ok(e) => e,
        Err(e) => return failure(&state, e),
    };
    if employers.is_empty() {
        return forbidden_page(&state, lang, &uri, Some(&viewer));
    }
    let mut blocks = Vec::new();
    for e in employers {
        let vacancies = match state.store.vacancies_of_employer(&e.id).await {
            Ok(v) => v,
            Err(err) => return failure(&state, err),
        };
        let mut rows = Vec::new();
        for v in vacancies {
            let intros = match state.store.introductions_for_vacancy(&v.id).await {
                Ok(i) => i,
                Err(err) => return failure(&state, err),
            };
            let introductions = match intro_items(&state, &tr, &intros, false).await {
                Ok(i) => i,
                Err(err) => return failure(&state, err),
            };
            rows.push(VacancyRow {
                id: v.id.clone(),
                title: v.details.title.get(lang).to_string(),
                status: tr.t(&format!("vacancy-status-{}", v.status.code())),
                published: v.status == VacancyStatus::Published,
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
#[template(path = "vacancy_form.html")]
pub struct VacancyFormPage {
    layout: Layout,
    action: String,
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

fn vacancy_form_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    employer: &Employer,
    input: &VacancyInput,
    errors: Errors,
) -> VacancyFormPage {
    let vocabulary = state.talent.vocabulary();
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    VacancyFormPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("vacancy-new-title"),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        action: format!(
            "/werkgever/{}/vacatures/nieuw?lang={}",
            employer.id,
            tr.lang.code()
        ),
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

fn vacancy_input(vocabulary: &Vocabulary, pairs: &[(String, String)]) -> VacancyInput {
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

async fn employer_of(
    state: &AppState,
    id: &str,
) -> Result<Option<Employer>, loket_store::StoreError> {
    state.store.employer(id).await
}

pub async fn vacancy_new_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
    let employer = match employer_of(&state, &id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
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
            &employer,
            &input,
            Errors::default(),
        ),
    )
}

pub async fn vacancy_create(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
    let pairs = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &one(&pairs, "token")) {
        return csrf_refused(&state, lang);
    }
    let employer = match employer_of(&state, &id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
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
                &employer,
                &input,
                errors_from(&tr, &problems),
            ),
        ),
        Err(CaseError::Store(e)) => failure(&state, e),
        Err(_) => failure(
            &state,
            loket_store::StoreError::Unavailable("vacancy".into()),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    token: String,
}

/// The employer closes a vacancy (filled or withdrawn): it leaves the public list and matching.
pub async fn vacancy_close(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<CloseForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let v = match state.store.vacancy(&id).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(&state, e),
    };
    let at = now();
    match state
        .store
        .update_vacancy(&v.id, v.version, &v.details, VacancyStatus::Closed, at)
        .await
    {
        Ok(_) | Err(loket_store::StoreError::Conflict(_)) => {
            state
                .record_audit(loket_domain::audit::AuditEvent {
                    action: "vacancy.close".into(),
                    object: format!("vacancy/{id}"),
                    result: loket_domain::audit::AuditResult::Success,
                    origin: "web".into(),
                    actor: viewer.account.id.clone(),
                    subject: None,
                    activity: None,
                })
                .await;
            Redirect::to(&format!("/werkgever?lang={}", lang.code())).into_response()
        }
        Err(e) => failure(&state, e),
    }
}

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
#[template(path = "introduction.html")]
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
    let intro = match state.store.introduction(id).await {
        Ok(Some(i)) => i,
        Ok(None) => return not_found_page(state, tr.lang, uri),
        Err(e) => return failure(state, e),
    };
    let (vacancy, history, candidate) = match (
        state.store.vacancy(&intro.vacancy_id).await,
        state.store.introduction_history(id).await,
        state.store.candidate(&intro.candidate_id).await,
    ) {
        (Ok(v), Ok(h), Ok(c)) => (v, h, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return failure(state, e),
    };
    let employer = match &vacancy {
        Some(v) => state.store.employer(&v.employer_id).await.ok().flatten(),
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
                    .map(|t| t.date_naive().to_string())
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let tr = tr(&state, lang);
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
        Err(CaseError::Store(e)) => failure(state, e),
    }
}

pub async fn employer_step(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let pairs = form.map(|f| f.0).unwrap_or_default();
    post_step(&state, lang, &uri, &viewer, &id, Actor::Employer, &pairs).await
}

/// The CV as a download: never inline, never sniffed, never cached.
pub(crate) async fn cv_download(state: &AppState, candidate_id: &str) -> Response {
    match state.store.candidate_cv(candidate_id).await {
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
        Err(e) => failure(state, e),
    }
}

pub async fn employer_cv(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    match state.store.introduction(&id).await {
        // The employer sees the CV only after the candidate consented.
        Ok(Some(i)) if i.status.employer_sees_profile() => {
            cv_download(&state, &i.candidate_id).await
        }
        Ok(_) => not_found_page(&state, lang, &uri),
        Err(e) => failure(&state, e),
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
