//! Public vacancies (`/vacatures`) with search, and one vacancy.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::talent::shared::{labels, languages_text, place_name, salary_text};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::talent::records;
use loket_domain::talent::vacancy::{VacancyStatus, work_place_code};
use loket_matching::Kind;
use serde::Deserialize;

// ------------------------------------------------------------------ vacancies (public)

pub struct VacancyItem {
    pub id: String,
    pub title: String,
    pub employer: String,
    pub place: String,
    pub salary: String,
}

#[derive(Template)]
#[template(path = "talent/vacancies.html")]
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
    ui: Page,
    Query(p): Query<SearchParams>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let published = match records::published_vacancies(&state, 500, 0).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let employers: std::collections::HashMap<String, String> =
        match records::employers(&state).await {
            Ok(list) => list.into_iter().map(|e| (e.id, e.details.name)).collect(),
            Err(e) => return failure(e),
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
#[template(path = "talent/vacancy.html")]
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

pub async fn vacancy(State(state): State<AppState>, ui: Page, Path(id): Path<String>) -> Response {
    let Page { lang, tr, uri } = ui;
    let v = match records::vacancy(&state, &id).await {
        Ok(Some(v)) if v.status == VacancyStatus::Published => v,
        Ok(_) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let employer = match records::employer(&state, &v.employer_id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
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
