//! Labour-market insight from the platform's own records: open vacancies
//! against registered candidates per sector, occupation and area, and the
//! front door's questions per topic and door with the gaps in the menu. Read
//! page by page, keeping only the facts that count; counted by the domain.

use crate::{App, AppResult};
use chrono::NaiveDate;
use loket_domain::monitoring::labour_market::{self, Asked, CandidateFacts, Supply, VacancyFacts};
use loket_domain::search::CatalogueIndex;
use loket_domain::talent::vacancy::VacancyStatus;
use std::collections::HashMap;

/// Records read from the store at a time.
const PAGE: i64 = 2_000;

pub struct Insight {
    /// Open vacancies against candidates, as of now.
    pub supply: Supply,
    /// Front-door routings per topic and door since `since`.
    pub asked: Vec<Asked>,
    pub since: NaiveDate,
}

/// Where someone lives or works: `abroad:{country}` outside the Netherlands
/// (the cross-border picture: even where a region serves the place), else the
/// region covering the municipality, or empty when unknown.
fn area(idx: &CatalogueIndex, place: Option<&str>, country: &str) -> String {
    if !country.is_empty() && country != "NL" {
        return format!("abroad:{country}");
    }
    place
        .and_then(|p| idx.regions.region_of(&idx.areas, p))
        .map(|r| r.code.clone())
        .unwrap_or_default()
}

async fn open_vacancies(app: &App, idx: &CatalogueIndex) -> AppResult<Vec<VacancyFacts>> {
    let sectors: HashMap<String, String> = app
        .store
        .employers()
        .await?
        .into_iter()
        .map(|e| (e.id, e.details.sector.code().to_string()))
        .collect();
    let mut out = Vec::new();
    let mut after = String::new();
    loop {
        let page = app.store.vacancy_records(&after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        out.extend(
            page.iter()
                .filter(|v| v.status == VacancyStatus::Published)
                .map(|v| VacancyFacts {
                    occupation: v.details.occupation.clone(),
                    sector: sectors.get(&v.employer_id).cloned().unwrap_or_default(),
                    area: area(idx, Some(&v.details.municipality), "NL"),
                    positions: u64::from(v.details.positions),
                }),
        );
    }
    Ok(out)
}

/// The insight now, with the front door's questions since `since`.
pub async fn insight(app: &App, since: NaiveDate) -> AppResult<Insight> {
    let idx = app.index();
    let vacancies = open_vacancies(app, &idx).await?;
    let mut candidates = Vec::new();
    let mut after = String::new();
    // Only the facts that count are kept of each page of profiles.
    loop {
        let page = app.store.candidate_profiles(&after, PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = last.clone();
        candidates.extend(page.into_iter().map(|(_, p)| CandidateFacts {
            area: area(&idx, p.municipality.as_deref(), &p.residence_country),
            occupations: p.occupations,
        }));
    }
    let supply = labour_market::supply_and_demand(&vacancies, candidates);
    if let Err(e) = app.flush_insight().await {
        tracing::warn!(error = %e, "could not write front-door counts before reading them");
    }
    let asked = app
        .store
        .route_counts(since, None)
        .await?
        .into_iter()
        .map(|c| Asked {
            topic: labour_market::topic_of(&c.combination),
            door: c.region,
            fell_back: c.fell_back,
            count: u64::try_from(c.count).unwrap_or(0),
        })
        .collect();
    Ok(Insight {
        supply,
        asked,
        since,
    })
}
