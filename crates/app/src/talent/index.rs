//! The matching index of this node: built from the database at start, kept current from the
//! change feed (`talent_changes`), so that a new or changed candidate or vacancy is matchable
//! on every node within a second. Candidates are all in the index; vacancies only while
//! published.

use loket_domain::area::Areas;
use loket_domain::talent::candidate::CandidateProfile;
use loket_domain::talent::vacancy::{VacancyDetails, VacancyStatus};
use loket_matching::{Candidate, MatchIndex, Place, Settings, Vacancy, Vocabulary};
use loket_store::talent::{ChangeKind, Employer, TalentChange};
use loket_store::{Store, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard};
use uuid::Uuid;

/// Welcome to Maastricht Region in the seeded catalogue (key `wtmr`): its staff run matching.
pub const DEFAULT_PROGRAMME: &str = "00598c8b-7a5d-5ba0-9962-e7f0c84d0bef";

/// Someone who lives outside the region's municipalities: far from every workplace, so only
/// a candidate who will relocate passes the commute filter.
pub const OUTSIDE_THE_REGION: Place = Place::OUTSIDE_THE_REGION;

/// How many records one database read brings during the build.
const PAGE: i64 = 5_000;
/// A gap in the feed's numbers older than this is a rolled-back transaction, not a slow one.
const GAP_PATIENCE_MS: i64 = 5_000;

/// The engine's view of a candidate's profile.
pub fn candidate(profile: &CandidateProfile, vocabulary: &Vocabulary, areas: &Areas) -> Candidate {
    Candidate {
        occupations: profile
            .occupations
            .iter()
            .filter_map(|o| vocabulary.occupation(o).ok())
            .collect(),
        skills: profile
            .skills
            .iter()
            .filter_map(|s| vocabulary.lookup(loket_matching::Kind::Skill, s).ok())
            .collect(),
        experience_years: profile.experience_years,
        eqf: profile.eqf,
        languages: profile.languages.clone(),
        nationality: profile.nationality,
        work_authorised: profile.work_authorised,
        age_band: profile.age_band,
        recent_graduate: profile.recent_graduate,
        home: profile
            .municipality
            .as_deref()
            .and_then(|m| place(areas, m))
            .unwrap_or(OUTSIDE_THE_REGION),
        max_commute_km: profile.max_commute_km,
        will_relocate: profile.will_relocate,
        desired_salary: profile.desired_salary,
        available_from: profile.available_from,
    }
    .normalise()
}

/// The engine's view of a vacancy; the employer says whether it is a recognised sponsor.
pub fn vacancy(
    details: &VacancyDetails,
    employer: &Employer,
    vocabulary: &Vocabulary,
    areas: &Areas,
) -> Vacancy {
    let skills = |uris: &[String]| {
        uris.iter()
            .filter_map(|s| vocabulary.lookup(loket_matching::Kind::Skill, s).ok())
            .collect()
    };
    Vacancy {
        occupation: vocabulary.occupation(&details.occupation).ok(),
        essential_skills: skills(&details.essential_skills),
        optional_skills: skills(&details.optional_skills),
        eqf: details.eqf,
        experience_years: details.experience_years,
        languages: details.languages.clone(),
        workplace: place(areas, &details.municipality).unwrap_or(OUTSIDE_THE_REGION),
        work_place: details.work_place,
        salary_min: details.salary_min,
        salary_max: details.salary_max,
        start: details.start,
        sponsors_permit: details.sponsors_permit,
        // Only a claim programme staff confirmed counts.
        employer_recognised_sponsor: employer.details.recognised_sponsor
            && employer.verified_at.is_some(),
    }
    .normalise()
}

fn place(areas: &Areas, municipality: &str) -> Option<Place> {
    let p = areas.centroid(municipality)?;
    Some(Place {
        latitude: p.latitude as f32,
        longitude: p.longitude as f32,
    })
}

fn key(id: &str) -> Option<Uuid> {
    Uuid::parse_str(id).ok()
}

/// Where this node is in the change feed. Numbers can commit out of order on PostgreSQL (a
/// sequence hands them out before commit), so a gap is waited for — a while — before the
/// cursor passes it; entries already applied are not applied again.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FeedCursor {
    /// Every entry up to here is applied (or its gap given up).
    pub through: i64,
    /// Applied entries above `through`.
    applied: BTreeSet<i64>,
    /// Missing numbers above `through` and when they were first noticed (ms).
    gaps: BTreeMap<i64, i64>,
}

impl FeedCursor {
    pub fn at(seq: i64) -> Self {
        FeedCursor {
            through: seq,
            ..Default::default()
        }
    }

    /// The entries of a read that still need applying.
    pub fn fresh<'a>(&self, read: &'a [TalentChange]) -> Vec<&'a TalentChange> {
        read.iter()
            .filter(|c| c.seq > self.through && !self.applied.contains(&c.seq))
            .collect()
    }

    /// Records applied entries and moves `through` over every number that is applied or
    /// whose gap is older than the patience.
    pub fn advance(&mut self, applied: impl IntoIterator<Item = i64>, now_ms: i64) {
        self.applied.extend(applied);
        if let Some(&highest) = self.applied.iter().next_back() {
            for seq in self.through + 1..highest {
                if !self.applied.contains(&seq) {
                    self.gaps.entry(seq).or_insert(now_ms);
                }
            }
        }
        loop {
            let next = self.through + 1;
            let done = self.applied.remove(&next)
                || self
                    .gaps
                    .get(&next)
                    .is_some_and(|since| now_ms - since >= GAP_PATIENCE_MS);
            if !done {
                break;
            }
            self.gaps.remove(&next);
            self.through = next;
        }
    }
}

/// The index, the vocabulary it numbers concepts with, and this node's feed position.
pub struct TalentIndex {
    index: RwLock<MatchIndex<Uuid>>,
    vocabulary: Arc<Vocabulary>,
    cursor: Mutex<FeedCursor>,
    /// Employers by id, for vacancies' sponsor status (refreshed on every vacancy change).
    employers: Mutex<HashMap<String, Employer>>,
}

impl TalentIndex {
    pub fn empty(vocabulary: Arc<Vocabulary>, settings: Settings) -> Self {
        TalentIndex {
            index: RwLock::new(MatchIndex::new(settings)),
            vocabulary,
            cursor: Mutex::new(FeedCursor::default()),
            employers: Mutex::new(HashMap::new()),
        }
    }

    /// Reads every candidate and published vacancy from the database. The feed position is
    /// taken first, so changes made during the build are applied afterwards (twice at worst).
    pub async fn build(
        store: &dyn Store,
        vocabulary: Arc<Vocabulary>,
        areas: &Areas,
        settings: Settings,
    ) -> Result<Self, StoreError> {
        let start = store.latest_talent_change().await?;
        let mut index = MatchIndex::new(settings);
        let mut after = String::new();
        loop {
            let page = store.candidate_profiles(&after, PAGE).await?;
            let Some((last, _)) = page.last() else { break };
            after = last.clone();
            for (id, profile) in page {
                if let Some(k) = key(&id) {
                    index.upsert_candidate(k, candidate(&profile, &vocabulary, areas));
                }
            }
        }
        let employers: HashMap<String, Employer> = store
            .employers()
            .await?
            .into_iter()
            .map(|e| (e.id.clone(), e))
            .collect();
        let mut after = String::new();
        loop {
            let page = store.vacancy_records(&after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id.clone();
            for v in page.iter().filter(|v| v.status == VacancyStatus::Published) {
                if let (Some(k), Some(employer)) = (key(&v.id), employers.get(&v.employer_id)) {
                    index.upsert_vacancy(k, vacancy(&v.details, employer, &vocabulary, areas));
                }
            }
        }
        Ok(TalentIndex {
            index: RwLock::new(index),
            vocabulary,
            cursor: Mutex::new(FeedCursor::at(start)),
            employers: Mutex::new(employers),
        })
    }

    pub fn read(&self) -> RwLockReadGuard<'_, MatchIndex<Uuid>> {
        match self.index.read() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Applies the feed's new entries; returns how many were applied.
    pub async fn catch_up(&self, store: &dyn Store, areas: &Areas) -> Result<usize, StoreError> {
        let through = self.cursor_copy().through;
        let read = store.talent_changes(through, 10_000).await?;
        let fresh: Vec<TalentChange> = self
            .cursor_copy()
            .fresh(&read)
            .into_iter()
            .cloned()
            .collect();
        let mut applied = Vec::with_capacity(fresh.len());
        for change in &fresh {
            self.apply(store, areas, change).await?;
            applied.push(change.seq);
        }
        let now_ms = chrono::Utc::now().timestamp_millis();
        match self.cursor.lock() {
            Ok(mut c) => c.advance(applied, now_ms),
            Err(poisoned) => poisoned.into_inner().advance(applied, now_ms),
        }
        Ok(fresh.len())
    }

    /// The last change-feed entry this node's index has applied (gaps included).
    pub fn applied_through(&self) -> i64 {
        self.cursor_copy().through
    }

    fn cursor_copy(&self) -> FeedCursor {
        match self.cursor.lock() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Reads the record's current state and puts it into (or takes it out of) the index.
    async fn apply(
        &self,
        store: &dyn Store,
        areas: &Areas,
        change: &TalentChange,
    ) -> Result<(), StoreError> {
        let Some(k) = key(&change.id) else {
            return Ok(());
        };
        match change.kind {
            ChangeKind::Candidate => {
                let profile = store
                    .candidate(&change.id)
                    .await?
                    .map(|c| candidate(&c.details.profile, &self.vocabulary, areas));
                let mut index = self.write();
                match profile {
                    Some(p) => index.upsert_candidate(k, p),
                    None => {
                        index.remove_candidate(&k);
                    }
                }
            }
            ChangeKind::Vacancy => {
                let record = store
                    .vacancy(&change.id)
                    .await?
                    .filter(|v| v.status == VacancyStatus::Published);
                let employer = match &record {
                    Some(v) => store.employer(&v.employer_id).await?,
                    None => None,
                };
                if let Some(e) = &employer {
                    self.remember_employer(e.clone());
                }
                let mut index = self.write();
                match (record, employer) {
                    (Some(v), Some(e)) => {
                        index.upsert_vacancy(k, vacancy(&v.details, &e, &self.vocabulary, areas))
                    }
                    _ => {
                        index.remove_vacancy(&k);
                    }
                }
            }
        }
        Ok(())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, MatchIndex<Uuid>> {
        match self.index.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    fn remember_employer(&self, e: Employer) {
        match self.employers.lock() {
            Ok(mut m) => m.insert(e.id.clone(), e),
            Err(poisoned) => poisoned.into_inner().insert(e.id.clone(), e),
        };
    }
}

/// The ESCO vocabulary, parsed once per process (every state shares it).
pub fn esco() -> Result<Arc<Vocabulary>, loket_matching::VocabularyError> {
    static ESCO: std::sync::OnceLock<Arc<Vocabulary>> = std::sync::OnceLock::new();
    if let Some(v) = ESCO.get() {
        return Ok(Arc::clone(v));
    }
    let parsed = Arc::new(Vocabulary::esco()?);
    Ok(Arc::clone(ESCO.get_or_init(|| parsed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(seq: i64) -> TalentChange {
        TalentChange {
            seq,
            kind: ChangeKind::Candidate,
            id: format!("c{seq}"),
        }
    }

    #[test]
    fn the_cursor_waits_for_a_gap_and_gives_up_on_it_after_a_while() {
        let mut cursor = FeedCursor::at(10);
        // 12 and 13 committed before 11.
        let read = [change(12), change(13)];
        assert_eq!(cursor.fresh(&read).len(), 2);
        cursor.advance([12, 13], 1_000);
        assert_eq!(cursor.through, 10, "11 may still commit");
        assert!(
            cursor.fresh(&read).is_empty(),
            "12 and 13 are not applied twice"
        );
        // 11 arrives: everything up to 13 is done.
        let read = [change(11), change(12), change(13)];
        assert_eq!(
            cursor
                .fresh(&read)
                .iter()
                .map(|c| c.seq)
                .collect::<Vec<_>>(),
            [11]
        );
        cursor.advance([11], 2_000);
        assert_eq!(cursor.through, 13);
        // A gap that never fills (a rolled-back transaction) is passed after the patience.
        cursor.advance([15], 3_000);
        assert_eq!(cursor.through, 13);
        cursor.advance([], 3_000 + GAP_PATIENCE_MS - 1);
        assert_eq!(cursor.through, 13);
        cursor.advance([], 3_000 + GAP_PATIENCE_MS);
        assert_eq!(cursor.through, 15);
    }
}
