//! The in-memory matching index: every candidate and vacancy with posting lists from skill,
//! occupation and ISCO group to the profiles that have them.
//!
//! Ranking candidates for a vacancy gathers, from the posting lists, how many essential and
//! optional skills each candidate shares and whether the occupation matches. That gives the
//! skill and occupation points exactly and an upper bound for the rest, so candidates are
//! visited best bound first and the walk stops when no one left can enter the top k. Only
//! candidates who share a skill or the occupation (or its ISCO group) are ranked at all:
//! someone with nothing in common is not a match, however well the rest fits.
//!
//! Results equal a brute-force [`crate::filter::check`] + [`crate::score::explain`] over
//! every candidate (tested), ordered by score, then key.

use crate::filter::{Admission, Exclusion, FilterSettings, check, passes};
use crate::profile::{Candidate, Concept, Vacancy};
use crate::score::{
    Explanation, Weights, coverage, eqf_fit, experience_fit, explain, occupation_value, salary_fit,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::Hash;

/// Weights and filter tunables: the engine's configuration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub weights: Weights,
    pub filters: FilterSettings,
}

/// One ranked result with everything needed to show why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked<K> {
    pub key: K,
    pub admission: Admission,
    pub explanation: Explanation,
}

/// A candidate who shares something with the vacancy but fails a hard filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded<K> {
    pub key: K,
    pub exclusions: Vec<Exclusion>,
}

const SAME_OCCUPATION: u32 = 1;
const SAME_ISCO_GROUP: u32 = 2;
const OPTIONAL_UNIT: u32 = 1 << 8;
const ESSENTIAL_UNIT: u32 = 1 << 16;
/// Skill counts are packed into 8 bits each (see the accumulator layout above).
pub const MAX_SKILLS_PER_LIST: usize = 255;

/// Profiles in slots, reused after removal, with their keys.
struct Slots<K, P> {
    keys: Vec<Option<K>>,
    profiles: Vec<P>,
    by_key: HashMap<K, u32>,
    free: Vec<u32>,
}

impl<K: Copy + Eq + Hash, P> Slots<K, P> {
    fn new() -> Self {
        Slots {
            keys: Vec::new(),
            profiles: Vec::new(),
            by_key: HashMap::new(),
            free: Vec::new(),
        }
    }

    fn with_capacity(n: usize) -> Self {
        Slots {
            keys: Vec::with_capacity(n),
            profiles: Vec::with_capacity(n),
            by_key: HashMap::with_capacity(n),
            free: Vec::new(),
        }
    }

    fn insert(&mut self, key: K, profile: P) -> u32 {
        if let Some(slot) = self.free.pop() {
            self.keys[slot as usize] = Some(key);
            self.profiles[slot as usize] = profile;
            self.by_key.insert(key, slot);
            return slot;
        }
        let slot = self.keys.len() as u32;
        self.keys.push(Some(key));
        self.profiles.push(profile);
        self.by_key.insert(key, slot);
        slot
    }

    fn remove(&mut self, key: &K) -> Option<u32> {
        let slot = self.by_key.remove(key)?;
        self.keys[slot as usize] = None;
        self.free.push(slot);
        Some(slot)
    }

    fn len(&self) -> usize {
        self.by_key.len()
    }
}

/// Posting lists from a number (concept or ISCO group) to slots.
#[derive(Default)]
struct Postings(Vec<Vec<u32>>);

impl Postings {
    fn add(&mut self, at: usize, slot: u32) {
        if self.0.len() <= at {
            self.0.resize_with(at + 1, Vec::new);
        }
        self.0[at].push(slot);
    }

    fn remove(&mut self, at: usize, slot: u32) {
        if let Some(list) = self.0.get_mut(at) {
            list.retain(|s| *s != slot);
        }
    }

    fn get(&self, at: usize) -> &[u32] {
        self.0.get(at).map_or(&[], Vec::as_slice)
    }

    fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<Vec<u32>>()
            + self.0.iter().map(|l| l.capacity() * 4).sum::<usize>()
    }
}

pub struct MatchIndex<K> {
    settings: Settings,
    candidates: Slots<K, Candidate>,
    vacancies: Slots<K, Vacancy>,
    candidate_skills: Postings,
    candidate_occupations: Postings,
    candidate_isco: Postings,
    vacancy_essential: Postings,
    vacancy_optional: Postings,
    vacancy_occupations: Postings,
    vacancy_isco: Postings,
}

thread_local! {
    static ACCUMULATOR: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

impl<K: Copy + Eq + Ord + Hash> MatchIndex<K> {
    pub fn new(settings: Settings) -> Self {
        Self::with_capacity(settings, 0, 0)
    }

    pub fn with_capacity(settings: Settings, candidates: usize, vacancies: usize) -> Self {
        MatchIndex {
            settings,
            candidates: if candidates == 0 {
                Slots::new()
            } else {
                Slots::with_capacity(candidates)
            },
            vacancies: if vacancies == 0 {
                Slots::new()
            } else {
                Slots::with_capacity(vacancies)
            },
            candidate_skills: Postings::default(),
            candidate_occupations: Postings::default(),
            candidate_isco: Postings::default(),
            vacancy_essential: Postings::default(),
            vacancy_optional: Postings::default(),
            vacancy_occupations: Postings::default(),
            vacancy_isco: Postings::default(),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn candidate_count(&self) -> usize {
        self.candidates.len()
    }

    pub fn vacancy_count(&self) -> usize {
        self.vacancies.len()
    }

    pub fn candidate(&self, key: &K) -> Option<&Candidate> {
        let slot = *self.candidates.by_key.get(key)?;
        self.candidates.profiles.get(slot as usize)
    }

    pub fn vacancy(&self, key: &K) -> Option<&Vacancy> {
        let slot = *self.vacancies.by_key.get(key)?;
        self.vacancies.profiles.get(slot as usize)
    }

    /// Adds or replaces a candidate (a change from the feed).
    pub fn upsert_candidate(&mut self, key: K, candidate: Candidate) {
        self.remove_candidate(&key);
        let mut candidate = candidate.normalise();
        candidate.occupations.sort_by_key(|o| o.concept);
        candidate.occupations.dedup_by_key(|o| o.concept);
        let slot = self.candidates.insert(key, candidate);
        let candidate = &self.candidates.profiles[slot as usize];
        for skill in &candidate.skills {
            self.candidate_skills.add(skill.0 as usize, slot);
        }
        for occupation in &candidate.occupations {
            self.candidate_occupations
                .add(occupation.concept.0 as usize, slot);
        }
        for isco in isco_groups(candidate) {
            self.candidate_isco.add(usize::from(isco), slot);
        }
    }

    pub fn remove_candidate(&mut self, key: &K) -> bool {
        let Some(slot) = self.candidates.remove(key) else {
            return false;
        };
        let candidate = &self.candidates.profiles[slot as usize];
        for skill in &candidate.skills {
            self.candidate_skills.remove(skill.0 as usize, slot);
        }
        for occupation in &candidate.occupations {
            self.candidate_occupations
                .remove(occupation.concept.0 as usize, slot);
        }
        for isco in isco_groups(candidate) {
            self.candidate_isco.remove(usize::from(isco), slot);
        }
        true
    }

    /// Adds or replaces a vacancy (a change from the feed).
    pub fn upsert_vacancy(&mut self, key: K, vacancy: Vacancy) {
        self.remove_vacancy(&key);
        let slot = self.vacancies.insert(key, vacancy.normalise());
        let vacancy = &self.vacancies.profiles[slot as usize];
        for skill in &vacancy.essential_skills {
            self.vacancy_essential.add(skill.0 as usize, slot);
        }
        for skill in &vacancy.optional_skills {
            self.vacancy_optional.add(skill.0 as usize, slot);
        }
        if let Some(occupation) = vacancy.occupation {
            self.vacancy_occupations
                .add(occupation.concept.0 as usize, slot);
            if let Some(isco) = occupation.isco {
                self.vacancy_isco.add(usize::from(isco), slot);
            }
        }
    }

    pub fn remove_vacancy(&mut self, key: &K) -> bool {
        let Some(slot) = self.vacancies.remove(key) else {
            return false;
        };
        let vacancy = &self.vacancies.profiles[slot as usize];
        for skill in &vacancy.essential_skills {
            self.vacancy_essential.remove(skill.0 as usize, slot);
        }
        for skill in &vacancy.optional_skills {
            self.vacancy_optional.remove(skill.0 as usize, slot);
        }
        if let Some(occupation) = vacancy.occupation {
            self.vacancy_occupations
                .remove(occupation.concept.0 as usize, slot);
            if let Some(isco) = occupation.isco {
                self.vacancy_isco.remove(usize::from(isco), slot);
            }
        }
        true
    }

    /// The best `k` candidates for a vacancy, each with its complete explanation.
    pub fn candidates_for(&self, vacancy: &Vacancy, k: usize, today: NaiveDate) -> Vec<Ranked<K>> {
        let vacancy = vacancy.clone().normalise();
        let mut best = TopK::new(k);
        self.walk_candidates(&vacancy, |slot, bound| {
            if best.is_full() && bound < best.floor() {
                return Walk::Stop;
            }
            let candidate = &self.candidates.profiles[slot as usize];
            if passes(candidate, &vacancy, today, &self.settings.filters) {
                let score = self.quick_score(candidate, &vacancy);
                if let Some(key) = self.candidates.keys[slot as usize] {
                    best.offer(score, key, slot);
                }
            }
            Walk::Continue
        });
        best.into_sorted()
            .into_iter()
            .filter_map(|(key, slot)| {
                let candidate = &self.candidates.profiles[slot as usize];
                let admission = check(candidate, &vacancy, today, &self.settings.filters).ok()?;
                let explanation = explain(candidate, &vacancy, &self.settings.weights);
                Some(Ranked {
                    key,
                    admission,
                    explanation,
                })
            })
            .collect()
    }

    /// Candidates who share something with the vacancy but fail a hard filter, best bound
    /// first: what staff see under "filtered out".
    pub fn excluded_for(
        &self,
        vacancy: &Vacancy,
        limit: usize,
        today: NaiveDate,
    ) -> Vec<Excluded<K>> {
        let vacancy = vacancy.clone().normalise();
        let mut out = Vec::new();
        self.walk_candidates(&vacancy, |slot, _| {
            if out.len() >= limit {
                return Walk::Stop;
            }
            let candidate = &self.candidates.profiles[slot as usize];
            if let (Err(exclusions), Some(key)) = (
                check(candidate, &vacancy, today, &self.settings.filters),
                self.candidates.keys[slot as usize],
            ) {
                out.push(Excluded { key, exclusions });
            }
            Walk::Continue
        });
        out.sort_by_key(|e| e.key);
        out
    }

    /// The best `k` vacancies for a candidate.
    pub fn vacancies_for(
        &self,
        candidate: &Candidate,
        k: usize,
        today: NaiveDate,
    ) -> Vec<Ranked<K>> {
        let candidate = candidate.clone().normalise();
        let touched = with_accumulator(self.vacancies.keys.len(), |acc, touched| {
            for skill in &candidate.skills {
                add_all(
                    acc,
                    touched,
                    self.vacancy_essential.get(skill.0 as usize),
                    ESSENTIAL_UNIT,
                );
                add_all(
                    acc,
                    touched,
                    self.vacancy_optional.get(skill.0 as usize),
                    OPTIONAL_UNIT,
                );
            }
            for occupation in &candidate.occupations {
                let list = self.vacancy_occupations.get(occupation.concept.0 as usize);
                mark_all(acc, touched, list, SAME_OCCUPATION);
            }
            for isco in isco_groups(&candidate) {
                mark_all(
                    acc,
                    touched,
                    self.vacancy_isco.get(usize::from(isco)),
                    SAME_ISCO_GROUP,
                );
            }
            touched.clone()
        });
        let mut ranked: Vec<Ranked<K>> = touched
            .into_iter()
            .filter_map(|slot| {
                let key = self.vacancies.keys[slot as usize]?;
                let vacancy = &self.vacancies.profiles[slot as usize];
                let admission = check(&candidate, vacancy, today, &self.settings.filters).ok()?;
                let explanation = explain(&candidate, vacancy, &self.settings.weights);
                Some(Ranked {
                    key,
                    admission,
                    explanation,
                })
            })
            .collect();
        ranked.sort_by(|a, b| {
            by_score_then_key(a.explanation.total, a.key, b.explanation.total, b.key)
        });
        ranked.truncate(k);
        ranked
    }

    /// Visits every candidate who shares a skill or the occupation with the vacancy, grouped
    /// by the upper bound of their score, highest first.
    fn walk_candidates(&self, vacancy: &Vacancy, mut visit: impl FnMut(u32, f32) -> Walk) {
        let essential = vacancy.essential_skills.len().min(MAX_SKILLS_PER_LIST);
        let optional = vacancy.optional_skills.len().min(MAX_SKILLS_PER_LIST);
        let buckets = with_accumulator(self.candidates.keys.len(), |acc, touched| {
            for skill in vacancy.essential_skills.iter().take(MAX_SKILLS_PER_LIST) {
                add_all(
                    acc,
                    touched,
                    self.candidate_skills.get(skill.0 as usize),
                    ESSENTIAL_UNIT,
                );
            }
            for skill in vacancy.optional_skills.iter().take(MAX_SKILLS_PER_LIST) {
                add_all(
                    acc,
                    touched,
                    self.candidate_skills.get(skill.0 as usize),
                    OPTIONAL_UNIT,
                );
            }
            if let Some(occupation) = vacancy.occupation {
                let list = self
                    .candidate_occupations
                    .get(occupation.concept.0 as usize);
                mark_all(acc, touched, list, SAME_OCCUPATION);
                if let Some(isco) = occupation.isco {
                    mark_all(
                        acc,
                        touched,
                        self.candidate_isco.get(usize::from(isco)),
                        SAME_ISCO_GROUP,
                    );
                }
            }
            bucket_by_accumulator(acc, touched, essential, optional)
        });
        let points = self.settings.weights.points();
        let mut order: Vec<(f32, &Vec<u32>)> = buckets
            .iter()
            .filter(|(_, slots)| !slots.is_empty())
            .map(|(value, slots)| (upper_bound(*value, essential, optional, &points), slots))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (bound, slots) in order {
            for &slot in slots {
                if visit(slot, bound) == Walk::Stop {
                    return;
                }
            }
        }
    }

    /// The same total as [`explain`] (same factors, same order of addition), without allocating.
    fn quick_score(&self, candidate: &Candidate, vacancy: &Vacancy) -> f32 {
        let points = self.settings.weights.points();
        let essential = count_shared(&vacancy.essential_skills, &candidate.skills);
        let optional = count_shared(&vacancy.optional_skills, &candidate.skills);
        let fits = [
            coverage(essential, vacancy.essential_skills.len()),
            coverage(optional, vacancy.optional_skills.len()),
            occupation_value(crate::score::occupation_fit(candidate, vacancy)),
            eqf_fit(candidate.eqf, vacancy.eqf),
            experience_fit(candidate.experience_years, vacancy.experience_years),
            salary_fit(candidate.desired_salary, vacancy.salary_max),
        ];
        fits.iter().zip(points).map(|(fit, max)| fit * max).sum()
    }

    /// Bytes held by the index (profiles, posting lists, key maps), for the benchmark.
    pub fn heap_bytes(&self) -> usize {
        let candidate_profiles: usize = self
            .candidates
            .profiles
            .iter()
            .map(|c| {
                std::mem::size_of::<Candidate>()
                    + c.skills.capacity() * 4
                    + c.occupations.capacity() * std::mem::size_of::<crate::profile::Occupation>()
                    + c.languages.capacity() * std::mem::size_of::<crate::language::LanguageLevel>()
            })
            .sum();
        let vacancy_profiles: usize = self
            .vacancies
            .profiles
            .iter()
            .map(|v| {
                std::mem::size_of::<Vacancy>()
                    + (v.essential_skills.capacity() + v.optional_skills.capacity()) * 4
                    + v.languages.capacity() * std::mem::size_of::<crate::language::LanguageLevel>()
            })
            .sum();
        let keys = (self.candidates.keys.capacity() + self.vacancies.keys.capacity())
            * std::mem::size_of::<Option<K>>()
            + (self.candidates.by_key.capacity() + self.vacancies.by_key.capacity())
                * (std::mem::size_of::<K>() + 4 + 1);
        candidate_profiles
            + vacancy_profiles
            + keys
            + [
                &self.candidate_skills,
                &self.candidate_occupations,
                &self.candidate_isco,
                &self.vacancy_essential,
                &self.vacancy_optional,
                &self.vacancy_occupations,
                &self.vacancy_isco,
            ]
            .iter()
            .map(|p| p.heap_bytes())
            .sum::<usize>()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    Continue,
    Stop,
}

fn isco_groups(candidate: &Candidate) -> impl Iterator<Item = u16> + '_ {
    let mut seen: Vec<u16> = candidate
        .occupations
        .iter()
        .filter_map(|o| o.isco)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.into_iter()
}

fn count_shared(wanted: &[Concept], has: &[Concept]) -> usize {
    wanted
        .iter()
        .filter(|s| has.binary_search(s).is_ok())
        .count()
}

fn with_accumulator<T>(size: usize, work: impl FnOnce(&mut [u32], &mut Vec<u32>) -> T) -> T {
    ACCUMULATOR.with(|cell| {
        let mut acc = cell.borrow_mut();
        if acc.len() < size {
            acc.resize(size, 0);
        }
        let mut touched = Vec::new();
        let out = work(&mut acc[..size], &mut touched);
        for slot in touched {
            acc[slot as usize] = 0;
        }
        out
    })
}

fn add_all(acc: &mut [u32], touched: &mut Vec<u32>, slots: &[u32], unit: u32) {
    for &slot in slots {
        let value = &mut acc[slot as usize];
        if *value == 0 {
            touched.push(slot);
        }
        *value += unit;
    }
}

fn mark_all(acc: &mut [u32], touched: &mut Vec<u32>, slots: &[u32], bit: u32) {
    for &slot in slots {
        let value = &mut acc[slot as usize];
        if *value == 0 {
            touched.push(slot);
        }
        *value |= bit;
    }
}

/// Groups the touched slots by accumulator value (a counting sort: the values are few).
fn bucket_by_accumulator(
    acc: &[u32],
    touched: &[u32],
    essential: usize,
    optional: usize,
) -> Vec<(u32, Vec<u32>)> {
    let bucket_of = |value: u32| -> usize {
        let e = (value >> 16) as usize;
        let o = ((value >> 8) & 0xff) as usize;
        let occ = (value & 3) as usize;
        (e * (optional + 1) + o) * 4 + occ
    };
    let count = (essential + 1) * (optional + 1) * 4;
    let mut buckets: Vec<(u32, Vec<u32>)> = (0..count)
        .map(|b| {
            let occ = (b % 4) as u32;
            let o = ((b / 4) % (optional + 1)) as u32;
            let e = ((b / 4) / (optional + 1)) as u32;
            (e * ESSENTIAL_UNIT + o * OPTIONAL_UNIT + occ, Vec::new())
        })
        .collect();
    for &slot in touched {
        buckets[bucket_of(acc[slot as usize])].1.push(slot);
    }
    buckets
}

/// The highest total a candidate with this accumulator value can reach: skill and
/// occupation points exactly, full points for EQF, experience and salary. Summed in the
/// same order as the exact score, so it is never below it.
fn upper_bound(value: u32, essential: usize, optional: usize, points: &[f32; 6]) -> f32 {
    let e = (value >> 16) as usize;
    let o = ((value >> 8) & 0xff) as usize;
    let occupation = if value & SAME_OCCUPATION != 0 {
        1.0
    } else if value & SAME_ISCO_GROUP != 0 {
        0.5
    } else {
        0.0
    };
    let fits = [
        coverage(e, essential),
        coverage(o, optional),
        occupation,
        1.0,
        1.0,
        1.0,
    ];
    fits.iter().zip(points).map(|(fit, max)| fit * max).sum()
}

fn by_score_then_key<K: Ord>(a_score: f32, a_key: K, b_score: f32, b_key: K) -> Ordering {
    b_score.total_cmp(&a_score).then(a_key.cmp(&b_key))
}

/// The best k seen so far: a min-heap whose top is the entry to drop next.
struct TopK<K> {
    k: usize,
    heap: BinaryHeap<Entry<K>>,
}

struct Entry<K> {
    score: f32,
    key: K,
    slot: u32,
}

impl<K: Ord> PartialEq for Entry<K> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl<K: Ord> Eq for Entry<K> {}
impl<K: Ord> PartialOrd for Entry<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<K: Ord> Ord for Entry<K> {
    /// "Greater" means worse, so the heap's top is the worst kept entry.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| self.key.cmp(&other.key))
    }
}

impl<K: Copy + Ord> TopK<K> {
    fn new(k: usize) -> Self {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    fn is_full(&self) -> bool {
        self.k == 0 || self.heap.len() >= self.k
    }

    /// The score to beat once full.
    fn floor(&self) -> f32 {
        self.heap.peek().map_or(f32::NEG_INFINITY, |e| e.score)
    }

    fn offer(&mut self, score: f32, key: K, slot: u32) {
        if self.k == 0 {
            return;
        }
        let entry = Entry { score, key, slot };
        if self.heap.len() < self.k {
            self.heap.push(entry);
        } else if let Some(worst) = self.heap.peek()
            && entry < *worst
        {
            self.heap.pop();
            self.heap.push(entry);
        }
    }

    fn into_sorted(self) -> Vec<(K, u32)> {
        let mut entries = self.heap.into_vec();
        entries.sort();
        entries.into_iter().map(|e| (e.key, e.slot)).collect()
    }
}
