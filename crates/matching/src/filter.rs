//! Hard filters: a candidate who fails one is not ranked for the vacancy, and staff see why.

use crate::language::{Cefr, Language, level_in};
use crate::permit::{NoRoute, RightToWork, right_to_work};
use crate::profile::{Candidate, Vacancy, WorkPlace};
use chrono::NaiveDate;
use serde::Serialize;

/// Why a candidate cannot be matched with a vacancy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "filter", rename_all = "kebab-case")]
pub enum Exclusion {
    RightToWork {
        no_route: NoRoute,
    },
    Language {
        language: Language,
        required: Cefr,
        has: Option<Cefr>,
    },
    Commute {
        distance_km: f32,
        max_km: u16,
    },
    /// Lives outside the region (abroad) and will not relocate: no daily commute.
    OutsideTheRegion,
    Availability {
        available_from: NaiveDate,
        needed_by: NaiveDate,
    },
}

/// Tunables of the hard filters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FilterSettings {
    /// A candidate available this many days after the start date still counts as available.
    pub availability_grace_days: u16,
}

impl Default for FilterSettings {
    fn default() -> Self {
        FilterSettings {
            availability_grace_days: 30,
        }
    }
}

/// What passing the filters established, for the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Admission {
    pub right_to_work: RightToWork,
    /// None for fully remote work or a candidate who will relocate.
    pub commute_km: Option<f32>,
}

/// Every filter, in order; all failures, not just the first, so staff see the whole picture.
pub fn check(
    candidate: &Candidate,
    vacancy: &Vacancy,
    today: NaiveDate,
    settings: &FilterSettings,
) -> Result<Admission, Vec<Exclusion>> {
    let mut exclusions = Vec::new();
    let right = right_to_work(&candidate.permit_profile(), &vacancy.permit_offer(today));
    if let Err(no_route) = right {
        exclusions.push(Exclusion::RightToWork { no_route });
    }
    exclusions.extend(language_gaps(candidate, vacancy));
    let commute_km = commute_km(candidate, vacancy);
    if let Some(distance_km) = commute_km
        && distance_km > f32::from(candidate.max_commute_km)
        && !candidate.will_relocate
    {
        exclusions.push(Exclusion::Commute {
            distance_km,
            max_km: candidate.max_commute_km,
        });
    }
    if lives_too_far(candidate, vacancy) {
        exclusions.push(Exclusion::OutsideTheRegion);
    }
    if let Some(exclusion) = availability(candidate, vacancy, settings) {
        exclusions.push(exclusion);
    }
    match right {
        Ok(right_to_work) if exclusions.is_empty() => Ok(Admission {
            right_to_work,
            commute_km: commute_km.filter(|_| !candidate.will_relocate),
        }),
        _ => Err(exclusions),
    }
}

/// The same verdict as [`check`], without building reasons: the hot path of ranking.
pub fn passes(
    candidate: &Candidate,
    vacancy: &Vacancy,
    today: NaiveDate,
    settings: &FilterSettings,
) -> bool {
    language_gaps(candidate, vacancy).next().is_none()
        && commute_km(candidate, vacancy)
            .is_none_or(|km| candidate.will_relocate || km <= f32::from(candidate.max_commute_km))
        && !lives_too_far(candidate, vacancy)
        && availability(candidate, vacancy, settings).is_none()
        && right_to_work(&candidate.permit_profile(), &vacancy.permit_offer(today)).is_ok()
}

fn language_gaps<'a>(
    candidate: &'a Candidate,
    vacancy: &'a Vacancy,
) -> impl Iterator<Item = Exclusion> + 'a {
    vacancy.languages.iter().filter_map(|required| {
        let has = level_in(&candidate.languages, required.language);
        (has < Some(required.level)).then_some(Exclusion::Language {
            language: required.language,
            required: required.level,
            has,
        })
    })
}

/// The commute in kilometres; None when the work is fully remote or the
/// candidate lives outside the region (a distance from abroad says nothing
/// about a daily commute).
pub fn commute_km(candidate: &Candidate, vacancy: &Vacancy) -> Option<f32> {
    (vacancy.work_place != WorkPlace::Remote && !candidate.home.is_outside_the_region())
        .then(|| candidate.home.km_to(&vacancy.workplace))
}

/// Someone abroad who will not move cannot take work that needs presence.
fn lives_too_far(candidate: &Candidate, vacancy: &Vacancy) -> bool {
    vacancy.work_place != WorkPlace::Remote
        && candidate.home.is_outside_the_region()
        && !candidate.will_relocate
}

fn availability(
    candidate: &Candidate,
    vacancy: &Vacancy,
    settings: &FilterSettings,
) -> Option<Exclusion> {
    let (available_from, start) = (candidate.available_from?, vacancy.start?);
    let needed_by = start + chrono::Days::new(u64::from(settings.availability_grace_days));
    (available_from > needed_by).then_some(Exclusion::Availability {
        available_from,
        needed_by,
    })
}
